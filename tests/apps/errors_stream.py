# Writes to wsgi.errors with each of its methods.


def application(environ, start_response):
    errors = environ["wsgi.errors"]
    errors.write("errors-stream-write-marker\n")
    errors.writelines(["errors-stream-writelines-one\n", "errors-stream-writelines-two\n"])
    errors.flush()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"logged"]
