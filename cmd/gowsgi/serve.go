package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/server"
)

const serveUsage = `usage: gowsgi serve [flags] [MOUNT=]SCRIPT[:CALLABLE]...

Serves WSGI applications over HTTP. Each argument mounts a script: MOUNT
defaults to "/", CALLABLE to "application". With --config, the file's
mounts and the arguments' are served together.

Signals: SIGTERM or SIGINT drain in-flight requests and exit; SIGHUP reads
the config file and the arguments again and swaps the new configuration in
without dropping connections (and reopens --log-file).

Under systemd, sockets passed by socket activation replace --listen, and
readiness, reloads and watchdog pings are reported through sd_notify.

flags:
`

// serveFlags are the flags of `gowsgi serve`.
type serveFlags struct {
	configFlags
	log               logFlags
	preload           bool
	maxBody           byteSize
	readHeaderTimeout time.Duration
	readTimeout       time.Duration
	idleTimeout       time.Duration
	writeTimeout      time.Duration
	shutdownTimeout   time.Duration
}

func (f *serveFlags) register(fs *flag.FlagSet) {
	f.configFlags.register(fs)
	fs.Var(&f.listen, "listen", "listen on `ADDR` (host:port, :port or port); repeatable (default "+config.DefaultListen+")")
	fs.StringVar(&f.log.format, "log-format", "text", "log `FORMAT`: text or json")
	fs.StringVar(&f.log.file, "log-file", "", "append logs to `PATH` instead of stderr")
	fs.StringVar(&f.log.level, "log-level", "info", "least severe `LEVEL` logged: trace, debug, info, warn or error")
	fs.BoolVar(&f.preload, "preload", false, "load every app before serving, so a broken script fails the start")
	f.maxBody = 1 << 30
	fs.Var(&f.maxBody, "max-body-size", "largest request body in `BYTES` (suffix K, M or G); 0 for no limit")
	fs.DurationVar(&f.readHeaderTimeout, "read-header-timeout", 10*time.Second, "time allowed to read request headers")
	fs.DurationVar(&f.readTimeout, "read-timeout", 5*time.Minute, "time allowed to read a whole request, body included; 0 for no limit")
	fs.DurationVar(&f.idleTimeout, "idle-timeout", 75*time.Second, "how long a keep-alive connection may wait for its next request")
	fs.DurationVar(&f.writeTimeout, "write-timeout", time.Minute, "time allowed for each write to the client (not the whole response); 0 for no limit")
	fs.DurationVar(&f.shutdownTimeout, "shutdown-timeout", 30*time.Second, "how long SIGTERM waits for in-flight requests")
}

func runServe(args []string, stderr io.Writer) int {
	var f serveFlags
	fs := flag.NewFlagSet("gowsgi serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, serveUsage)
		fs.PrintDefaults()
	}
	f.register(fs)
	mountArgs, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	log, logFile, err := newLogger(f.log, stderr)
	if err != nil {
		return reportError(stderr, fs, err)
	}
	if logFile != nil {
		defer logFile.Close()
	}
	// Code below any app's logger (the engines' compilers) logs here too.
	hclog.SetDefault(log)
	cfg, err := loadConfig(&f.configFlags, mountArgs)
	if err != nil {
		return reportError(stderr, fs, err)
	}
	if len(cfg.Listen) == 0 {
		cfg.Listen = []string{config.DefaultListen}
	}
	srv, err := server.New(cfg, server.Options{
		Logger:            log,
		Preload:           f.preload,
		MaxBodySize:       int64(f.maxBody),
		ReadHeaderTimeout: f.readHeaderTimeout,
		ReadTimeout:       f.readTimeout,
		IdleTimeout:       f.idleTimeout,
		WriteTimeout:      f.writeTimeout,
	})
	if err != nil {
		return reportError(stderr, fs, err)
	}
	listeners, activated, err := server.Listen(cfg.Listen)
	if err != nil {
		fmt.Fprintf(stderr, "gowsgi serve: %v\n", err)
		shutdown(srv, f.shutdownTimeout, log)
		return exitFail
	}
	for _, l := range listeners {
		log.Info("listening", "address", l.Addr().String(), "socket_activated", activated)
	}
	s := &serving{srv: srv, flags: &f, mountArgs: mountArgs, log: log, logFile: logFile,
		listen: cfg.Listen, activated: activated}
	return s.run(listeners)
}

