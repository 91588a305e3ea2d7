package wsgi

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// inputBufferSize is the read-ahead of wsgi.input: large enough for
// line-oriented reads, small enough that memory per request stays flat.
const inputBufferSize = 32 << 10

// Input is wsgi.input over a host's body stream. It never reads past the
// declared length, so a keep-alive connection's next request is left intact,
// and it holds at most one buffer of the body at a time. The buffer is made
// on the first read: most requests have no body, and allocating one for
// each would be most of a hello-world request's garbage.
type Input struct {
	body   io.Reader
	size   int // buffer size to make
	reader *bufio.Reader
	err    error // first failure of the host's stream, kept for the status
}

// NewInput wraps body; length is the declared size or -1 when the body ends
// by its own framing (chunked).
func NewInput(body io.Reader, length int64) *Input {
	if body == nil || length == 0 {
		return &Input{body: bytes.NewReader(nil), size: 16}
	}
	size := inputBufferSize
	if length >= 0 {
		body = io.LimitReader(body, length)
		size = int(min(length, inputBufferSize))
	}
	return &Input{body: body, size: max(size, 16)}
}

// r is the buffered body, made on first use.
func (in *Input) r() *bufio.Reader {
	if in.reader == nil {
		in.reader = bufio.NewReaderSize(in.body, in.size)
	}
	return in.reader
}

// Err is the first error the host's stream returned, other than its end.
func (in *Input) Err() error { return in.err }

func (in *Input) fail(err error) error {
	if in.err == nil {
		in.err = err
	}
	return fmt.Errorf("reading request body: %w", err)
}

// Read returns up to n bytes, fewer only at the end of the body; n < 0 reads
// to the end.
func (in *Input) Read(n int) ([]byte, error) {
	if n < 0 {
		return in.readAll()
	}
	if n == 0 {
		return []byte{}, nil
	}
	// Grow as data arrives so read(10**9) on a small body stays small.
	buf := make([]byte, 0, min(n, inputBufferSize))
	for len(buf) < n {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := in.r().Read(buf[len(buf):min(n, cap(buf))])
		buf = buf[:len(buf)+m]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, in.fail(err)
		}
	}
	return buf, nil
}

func (in *Input) readAll() ([]byte, error) {
	data, err := io.ReadAll(in.r())
	if err != nil {
		return nil, in.fail(err)
	}
	return data, nil
}

// ReadLine returns the next line with its newline, at most limit bytes when
// limit >= 0; an empty result means the end of the body.
func (in *Input) ReadLine(limit int) ([]byte, error) {
	var line []byte
	for limit < 0 || len(line) < limit {
		if in.r().Buffered() == 0 {
			if _, err := in.r().Peek(1); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				return nil, in.fail(err)
			}
		}
		// Look only at what is buffered, so nothing is read past the line.
		span, _ := in.r().Peek(in.r().Buffered())
		if limit >= 0 && len(span) > limit-len(line) {
			span = span[:limit-len(line)]
		}
		if i := bytes.IndexByte(span, '\n'); i >= 0 {
			span = span[:i+1]
		}
		line = append(line, span...)
		_, _ = in.r().Discard(len(span))
		if line[len(line)-1] == '\n' {
			break
		}
	}
	if line == nil {
		line = []byte{}
	}
	return line, nil
}

// ReadLines returns the remaining lines, stopping once their total size
// reaches hint when hint > 0.
func (in *Input) ReadLines(hint int) ([][]byte, error) {
	var lines [][]byte
	total := 0
	for {
		line, err := in.ReadLine(-1)
		if err != nil {
			return nil, err
		}
		if len(line) == 0 {
			return lines, nil
		}
		lines = append(lines, line)
		total += len(line)
		if hint > 0 && total >= hint {
			return lines, nil
		}
	}
}

// GetValue returns the unread rest of the body.
func (in *Input) GetValue() ([]byte, error) { return in.readAll() }
