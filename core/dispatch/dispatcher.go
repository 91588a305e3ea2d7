// Package dispatch maps request paths to WSGI apps and keeps those apps
// loaded and current. Hosts hand it requests; it hands them, with their
// SCRIPT_NAME/PATH_INFO split, to the gateway in core/wsgi.
package dispatch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/wsgi"
	"github.com/hashicorp/go-hclog"
)

// Dispatcher serves the mounts of one configuration. A host swaps in a new
// Dispatcher to apply a new configuration and closes the old one.
type Dispatcher struct {
	log    hclog.Logger
	routes *routes
	opts   options

	mu       sync.RWMutex
	closed   bool
	inflight sync.WaitGroup
}

type options struct {
	multiprocess bool
	scriptCheck  time.Duration
}

// DefaultScriptCheck is how long a reloading mount trusts its last look at
// a script, as nginx's open_file_cache_valid does for files: a stat on
// every request is a path lookup in the kernel, a twentieth of a small
// request's cost, for edits a person makes seconds apart.
const DefaultScriptCheck = time.Second

// Option tunes a Dispatcher for its host.
type Option func(*options)

// Multiprocess tells apps (wsgi.multiprocess) that other processes serve
// the same mounts, as nginx workers and Apache children do.
func Multiprocess(on bool) Option {
	return func(o *options) { o.multiprocess = on }
}

// ScriptCheck sets how long after looking at a script reloading mounts
// look again (DefaultScriptCheck unless set); zero looks on every request.
func ScriptCheck(every time.Duration) Option {
	return func(o *options) { o.scriptCheck = max(every, 0) }
}

// New builds a Dispatcher for cfg, making the engines its mounts name. Apps
// load on first request unless Preload is called.
func New(cfg *config.Config, log hclog.Logger, opts ...Option) (*Dispatcher, error) {
	if log == nil {
		log = hclog.NewNullLogger()
	}
	d := &Dispatcher{log: log, opts: options{scriptCheck: DefaultScriptCheck}}
	for _, o := range opts {
		o(&d.opts)
	}
	engines := map[string]engine.Engine{}
	var errs []error
	for _, m := range cfg.Mounts {
		if _, ok := engines[m.Engine]; ok {
			continue
		}
		eng, err := engine.New(m.Engine, log.Named("engine"))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: WSGIEngine %s: %w", m.Where, m.Engine, err))
			continue
		}
		engines[m.Engine] = eng
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	d.routes = newRoutes(cfg.Mounts, func(m config.Mount) *appSet {
		return &appSet{
			mount:       m,
			eng:         engines[m.Engine],
			log:         log.Named("app").With("mount", mountName(m)),
			scriptCheck: d.opts.scriptCheck,
			slots:       map[string]*slot{},
		}
	})
	return d, nil
}

func mountName(m config.Mount) string {
	if m.Match != nil {
		return m.Match.String()
	}
	return m.URI
}

// Handles reports whether a mount serves path (as sent, percent-encoded).
func (d *Dispatcher) Handles(path string) bool {
	decoded, err := url.PathUnescape(path)
	if err != nil {
		return false
	}
	_, _, _, _, ok := d.routes.match(decoded)
	return ok
}

// Serve answers one request. It never panics.
func (d *Dispatcher) Serve(ctx context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
	if !d.enter() {
		return respond(w, http.StatusServiceUnavailable)
	}
	defer d.inflight.Done()

	// PATH_INFO is the decoded path, as in CGI; a malformed escape has no
	// decoding to give the app.
	path, err := url.PathUnescape(req.Path)
	if err != nil {
		return respond(w, http.StatusBadRequest)
	}
	r, script, scriptName, pathInfo, ok := d.routes.match(path)
	if !ok {
		return respond(w, http.StatusNotFound)
	}
	inst, err := r.apps.slot(script).acquire()
	if err != nil {
		if r.mount.Match != nil && errors.Is(err, errScriptMissing) {
			return respond(w, http.StatusNotFound)
		}
		out := respond(w, http.StatusInternalServerError)
		out.Err = err
		return out
	}
	defer inst.release()
	return wsgi.Serve(ctx, inst.app, req, scriptName, pathInfo, w, wsgi.Options{
		EnvironOptions: wsgi.EnvironOptions{PassAuthorization: r.mount.PassAuthorization},
		Multithread:    r.mount.Threads > 1,
		Multiprocess:   d.opts.multiprocess,
		Log:            r.apps.log,
	})
}

func (d *Dispatcher) enter() bool {
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.closed {
		return false
	}
	d.inflight.Add(1)
	return true
}

// Preload loads every app of a prefix mount now instead of on its first
// request. It returns every failure, each naming the script's FILE:LINE.
func (d *Dispatcher) Preload() error {
	var errs []error
	for _, r := range d.routes.prefix {
		inst, err := r.apps.slot(r.mount.Script).acquire()
		if err != nil {
			errs = append(errs, mountError(r.mount, err))
			continue
		}
		inst.release()
	}
	return errors.Join(errs...)
}

// Check compiles every script the configuration names and finds its
// callable, without keeping anything loaded. Regex mounts whose script path
// depends on the request cannot be checked ahead and are skipped.
func (d *Dispatcher) Check() error {
	var errs []error
	for _, r := range append(append([]*route{}, d.routes.regex...), d.routes.prefix...) {
		m := r.mount
		if m.Match != nil && m.Match.NumSubexp() > 0 {
			continue
		}
		app, err := r.apps.eng.Load(specFor(m, m.Script, r.apps.log))
		if err != nil {
			errs = append(errs, mountError(m, err))
			continue
		}
		if err := app.Close(); err != nil {
			errs = append(errs, mountError(m, err))
		}
	}
	return errors.Join(errs...)
}

// mountError puts the script's own FILE:LINE first, where a script error
// has one, and the directive's place after.
func mountError(m config.Mount, err error) error {
	var se *engine.ScriptError
	if errors.As(err, &se) {
		return fmt.Errorf("%w (mounted at %s)", se, m.Where)
	}
	return fmt.Errorf("%s: %s: %w", m.Where, m.Script, err)
}

// Close stops taking requests, waits for those in flight (until ctx ends)
// and closes every app.
func (d *Dispatcher) Close(ctx context.Context) error {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()

	done := make(chan struct{})
	go func() {
		d.inflight.Wait()
		close(done)
	}()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = fmt.Errorf("closing with requests still running: %w", ctx.Err())
	}
	for _, r := range append(append([]*route{}, d.routes.regex...), d.routes.prefix...) {
		for _, sl := range r.apps.all() {
			sl.close()
		}
	}
	return err
}

// respond sends the dispatcher's own status page.
func respond(w wsgi.ResponseWriter, code int) wsgi.Outcome {
	return wsgi.WriteStatusPage(w, code, true)
}
