package pymod

import (
	"fmt"
	"os"
	"syscall"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pyext"
	// Registers the module whose mkstemp is replaced, before Install runs.
	_ "github.com/go-python/gpython/stdlib/tempfile"
)

// replaceMkstemp swaps gpython's tempfile.mkstemp for one that hands
// Python a descriptor of its own. gpython's returns the descriptor of an
// *os.File it then drops: once Python closes the number with os.close, the
// kernel gives it to the next file or socket the process opens, and the
// dropped File's finalizer closes that one at a later garbage collection —
// in a web server, some other request's connection.
func replaceMkstemp() {
	pyext.SetMethod(py.GetModuleImpl("tempfile"), py.MustNewMethod("mkstemp", mkstemp, 0, mkstempDoc))
}

const mkstempDoc = `mkstemp(suffix=None, prefix=None, dir=None, text=False) -> (fd, name)

Create a new temporary file, readable and writable only by its owner and
not inherited by child processes, and return an open descriptor (closed
with os.close) and its absolute name. The caller deletes the file.`

func mkstemp(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var suffix, prefix, dir py.Object = py.None, py.None, py.None
	var text py.Object = py.False
	if err := py.ParseTupleAndKeywords(args, kwargs, "|z#z#z#p:mkstemp",
		[]string{"suffix", "prefix", "dir", "text"}, &suffix, &prefix, &dir, &text); err != nil {
		return nil, err
	}
	// As in CPython: bytes components give a bytes name, and str and
	// bytes do not mix.
	var parts [3]string
	bytesName, strName := false, false
	for i, v := range []py.Object{suffix, prefix, dir} {
		switch v := v.(type) {
		case py.Bytes:
			parts[i], bytesName = string(v), true
		case py.String:
			parts[i], strName = string(v), true
		}
	}
	if bytesName && strName {
		return nil, py.ExceptionNewf(py.TypeError, "Can't mix bytes and non-bytes in path components")
	}
	if prefix == py.None {
		parts[1] = "tmp"
	}
	f, err := os.CreateTemp(parts[2], parts[1]+"*"+parts[0])
	if err != nil {
		return nil, py.ExceptionNewf(py.OSError, "%v", err)
	}
	defer f.Close()
	fd, err := dupCloseOnExec(f)
	if err != nil {
		os.Remove(f.Name())
		return nil, py.ExceptionNewf(py.OSError, "%v", err)
	}
	var name py.Object = py.String(f.Name())
	if bytesName {
		name = py.Bytes(f.Name())
	}
	return py.Tuple{py.Int(fd), name}, nil
}

// dupCloseOnExec returns a second descriptor of f's file that no *os.File
// owns, closed on exec.
func dupCloseOnExec(f *os.File) (int, error) {
	raw, err := f.SyscallConn()
	if err != nil {
		return -1, err
	}
	fd := -1
	var dupErr error
	if err := raw.Control(func(orig uintptr) {
		r, _, errno := syscall.Syscall(syscall.SYS_FCNTL, orig, syscall.F_DUPFD_CLOEXEC, 0)
		if errno != 0 {
			dupErr = fmt.Errorf("duplicating the descriptor of %s: %w", f.Name(), errno)
			return
		}
		fd = int(r)
	}); err != nil {
		return -1, err
	}
	return fd, dupErr
}
