# Small named applications for routing, reload and signal tests; each says
# who it is and how the request was split into SCRIPT_NAME and PATH_INFO.
import os


def reply(start_response, environ, name):
    body = "name=%s;script_name=%s;path_info=%s" % (
        name,
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
    )
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [bytes(body, "utf-8")]


def application(environ, start_response):
    return reply(start_response, environ, "root")


def app_a(environ, start_response):
    return reply(start_response, environ, "a")


def app_b(environ, start_response):
    return reply(start_response, environ, "b")


def marker(environ, start_response):
    value = os.getenv("GOWSGI_TEST_MARKER")
    if value is None:
        value = "unset"
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [bytes("marker=" + value, "utf-8")]
