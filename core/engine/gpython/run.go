package gpython

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine"
)

// RunScript executes a Python script as __main__ in a context made the way
// an app's contexts are — same compiler, same extensions, same recursion
// limit — so users can check code against the engine. print() writes to the
// process's stdout. A Python failure is returned as a *engine.ScriptError.
func RunScript(path string, args, pythonPath []string) (err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("script path: %w", err)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return fmt.Errorf("reading script: %w", err)
	}
	code, err := compileSource(string(src), abs)
	if err != nil {
		return err
	}
	spec := engine.Spec{Script: abs, PythonPath: pythonPath}
	ctx := py.NewContext(py.ContextOpts{SysArgs: append([]string{abs}, args...), SysPaths: sysPath(spec)})
	g := &guard{limit: defaultRecursionLimit}
	guards.Store(ctx, g)
	defer func() {
		guards.Delete(ctx)
		_ = ctx.Close()
	}()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("running %s: %w", abs, &panicError{value: r})
		}
	}()
	if _, err := py.RunCode(ctx, code, abs, "__main__"); err != nil {
		if exit, ok := exitStatus(err); ok {
			return exit
		}
		return describe(err, abs)
	}
	return nil
}

// ExitError is a script's sys.exit with a status.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// exitStatus turns SystemExit into the process status it asks for.
func exitStatus(err error) (*ExitError, bool) {
	info, ok := err.(py.ExceptionInfo)
	if !ok {
		if exc, isExc := err.(*py.Exception); isExc {
			info = py.ExceptionInfo{Type: exc.Base, Value: exc}
		} else {
			return nil, false
		}
	}
	if info.Type == nil || !info.Type.IsSubtype(py.SystemExit) {
		return nil, false
	}
	exc, _ := info.Value.(*py.Exception)
	code := 0
	if exc != nil {
		if args, ok := exc.Args.(py.Tuple); ok && len(args) > 0 {
			switch v := args[0].(type) {
			case py.Int:
				code = int(v)
			case py.NoneType:
			default:
				code = 1
			}
		}
	}
	return &ExitError{Code: code}, true
}
