# A mod_wsgi application as it is usually deployed: the callable is named
# by WSGICallableObject, and a helper module comes from WSGIPythonPath.
import greeting


def app(environ, start_response):
    body = greeting.greet(environ.get("QUERY_STRING", "") or "world").encode("ascii")
    start_response("200 OK", [("Content-Type", "text/plain"),
                              ("Content-Length", str(len(body)))])
    return [body]
