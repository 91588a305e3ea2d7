# The ways a response can go right or wrong, by ?mode=:
#   write        uses the write() callable, then returns more body
#   closing      a body whose close() notes "closed" in ?marker=
#   drip         streams slowly, noting "started"; close() notes "closed"
#   excinfo      changes its mind with exc_info before any body: 500
#   badstatus    a status that is not "NNN reason"
#   crlf         a header value with CR LF in it (an injection attempt)
#   error        raises before start_response
#   cut          raises after part of the body went out
#   cutlength    the same, after announcing a Content-Length
import time


def params(environ):
    result = {}
    for part in environ.get("QUERY_STRING", "").split("&"):
        pair = part.split("=", 1)
        if len(pair) == 2:
            result[pair[0]] = pair[1]
    return result


def note(path, line):
    # gpython's open(path, "a") does not create a missing file.
    try:
        f = open(path, "a")
    except Exception:
        f = open(path, "w")
    f.write(line + "\n")
    f.close()


class Closing:
    def __init__(self, marker, pieces, pause):
        self.marker = marker
        self.pieces = pieces
        self.pause = pause

    def __iter__(self):
        return self.walk()

    def walk(self):
        note(self.marker, "started")
        for piece in self.pieces:
            yield piece
            if self.pause:
                time.sleep(self.pause)

    def close(self):
        note(self.marker, "closed")


def part_then_fail():
    yield b"first part;"
    raise RuntimeError("lifecycle test error after the body began")


def application(environ, start_response):
    args = params(environ)
    mode = args.get("mode", "")
    text = [("Content-Type", "text/plain")]
    if mode == "write":
        write = start_response("200 OK", text)
        write(b"written;")
        return [b"returned"]
    if mode == "closing":
        start_response("200 OK", text)
        return Closing(args["marker"], [b"one;", b"two"], 0)
    if mode == "drip":
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return Closing(args["marker"], [bytes([100] * 8192)] * 2000, 0.01)
    if mode == "excinfo":
        start_response("200 OK", text + [("X-First", "1")])
        try:
            raise ValueError("handled by the application")
        except ValueError as err:
            # The tuple sys.exc_info() gives, built by hand.
            start_response("500 Internal Server Error", text + [("X-Chosen", "app")],
                           (type(err), err, None))
        return [b"app-chose-500"]
    if mode == "badstatus":
        start_response("abc OK", text)
        return [b"bad status accepted"]
    if mode == "crlf":
        start_response("200 OK", text + [("X-Test", "a\r\nSet-Cookie: evil=1")])
        return [b"bad header accepted"]
    if mode == "error":
        raise RuntimeError("lifecycle test error")
    if mode == "cut":
        start_response("200 OK", text)
        return part_then_fail()
    if mode == "cutlength":
        start_response("200 OK", text + [("Content-Length", "1000")])
        return part_then_fail()
    start_response("404 Not Found", text)
    return [b"unknown mode"]
