// Package server is the standalone host: it serves WSGI mounts and static
// aliases over net/http, swaps configurations without dropping connections
// and speaks systemd's notify and socket-activation protocols.
package server

import (
	"context"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/wsgi"
)

// Handler is the part of a dispatcher the host drives. *dispatch.Dispatcher
// satisfies it; tests use fakes so the host is testable without Python.
type Handler interface {
	// Serve answers one request through w, writing a 404 itself when no
	// mount matches.
	Serve(ctx context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome
	// Close waits for in-flight requests (bounded by ctx) and unloads apps.
	Close(ctx context.Context) error
}

// Builder makes the Handler for a configuration. Its errors are shown to
// operators as they are, so they should be FILE:LINE lines.
type Builder func(cfg *config.Config, log hclog.Logger) (Handler, error)
