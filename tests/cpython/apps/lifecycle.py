# Failures and limits: QUERY_STRING picks what the request does.
import time


def fail():
    raise LookupError("no such thing")  # line 6: the log must point here


def application(environ, start_response):
    mode = environ.get("QUERY_STRING", "")
    if mode == "raise":
        fail()
    if mode == "spin":
        while True:
            pass
    if mode == "sleep":
        # Blocked in C, where no exception can be raised.
        time.sleep(3)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"lifecycle-ok"]
