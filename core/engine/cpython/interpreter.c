//go:build cgo && cpython

// Starting the process's one interpreter.

#include "bridge.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

// gwpy_initialize starts CPython. It returns NULL, or a malloc'ed message
// the caller frees. program_name and home may be NULL.
char *gwpy_initialize(const char *program_name, const char *home) {
	PyConfig config;
	PyStatus status;
	char *argv[] = {"gowsgi"};

	PyConfig_InitPythonConfig(&config);
	// The host (Go's runtime, nginx, Apache) owns signals and stdio.
	config.install_signal_handlers = 0;
	// faulthandler's SIGSEGV handler would turn Go's recoverable faults
	// (nil dereferences become panics) into crashes.
	config.faulthandler = 0;
	config.configure_c_stdio = 0;
	config.parse_argv = 0;
	status = PyConfig_SetBytesArgv(&config, 1, argv);
	if (!PyStatus_Exception(status) && program_name != NULL) {
		status = PyConfig_SetBytesString(&config, &config.program_name, program_name);
	}
	if (!PyStatus_Exception(status) && home != NULL) {
		status = PyConfig_SetBytesString(&config, &config.home, home);
	}
	if (!PyStatus_Exception(status)) {
		status = Py_InitializeFromConfig(&config);
	}
	PyConfig_Clear(&config);
	if (PyStatus_Exception(status)) {
		const char *message = status.err_msg != NULL ? status.err_msg : "initialisation failed";
		return strdup(message);
	}
	return NULL;
}

// gwpy_library_path is the file libpython was loaded from, or NULL: the
// interpreter's own executable lives in the same installation.
const char *gwpy_library_path(void) {
	Dl_info info;
	if (dladdr((void *)&Py_InitializeFromConfig, &info) == 0) {
		return NULL;
	}
	return info.dli_fname;
}

int gwpy_python_minor(void) {
	return PY_MINOR_VERSION;
}
