"""A small JSON API: posts and their comments, kept in memory.

Written the way tutorials write WSGI apps, with nothing adapted to the
engine: integer keys, f-strings, json, parse_qs filters, dict methods.

    GET    /posts?author=ann     list (filtered)      POST /posts      create
    GET    /posts/1              one, with comments   PUT  /posts/1    replace
    DELETE /posts/1              delete, and its comments
    POST   /posts/1/comments     add a comment
"""
import json
from urllib.parse import parse_qs

posts = {}
comments = {}
next_id = {"post": 1, "comment": 1}


def new_id(kind):
    value = next_id[kind]
    next_id[kind] += 1
    return value


def respond(start_response, status, payload=None):
    if payload is None:
        start_response(status, [])
        return []
    body = json.dumps(payload, sort_keys=True).encode("utf-8")
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    start_response(status, headers)
    return [body]


def read_json(environ):
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    raw = environ["wsgi.input"].read(length) if length else b""
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def with_comments(post):
    result = dict(post)
    result["comments"] = [c for c in comments.values() if c["post_id"] == post["id"]]
    return result


def list_posts(environ):
    query = parse_qs(environ.get("QUERY_STRING", ""))
    authors = set(query.get("author", []))
    found = [p for p in posts.values() if not authors or p["author"] in authors]
    return sorted(found, key=lambda p: p["id"])


def application(environ, start_response):
    method = environ["REQUEST_METHOD"]
    parts = [p for p in environ.get("PATH_INFO", "").split("/") if p]

    if parts == ["posts"]:
        if method == "GET":
            return respond(start_response, "200 OK", list_posts(environ))
        if method == "POST":
            data = read_json(environ)
            if data is None or "title" not in data:
                return respond(start_response, "400 Bad Request", {"error": "expected a JSON object with a title"})
            post_id = new_id("post")
            posts[post_id] = {"id": post_id, "title": data["title"], "author": data.get("author", "anonymous")}
            return respond(start_response, "201 Created", posts[post_id])
        return respond(start_response, "405 Method Not Allowed", {"error": f"{method} not allowed on /posts"})

    if len(parts) >= 2 and parts[0] == "posts" and parts[1].isdigit():
        post_id = int(parts[1])
        post = posts.get(post_id)
        if post is None:
            return respond(start_response, "404 Not Found", {"error": f"no post {post_id}"})
        if len(parts) == 2:
            if method == "GET":
                return respond(start_response, "200 OK", with_comments(post))
            if method == "PUT":
                data = read_json(environ)
                if data is None:
                    return respond(start_response, "400 Bad Request", {"error": "expected a JSON object"})
                post.update({k: v for k, v in data.items() if k in ("title", "author")})
                return respond(start_response, "200 OK", post)
            if method == "DELETE":
                del posts[post_id]
                for comment_id in [c["id"] for c in comments.values() if c["post_id"] == post_id]:
                    comments.pop(comment_id)
                return respond(start_response, "204 No Content")
        if parts[2:] == ["comments"] and method == "POST":
            data = read_json(environ)
            if data is None or not data.get("text"):
                return respond(start_response, "400 Bad Request", {"error": "expected a JSON object with text"})
            comment_id = new_id("comment")
            comments[comment_id] = {"id": comment_id, "post_id": post_id, "text": data["text"]}
            return respond(start_response, "201 Created", comments[comment_id])

    return respond(start_response, "404 Not Found", {"error": f"nothing at /{'/'.join(parts)}"})
