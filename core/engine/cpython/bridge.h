//go:build cgo && cpython

// bridge.h declares the C half of the CPython engine: what Go calls (the
// functions below) and what C calls back into Go (the gwpy* functions
// exported by the Go files, declared in _cgo_export.h).
//
// Every function here that touches Python objects expects the caller to
// hold the GIL.
//
// The gwpy prefix and hidden visibility keep these names out of the way of
// the C shim's gowsgi_ ones: in libgowsgi.so they share a library, loaded
// with RTLD_GLOBAL.

#ifndef GWPY_BRIDGE_H
#define GWPY_BRIDGE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#pragma GCC visibility push(hidden)

// interpreter.c
char *gwpy_initialize(const char *program_name, const char *home);
const char *gwpy_library_path(void);
int gwpy_python_minor(void);

// module.c: the _gowsgi module, its runtime helpers and error plumbing.
enum gwpy_error_kind {
	GWPY_VALUE_ERROR,
	GWPY_RUNTIME_ERROR,
	GWPY_OS_ERROR,
	GWPY_SYSTEM_ERROR,
	GWPY_INTERRUPTED,
};
int gwpy_module_init(const char *runtime_source);
PyObject *gwpy_runtime_call(const char *function, PyObject *args);
void gwpy_raise(int kind, const char *message, Py_ssize_t length);
PyObject *gwpy_take_exception(void);
int gwpy_is_interruption(PyObject *exception);
int gwpy_describe(PyObject *exception, PyObject **description);
const char *gwpy_tuple_str(PyObject *tuple, Py_ssize_t index, Py_ssize_t *length);
long gwpy_tuple_long(PyObject *tuple, Py_ssize_t index);
int gwpy_interrupt_thread(unsigned long thread_id);
void gwpy_clear_interrupt(unsigned long thread_id);
PyObject *gwpy_str(const char *data, Py_ssize_t length);
PyObject *gwpy_path_list(const char *data, const Py_ssize_t *lengths, Py_ssize_t count);

// threadstate.c: worker thread states that move between OS threads.
PyThreadState *gwpy_new_thread_state(void);
PyThreadState *gwpy_enter(PyThreadState *state);
void gwpy_leave(PyThreadState *state, PyThreadState *previous);
unsigned long gwpy_thread_id(PyThreadState *state);
void gwpy_delete_thread_state(PyThreadState *state);

// streams.c: wsgi.input and wsgi.errors.
enum gwpy_input_op {
	GWPY_INPUT_READ,
	GWPY_INPUT_READLINE,
	GWPY_INPUT_READLINES,
	GWPY_INPUT_GETVALUE,
};
extern PyTypeObject gwpy_InputType;
extern PyTypeObject gwpy_ErrorsType;
PyObject *gwpy_new_stream(PyTypeObject *type, uint64_t request);

// filewrapper.c: wsgi.file_wrapper.
extern PyTypeObject gwpy_FileWrapperType;

// startresponse.c: start_response and the write() it returns.
PyObject *gwpy_new_start_response(uint64_t request);

// environ.c
enum gwpy_environ_flag {
	GWPY_MULTITHREAD = 1,
	GWPY_MULTIPROCESS = 2,
	GWPY_RUN_ONCE = 4,
	GWPY_INPUT_TERMINATED = 8,
};
PyObject *gwpy_new_environ(const char *data, const Py_ssize_t *lengths, Py_ssize_t pairs,
	const char *scheme, Py_ssize_t scheme_length, int flags, uint64_t request);

// call.c: calling the application and walking what it returned.
PyObject *gwpy_get_callable(PyObject *module, const char *name, int *found);
PyObject *gwpy_call_application(PyObject *application, PyObject *environ, uint64_t request);
int gwpy_is_sequence(PyObject *object);
Py_ssize_t gwpy_sequence_size(PyObject *sequence);
PyObject *gwpy_sequence_item(PyObject *sequence, Py_ssize_t index);
int gwpy_next(PyObject *iterator, PyObject **item);
int gwpy_bytes(PyObject *object, char **data, Py_ssize_t *length);
const char *gwpy_type_name(PyObject *object);
int gwpy_close_iterable(PyObject *iterable);
int gwpy_forget_module(const char *name, PyObject *module);
PyObject *gwpy_load_script(const char *name, Py_ssize_t name_length, const char *path, Py_ssize_t path_length,
	PyObject *paths);

#pragma GCC visibility pop

#endif
