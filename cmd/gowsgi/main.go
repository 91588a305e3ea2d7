// Command gowsgi runs WSGI applications: `gowsgi serve` is the standalone
// server, `gowsgi check` validates a configuration and its scripts.
package main

import (
	"fmt"
	"io"
	"os"

	// Engines register themselves; the binary offers every one it links.
	_ "github.com/gowsgi/gowsgi/core/engine/cpython" // with -tags cpython
	_ "github.com/gowsgi/gowsgi/core/engine/gpython"
)

// Exit codes, as shells and systemd read them.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

const usageText = `usage: gowsgi <command> [arguments]

commands:
  serve    serve WSGI applications over HTTP
  check    validate a configuration and compile its scripts
  run      run a Python script in the gpython engine, as apps run
  version  print the version and the engines compiled in
  help     print this help

Run "gowsgi <command> -h" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program but for the process exit, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText)
		return exitUsage
	}
	switch args[0] {
	case "serve":
		return runServe(args[1:], stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "run":
		return runRun(args[1:], stderr)
	case "version":
		fmt.Fprintln(stdout, versionLine())
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usageText)
		return exitOK
	}
	fmt.Fprintf(stderr, "gowsgi: unknown command %q\n\n%s", args[0], usageText)
	return exitUsage
}
