//go:build cgo && cpython

// Worker thread states that move between OS threads. A job runs on
// whatever thread Go gives its goroutine, so the state's thread ids and
// PyGILState's per-thread binding are set while the job holds it: C code
// calling PyGILState_Ensure inside a request (ctypes, sqlite3 callbacks,
// Cython "with gil") must find the running state rather than make another
// and wait forever for the GIL its own thread holds. That binding is not
// public API, hence the internal header, confined to this file.

#define PY_SSIZE_T_CLEAN
#define Py_BUILD_CORE 1
#include <Python.h>
#include "internal/pycore_runtime.h"

#pragma GCC visibility push(hidden)

#if PY_VERSION_HEX >= 0x030C0000
#define GWPY_TSS_KEY (&_PyRuntime.autoTSSkey)
#else
#define GWPY_TSS_KEY (&_PyRuntime.gilstate.autoTSSkey)
#endif

// gwpy_new_thread_state makes a thread state of the main interpreter that
// no OS thread runs yet. The GIL must be held.
PyThreadState *gwpy_new_thread_state(void) {
	PyThreadState *state = PyThreadState_New(PyInterpreterState_Main());
	if (state != NULL) {
		state->thread_id = 0;
		state->native_thread_id = 0;
	}
	return state;
}

// native_thread_id is the kernel's id of the calling thread, asked once
// per thread: every job sets it, and asking costs a system call.
static unsigned long native_thread_id(void) {
	static __thread unsigned long id;
	if (id == 0) {
		id = PyThread_get_thread_native_id();
	}
	return id;
}

// gwpy_enter takes the GIL with state on the calling OS thread and binds
// it there; it returns what the thread had bound before, for gwpy_leave.
// The ids follow the state, so an interruption by thread id reaches it
// and no idle state shares the id of a running one.
PyThreadState *gwpy_enter(PyThreadState *state) {
	PyThreadState *previous;
	PyEval_RestoreThread(state);
	state->thread_id = PyThread_get_thread_ident();
	state->native_thread_id = native_thread_id();
	previous = PyThread_tss_get(GWPY_TSS_KEY);
	PyThread_tss_set(GWPY_TSS_KEY, state);
	// Nested PyGILState_Ensure/Release pairs then never delete it.
	state->gilstate_counter = 1;
	return previous;
}

// gwpy_leave undoes gwpy_enter: it restores the thread's binding and
// releases the GIL.
void gwpy_leave(PyThreadState *state, PyThreadState *previous) {
	PyThread_tss_set(GWPY_TSS_KEY, previous);
	state->thread_id = 0;
	state->native_thread_id = 0;
	PyEval_SaveThread();
}

// gwpy_thread_id is the id of the OS thread running state now, 0 when
// none does. The GIL must be held.
unsigned long gwpy_thread_id(PyThreadState *state) {
	return state->thread_id;
}

// gwpy_delete_thread_state frees a state no thread runs. The GIL must be
// held.
void gwpy_delete_thread_state(PyThreadState *state) {
	PyThreadState_Clear(state);
	PyThreadState_Delete(state);
}

#pragma GCC visibility pop
