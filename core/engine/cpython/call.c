//go:build cgo && cpython

// Finding and calling the application, and walking what it returned.

#include "bridge.h"

// gwpy_get_callable returns module.name (a new reference). *found is 0
// when the module has no such attribute (NULL returned, nothing raised),
// 1 when it is callable and 2 when it is not.
PyObject *gwpy_get_callable(PyObject *module, const char *name, int *found) {
	PyObject *object = PyObject_GetAttrString(module, name);
	*found = 0;
	if (object == NULL) {
		if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
			PyErr_Clear();
		}
		return NULL;
	}
	*found = PyCallable_Check(object) ? 1 : 2;
	return object;
}

// gwpy_call_application returns application(environ, start_response).
PyObject *gwpy_call_application(PyObject *application, PyObject *environ, uint64_t request) {
	PyObject *args[2];
	PyObject *result;
	args[0] = environ;
	args[1] = gwpy_new_start_response(request);
	if (args[1] == NULL) {
		return NULL;
	}
	result = PyObject_Vectorcall(application, args, 2, NULL);
	Py_DECREF(args[1]);
	return result;
}

// gwpy_is_sequence is true for exactly list and tuple: their items can be
// taken at once, and they have no close().
int gwpy_is_sequence(PyObject *object) {
	return PyList_CheckExact(object) || PyTuple_CheckExact(object);
}

Py_ssize_t gwpy_sequence_size(PyObject *sequence) {
	return PyList_CheckExact(sequence) ? PyList_GET_SIZE(sequence) : PyTuple_GET_SIZE(sequence);
}

// gwpy_sequence_item returns a borrowed reference.
PyObject *gwpy_sequence_item(PyObject *sequence, Py_ssize_t index) {
	return PyList_CheckExact(sequence) ? PyList_GET_ITEM(sequence, index) : PyTuple_GET_ITEM(sequence, index);
}

// gwpy_next stores the next item (a new reference) and returns 1, or
// returns 0 at the end and -1 with an exception set.
int gwpy_next(PyObject *iterator, PyObject **item) {
	*item = PyIter_Next(iterator);
	if (*item != NULL) {
		return 1;
	}
	return PyErr_Occurred() ? -1 : 0;
}

// gwpy_bytes exposes the buffer of a bytes object, owned by the object.
int gwpy_bytes(PyObject *object, char **data, Py_ssize_t *length) {
	if (!PyBytes_Check(object)) {
		return 0;
	}
	*data = PyBytes_AS_STRING(object);
	*length = PyBytes_GET_SIZE(object);
	return 1;
}

const char *gwpy_type_name(PyObject *object) {
	return Py_TYPE(object)->tp_name;
}

// gwpy_close_iterable calls iterable.close() when it has one.
int gwpy_close_iterable(PyObject *iterable) {
	PyObject *close = PyObject_GetAttrString(iterable, "close");
	PyObject *result;
	if (close == NULL) {
		if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
			PyErr_Clear();
			return 0;
		}
		return -1;
	}
	result = PyObject_CallNoArgs(close);
	Py_DECREF(close);
	if (result == NULL) {
		return -1;
	}
	Py_DECREF(result);
	return 0;
}

// gwpy_forget_module removes sys.modules[name] if it still is module: a
// reloaded script may have put its new module there already.
int gwpy_forget_module(const char *name, PyObject *module) {
	PyObject *modules = PyImport_GetModuleDict();
	PyObject *current = PyDict_GetItemString(modules, name);
	if (current != module) {
		return 0;
	}
	return PyDict_DelItemString(modules, name);
}

// gwpy_load_script calls runtime.py's load_script(name, path, paths).
PyObject *gwpy_load_script(const char *name, Py_ssize_t name_length, const char *path, Py_ssize_t path_length,
	PyObject *paths) {
	PyObject *name_str = gwpy_str(name, name_length);
	PyObject *path_str = PyUnicode_DecodeFSDefaultAndSize(path, path_length);
	PyObject *args = NULL, *module = NULL;
	if (name_str != NULL && path_str != NULL) {
		args = PyTuple_Pack(3, name_str, path_str, paths);
	}
	if (args != NULL) {
		module = gwpy_runtime_call("load_script", args);
	}
	Py_XDECREF(name_str);
	Py_XDECREF(path_str);
	Py_XDECREF(args);
	return module;
}
