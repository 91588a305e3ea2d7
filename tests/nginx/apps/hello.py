# The smallest application: a fixed body, returned as a list so the server
# knows its length before sending the headers.


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"Hello from gowsgi under nginx\n"]
