# Returns its body in the shape the "mode" query parameter names: lists,
# generators, iterable classes, write(), wsgi.file_wrapper, large streams.
import time

CHUNK_UNIT = b"gowsgi!\n"


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


def chunk_base():
    # 8191 copies of CHUNK_UNIT (65528 bytes), built by doubling because
    # bytes * int is not available.
    pieces = [CHUNK_UNIT]
    for _ in range(12):
        pieces.append(pieces[-1] + pieces[-1])
    base = b""
    for piece in pieces:
        base = base + piece
    return base


def big_body(count):
    base = chunk_base()
    for i in range(count):
        yield bytes("%08d" % i, "utf-8") + base


def generator():
    yield b"alpha-"
    yield b"beta-"
    yield b"gamma"


def empty_first():
    yield b""
    yield b""
    yield b"data-after-empty"


class IterBody:
    def __init__(self, pieces):
        self.pieces = pieces

    def __iter__(self):
        return self.walk()

    def walk(self):
        for piece in self.pieces:
            yield piece


def lazy_start(start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-Lazy", "yes")])
    yield b"started-inside-iterator"


def status_change(start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b""
    try:
        raise RuntimeError("changed before any body byte")
    except RuntimeError as err:
        start_response("503 Service Unavailable", [("Content-Type", "text/plain"), ("X-Changed", "yes")], (type(err), err, None))
    yield b"status-changed"


def gated(gate):
    yield b"before-gate;"
    for _ in range(1000):
        try:
            open(gate, "rb").close()
            break
        except Exception:
            time.sleep(0.01)
    yield b"after-gate"


def application(environ, start_response):
    args = params(environ)
    mode = args.get("mode", "list")
    text = [("Content-Type", "text/plain")]
    if mode == "list":
        start_response("200 OK", text)
        return [b"hello ", b"world"]
    if mode == "gen":
        start_response("200 OK", text)
        return generator()
    if mode == "iterclass":
        start_response("200 OK", text)
        return IterBody([b"class-", b"iter"])
    if mode == "emptyfirst":
        start_response("200 OK", text)
        return empty_first()
    if mode == "lazystart":
        return lazy_start(start_response)
    if mode == "statuschange":
        return status_change(start_response)
    if mode == "cl_over_one":
        start_response("200 OK", text + [("Content-Length", "5")])
        return [b"0123456789"]
    if mode == "cl_over_two":
        start_response("200 OK", text + [("Content-Length", "5")])
        return [b"012", b"3456789"]
    if mode == "write":
        write = start_response("200 OK", text)
        write(b"one;")
        write(b"two;")
        return [b"three;", b"four"]
    if mode == "writegen":
        write = start_response("200 OK", text)
        write(b"one;")
        write(b"two;")
        return IterBody([b"three;", b"four"])
    if mode == "filewrapper":
        f = open(args["path"], "rb")
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return environ["wsgi.file_wrapper"](f, 32768)
    if mode == "big":
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return big_body(int(args["chunks"]))
    if mode == "gate":
        start_response("200 OK", text)
        return gated(args["path"])
    start_response("404 Not Found", text)
    return [b"unknown mode"]


class CallableApp:
    def __call__(self, environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"called-instance"]


callobj = CallableApp()
