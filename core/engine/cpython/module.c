//go:build cgo && cpython

// The _gowsgi module: the engine's Python-visible types, the helpers of
// runtime.py, and the plumbing that carries exceptions between Go and
// Python.

#include "bridge.h"

// Set once by gwpy_module_init and kept for the life of the process,
// like the interpreter they belong to.
static PyObject *runtime_module;
static PyObject *interrupted_type;

static struct PyModuleDef module_def = {
	PyModuleDef_HEAD_INIT,
	.m_name = "_gowsgi",
	.m_doc = "Objects of gowsgi's CPython engine (wsgi.input, wsgi.errors, wsgi.file_wrapper).",
	.m_size = -1,
};

static int add_type(PyObject *module, const char *name, PyTypeObject *type) {
	if (PyType_Ready(type) < 0) {
		return -1;
	}
	return PyModule_AddObjectRef(module, name, (PyObject *)type);
}

// run_runtime executes runtime.py in the module's namespace.
static int run_runtime(PyObject *module, const char *source) {
	PyObject *dict = PyModule_GetDict(module);
	PyObject *code, *result;

	if (PyDict_SetItemString(dict, "__builtins__", PyEval_GetBuiltins()) < 0) {
		return -1;
	}
	code = Py_CompileString(source, "<gowsgi-cpython>", Py_file_input);
	if (code == NULL) {
		return -1;
	}
	result = PyEval_EvalCode(code, dict, dict);
	Py_DECREF(code);
	if (result == NULL) {
		return -1;
	}
	Py_DECREF(result);
	return 0;
}

// gwpy_module_init makes the _gowsgi module and registers it in
// sys.modules. It returns -1 with a Python exception set on failure.
int gwpy_module_init(const char *runtime_source) {
	PyObject *module = PyModule_Create(&module_def);
	if (module == NULL) {
		return -1;
	}
	interrupted_type = PyErr_NewExceptionWithDoc("_gowsgi.RequestInterrupted",
		"The request ran past its time limit or was cancelled. It derives from "
		"BaseException so that 'except Exception' does not swallow it.",
		PyExc_BaseException, NULL);
	if (interrupted_type == NULL
		|| PyModule_AddObjectRef(module, "RequestInterrupted", interrupted_type) < 0
		|| add_type(module, "Input", &gwpy_InputType) < 0
		|| add_type(module, "Errors", &gwpy_ErrorsType) < 0
		|| add_type(module, "FileWrapper", &gwpy_FileWrapperType) < 0
		|| run_runtime(module, runtime_source) < 0
		|| PyDict_SetItemString(PyImport_GetModuleDict(), "_gowsgi", module) < 0) {
		Py_DECREF(module);
		return -1;
	}
	runtime_module = module;
	return 0;
}

// gwpy_runtime_call calls runtime.py's function(*args); args may be NULL.
PyObject *gwpy_runtime_call(const char *function, PyObject *args) {
	PyObject *callable = PyObject_GetAttrString(runtime_module, function);
	PyObject *result;
	if (callable == NULL) {
		return NULL;
	}
	result = PyObject_CallObject(callable, args);
	Py_DECREF(callable);
	return result;
}

// gwpy_raise sets a Python exception of the given kind from UTF-8 text.
void gwpy_raise(int kind, const char *message, Py_ssize_t length) {
	PyObject *type, *text;
	switch (kind) {
	case GWPY_VALUE_ERROR:
		type = PyExc_ValueError;
		break;
	case GWPY_RUNTIME_ERROR:
		type = PyExc_RuntimeError;
		break;
	case GWPY_OS_ERROR:
		type = PyExc_OSError;
		break;
	case GWPY_INTERRUPTED:
		type = interrupted_type;
		break;
	default:
		type = PyExc_SystemError;
	}
	text = PyUnicode_DecodeUTF8(message, length, "replace");
	if (text == NULL) {
		return;
	}
	PyErr_SetObject(type, text);
	Py_DECREF(text);
}

