package main

import (
	"errors"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/cshim/internal/bridge"
)

// process is the core's state in this process, made by gowsgi_init. It is
// the only state the library keeps between calls.
type process struct {
	mu      sync.Mutex // serializes gowsgi_init and gowsgi_shutdown
	started bool       // gowsgi_init succeeded once; never reset
	log     hclog.Logger
	core    atomic.Pointer[bridge.Core] // nil before init and after shutdown
}

var proc process

var errNotRunning = errors.New("gowsgi_init has not succeeded, or gowsgi_shutdown was called")

// running returns the core, or an error when there is none.
func (p *process) running() (*bridge.Core, error) {
	c := p.core.Load()
	if c == nil {
		return nil, errNotRunning
	}
	return c, nil
}

// logger is the core's logger, or a null one before init.
func (p *process) logger() hclog.Logger {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.log == nil {
		return hclog.NewNullLogger()
	}
	return p.log
}
