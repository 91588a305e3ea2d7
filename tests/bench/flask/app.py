"""The Flask page of bench.sh: a Jinja2 template rendered per request (/),
and a JSON answer (/api). The same file runs under every server measured.
"""
from flask import Flask, jsonify, render_template

application = Flask(__name__)

ITEMS = [
    {"id": i, "name": "item-%d" % i, "price": i * 1.25, "stock": (i * 7) % 13}
    for i in range(20)
]


@application.route("/")
def page():
    return render_template("page.html", title="Hello from Flask", items=ITEMS)


@application.route("/api")
def api():
    return jsonify(message="Hello from Flask", items=ITEMS)
