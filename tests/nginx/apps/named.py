# Three applications in one script, told apart by callable-object=; each
# names itself and the SCRIPT_NAME / PATH_INFO split it got.


def reply(name, environ, start_response):
    body = "%s %s %s\n" % (name, environ.get("SCRIPT_NAME", ""), environ.get("PATH_INFO", ""))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body.encode("utf-8")]


def alpha(environ, start_response):
    return reply("alpha", environ, start_response)


def beta(environ, start_response):
    return reply("beta", environ, start_response)


def gamma(environ, start_response):
    return reply("gamma", environ, start_response)
