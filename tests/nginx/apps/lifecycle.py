# Failures and slow requests:
#   ?mode=error          raises before start_response
#   ?mode=slow&marker=F  appends "started" to F, sleeps, answers
#   ?mode=drip&marker=F  streams slowly; close() appends "closed" to F
#   ?mode=spin           loops until the request timeout stops it
#   ?mode=cut            sends part of the body, then raises
#   ?mode=cutlength      the same, after announcing a Content-Length
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


class Drip:
    def __init__(self, marker):
        self.marker = marker

    def __iter__(self):
        return self.drops()

    def drops(self):
        # Noted once iteration began: from here on close() is due whatever
        # happens to the request.
        note(self.marker, "started")
        data = ("drip-" * 2000).encode("ascii")
        for _ in range(500):
            yield data
            time.sleep(0.02)

    def close(self):
        note(self.marker, "closed")


def step(n):
    return n + 1


def part_then_fail():
    yield b"first part;"
    raise RuntimeError("lifecycle test error after the body began")


def application(environ, start_response):
    args = params(environ)
    mode = args.get("mode", "")
    text = [("Content-Type", "text/plain")]
    if mode == "error":
        raise RuntimeError("lifecycle test error")
    if mode == "slow":
        note(args["marker"], "started")
        time.sleep(float(args.get("seconds", "1.5")))
        start_response("200 OK", text)
        return [b"slow-done"]
    if mode == "drip":
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return Drip(args["marker"])
    if mode == "cut":
        start_response("200 OK", text)
        return part_then_fail()
    if mode == "cutlength":
        start_response("200 OK", text + [("Content-Length", "1000")])
        return part_then_fail()
    if mode == "spin":
        n = 0
        while True:
            n = step(n)
    start_response("404 Not Found", text)
    return [b"unknown mode"]
