//go:build cgo && cpython

package cpython

// #include "bridge.h"
import "C"

import (
	"fmt"
	"os"
	"path/filepath"
)

// pythonLocation turns WSGIPythonHome into what CPython starts from: the
// program name it derives sys.executable and the venv from, and its home.
//
// A virtual environment is started through its own interpreter's path:
// CPython then reads pyvenv.cfg, takes the base installation's standard
// library, and makes sys.prefix the venv so its site-packages (and the
// system's, with --system-site-packages) are on sys.path. Setting "home" to
// a venv would instead skip pyvenv.cfg and find no standard library.
func pythonLocation(home string) (program, pythonHome string, err error) {
	if home == "" {
		return installedProgram(), "", nil
	}
	info, err := os.Stat(home)
	if err != nil {
		return "", "", fmt.Errorf("WSGIPythonHome: %w", err)
	}
	if !info.IsDir() {
		return "", "", fmt.Errorf("WSGIPythonHome %s: not a directory", home)
	}
	if isFile(filepath.Join(home, "pyvenv.cfg")) {
		if program := programIn(home, "python3", "python"); program != "" {
			return program, "", nil
		}
		return "", "", fmt.Errorf("WSGIPythonHome %s: a virtual environment without bin/python3", home)
	}
	return programIn(home), home, nil
}

// installedProgram finds the interpreter of the installation libpython was
// loaded from (/usr/bin/python3.11 for /usr/lib/<triplet>/libpython3.11.so),
// so sys.executable does not depend on which python3 comes first on PATH.
// It returns "" when there is none, leaving CPython to its own search.
func installedProgram() string {
	lib := C.gwpy_library_path()
	if lib == nil {
		return ""
	}
	// The loader may have found it through a symlink (/lib -> usr/lib).
	path, err := filepath.EvalSymlinks(C.GoString(lib))
	if err != nil {
		return ""
	}
	for dir := filepath.Dir(path); dir != "/" && dir != "."; dir = filepath.Dir(dir) {
		if program := programIn(dir); program != "" {
			return program
		}
	}
	return ""
}

// programIn returns prefix/bin/python3.N (the version libpython is), or
// the first of the other names that exists there, or "".
func programIn(prefix string, others ...string) string {
	names := append([]string{fmt.Sprintf("python3.%d", int(C.gwpy_python_minor()))}, others...)
	for _, name := range names {
		if path := filepath.Join(prefix, "bin", name); isFile(path) {
			return path
		}
	}
	return ""
}

func isFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}
