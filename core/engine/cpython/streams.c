//go:build cgo && cpython

// wsgi.input and wsgi.errors: thin Python types whose methods check their
// arguments and hand the work to Go, which owns the request.

#include "bridge.h"
#include "_cgo_export.h"

// A stream is bound to one request by its id; Go refuses the id once the
// request is over, so an app that keeps the object gets an exception.
typedef struct {
	PyObject_HEAD
	uint64_t request;
} RequestStream;

PyObject *gwpy_new_stream(PyTypeObject *type, uint64_t request) {
	RequestStream *stream = PyObject_New(RequestStream, type);
	if (stream == NULL) {
		return NULL;
	}
	stream->request = request;
	return (PyObject *)stream;
}

// size_argument reads an optional size: absent or None means -1.
static int size_argument(const char *method, PyObject *args, Py_ssize_t *size) {
	PyObject *value = Py_None;
	if (!PyArg_UnpackTuple(args, method, 0, 1, &value)) {
		return -1;
	}
	if (value == Py_None) {
		*size = -1;
		return 0;
	}
	if (!PyIndex_Check(value)) {
		PyErr_Format(PyExc_TypeError, "%s() argument must be int or None, not %.200s",
			method, Py_TYPE(value)->tp_name);
		return -1;
	}
	*size = PyNumber_AsSsize_t(value, PyExc_OverflowError);
	if (*size == -1 && PyErr_Occurred()) {
		return -1;
	}
	return 0;
}

static PyObject *input_call(PyObject *self, PyObject *args, const char *method, int op) {
	Py_ssize_t size;
	if (size_argument(method, args, &size) < 0) {
		return NULL;
	}
	return gwpyInputRead(((RequestStream *)self)->request, op, size);
}

static PyObject *input_read(PyObject *self, PyObject *args) {
	return input_call(self, args, "read", GWPY_INPUT_READ);
}

static PyObject *input_readline(PyObject *self, PyObject *args) {
	return input_call(self, args, "readline", GWPY_INPUT_READLINE);
}

static PyObject *input_readlines(PyObject *self, PyObject *args) {
	return input_call(self, args, "readlines", GWPY_INPUT_READLINES);
}

static PyObject *input_getvalue(PyObject *self, PyObject *unused) {
	return gwpyInputRead(((RequestStream *)self)->request, GWPY_INPUT_GETVALUE, -1);
}

// input_next yields lines; returning NULL with no exception ends iteration.
static PyObject *input_next(PyObject *self) {
	PyObject *line = gwpyInputRead(((RequestStream *)self)->request, GWPY_INPUT_READLINE, -1);
	if (line != NULL && PyBytes_GET_SIZE(line) == 0) {
		Py_DECREF(line);
		return NULL;
	}
	return line;
}

static PyMethodDef input_methods[] = {
	{"read", input_read, METH_VARARGS, "read(size=-1) -> bytes: up to size bytes, or the rest of the body."},
	{"readline", input_readline, METH_VARARGS, "readline(size=-1) -> bytes: one line, at most size bytes."},
	{"readlines", input_readlines, METH_VARARGS, "readlines(hint=-1) -> list of lines, stopping once hint bytes were read."},
	{"getvalue", input_getvalue, METH_NOARGS, "getvalue() -> bytes: the part of the body not read yet."},
	{NULL},
};

PyTypeObject gwpy_InputType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "_gowsgi.Input",
	.tp_basicsize = sizeof(RequestStream),
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_doc = "wsgi.input: the request body as a binary stream.",
	.tp_iter = PyObject_SelfIter,
	.tp_iternext = input_next,
	.tp_methods = input_methods,
};

// errors_write_one sends one str to the error log.
static int errors_write_one(PyObject *self, PyObject *text) {
	const char *data;
	Py_ssize_t length;
	if (!PyUnicode_Check(text)) {
		PyErr_Format(PyExc_TypeError, "wsgi.errors.write() argument must be str, not %.200s",
			Py_TYPE(text)->tp_name);
		return -1;
	}
	data = PyUnicode_AsUTF8AndSize(text, &length);
	if (data == NULL) {
		return -1;
	}
	return gwpyErrorsWrite(((RequestStream *)self)->request, (char *)data, length);
}

static PyObject *errors_write(PyObject *self, PyObject *text) {
	if (errors_write_one(self, text) < 0) {
		return NULL;
	}
	return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(text));
}

static PyObject *errors_writelines(PyObject *self, PyObject *lines) {
	PyObject *iterator = PyObject_GetIter(lines);
	PyObject *line;
	if (iterator == NULL) {
		return NULL;
	}
	while ((line = PyIter_Next(iterator)) != NULL) {
		int failed = errors_write_one(self, line) < 0;
		Py_DECREF(line);
		if (failed) {
			Py_DECREF(iterator);
			return NULL;
		}
	}
	Py_DECREF(iterator);
	if (PyErr_Occurred()) {
		return NULL;
	}
	Py_RETURN_NONE;
}

static PyObject *errors_flush(PyObject *self, PyObject *unused) {
	if (gwpyErrorsFlush(((RequestStream *)self)->request) < 0) {
		return NULL;
	}
	Py_RETURN_NONE;
}

static PyMethodDef errors_methods[] = {
	{"write", errors_write, METH_O, "write(s) -> int: write a str to the error log."},
	{"writelines", errors_writelines, METH_O, "writelines(lines): write each str of an iterable."},
	{"flush", errors_flush, METH_NOARGS, "flush(): push buffered text to the error log."},
	{NULL},
};

PyTypeObject gwpy_ErrorsType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "_gowsgi.Errors",
	.tp_basicsize = sizeof(RequestStream),
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_doc = "wsgi.errors: the server's error log as a text stream.",
	.tp_methods = errors_methods,
};
