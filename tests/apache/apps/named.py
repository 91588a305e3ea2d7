# Two callables in one script: which one answers depends on
# WSGICallableObject (or callable-object=) where the request is served.


def answer(name, environ, start_response):
    body = (name + " " + environ["SCRIPT_NAME"] + " " + environ["PATH_INFO"] + "\n").encode("ascii")
    start_response("200 OK", [("Content-Type", "text/plain"),
                              ("Content-Length", str(len(body)))])
    return [body]


def application(environ, start_response):
    return answer("application", environ, start_response)


def other(environ, start_response):
    return answer("other", environ, start_response)
