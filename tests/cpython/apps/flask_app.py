# A Flask application mounted under a prefix: url_for must include the
# mount (SCRIPT_NAME), and JSON travels both ways.
from flask import Flask, jsonify, request, url_for

application = Flask(__name__)


@application.route("/")
def index():
    return jsonify(
        item=url_for("item", item_id=7),
        echo=url_for("echo"),
        external=url_for("item", item_id=7, _external=True),
        script_root=request.script_root,
    )


@application.route("/items/<int:item_id>")
def item(item_id):
    return jsonify(id=item_id, path=request.path, full_path=request.full_path, args=request.args.to_dict())


@application.route("/echo", methods=["POST"])
def echo():
    data = request.get_json()
    reply = {"received": data, "doubled": [n * 2 for n in data["numbers"]], "length": request.content_length}
    return jsonify(reply), 201


@application.errorhandler(404)
def not_found(error):
    return jsonify(error="not found", path=request.path), 404
