package bridge

import (
	"fmt"
	"strings"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/dispatch"
)

// App is one application as the host configured it: a config document in
// gowsgi's Apache-style syntax (in practice one WSGIScriptAlias line with
// its options) and the place in the host's own configuration it came from.
type App struct {
	Directive string
	File      string
	Line      int
}

// BuildApps parses every app and makes a dispatcher for each, so that two
// apps may mount the same URI: the host has already chosen the app of each
// request. An app that fails has a nil dispatcher; every failure is in the
// error, one per line.
func BuildApps(apps []App, log hclog.Logger) ([]*dispatch.Dispatcher, error) {
	var errs []error
	out := make([]*dispatch.Dispatcher, len(apps))
	for i, a := range apps {
		// Both errors name the app's FILE:LINE already.
		cfg, err := config.Parse(strings.NewReader(placed(a)), a.File)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		d, err := dispatch.New(cfg, log, dispatch.Multiprocess(true))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out[i] = d
	}
	if len(errs) > 0 {
		return out, joinLines(errs)
	}
	return out, nil
}

// placed puts the directive on the line the host found it on, so that the
// parser's FILE:LINE messages and each mount's position point into the
// host's configuration rather than into this generated text.
func placed(a App) string {
	if a.Line <= 1 {
		return a.Directive
	}
	return strings.Repeat("\n", a.Line-1) + a.Directive
}

// joinLines joins errors one per line.
func joinLines(errs []error) error {
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Error()
	}
	return fmt.Errorf("%s", strings.Join(msgs, "\n"))
}
