"""The Python half of gowsgi's CPython engine.

Run once into the _gowsgi module when the interpreter starts. The Go side
calls these functions with the GIL held.
"""

import sys
import threading
import traceback
import types

# threading is imported here, on Python's main thread, so that
# threading.main_thread() is that thread, as the signal module sees it,
# rather than the worker whose import happened to come first.

# Frames of this file are the engine's, not the app's: tracebacks skip them.
_ENGINE_FILE = sys._getframe().f_code.co_filename


def load_script(name, path, paths):
    """Run the WSGI script at path as a fresh module called name.

    paths go to the front of sys.path first, in order. A fresh module each
    time, so a reloaded script never changes the globals that requests of
    its previous version still use.
    """
    for entry in reversed(paths):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    with open(path, "rb") as source_file:
        source = source_file.read()
    code = compile(source, path, "exec", dont_inherit=True)
    module = types.ModuleType(name)
    module.__file__ = path
    # Registered before running, as imports are, so the script can be found
    # by name while it runs (Flask looks up its import name there).
    sys.modules[name] = module
    try:
        exec(code, module.__dict__)
    except BaseException:
        if sys.modules.get(name) is module:
            del sys.modules[name]
        raise
    return module


def describe(exc):
    """Return (file, line, message, traceback text) for an exception.

    The place is the innermost frame, or for a syntax error the source it
    could not compile; "" and 0 when unknown.
    """
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == _ENGINE_FILE:
        tb = tb.tb_next
    file, line = "", 0
    if isinstance(exc, SyntaxError) and exc.filename:
        file, line = exc.filename, exc.lineno or 0
    else:
        frame = tb
        while frame is not None:
            file, line = frame.tb_frame.f_code.co_filename, frame.tb_lineno
            frame = frame.tb_next
    text = "".join(traceback.format_exception(type(exc), exc, tb))
    return _printable(file), line, _printable(_message(exc)), _printable(text)


def _message(exc):
    """The last line of a traceback: "Type: detail"."""
    cls = type(exc)
    name = cls.__qualname__
    if cls.__module__ not in ("builtins", "__main__"):
        name = cls.__module__ + "." + name
    if isinstance(exc, SyntaxError):
        detail = exc.msg or ""
    else:
        try:
            detail = str(exc)
        except Exception:
            detail = "<exception str() failed>"
    return name + ": " + detail if detail else name


def _printable(text):
    """text as valid UTF-8: lone surrogates become escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def interpreter_info():
    """(version, sys.prefix, sys.executable), for the engine's log."""
    return sys.version.split()[0], sys.prefix, sys.executable
