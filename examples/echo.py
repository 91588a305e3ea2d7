# echo.py - sends the request body straight back.
#
# Shows how to read wsgi.input without holding the whole body in memory:
# read a bounded chunk at a time and yield each one, so the response streams
# out while the request streams in. Only POST and PUT carry a body here;
# other methods get "405 Method Not Allowed" with an Allow header, as HTTP
# requires.
#
# Try it:  curl --data-binary @/etc/os-release http://127.0.0.1:8000/echo
#          curl -i http://127.0.0.1:8000/echo            (405)

CHUNK_SIZE = 64 * 1024  # 64 KiB per read


def read_chunks(stream):
    # A generator: the server pulls one chunk, sends it, pulls the next.
    # read() returns an empty bytes object once the body is exhausted; test
    # its length (the default engine does not treat b"" as false).
    while True:
        data = stream.read(CHUNK_SIZE)
        if len(data) == 0:
            break
        yield data


def application(environ, start_response):
    method = environ["REQUEST_METHOD"]
    if method != "POST" and method != "PUT":
        body = b"Send the body to echo with POST or PUT.\n"
        start_response("405 Method Not Allowed", [
            ("Allow", "POST, PUT"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
        ])
        return [body]

    # Answer with the same content type the client sent.
    content_type = environ.get("CONTENT_TYPE", "")
    if not content_type:
        content_type = "application/octet-stream"
    headers = [("Content-Type", content_type)]

    # When the client said how long its body is, the echo has that length
    # too. Without it (a chunked upload) the server picks the framing.
    length = environ.get("CONTENT_LENGTH", "")
    if length:
        headers.append(("Content-Length", length))

    start_response("200 OK", headers)
    return read_chunks(environ["wsgi.input"])
