# Streams ?size= bytes of a fixed pattern (the 16 hex digits over and over)
# in ?chunk= sized pieces, each yielded on its own.


def params(environ):
    result = {}
    for part in environ.get("QUERY_STRING", "").split("&"):
        pair = part.split("=", 1)
        if len(pair) == 2:
            result[pair[0]] = pair[1]
    return result


def pieces(size, chunk):
    # gpython's bytes cannot be sliced: slice the text, then encode.
    text = "0123456789abcdef" * (chunk // 16 + 1)
    block = text[:chunk].encode("ascii")
    sent = 0
    while sent + chunk <= size:
        yield block
        sent = sent + chunk
    if sent < size:
        yield text[:size - sent].encode("ascii")


def application(environ, start_response):
    args = params(environ)
    size = int(args.get("size", "1048576"))
    chunk = int(args.get("chunk", "65536"))
    start_response("200 OK", [("Content-Type", "application/octet-stream")])
    return pieces(size, chunk)
