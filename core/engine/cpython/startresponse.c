//go:build cgo && cpython

// start_response and write(): built-in functions whose self is the
// request's id, so they add no Python frame to an app's tracebacks.

#include "bridge.h"
#include "_cgo_export.h"

// What gwpyStartResponse answers.
enum { STARTED = 0, RERAISE = 1 };

// reraise raises exc_info's exception with its traceback, as PEP 3333
// requires once the headers have been sent.
static PyObject *reraise(PyObject *exc_info) {
	PyObject *type = PyTuple_GET_ITEM(exc_info, 0);
	PyObject *value = PyTuple_GET_ITEM(exc_info, 1);
	PyObject *traceback = PyTuple_GET_ITEM(exc_info, 2);

	if (PyExceptionInstance_Check(value)) {
		if (PyTraceBack_Check(traceback) && PyException_SetTraceback(value, traceback) < 0) {
			return NULL;
		}
		PyErr_SetObject((PyObject *)Py_TYPE(value), value);
		return NULL;
	}
	if (PyExceptionClass_Check(type)) {
		PyErr_SetNone(type);
		return NULL;
	}
	PyErr_SetString(PyExc_TypeError, "start_response() exc_info does not hold an exception");
	return NULL;
}

// header_strings collects status and each header's name and value as UTF-8
// owned by their str objects, checking the shapes PEP 3333 requires.
static int header_strings(PyObject *status, PyObject *headers, char **strings, Py_ssize_t *lengths) {
	Py_ssize_t i, count = PyList_GET_SIZE(headers);
	strings[0] = (char *)PyUnicode_AsUTF8AndSize(status, &lengths[0]);
	if (strings[0] == NULL) {
		return -1;
	}
	for (i = 0; i < count; i++) {
		PyObject *item = PyList_GET_ITEM(headers, i);
		PyObject *name, *value;
		if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
			PyErr_Format(PyExc_TypeError,
				"start_response() response_headers[%zd] must be a (name, value) tuple, not %.200s",
				i, Py_TYPE(item)->tp_name);
			return -1;
		}
		name = PyTuple_GET_ITEM(item, 0);
		value = PyTuple_GET_ITEM(item, 1);
		if (!PyUnicode_Check(name) || !PyUnicode_Check(value)) {
			PyErr_Format(PyExc_TypeError,
				"start_response() response_headers[%zd] must hold str, not (%.200s, %.200s)",
				i, Py_TYPE(name)->tp_name, Py_TYPE(value)->tp_name);
			return -1;
		}
		strings[1 + 2 * i] = (char *)PyUnicode_AsUTF8AndSize(name, &lengths[1 + 2 * i]);
		if (strings[1 + 2 * i] == NULL) {
			return -1;
		}
		strings[2 + 2 * i] = (char *)PyUnicode_AsUTF8AndSize(value, &lengths[2 + 2 * i]);
		if (strings[2 + 2 * i] == NULL) {
			return -1;
		}
	}
	return 0;
}

static PyObject *write_body(PyObject *self, PyObject *data) {
	uint64_t request = PyLong_AsUnsignedLongLong(self);
	if (!PyBytes_Check(data)) {
		PyErr_Format(PyExc_TypeError, "write() argument must be bytes, not %.200s", Py_TYPE(data)->tp_name);
		return NULL;
	}
	if (gwpyWrite(request, PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data)) < 0) {
		return NULL;
	}
	Py_RETURN_NONE;
}

static PyMethodDef write_def = {
	"write", write_body, METH_O,
	"write(data): send bytes ahead of the response iterable (legacy).",
};

static PyObject *start_response(PyObject *self, PyObject *args, PyObject *kwargs) {
	static char *keywords[] = {"status", "response_headers", "exc_info", NULL};
	PyObject *status, *headers, *exc_info = Py_None;
	uint64_t request = PyLong_AsUnsignedLongLong(self);
	Py_ssize_t count;
	char **strings;
	Py_ssize_t *lengths;
	int answer = -1;

	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|O:start_response", keywords, &status, &headers, &exc_info)) {
		return NULL;
	}
	if (!PyUnicode_Check(status)) {
		return PyErr_Format(PyExc_TypeError, "start_response() status must be str, not %.200s",
			Py_TYPE(status)->tp_name);
	}
	if (!PyList_Check(headers)) {
		return PyErr_Format(PyExc_TypeError, "start_response() response_headers must be a list, not %.200s",
			Py_TYPE(headers)->tp_name);
	}
	if (exc_info != Py_None && (!PyTuple_Check(exc_info) || PyTuple_GET_SIZE(exc_info) != 3)) {
		PyErr_SetString(PyExc_TypeError,
			"start_response() exc_info must be a (type, value, traceback) tuple or None");
		return NULL;
	}
	count = 1 + 2 * PyList_GET_SIZE(headers);
	strings = PyMem_New(char *, count);
	lengths = PyMem_New(Py_ssize_t, count);
	if (strings == NULL || lengths == NULL) {
		PyErr_NoMemory();
	} else if (header_strings(status, headers, strings, lengths) == 0) {
		answer = gwpyStartResponse(request, strings, lengths, count, exc_info != Py_None);
	}
	PyMem_Free(strings);
	PyMem_Free(lengths);
	switch (answer) {
	case STARTED:
		return PyCFunction_NewEx(&write_def, self, NULL);
	case RERAISE:
		return reraise(exc_info);
	}
	return NULL;
}

static PyMethodDef start_response_def = {
	"start_response", (PyCFunction)(void (*)(void))start_response, METH_VARARGS | METH_KEYWORDS,
	"start_response(status, response_headers, exc_info=None) -> write",
};

PyObject *gwpy_new_start_response(uint64_t request) {
	PyObject *id = PyLong_FromUnsignedLongLong(request);
	PyObject *function;
	if (id == NULL) {
		return NULL;
	}
	function = PyCFunction_NewEx(&start_response_def, id, NULL);
	Py_DECREF(id);
	return function;
}
