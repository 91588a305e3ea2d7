package tests

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// patternReader yields n deterministic pseudo-random bytes and hashes what
// it hands out, so a 50 MB upload never sits in the test's memory.
type patternReader struct {
	rng  *rand.ChaCha8
	left int64
	sum  hash.Hash
}

func newPatternReader(seed byte, n int64) *patternReader {
	var s [32]byte
	s[0] = seed
	return &patternReader{rng: rand.NewChaCha8(s), left: n, sum: sha256.New()}
}

func (r *patternReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n, _ := r.rng.Read(p)
	r.left -= int64(n)
	r.sum.Write(p[:n])
	return n, nil
}

// onlyReader hides everything but Read, so net/http cannot learn the size
// and must send the body chunked.
type onlyReader struct{ io.Reader }

// TestLargeUploadEchoBoundedMemory posts 50 MB with Content-Length and
// chunked; the app spools wsgi.input to a file in 64 KiB reads and streams
// it back. The echo must be byte-exact and the server's peak RSS must grow
// far less than the body size.
//
// The peak also depends on how promptly the garbage collector runs, which
// CPU contention delays: the test does not run in parallel with others, and
// the server runs with GOGC=50 so the collector's slack stays well under
// the limit (a server holding the body keeps 50 MB live, which no GOGC
// setting hides). gctrace lets a failure tell live heap from slack.
func TestLargeUploadEchoBoundedMemory(t *testing.T) {
	const (
		size      = 50 << 20
		maxGrowth = 40 << 20
	)
	s := startServerEnv(t, []string{"GODEBUG=gctrace=1", "GOGC=50"}, app("input.py"))
	dir := t.TempDir()

	// Warm up so the baseline includes a loaded app and a served request.
	status, _, body := s.do(http.MethodPost, "/?op=spool&path="+queryPath(t, filepath.Join(dir, "warm.bin")), bytes.NewReader([]byte("warm-up")), nil)
	if status != http.StatusOK || string(body) != "warm-up" {
		t.Fatalf("warm-up echo = %d %q", status, clip(body))
	}
	baseline := s.vmHWM()

	cases := []struct {
		name    string
		chunked bool
		seed    byte
	}{
		{"content-length", false, 1},
		{"chunked", true, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := newPatternReader(tc.seed, size)
			var reqBody io.Reader = src
			if tc.chunked {
				reqBody = onlyReader{src}
			}
			spool := queryPath(t, filepath.Join(dir, tc.name+".bin"))
			req, err := http.NewRequest(http.MethodPost, s.url("/?op=spool&path="+spool), reqBody)
			if err != nil {
				t.Fatal(err)
			}
			if tc.chunked {
				req.ContentLength = -1
			} else {
				req.ContentLength = size
			}
			resp, err := s.client.Do(req)
			if err != nil {
				t.Fatalf("upload: %v", err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b, _ := io.ReadAll(resp.Body)
				t.Fatalf("status = %d: %q", resp.StatusCode, clip(b))
			}
			echo := sha256.New()
			n, err := io.Copy(echo, resp.Body)
			if err != nil {
				t.Fatalf("reading the echo after %d bytes: %v", n, err)
			}
			if n != size {
				t.Errorf("echo has %d bytes, want %d", n, size)
			}
			if got, want := echo.Sum(nil), src.sum.Sum(nil); !bytes.Equal(got, want) {
				t.Errorf("echo sha256 %s, sent %s", hex.EncodeToString(got), hex.EncodeToString(want))
			}
			peak := s.vmHWM()
			heap, live := gcPeaks(s.stderr.String())
			t.Logf("VmHWM baseline %d MiB, after %s upload %d MiB; GC trace peaks: heap %d MB, live %d MB",
				baseline>>20, tc.name, peak>>20, heap, live)
			if growth := peak - baseline; growth > maxGrowth {
				t.Errorf("peak RSS grew by %d MiB for a %d MiB body (limit %d MiB); GC trace peaks: heap %d MB, live heap %d MB",
					growth>>20, size>>20, maxGrowth>>20, heap, live)
			}
		})
	}
}

// gcTraceRE matches the heap sizes of a gctrace line: "A->B->C MB".
var gcTraceRE = regexp.MustCompile(`(?m)^gc \d+ .* (\d+)->(\d+)->(\d+) MB`)

// gcPeaks returns the largest heap size and the largest live heap (in MB)
// reported by GODEBUG=gctrace=1 lines in log.
func gcPeaks(log string) (heap, live int) {
	for _, m := range gcTraceRE.FindAllStringSubmatch(log, -1) {
		for _, v := range m[1:3] {
			if n, _ := strconv.Atoi(v); n > heap {
				heap = n
			}
		}
		if n, _ := strconv.Atoi(m[3]); n > live {
			live = n
		}
	}
	return heap, live
}
