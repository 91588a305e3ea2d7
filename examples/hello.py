# hello.py - the smallest useful WSGI application (PEP 3333).
#
# gowsgi loads this file and looks for a callable named "application".
# For every request it calls application(environ, start_response):
#   - environ is a dict of CGI-style variables (REQUEST_METHOD, PATH_INFO...)
#     plus the wsgi.* entries;
#   - start_response(status, headers) sets the status line and headers;
#   - the return value is an iterable of bytes: the response body.
#
# Try it:  curl http://127.0.0.1:8000/hello


def application(environ, start_response):
    # The body must be bytes, not str.
    body = b"Hello, world!\n"
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        # Header values are str; the length is counted in bytes.
        ("Content-Length", str(len(body))),
    ]
    start_response("200 OK", headers)
    # A list with one bytes object is the simplest iterable.
    return [body]
