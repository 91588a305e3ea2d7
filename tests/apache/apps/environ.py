# Answers the environ's string values, one "KEY=VALUE" line each, sorted,
# and the wsgi.* entries the tests look at.


def application(environ, start_response):
    lines = []
    for key in sorted(environ.keys()):
        value = environ[key]
        if isinstance(value, str):
            lines.append(key + "=" + value)
    lines.append("wsgi.url_scheme=" + environ["wsgi.url_scheme"])
    lines.append("wsgi.multithread=" + str(environ["wsgi.multithread"]))
    lines.append("wsgi.multiprocess=" + str(environ["wsgi.multiprocess"]))
    body = ("\n".join(lines) + "\n").encode("latin-1")
    start_response("200 OK", [("Content-Type", "text/plain; charset=latin-1"),
                              ("Content-Length", str(len(body)))])
    return [body]
