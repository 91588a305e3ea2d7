package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/gpython"
)

const runUsage = `usage: gowsgi run [flags] SCRIPT.py [ARG...]

Runs a Python script in the gpython engine exactly as apps run there (same
compiler, extensions and limits), with print() going to stdout. Use it to
check code against the engine before serving it. A Python error prints its
traceback on stderr and exits 1.

flags:
`

func runRun(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("gowsgi run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, runUsage)
		fs.PrintDefaults()
	}
	pythonPath := fs.String("python-path", "", "extra sys.path `DIR[:DIR...]`, after the script's directory")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	var dirs []string
	if *pythonPath != "" {
		dirs = filepath.SplitList(*pythonPath)
	}
	err := gpython.RunScript(fs.Arg(0), fs.Args()[1:], dirs)
	var exit *gpython.ExitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &exit):
		return exit.Code
	}
	var se *engine.ScriptError
	if errors.As(err, &se) && se.Traceback != "" {
		fmt.Fprint(stderr, strings.TrimRight(se.Traceback, "\n")+"\n")
		return exitFail
	}
	fmt.Fprintln(stderr, "gowsgi run:", err)
	return exitFail
}
