package server

import (
	"context"
	"errors"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/dispatch"
)

var _ Handler = (*dispatch.Dispatcher)(nil)

// DispatcherBuilder is the production Builder. With preload, every app is
// loaded before the configuration goes live, so a broken script fails the
// start or the reload instead of the first request that reaches it.
func DispatcherBuilder(preload bool) Builder {
	return func(cfg *config.Config, log hclog.Logger) (Handler, error) {
		d, err := dispatch.New(cfg, log)
		if err != nil {
			// Not wrapped: the message is already the FILE:LINE list
			// operators act on.
			return nil, err
		}
		if !preload {
			return d, nil
		}
		if err := d.Preload(); err != nil {
			return nil, errors.Join(err, d.Close(context.Background()))
		}
		return d, nil
	}
}
