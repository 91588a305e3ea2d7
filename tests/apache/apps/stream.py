# Streams ?size= bytes (default 10 MiB) without a Content-Length, in 64 KiB
# chunks of a pattern the client can rebuild: chunk i is the byte i % 251
# repeated. Each chunk is yielded as it is made.

CHUNK = 65536


def size_of(query):
    for part in query.split("&"):
        if part.startswith("size="):
            return int(part[5:])
    return 10 * 1024 * 1024


def chunks(total):
    i = 0
    sent = 0
    while sent < total:
        n = min(CHUNK, total - sent)
        yield bytes([i % 251] * n)
        sent += n
        i += 1


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/octet-stream")])
    return chunks(size_of(environ.get("QUERY_STRING", "")))
