# Reads wsgi.input the way the "op" query parameter says and answers with
# every piece it got, each framed as [piece], so tests see the boundaries.

MAX_PIECES = 100000
SPOOL_CHUNK = 65536


def params(environ):
    result = {}
    for part in environ.get("QUERY_STRING", "").split("&"):
        if part == "":
            continue
        pair = part.split("=", 1)
        if len(pair) == 2:
            result[pair[0]] = pair[1]
        else:
            result[pair[0]] = ""
    return result


def framed(pieces):
    out = b""
    for piece in pieces:
        out = out + b"[" + piece + b"]"
    return out


def until_empty(read):
    pieces = []
    for _ in range(MAX_PIECES):
        piece = read()
        if piece == b"":
            break
        pieces.append(piece)
    return pieces


def stream_file(path):
    f = open(path, "rb")
    try:
        for _ in range(MAX_PIECES):
            data = f.read(SPOOL_CHUNK)
            if data == b"":
                break
            yield data
    finally:
        f.close()


def spool(stream, path):
    out = open(path, "wb")
    try:
        for _ in range(MAX_PIECES):
            data = stream.read(SPOOL_CHUNK)
            if data == b"":
                break
            out.write(data)
    finally:
        out.close()


def application(environ, start_response):
    args = params(environ)
    op = args.get("op", "readall")
    stream = environ["wsgi.input"]
    if op == "spool":
        spool(stream, args["path"])
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return stream_file(args["path"])
    if op == "read":
        size = int(args["n"])
        pieces = until_empty(lambda: stream.read(size))
    elif op == "truthiness":
        # The idiom frameworks use: an empty read is false.
        size = int(args["n"])
        pieces = []
        for _ in range(100):
            piece = stream.read(size)
            if not piece:
                break
            pieces.append(piece)
    elif op == "readall":
        pieces = [stream.read()]
    elif op == "readline":
        pieces = until_empty(lambda: stream.readline())
    elif op == "readline_n":
        size = int(args["n"])
        pieces = until_empty(lambda: stream.readline(size))
    elif op == "readlines":
        pieces = stream.readlines()
    elif op == "iter":
        pieces = []
        for line in stream:
            pieces.append(line)
    elif op == "getvalue":
        pieces = [stream.getvalue()]
    else:
        start_response("400 Bad Request", [("Content-Type", "text/plain")])
        return [b"unknown op"]
    start_response("200 OK", [("Content-Type", "application/octet-stream")])
    return [framed(pieces)]
