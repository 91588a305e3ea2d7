// Package cpython runs WSGI applications in CPython, the reference Python,
// embedded through cgo against libpython3 (Debian's libpython3.11, found
// with pkg-config's python3-embed).
//
// The engine is compiled only with cgo and the build tag "cpython"
// (go build -tags cpython); otherwise this package is empty, so hosts can
// import it unconditionally and engine.New reports the engine as not
// compiled into the build.
//
// A process has one interpreter, started by the first Load with the
// settings of Py_InitializeEx(0) (Python installs no signal handlers, and
// faulthandler stays off: both would take signals from Go). The first Load
// also fixes WSGIPythonHome (engine.Spec.PythonHome), which may name an
// installation prefix or a virtual environment. Every app shares the main
// interpreter, as mod_wsgi's %{GLOBAL} application group does: sys.path,
// sys.modules and the GIL are common to all of them. Each script runs as a
// fresh module named after its path; a reload re-runs the script but not
// the modules it imported, which stay in sys.modules.
//
// Each app runs its requests on up to Spec.Threads workers, each with a
// Python thread state for its whole life; a request's Python runs in a
// goroutine of its own holding that state, on whatever OS thread Go gives
// it. A request past its time limit, or whose context is cancelled, gets
// RequestInterrupted (a BaseException) raised in its thread at the next
// bytecode boundary. Python blocked inside C (a socket read, time.sleep)
// cannot be interrupted: after a grace period the request is answered as
// timed out and the worker is abandoned to finish on its own, its slot
// going to a new worker.
package cpython
