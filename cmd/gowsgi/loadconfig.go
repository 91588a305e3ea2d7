package main

import (
	"errors"
	"flag"
	"slices"

	"github.com/gowsgi/gowsgi/core/config"
)

// configFlags are the flags that shape the configuration, shared by serve
// and check.
type configFlags struct {
	file    string
	threads threadsFlag
	engine  engineFlag
	listen  stringList
}

func (f *configFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.file, "config", "", "read Apache-style directives from `FILE`")
	fs.Var(&f.threads, "threads", "requests each app runs at once (`N`), for every mount")
	fs.Var(&f.engine, "engine", "Python engine (`NAME`: gpython or cpython), for every mount")
}

// loadConfig builds the configuration from the config file and the mount
// arguments. serve calls it again on SIGHUP, so edits to either apply.
// Config errors come back as they are: FILE:LINE lines.
func loadConfig(f *configFlags, mountArgs []string) (*config.Config, error) {
	if f.file == "" && len(mountArgs) == 0 {
		return nil, usageError("nothing to serve: give [MOUNT=]SCRIPT[:CALLABLE] arguments or --config FILE")
	}
	cfg := config.New()
	if f.file != "" {
		var err error
		if cfg, err = config.ParseFile(f.file); err != nil {
			return nil, err
		}
	}
	applyOverrides(cfg, f)
	var errs []error
	for _, arg := range mountArgs {
		m, err := config.ParseMountArg(arg, cfg.Globals)
		if err == nil {
			err = cfg.AddMount(m)
		}
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(f.listen) > 0 {
		cfg.Listen = slices.Clone(f.listen)
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// applyOverrides makes --threads and --engine win over the file, for the
// globals and for mounts that set their own.
func applyOverrides(cfg *config.Config, f *configFlags) {
	var forced config.Field
	if f.threads > 0 {
		cfg.Globals.Threads = int(f.threads)
		forced |= config.FieldThreads
	}
	if f.engine != "" {
		cfg.Globals.Engine = string(f.engine)
		forced |= config.FieldEngine
	}
	// Validate fills every field a mount does not own from the globals.
	for i := range cfg.Mounts {
		cfg.Mounts[i].Own &^= forced
	}
}
