package wsgi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

// Options are the per-app settings of the gateway.
type Options struct {
	EnvironOptions
	// Multithread and Multiprocess describe the host to the app
	// (wsgi.multithread, wsgi.multiprocess).
	Multithread, Multiprocess bool
	// Log is the app's logger; the gateway adds the request id.
	Log hclog.Logger
}

// Serve runs one request through app and streams the response to w. It
// never panics; the Outcome says what reached the client.
func Serve(ctx context.Context, app engine.App, req *Request, scriptName, pathInfo string, w ResponseWriter, opts Options) (out Outcome) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	log := newRequestLog(opts.Log, req.ID)
	g := &gateway{w: w, log: log, cancel: cancel, length: -1, bodyless: req.Method == http.MethodHead}
	input := NewInput(req.Body, req.ContentLength)
	errs := newErrorStream(log)
	defer errs.Flush()
	defer func() {
		if r := recover(); r != nil {
			out = g.fail(fmt.Errorf("internal error: %v", r), input)
		}
	}()

	scheme := "http"
	if req.TLS {
		scheme = "https"
	}
	call := &engine.Request{
		Environ:         BuildEnviron(req, scriptName, pathInfo, opts.EnvironOptions),
		URLScheme:       scheme,
		Multithread:     opts.Multithread,
		Multiprocess:    opts.Multiprocess,
		InputTerminated: true, // Input always ends at the body's end
		Input:           input,
		Errors:          errs,
		StartResponse:   g.startResponse,
		Write:           g.write,
	}
	result, err := app.Call(ctx, call)
	if err != nil {
		return g.fail(err, input)
	}
	defer func() {
		if err := result.Close(); err != nil {
			logAppError(log.get(), "close() of the response failed", err)
		}
	}()
	if err := g.stream(result); err != nil {
		return g.fail(err, input)
	}
	if err := g.finish(); err != nil {
		return g.fail(err, input)
	}
	return Outcome{Status: g.status, Bytes: g.sent}
}

// gateway is the response state of one request: what start_response set,
// what reached the client.
type gateway struct {
	w        ResponseWriter
	log      *requestLog
	cancel   context.CancelFunc
	bodyless bool // HEAD, or a status that carries no body

	status      int
	reason      string
	headers     []engine.Header
	length      int64 // declared Content-Length, -1 when none
	headersSet  bool
	headersSent bool
	sent        int64
	overflowed  bool

	// misuse is a start_response or write() violation: the response is
	// a 500 whatever the app does afterwards.
	misuse error
	// clientErr is the host's write failure: the client has gone.
	clientErr error
}

var (
	errNoStartResponse  = errors.New("the application returned without calling start_response")
	errWriteBeforeStart = errors.New("write() called before start_response")
	errShortBody        = errors.New("the application sent fewer bytes than its Content-Length")
)

func (g *gateway) startResponse(status string, headers []engine.Header, excInfo bool) error {
	if excInfo && g.headersSent {
		return engine.ErrReraise
	}
	if g.headersSet && !excInfo {
		return g.reject(errors.New("start_response called a second time without exc_info"))
	}
	code, reason, err := ParseStatus(status)
	if err != nil {
		return g.reject(err)
	}
	valid, dropped, err := ValidateHeaders(headers)
	if err != nil {
		return g.reject(err)
	}
	length, err := contentLength(valid)
	if err != nil {
		return g.reject(err)
	}
	if len(dropped) > 0 {
		g.log.get().Warn("dropped hop-by-hop response headers, which the server owns", "headers", dropped)
	}
	g.status, g.reason, g.headers, g.length = code, reason, valid, length
	g.headersSet = true
	// An exc_info call replaces an earlier misuse: the app handled it.
	g.misuse = nil
	return nil
}

func (g *gateway) reject(err error) error {
	err = fmt.Errorf("start_response: %w", err)
	g.misuse = err
	return err
}

func (g *gateway) write(p []byte) error {
	if !g.headersSet {
		g.misuse = errWriteBeforeStart
		return errWriteBeforeStart
	}
	return g.send(p, true)
}

