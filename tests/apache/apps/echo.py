# Sends the request body back as it reads it, 64 KiB at a time, while the
# client is still sending: the response begins before the body has ended.

CHUNK = 65536


def chunks(stream):
    while True:
        data = stream.read(CHUNK)
        if len(data) == 0:
            break
        yield data


def application(environ, start_response):
    headers = [("Content-Type", "application/octet-stream")]
    length = environ.get("CONTENT_LENGTH", "")
    if length:
        headers.append(("Content-Length", length))
    start_response("200 OK", headers)
    return chunks(environ["wsgi.input"])
