# environ.py - shows every key of the WSGI environ as plain text.
#
# Handy to see what the server passes to an application: the CGI variables
# (REQUEST_METHOD, SCRIPT_NAME, PATH_INFO, QUERY_STRING, HTTP_* headers...)
# and the wsgi.* entries (wsgi.input, wsgi.errors, wsgi.url_scheme...).
#
# Try it:  curl 'http://127.0.0.1:8000/environ/some/path?a=1' -H 'X-Demo: yes'


def application(environ, start_response):
    lines = []
    # Sort the keys so the output is stable from one request to the next.
    for key in sorted(environ.keys()):
        value = environ[key]
        if isinstance(value, str):
            # Strings are shown as they are.
            shown = value
        else:
            # Anything else (streams, booleans, the version tuple) is shown
            # through repr().
            shown = repr(value)
        lines.append("%s = %s\n" % (key, shown))

    # Per PEP 3333 each environ string holds the request's bytes one
    # character per byte (latin-1); here it is only displayed, as UTF-8.
    body = "".join(lines).encode("utf-8")
    start_response("200 OK", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]
