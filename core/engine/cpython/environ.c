//go:build cgo && cpython

// Building the environ dict of one request in a single call from Go.

#include "bridge.h"

// set_new stores value (a new reference, NULL on failure) under key.
static int set_new(PyObject *environ, const char *key, PyObject *value) {
	int status;
	if (value == NULL) {
		return -1;
	}
	status = PyDict_SetItemString(environ, key, value);
	Py_DECREF(value);
	return status;
}

static int set_flag(PyObject *environ, const char *key, int on) {
	return PyDict_SetItemString(environ, key, on ? Py_True : Py_False);
}

// add_variables decodes the CGI variables: data holds key, value, key,
// value... back to back, their byte lengths in lengths.
static int add_variables(PyObject *environ, const char *data, const Py_ssize_t *lengths, Py_ssize_t pairs) {
	Py_ssize_t i;
	for (i = 0; i < pairs; i++) {
		PyObject *key = gwpy_str(data, lengths[2 * i]);
		PyObject *value;
		int status;
		data += lengths[2 * i];
		value = gwpy_str(data, lengths[2 * i + 1]);
		data += lengths[2 * i + 1];
		status = (key == NULL || value == NULL) ? -1 : PyDict_SetItem(environ, key, value);
		Py_XDECREF(key);
		Py_XDECREF(value);
		if (status < 0) {
			return -1;
		}
	}
	return 0;
}

// gwpy_new_environ returns the PEP 3333 environ of one request.
PyObject *gwpy_new_environ(const char *data, const Py_ssize_t *lengths, Py_ssize_t pairs,
	const char *scheme, Py_ssize_t scheme_length, int flags, uint64_t request) {
	PyObject *environ = PyDict_New();
	if (environ == NULL) {
		return NULL;
	}
	if (add_variables(environ, data, lengths, pairs) < 0
		|| set_new(environ, "wsgi.version", Py_BuildValue("(ii)", 1, 0)) < 0
		|| set_new(environ, "wsgi.url_scheme", gwpy_str(scheme, scheme_length)) < 0
		|| set_flag(environ, "wsgi.multithread", flags & GWPY_MULTITHREAD) < 0
		|| set_flag(environ, "wsgi.multiprocess", flags & GWPY_MULTIPROCESS) < 0
		|| set_flag(environ, "wsgi.run_once", flags & GWPY_RUN_ONCE) < 0
		|| set_flag(environ, "wsgi.input_terminated", flags & GWPY_INPUT_TERMINATED) < 0
		|| set_new(environ, "wsgi.input", gwpy_new_stream(&gwpy_InputType, request)) < 0
		|| set_new(environ, "wsgi.errors", gwpy_new_stream(&gwpy_ErrorsType, request)) < 0
		|| PyDict_SetItemString(environ, "wsgi.file_wrapper", (PyObject *)&gwpy_FileWrapperType) < 0) {
		Py_DECREF(environ);
		return NULL;
	}
	return environ;
}
