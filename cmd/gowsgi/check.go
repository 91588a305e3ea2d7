package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/dispatch"
)

const checkUsage = `usage: gowsgi check [flags] [[MOUNT=]SCRIPT[:CALLABLE]...]

Validates the configuration, compiles every script and finds its callable,
without serving anything. Prints an OK line per mount, or the errors as
FILE:LINE lines and exits 1.

flags:
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	var f configFlags
	fs := flag.NewFlagSet("gowsgi check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, checkUsage)
		fs.PrintDefaults()
	}
	f.register(fs)
	mountArgs, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	cfg, err := loadConfig(&f, mountArgs)
	if err != nil {
		return reportError(stderr, fs, err)
	}
	log := hclog.New(&hclog.LoggerOptions{Name: "gowsgi", Level: hclog.Warn, Output: stderr, Color: hclog.ColorOff})
	if err := checkApps(cfg, log); err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	for _, m := range cfg.Mounts {
		fmt.Fprintln(stdout, checkLine(m))
	}
	for _, a := range cfg.Aliases {
		fmt.Fprintf(stdout, "OK %s -> %s (static files)\n", a.URI, a.Dir)
	}
	return exitOK
}

// checkApps compiles every script of cfg and finds its callable.
func checkApps(cfg *config.Config, log hclog.Logger) error {
	d, err := dispatch.New(cfg, log)
	if err != nil {
		return err
	}
	return errors.Join(d.Check(), d.Close(context.Background()))
}

// checkLine reports one mount. A pattern mount whose script path takes
// groups from the URL cannot be compiled ahead, and says so.
func checkLine(m config.Mount) string {
	if m.Match != nil {
		if m.Match.NumSubexp() > 0 {
			return fmt.Sprintf("SKIP %s %s (the script depends on the request)", m.Match, m.Script)
		}
		return fmt.Sprintf("OK %s %s:%s (%s)", m.Match, m.Script, m.Callable, m.Engine)
	}
	return fmt.Sprintf("OK %s %s:%s (%s)", m.URI, m.Script, m.Callable, m.Engine)
}
