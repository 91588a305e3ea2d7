package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/gowsgi/gowsgi/core/engine"
)

// version is set at link time: go build -ldflags "-X main.version=1.2.3".
var version string

// versionLine is what `gowsgi version` prints, e.g.
// "gowsgi 1.2.3 (go1.26.0, engines: gpython, cpython)".
func versionLine() string {
	return fmt.Sprintf("gowsgi %s (%s, engines: %s)", buildVersion(), runtime.Version(), strings.Join(engine.Names(), ", "))
}

// buildVersion prefers the link-time version, then the module version of a
// `go install`ed binary, then "dev".
func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
