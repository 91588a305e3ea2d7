package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/config"
)

// Options tune a Server. The zero value serves with no timeouts and no
// body limit, building dispatchers without preloading.
type Options struct {
	Logger hclog.Logger
	// Build makes the handler for each configuration; nil means
	// DispatcherBuilder(Preload).
	Build   Builder
	Preload bool
	// MaxBodySize caps request bodies in bytes; 0 means no cap.
	MaxBodySize int64
	// ReadHeaderTimeout and ReadTimeout bound reading the request (the
	// latter includes the body); IdleTimeout bounds a keep-alive wait.
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	IdleTimeout       time.Duration
	// WriteTimeout bounds each write to the client, not the whole
	// response, so long streams to a reading client are never cut.
	WriteTimeout time.Duration
}

// Server is the standalone host. It serves one configuration at a time and
// swaps configurations without dropping a connection.
type Server struct {
	log          hclog.Logger
	accessLog    hclog.Logger
	build        Builder
	maxBody      int64
	writeTimeout time.Duration
	ids          *requestIDs
	notify       notifier
	http         *http.Server

	current atomic.Pointer[site]

	// baseCtx is every request's parent; it is cancelled when shutdown
	// stops waiting, so running apps stop at their next step.
	baseCtx    context.Context
	cancelBase context.CancelFunc

	// mu serializes Serve's start, Reload and Shutdown.
	mu           sync.Mutex
	closing      bool
	stopWatchdog func()
	// retiring counts previous configurations still draining.
	retiring sync.WaitGroup
}

// ErrClosed is returned by Reload once Shutdown has begun.
var ErrClosed = errors.New("server is shutting down")

// New builds the handler for cfg. Build errors are returned as they are:
// they are the FILE:LINE lines operators act on.
func New(cfg *config.Config, opts Options) (*Server, error) {
	log := opts.Logger
	if log == nil {
		log = hclog.NewNullLogger()
	}
	build := opts.Build
	if build == nil {
		build = DispatcherBuilder(opts.Preload)
	}
	handler, err := build(cfg, log)
	if err != nil {
		return nil, err
	}
	baseCtx, cancel := context.WithCancel(context.Background())
	s := &Server{
		log:          log,
		accessLog:    log.Named("access"),
		build:        build,
		maxBody:      opts.MaxBodySize,
		writeTimeout: opts.WriteTimeout,
		ids:          newRequestIDs(),
		notify:       notifier{log: log},
		baseCtx:      baseCtx,
		cancelBase:   cancel,
	}
	s.current.Store(newSite(handler, cfg))
	s.http = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: opts.ReadHeaderTimeout,
		ReadTimeout:       opts.ReadTimeout,
		IdleTimeout:       opts.IdleTimeout,
		ErrorLog:          log.Named("http").StandardLogger(&hclog.StandardLoggerOptions{ForceLevel: hclog.Warn}),
		BaseContext:       func(net.Listener) context.Context { return baseCtx },
	}
	return s, nil
}

// Serve accepts connections on every listener until Shutdown. It reports
// readiness to systemd once all of them are being served, and returns the
// first listener failure, or nil after Shutdown.
func (s *Server) Serve(listeners []net.Listener) error {
	if len(listeners) == 0 {
		return errors.New("serve: no listeners")
	}
	errc := make(chan error, len(listeners))
	for _, l := range listeners {
		go func() {
			err := s.http.Serve(l)
			if errors.Is(err, http.ErrServerClosed) {
				errc <- nil
				return
			}
			errc <- fmt.Errorf("serve %s: %w", l.Addr(), err)
		}()
	}
	s.started(listeners)
	for range listeners {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// started tells systemd the server is ready and starts the watchdog, unless
// shutdown has already begun.
func (s *Server) started(listeners []net.Listener) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing || s.stopWatchdog != nil {
		return
	}
	addrs := make([]string, 0, len(listeners))
	for _, l := range listeners {
		addrs = append(addrs, l.Addr().String())
	}
	s.notify.ready("serving on " + strings.Join(addrs, ", "))
	s.stopWatchdog = s.notify.startWatchdog()
}

// Reload builds a handler for cfg and swaps it in. Requests already running
// finish on the previous configuration, which is closed once they are done.
// If cfg fails to build, the previous configuration stays in service and
// the error (FILE:LINE lines) is returned.
func (s *Server) Reload(cfg *config.Config) error {
	return s.ReloadWith(func() (*config.Config, error) { return cfg, nil })
}

// ReloadWith is Reload for a configuration still to be read: systemd hears
// RELOADING=1 before load runs and READY=1 after, whether it succeeds or not.
func (s *Server) ReloadWith(load func() (*config.Config, error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return ErrClosed
	}
	s.notify.reloading()
	handler, cfg, err := s.buildFrom(load)
	if err != nil {
		s.notify.ready("reload failed; serving the previous configuration")
		return err
	}
	previous := s.current.Swap(newSite(handler, cfg))
	s.retiring.Add(1)
	go func() {
		defer s.retiring.Done()
		if err := previous.close(s.baseCtx); err != nil {
			s.log.Error("closing the previous configuration", "error", err)
			return
		}
		s.log.Debug("previous configuration closed")
	}()
	s.notify.ready("configuration reloaded")
	return nil
}

func (s *Server) buildFrom(load func() (*config.Config, error)) (Handler, *config.Config, error) {
	cfg, err := load()
	if err != nil {
		return nil, nil, err
	}
	handler, err := s.build(cfg, s.log)
	if err != nil {
		return nil, nil, err
	}
	return handler, cfg, nil
}

// Shutdown stops accepting, lets in-flight requests finish (bounded by
// ctx), then closes the apps. When ctx ends first, connections are closed
// and running apps are cancelled.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		return ErrClosed
	}
	s.closing = true
	stopWatchdog := s.stopWatchdog
	s.mu.Unlock()
	// The watchdog keeps pinging while requests drain.
	if stopWatchdog != nil {
		defer stopWatchdog()
	}
	defer s.cancelBase()

	s.notify.stopping()
	var errs []error
	if err := s.http.Shutdown(ctx); err != nil {
		s.log.Warn("shutdown timeout reached; closing remaining connections", "error", err)
		s.cancelBase()
		errs = append(errs, fmt.Errorf("drain requests: %w", err), s.http.Close())
	}
	errs = append(errs, s.current.Load().close(ctx))
	s.retiring.Wait()
	return errors.Join(errs...)
}

// acquire returns the configuration in service, counted in, or nil once
// shutdown has retired it.
func (s *Server) acquire() *site {
	for {
		st := s.current.Load()
		if st.acquire() {
			return st
		}
		if s.current.Load() == st {
			return nil
		}
	}
}