// serving is a running server and what SIGHUP needs to rebuild its
// configuration.
type serving struct {
	srv       *server.Server
	flags     *serveFlags
	mountArgs []string
	log       hclog.Logger
	logFile   *logFile
	listen    []string
	activated bool
}

// run serves until a signal stops it or a listener fails.
func (s *serving) run(listeners []net.Listener) int {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(signals)

	served := make(chan error, 1)
	go func() { served <- s.srv.Serve(listeners) }()
	for {
		select {
		case err := <-served:
			s.log.Error("serving failed", "error", err)
			shutdown(s.srv, s.flags.shutdownTimeout, s.log)
			return exitFail
		case sig := <-signals:
			if sig == syscall.SIGHUP {
				s.reload()
				continue
			}
			s.log.Info("shutting down", "signal", sig.String(), "timeout", s.flags.shutdownTimeout.String())
			shutdown(s.srv, s.flags.shutdownTimeout, s.log)
			if err := <-served; err != nil {
				s.log.Error("serving failed", "error", err)
			}
			return exitOK
		}
	}
}

// reload reads the configuration again and swaps it in; on failure the
// running configuration keeps serving.
func (s *serving) reload() {
	if s.logFile != nil {
		if err := s.logFile.Reopen(); err != nil {
			s.log.Error("keeping the old log file", "error", err)
		}
	}
	s.log.Info("reloading the configuration", "config", s.flags.file)
	var cfg *config.Config
	err := s.srv.ReloadWith(func() (*config.Config, error) {
		var err error
		cfg, err = loadConfig(&s.flags.configFlags, s.mountArgs)
		return cfg, err
	})
	if err != nil {
		logErrorLines(s.log, "reload failed; still serving the previous configuration", err)
		return
	}
	if !s.activated && len(cfg.Listen) > 0 && !slices.Equal(cfg.Listen, s.listen) {
		s.log.Warn("Listen changes take effect on restart only", "listening", s.listen, "configured", cfg.Listen)
	}
	s.log.Info("configuration reloaded", "mounts", len(cfg.Mounts), "aliases", len(cfg.Aliases))
}

// shutdown drains the server, bounded by timeout.
func shutdown(srv *server.Server, timeout time.Duration, log hclog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		log.Warn("shutdown was not clean", "error", err)
		return
	}
	log.Info("stopped")
}

// logErrorLines logs each line of a joined error as its own entry, so each
// FILE:LINE stays readable in text and JSON logs alike.
func logErrorLines(log hclog.Logger, msg string, err error) {
	for _, e := range flattenErrors(err) {
		log.Error(msg, "error", e.Error())
	}
}

func flattenErrors(err error) []error {
	if many, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range many.Unwrap() {
			out = append(out, flattenErrors(e)...)
		}
		return out
	}
	return []error{err}
}

// reportError prints a startup error: with the usage for a command line
// that cannot run (exit 2), as they are for config errors, whose FILE:LINE
// lines editors and CI annotate (exit 1).
func reportError(stderr io.Writer, fs *flag.FlagSet, err error) int {
	var usage usageError
	if errors.As(err, &usage) {
		fmt.Fprintf(stderr, "%s: %v\n\n", fs.Name(), err)
		fs.Usage()
		return exitUsage
	}
	fmt.Fprintln(stderr, err)
	return exitFail
}

// flagExit maps a flag parse failure, already printed by the flag package,
// to an exit code; -h is a request, not a mistake.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}
