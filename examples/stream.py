# stream.py - a response produced piece by piece by a generator.
#
# The application returns a generator instead of a list: the server sends
# each yielded chunk as soon as it is produced. Without a Content-Length
# header, an HTTP/1.1 server sends the body with chunked encoding.
#
# The number of chunks comes from the query string: ?n=5 (default 10).
#
# Try it:  curl -N 'http://127.0.0.1:8000/stream?n=5'

DEFAULT_CHUNKS = 10
MAX_CHUNKS = 10000  # refuse to stream forever


def chunk_count(query_string):
    # Finds "n" in a query string such as "n=5&x=y" by hand
    # (urllib.parse.parse_qs would do too). Gives the default when it is
    # missing or not a number, and keeps it between 0 and MAX_CHUNKS.
    for pair in query_string.split("&"):
        if pair.startswith("n="):
            try:
                count = int(pair[2:])
            except ValueError:
                return DEFAULT_CHUNKS
            return max(0, min(count, MAX_CHUNKS))
    return DEFAULT_CHUNKS


def generate(count):
    for i in range(1, count + 1):
        # One line per chunk; each must be bytes.
        yield ("chunk %d of %d\n" % (i, count)).encode("utf-8")


def application(environ, start_response):
    count = chunk_count(environ.get("QUERY_STRING", ""))
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return generate(count)
