package main

/*
#include "gowsgi.h"
*/
import "C"

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/dispatch"
	"github.com/gowsgi/gowsgi/cshim/internal/bridge"
)

// start is gowsgi_init: settings first (the logger depends on them), then
// every application, then the core.
func start(conf *C.gowsgi_config) error {
	if conf == nil {
		return errors.New("gowsgi_init: no configuration")
	}
	proc.mu.Lock()
	defer proc.mu.Unlock()
	if proc.started {
		return errors.New("gowsgi_init: the core was already started in this process")
	}
	settings, err := bridge.ParseSettings(goString(conf.settings))
	if err != nil {
		return fmt.Errorf("gowsgi_init: %w", err)
	}
	log := newLogger(conf.log, settings.LogLevel)
	// Code below any app's logger (the engines' compilers) logs here too.
	hclog.SetDefault(log)
	if settings.MaxProcs > 0 {
		runtime.GOMAXPROCS(settings.MaxProcs)
	}
	if settings.MemoryLimit > 0 {
		debug.SetMemoryLimit(settings.MemoryLimit)
	}
	if settings.GCPercent != 0 {
		debug.SetGCPercent(settings.GCPercent)
	}
	apps := goApps(conf.apps, conf.napps)
	if len(apps) == 0 {
		return errors.New("gowsgi_init: no applications to serve")
	}
	built, err := bridge.BuildApps(apps, log)
	ds := make([]bridge.Dispatcher, len(built))
	started := 0
	for i, d := range built {
		if d == nil {
			continue
		}
		ds[i] = d
		started++
		go preload(d, log)
	}
	if started == 0 {
		return err
	}
	if err != nil {
		// The others still serve: one broken location does not take
		// down the rest of the server.
		log.Error("applications not started; their requests get 500", "error", err)
	}
	proc.log = log
	proc.started = true
	proc.core.Store(bridge.NewCore(ds, int(conf.notify_fd)))
	log.Info("core started", "applications", len(apps), "gomaxprocs", runtime.GOMAXPROCS(0))
	return nil
}

// preload loads an application before its first request. A script that
// fails is logged by the dispatcher with its FILE:LINE, and its requests
// get 500 until it changes.
func preload(d *dispatch.Dispatcher, log hclog.Logger) {
	if err := d.Preload(); err != nil {
		log.Debug("preloading failed", "error", err)
	}
}

// stop is gowsgi_shutdown.
func stop(timeout time.Duration) {
	proc.mu.Lock()
	defer proc.mu.Unlock()
	core := proc.core.Swap(nil)
	if core == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := core.Shutdown(ctx); err != nil {
		proc.log.Warn("shutdown", "error", err)
		return
	}
	proc.log.Debug("core stopped")
}
