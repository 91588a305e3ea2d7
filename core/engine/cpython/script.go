//go:build cgo && cpython

package cpython

// #include <stdlib.h>
// #include "bridge.h"
import "C"

import (
	"fmt"
	"hash/fnv"
	"path/filepath"
	"unsafe"

	"github.com/gowsgi/gowsgi/core/engine"
)

// moduleName is unique per script path, as mod_wsgi names its modules, so
// scripts never collide with each other or with a real module.
func moduleName(path string) string {
	h := fnv.New64a()
	h.Write([]byte(path))
	return fmt.Sprintf("_wsgi_%016x", h.Sum64())
}

// sysPath is what the script needs in front of sys.path: its directory,
// then WSGIPythonPath.
func sysPath(spec engine.Spec) []string {
	return append([]string{filepath.Dir(spec.Script)}, spec.PythonPath...)
}

// load runs the script as a fresh module and keeps its callable. It runs
// on a worker holding the GIL.
func (a *app) load() error {
	module, err := loadScript(a.moduleName, a.script, a.sysPath)
	if err != nil {
		return err
	}
	a.module = module
	name := C.CString(a.callableName)
	defer C.free(unsafe.Pointer(name))
	var found C.int
	callable := C.gwpy_get_callable(module, name, &found)
	switch {
	case callable == nil && C.PyErr_Occurred() != nil:
		return pythonError()
	case callable == nil:
		return &engine.ScriptError{
			File:    a.script,
			Message: fmt.Sprintf("callable '%s' not found in %s", a.callableName, a.script),
		}
	case found != 1:
		kind := typeName(callable)
		C.Py_DecRef(callable)
		return &engine.ScriptError{
			File:    a.script,
			Message: fmt.Sprintf("'%s' in %s is not callable (it is a %s)", a.callableName, a.script, kind),
		}
	}
	a.callable = callable
	return nil
}

// loadScript calls runtime.py's load_script and returns the module.
func loadScript(name, path string, paths []string) (*C.PyObject, error) {
	var joined []byte
	lengths := make([]C.Py_ssize_t, len(paths))
	for i, p := range paths {
		joined = append(joined, p...)
		lengths[i] = C.Py_ssize_t(len(p))
	}
	pathList := C.gwpy_path_list((*C.char)(unsafe.Pointer(unsafe.SliceData(joined))),
		unsafe.SliceData(lengths), C.Py_ssize_t(len(paths)))
	if pathList == nil {
		return nil, pythonError()
	}
	defer C.Py_DecRef(pathList)
	module := C.gwpy_load_script(stringData(name), C.Py_ssize_t(len(name)),
		stringData(path), C.Py_ssize_t(len(path)), pathList)
	if module == nil {
		return nil, pythonError()
	}
	return module, nil
}

// release drops the app's module and callable, and takes the module out of
// sys.modules unless a reload replaced it. It runs holding the GIL.
func (a *app) release() {
	if a.module != nil {
		name := C.CString(a.moduleName)
		defer C.free(unsafe.Pointer(name))
		if C.gwpy_forget_module(name, a.module) < 0 {
			a.log.Warn("removing the script's module from sys.modules failed", "error", pythonError())
		}
	}
	C.Py_DecRef(a.callable)
	C.Py_DecRef(a.module)
	a.callable, a.module = nil, nil
}
