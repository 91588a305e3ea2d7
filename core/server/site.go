package server

import (
	"context"
	"fmt"
	"sync"

	"github.com/gowsgi/gowsgi/core/config"
)

// site is one configuration in service. Requests hold it while they run,
// so a reload can retire it and close its apps only once they are done.
type site struct {
	handler Handler
	statics []staticMount

	mu      sync.Mutex
	active  int
	retired bool
	drained chan struct{}
}

func newSite(handler Handler, cfg *config.Config) *site {
	return &site{
		handler: handler,
		statics: newStaticMounts(cfg.Aliases),
		drained: make(chan struct{}),
	}
}

// acquire counts a request in, unless the site was retired meanwhile.
func (st *site) acquire() bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.retired {
		return false
	}
	st.active++
	return true
}

func (st *site) release() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.active--
	if st.retired && st.active == 0 {
		close(st.drained)
	}
}

// retire refuses new requests; the returned channel closes once the last
// request in flight has released the site.
func (st *site) retire() <-chan struct{} {
	st.mu.Lock()
	defer st.mu.Unlock()
	if !st.retired {
		st.retired = true
		if st.active == 0 {
			close(st.drained)
		}
	}
	return st.drained
}

// close retires the site, waits for its requests (bounded by ctx) and
// closes its handler.
func (st *site) close(ctx context.Context) error {
	select {
	case <-st.retire():
	case <-ctx.Done():
	}
	if err := st.handler.Close(ctx); err != nil {
		return fmt.Errorf("close apps: %w", err)
	}
	return nil
}
