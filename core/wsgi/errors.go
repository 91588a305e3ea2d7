package wsgi

import "strings"

// maxErrorLine bounds a line held back while waiting for its newline, so an
// app writing without newlines cannot grow memory without limit.
const maxErrorLine = 16 << 10

// ErrorStream is wsgi.errors: each line the app writes becomes one log entry
// at error level, tagged with the app and the request id by the logger.
type ErrorStream struct {
	log     *requestLog
	pending strings.Builder
}

func newErrorStream(log *requestLog) *ErrorStream {
	return &ErrorStream{log: log}
}

// Write buffers s and logs every complete line.
func (e *ErrorStream) Write(s string) {
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			e.pending.WriteString(s)
			if e.pending.Len() >= maxErrorLine {
				e.Flush()
			}
			return
		}
		e.pending.WriteString(s[:i])
		e.emit()
		s = s[i+1:]
	}
}

// Flush logs a partial line, if any.
func (e *ErrorStream) Flush() {
	if e.pending.Len() > 0 {
		e.emit()
	}
}

func (e *ErrorStream) emit() {
	e.log.get().Error("wsgi.errors", "message", e.pending.String())
	e.pending.Reset()
}
