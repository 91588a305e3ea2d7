//go:build cgo && cpython

// wsgi.file_wrapper: iterates a file-like object block by block and closes
// it when the server closes the response.

#include "bridge.h"

#define DEFAULT_BLOCK_SIZE 8192

typedef struct {
	PyObject_HEAD
	PyObject *filelike;
	Py_ssize_t block_size;
} FileWrapper;

static PyObject *filewrapper_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
	static char *keywords[] = {"filelike", "block_size", NULL};
	PyObject *filelike;
	Py_ssize_t block_size = DEFAULT_BLOCK_SIZE;
	FileWrapper *self;

	if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|n:file_wrapper", keywords, &filelike, &block_size)) {
		return NULL;
	}
	if (block_size <= 0) {
		PyErr_Format(PyExc_ValueError, "file_wrapper() block_size must be positive, not %zd", block_size);
		return NULL;
	}
	self = (FileWrapper *)type->tp_alloc(type, 0);
	if (self == NULL) {
		return NULL;
	}
	self->filelike = Py_NewRef(filelike);
	self->block_size = block_size;
	return (PyObject *)self;
}

static int filewrapper_traverse(PyObject *self, visitproc visit, void *arg) {
	Py_VISIT(((FileWrapper *)self)->filelike);
	return 0;
}

static int filewrapper_clear(PyObject *self) {
	Py_CLEAR(((FileWrapper *)self)->filelike);
	return 0;
}

static void filewrapper_dealloc(PyObject *self) {
	PyObject_GC_UnTrack(self);
	filewrapper_clear(self);
	Py_TYPE(self)->tp_free(self);
}

// filewrapper_next returns the next block; an empty read ends iteration.
static PyObject *filewrapper_next(PyObject *self) {
	FileWrapper *wrapper = (FileWrapper *)self;
	PyObject *block;
	Py_ssize_t length;

	if (wrapper->filelike == NULL) {
		return NULL;
	}
	block = PyObject_CallMethod(wrapper->filelike, "read", "n", wrapper->block_size);
	if (block == NULL) {
		return NULL;
	}
	length = PyObject_Length(block);
	if (length <= 0) {
		Py_DECREF(block);
		return NULL; // an exception from len() propagates, 0 is the end
	}
	return block;
}

static PyObject *filewrapper_close(PyObject *self, PyObject *unused) {
	FileWrapper *wrapper = (FileWrapper *)self;
	PyObject *result;
	if (wrapper->filelike == NULL || !PyObject_HasAttrString(wrapper->filelike, "close")) {
		Py_RETURN_NONE;
	}
	result = PyObject_CallMethod(wrapper->filelike, "close", NULL);
	if (result == NULL) {
		return NULL;
	}
	Py_DECREF(result);
	Py_RETURN_NONE;
}

static PyMethodDef filewrapper_methods[] = {
	{"close", filewrapper_close, METH_NOARGS, "close(): close the wrapped file-like object."},
	{NULL},
};

PyTypeObject gwpy_FileWrapperType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "_gowsgi.FileWrapper",
	.tp_basicsize = sizeof(FileWrapper),
	.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
	.tp_doc = "file_wrapper(filelike, block_size=8192): iterate filelike in blocks.",
	.tp_new = filewrapper_new,
	.tp_traverse = filewrapper_traverse,
	.tp_clear = filewrapper_clear,
	.tp_dealloc = filewrapper_dealloc,
	.tp_iter = PyObject_SelfIter,
	.tp_iternext = filewrapper_next,
	.tp_methods = filewrapper_methods,
};
