# Failure and lifetime cases: close() bookkeeping, exceptions before and
# after the first body byte, slow requests, endless loops, deep recursion.
# Tests find the line of each raise by its "line-marker" comment.
import time

STREAM_CHUNKS = 5000


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


def append_line(path, line):
    # gpython's open(path, "a") does not create a missing file.
    try:
        f = open(path, "a")
    except Exception:
        f = open(path, "w")
    f.write(line + "\n")
    f.close()


def sixteen_k():
    data = b"stream-data-16k!"
    for _ in range(10):
        data = data + data
    return data


class Recorded:
    """An iterable whose close() appends "close" to a log file."""

    def __init__(self, log, count, stream):
        self.log = log
        self.count = count
        self.stream = stream

    def __iter__(self):
        return self.walk()

    def walk(self):
        if self.stream:
            data = sixteen_k()
            for _ in range(self.count):
                yield data
                time.sleep(0.002)
        else:
            for i in range(self.count):
                yield bytes("chunk-%d;" % i, "utf-8")

    def close(self):
        append_line(self.log, "close")


def fail_after_body():
    yield b"partial-body;"
    raise RuntimeError("lifecycle-error-after")  # line-marker: error-after


def tick(n):
    return n + 1


def spin():
    n = 0
    while True:
        n = tick(n)


def busy():
    # No call inside the loop: nothing in the interpreter can interrupt it.
    while True:
        pass


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


def application(environ, start_response):
    args = params(environ)
    mode = args.get("mode", "ok")
    text = [("Content-Type", "text/plain")]
    if mode == "ok":
        start_response("200 OK", text)
        return [b"lifecycle-ok"]
    if mode == "close":
        start_response("200 OK", text)
        return Recorded(args["log"], 3, False)
    if mode == "closestream":
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return Recorded(args["log"], STREAM_CHUNKS, True)
    if mode == "error_before":
        raise RuntimeError("lifecycle-error-before")  # line-marker: error-before
    if mode == "error_after":
        start_response("200 OK", text)
        return fail_after_body()
    if mode == "error_after_cl":
        start_response("200 OK", text + [("Content-Length", "1000")])
        return fail_after_body()
    if mode == "slow":
        append_line(args["marker"], "started")
        time.sleep(1.5)
        start_response("200 OK", text)
        return [b"slow-done"]
    if mode == "spin":
        spin()
    if mode == "busy":
        busy()
    if mode == "recurse":
        down(100000)
        start_response("200 OK", text)
        return [b"recursion-finished"]
    start_response("404 Not Found", text)
    return [b"unknown mode"]
