# Misuses start_response in the ways the QUERY_STRING names; the server
# must refuse each with a 500 and keep serving.
import sys

BAD_STATUS = {
    "status_no_reason": "200",
    "status_not_numeric": "abc OK",
    "status_four_digits": "2000 OK",
}

BAD_HEADERS = {
    "value_crlf": ("X-Test", "a\r\nSet-Cookie: evil"),
    "value_lf": ("X-Test", "a\nSet-Cookie: evil"),
    "value_cr": ("X-Test", "a\rSet-Cookie: evil"),
    "name_space": ("Bad Name", "v"),
    "name_colon": ("X-Bad:Name", "v"),
    "name_crlf": ("X-Inj\r\nSet-Cookie", "evil"),
}


def exc_info_for(err, source):
    # source "sys" is what real applications do; "manual" builds the same
    # tuple by hand so the gateway's handling can be tested on its own.
    if source == "sys":
        return sys.exc_info()
    return (type(err), err, None)


def chose_500(start_response, source):
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-First", "1")])
    try:
        raise ValueError("handled by the application")
    except ValueError as err:
        start_response(
            "500 Internal Server Error",
            [("Content-Type", "text/plain"), ("X-Chosen", "app")],
            exc_info_for(err, source),
        )
    return [b"app-chose-500"]


def error_after_body(start_response, source):
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"partial;"
    try:
        raise ValueError("too late to change the status")
    except ValueError as err:
        start_response("500 Internal Server Error", [("Content-Type", "text/plain")], exc_info_for(err, source))
    yield b"must-not-be-sent"


def application(environ, start_response):
    mode = environ.get("QUERY_STRING", "")
    if mode in BAD_STATUS:
        start_response(BAD_STATUS[mode], [("Content-Type", "text/plain")])
        return [b"bad status accepted"]
    if mode in BAD_HEADERS:
        start_response("200 OK", [("Content-Type", "text/plain"), BAD_HEADERS[mode]])
        return [b"bad header accepted"]
    if mode == "excinfo_before_sys":
        return chose_500(start_response, "sys")
    if mode == "excinfo_before_manual":
        return chose_500(start_response, "manual")
    if mode == "excinfo_after_sys":
        return error_after_body(start_response, "sys")
    if mode == "excinfo_after_manual":
        return error_after_body(start_response, "manual")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
