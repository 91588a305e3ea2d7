# Answers with the CGI variables and wsgi.* values the tests check, one
# "KEY=VALUE" line each, in a fixed order.

KEYS = [
    "REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING",
    "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "REMOTE_ADDR",
    "REMOTE_PORT", "CONTENT_TYPE", "CONTENT_LENGTH", "HTTP_HOST",
    "HTTP_X_GOWSGI_TEST", "HTTPS", "REQUEST_URI", "REMOTE_USER", "AUTH_TYPE",
    "HTTP_AUTHORIZATION",
]


def application(environ, start_response):
    lines = []
    for key in KEYS:
        if key in environ:
            lines.append(key + "=" + environ[key])
    lines.append("wsgi.url_scheme=" + environ["wsgi.url_scheme"])
    lines.append("wsgi.multiprocess=" + str(environ["wsgi.multiprocess"]))
    body = ("\n".join(lines) + "\n").encode("latin-1")
    start_response("200 OK", [("Content-Type", "text/plain; charset=iso-8859-1")])
    return [body]
