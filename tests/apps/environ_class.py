"""An environ dump written as a class, with f-strings and sorted items."""


class EnvironDump:
    def __init__(self, environ, start_response):
        self.environ = environ
        self.start_response = start_response

    def __iter__(self):
        lines = []
        for key, value in sorted(self.environ.items()):
            if key.startswith("wsgi."):
                value = type(value).__name__
            lines.append(f"{key:<24} = {value!r}")
        body = "\n".join(lines).encode("utf-8") + b"\n"
        self.start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                                       ("Content-Length", f"{len(body)}")])
        yield body


application = EnvironDump
