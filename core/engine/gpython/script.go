package gpython

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine"
)

// script is a compiled WSGI script, shared by all of an app's contexts:
// a code object is immutable once compiled.
type script struct {
	path       string
	callable   string
	moduleName string
	sysPath    []string
	code       *py.Code
}

// compileScript reads and compiles the script once for all contexts.
func compileScript(spec engine.Spec) (*script, error) {
	src, err := os.ReadFile(spec.Script)
	if err != nil {
		return nil, fmt.Errorf("reading script: %w", err)
	}
	code, err := compileSource(string(src), spec.Script)
	if err != nil {
		return nil, err
	}
	return &script{
		path:       spec.Script,
		callable:   spec.Callable,
		moduleName: moduleName(spec.Script),
		sysPath:    sysPath(spec),
		code:       code,
	}, nil
}

func compileSource(src, path string) (code *py.Code, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("compiling %s: %w", path, &panicError{value: r})
		}
	}()
	code, err = py.Compile(src, path, py.ExecMode, 0, true)
	if err != nil {
		return nil, describe(err, path)
	}
	return code, nil
}

// moduleName is unique per script path, as mod_wsgi names its modules, so
// scripts never collide with each other or with a real __main__.
func moduleName(path string) string {
	h := fnv.New64a()
	h.Write([]byte(path))
	return fmt.Sprintf("_wsgi_%016x", h.Sum64())
}

// sysPath is the script's directory, then the configured entries, then
// gpython's defaults.
func sysPath(spec engine.Spec) []string {
	paths := []string{filepath.Dir(spec.Script)}
	paths = append(paths, spec.PythonPath...)
	return append(paths, py.DefaultContextOpts().SysPaths...)
}

// instantiate runs the script as a module in ctx and returns its callable.
func (s *script) instantiate(ctx py.Context) (py.Object, error) {
	module, err := py.RunCode(ctx, s.code, s.path, s.moduleName)
	if err != nil {
		return nil, err
	}
	callable, ok := module.Globals[s.callable]
	if !ok {
		return nil, &engine.ScriptError{
			File:    s.path,
			Message: fmt.Sprintf("callable '%s' not found in %s", s.callable, s.path),
		}
	}
	if !isCallable(callable) {
		return nil, &engine.ScriptError{
			File:    s.path,
			Message: fmt.Sprintf("'%s' in %s is not callable (it is a %s)", s.callable, s.path, callable.Type().Name),
		}
	}
	return callable, nil
}

func (s *script) contextOpts() py.ContextOpts {
	return py.ContextOpts{SysArgs: []string{s.path}, SysPaths: s.sysPath}
}
