package server

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync/atomic"
)

// requestIDs makes short ids unique across restarts: a random prefix per
// server, then a counter ("3fa9c1d2-1k").
type requestIDs struct {
	prefix string
	count  atomic.Uint64
}

func newRequestIDs() *requestIDs {
	b := make([]byte, 4)
	// crypto/rand.Read never fails on Linux; a zero prefix would still
	// leave ids unique within this process.
	_, _ = rand.Read(b)
	return &requestIDs{prefix: hex.EncodeToString(b)}
}

func (ids *requestIDs) next() string {
	return ids.prefix + "-" + strconv.FormatUint(ids.count.Add(1), 36)
}
