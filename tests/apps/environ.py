# Reports the WSGI environ as "KEY=TYPE:VALUE" lines for the environ tests.
# Strings are sent back UTF-8 encoded, so PATH_INFO is also given as the
# code points of its characters (PATH_INFO_ORDS) to check "bytes in str".


def describe(value):
    if type(value) is bool:
        return "bool:" + str(value)
    if isinstance(value, str):
        return "str:" + value
    if isinstance(value, tuple):
        return "tuple:" + repr(value)
    return "object"


def ords(text):
    out = ""
    for ch in text:
        if out != "":
            out = out + ","
        out = out + str(ord(ch))
    return out


def application(environ, start_response):
    lines = ""
    for key in sorted(list(environ.keys())):
        lines = lines + key + "=" + describe(environ[key]) + "\n"
    lines = lines + "PATH_INFO_ORDS=" + ords(environ.get("PATH_INFO", "")) + "\n"
    version_ok = environ.get("wsgi.version") == (1, 0)
    lines = lines + "check.wsgi.version=" + str(version_ok) + "\n"
    wrapper = environ.get("wsgi.file_wrapper")
    wrapper_ok = wrapper is not None and hasattr(wrapper, "__call__")
    lines = lines + "check.file_wrapper_callable=" + str(wrapper_ok) + "\n"
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [bytes(lines, "utf-8")]
