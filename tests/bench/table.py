"""A CPU-bound page: a 100-row HTML table rendered with str.format and join.

It measures what Python work costs on each engine, next to hello.py, which
measures the server around it.
"""

ROWS = [
    {"id": i, "name": "item-%d" % i, "price": i * 1.25, "stock": (i * 7) % 13}
    for i in range(100)
]

ROW = "<tr><td>{id}</td><td>{name}</td><td>{price:.2f}</td><td>{stock:>3}</td></tr>"


def render(rows):
    body = "\n".join(ROW.format(**row) for row in rows)
    return "<html><body><table>\n{}\n</table></body></html>\n".format(body)


def application(environ, start_response):
    page = render(ROWS).encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                              ("Content-Length", str(len(page)))])
    return [page]
