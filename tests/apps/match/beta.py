# Target of the WSGIScriptAliasMatch test: the regex group picks this file.


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"match=beta"]