// stream sends every chunk of the result.
func (g *gateway) stream(result engine.Result) error {
	flush := true
	if p, ok := result.(engine.Precomputed); ok && p.Precomputed() {
		flush = false
	}
	for {
		chunk, err := result.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := g.send(chunk, flush); err != nil {
			return err
		}
	}
}

// send writes one chunk. Headers go out with the first non-empty chunk, and
// never more than the declared Content-Length.
func (g *gateway) send(p []byte, flush bool) error {
	if g.misuse != nil {
		return g.misuse
	}
	if !g.headersSet {
		return errors.New("the application yielded body data before calling start_response")
	}
	if len(p) == 0 {
		return nil
	}
	if err := g.sendHeaders(); err != nil {
		return err
	}
	if g.length >= 0 && int64(len(p)) > g.length-g.sent {
		if !g.overflowed {
			g.overflowed = true
			g.log.get().Warn("response body longer than its Content-Length: extra bytes dropped", "content_length", g.length)
		}
		p = p[:g.length-g.sent]
		if len(p) == 0 {
			return nil
		}
	}
	if g.bodyless {
		return nil
	}
	n, err := g.w.Write(p)
	g.sent += int64(n)
	if err == nil && flush {
		err = g.w.Flush()
	}
	if err != nil {
		// Stop the app at its next Python call; close() still runs.
		g.clientErr = err
		g.cancel()
		return fmt.Errorf("client gone: %w", err)
	}
	return nil
}

func (g *gateway) sendHeaders() error {
	if g.headersSent {
		return nil
	}
	if noBodyStatus(g.status) {
		g.bodyless = true
	}
	g.headersSent = true
	if err := g.w.WriteHeader(g.status, g.reason, g.headers); err != nil {
		g.clientErr = err
		g.cancel()
		return fmt.Errorf("client gone: %w", err)
	}
	return nil
}

// finish completes a response whose iteration ended normally.
func (g *gateway) finish() error {
	if g.misuse != nil {
		return g.misuse
	}
	if !g.headersSet {
		return errNoStartResponse
	}
	if err := g.sendHeaders(); err != nil {
		return err
	}
	if g.length >= 0 && g.sent < g.length && !g.bodyless {
		return errShortBody
	}
	return nil
}

// fail ends a request that went wrong: an error page while nothing has been
// sent, a cut connection after.
func (g *gateway) fail(err error, input *Input) Outcome {
	switch {
	case g.clientErr != nil:
		g.log.get().Debug("client went away", "error", g.clientErr)
		return Outcome{Status: g.status, Bytes: g.sent, Abort: true, Err: err}
	case errors.Is(err, errShortBody):
		g.log.get().Error("response truncated", "error", err, "content_length", g.length, "sent", g.sent)
		return Outcome{Status: g.status, Bytes: g.sent, Abort: true, Err: err}
	}
	status := http.StatusInternalServerError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(input.Err(), &tooLarge):
		status = http.StatusRequestEntityTooLarge
		g.log.get().Warn("request body over the size limit", "limit", tooLarge.Limit)
	case errors.Is(err, engine.ErrTimeout):
		status = http.StatusGatewayTimeout
		g.log.get().Error("request timed out", "error", err)
	case errors.Is(err, context.Canceled):
		g.log.get().Debug("request cancelled", "error", err)
	default:
		logAppError(g.log.get(), "application error", err)
	}
	if g.headersSent {
		return Outcome{Status: g.status, Bytes: g.sent, Abort: true, Err: err}
	}
	g.headersSent = true
	page := WriteStatusPage(g.w, status, !g.bodyless)
	page.Err = err
	return page
}

func noBodyStatus(code int) bool {
	return (code >= 100 && code < 200) || code == http.StatusNoContent || code == http.StatusNotModified
}

// logAppError logs a Python failure with its place and traceback.
func logAppError(log hclog.Logger, msg string, err error) {
	var se *engine.ScriptError
	if errors.As(err, &se) {
		log.Error(msg, "at", fmt.Sprintf("%s:%d", se.File, se.Line), "error", se.Message, "traceback", se.Traceback)
		return
	}
	log.Error(msg, "error", err)
}
