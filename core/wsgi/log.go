package wsgi

import (
	"sync"

	"github.com/hashicorp/go-hclog"
)

// requestLog is the logger that names one request in its lines. It is made
// on first use: most requests log nothing, and deriving a logger costs
// several allocations on every request that would.
type requestLog struct {
	base hclog.Logger
	id   string
	once sync.Once
	log  hclog.Logger
}

func newRequestLog(base hclog.Logger, id string) *requestLog {
	if base == nil {
		base = hclog.NewNullLogger()
	}
	return &requestLog{base: base, id: id}
}

// get returns the request's logger. wsgi.errors may write from the
// application's goroutine while the gateway logs from its own.
func (l *requestLog) get() hclog.Logger {
	l.once.Do(func() { l.log = l.base.With("request_id", l.id) })
	return l.log
}
