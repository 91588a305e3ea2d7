# An application wrapped in wsgiref.validate.validator: the validator checks
# the server's side of PEP 3333 (environ, wsgi.input, wsgi.errors,
# start_response, write, close) as much as the app's, so any AssertionError
# or WSGIWarning it reports here is a gateway bug. Warnings are printed to
# stderr, one line each, for the test to find.
import hashlib
import sys
import time
import warnings
from wsgiref.validate import WSGIWarning, validator

warnings.simplefilter("always", WSGIWarning)


def report_warning(message, category, filename, lineno, file=None, line=None):
    sys.stderr.write("VALIDATOR %s: %s\n" % (category.__name__, message))


warnings.showwarning = report_warning

TEXT = [("Content-Type", "text/plain; charset=utf-8")]


def read_all(inp, size=4096):
    # The validator allows read() with exactly one argument.
    chunks = []
    while True:
        chunk = inp.read(size)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def hello(environ, start_response):
    body = b"hello"
    start_response("200 OK", TEXT + [("Content-Length", str(len(body)))])
    return [body]


def echo(environ, start_response):
    body = read_all(environ["wsgi.input"])
    digest = hashlib.sha256(body).hexdigest()
    reply = ("%d %s %s" % (len(body), digest, environ.get("CONTENT_LENGTH", "-"))).encode()
    start_response("200 OK", TEXT)
    return [reply]


def lines(environ, start_response):
    inp = environ["wsgi.input"]
    first = inp.readline()
    second = inp.readline(3)
    rest_of_second = inp.readline()
    some = inp.readlines(1)
    remaining = [line for line in inp]
    parts = [first, second, rest_of_second, b"".join(some), b"".join(remaining)]
    start_response("200 OK", TEXT)
    return [b"|".join(parts)]


def stream(environ, start_response):
    start_response("200 OK", TEXT)
    for i in range(5):
        time.sleep(0.1)
        yield b"part %d\n" % i


def file_wrapper(environ, start_response):
    start_response("200 OK", TEXT)
    return environ["wsgi.file_wrapper"](open(__file__, "rb"), 1024)


def write(environ, start_response):
    send = start_response("200 OK", TEXT)
    send(b"written ")
    send(b"then ")
    return [b"returned"]


def errors(environ, start_response):
    stream = environ["wsgi.errors"]
    stream.write("validated app: one line\n")
    stream.writelines(["validated app: ", "two lines\n"])
    stream.flush()
    start_response("200 OK", TEXT)
    return [b"logged"]


def no_content(environ, start_response):
    start_response("204 No Content", [])
    return []


def exc_info(environ, start_response):
    try:
        raise ValueError("handled")
    except ValueError:
        start_response("500 Internal Server Error", TEXT, sys.exc_info())
    return [b"error page"]


def environ_dump(environ, start_response):
    keys = ["REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "SERVER_PROTOCOL", "wsgi.url_scheme"]
    body = "\n".join("%s=%s" % (k, environ.get(k)) for k in keys).encode("latin-1")
    start_response("200 OK", TEXT)
    return [body]


ROUTES = {
    "/hello": hello,
    "/echo": echo,
    "/lines": lines,
    "/stream": stream,
    "/file": file_wrapper,
    "/write": write,
    "/errors": errors,
    "/empty": no_content,
    "/exc": exc_info,
    "/environ": environ_dump,
}


def routed(environ, start_response):
    handler = ROUTES.get(environ["PATH_INFO"])
    if handler is None:
        start_response("404 Not Found", TEXT)
        return [b"not found"]
    return handler(environ, start_response)


application = validator(routed)