// gwpy_take_exception clears the pending exception and returns it with
// its traceback attached (a new reference), or NULL when none is pending.
PyObject *gwpy_take_exception(void) {
#if PY_VERSION_HEX >= 0x030C0000
	return PyErr_GetRaisedException();
#else
	PyObject *type, *value, *traceback;
	PyErr_Fetch(&type, &value, &traceback);
	if (type == NULL) {
		return NULL;
	}
	PyErr_NormalizeException(&type, &value, &traceback);
	if (value == NULL) {
		value = Py_NewRef(Py_None);
	} else if (traceback != NULL) {
		PyException_SetTraceback(value, traceback);
	}
	Py_XDECREF(type);
	Py_XDECREF(traceback);
	return value;
#endif
}

int gwpy_is_interruption(PyObject *exception) {
	return PyErr_GivenExceptionMatches(exception, interrupted_type);
}

// gwpy_describe stores runtime.describe(exception) in *description: a
// (file, line, message, traceback) tuple. On failure it returns -1 with no
// exception pending.
int gwpy_describe(PyObject *exception, PyObject **description) {
	PyObject *args = PyTuple_Pack(1, exception);
	PyObject *result;
	if (args == NULL) {
		PyErr_Clear();
		return -1;
	}
	result = gwpy_runtime_call("describe", args);
	Py_DECREF(args);
	if (result == NULL) {
		PyErr_Clear();
		return -1;
	}
	if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) != 4
		|| !PyUnicode_Check(PyTuple_GET_ITEM(result, 0))
		|| !PyLong_Check(PyTuple_GET_ITEM(result, 1))
		|| !PyUnicode_Check(PyTuple_GET_ITEM(result, 2))
		|| !PyUnicode_Check(PyTuple_GET_ITEM(result, 3))) {
		Py_DECREF(result);
		return -1;
	}
	*description = result;
	return 0;
}

// gwpy_tuple_str returns tuple[index] as UTF-8 owned by the tuple, or
// NULL (no exception pending) when it cannot be encoded.
const char *gwpy_tuple_str(PyObject *tuple, Py_ssize_t index, Py_ssize_t *length) {
	const char *text = PyUnicode_AsUTF8AndSize(PyTuple_GET_ITEM(tuple, index), length);
	if (text == NULL) {
		PyErr_Clear();
	}
	return text;
}

long gwpy_tuple_long(PyObject *tuple, Py_ssize_t index) {
	long value = PyLong_AsLong(PyTuple_GET_ITEM(tuple, index));
	if (value == -1 && PyErr_Occurred()) {
		PyErr_Clear();
		return 0;
	}
	return value;
}

// gwpy_interrupt_thread makes the thread raise RequestInterrupted at its
// next bytecode boundary. It returns how many thread states were marked.
int gwpy_interrupt_thread(unsigned long thread_id) {
	return PyThreadState_SetAsyncExc(thread_id, interrupted_type);
}

// gwpy_clear_interrupt drops an interruption the thread has not raised
// yet, so it cannot leak into the thread's next request.
void gwpy_clear_interrupt(unsigned long thread_id) {
	PyThreadState_SetAsyncExc(thread_id, NULL);
}

// gwpy_str decodes UTF-8 text from Go; invalid bytes survive as
// surrogate escapes rather than failing the request.
PyObject *gwpy_str(const char *data, Py_ssize_t length) {
	return PyUnicode_DecodeUTF8(data, length, "surrogateescape");
}

// gwpy_path_list makes a list of str from concatenated file system paths.
PyObject *gwpy_path_list(const char *data, const Py_ssize_t *lengths, Py_ssize_t count) {
	PyObject *list = PyList_New(count);
	Py_ssize_t i;
	if (list == NULL) {
		return NULL;
	}
	for (i = 0; i < count; i++) {
		PyObject *path = PyUnicode_DecodeFSDefaultAndSize(data, lengths[i]);
		if (path == NULL) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, i, path);
		data += lengths[i];
	}
	return list;
}
