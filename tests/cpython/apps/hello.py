# The smallest application: the benchmark's, and the suite's first check.
import sys


def application(environ, start_response):
    body = b"Hello from CPython %d.%d\n" % sys.version_info[:2]
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
