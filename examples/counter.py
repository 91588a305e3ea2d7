# counter.py - a class-based WSGI application that keeps state.
#
# PEP 3333 allows the application to be a class: calling the class with
# (environ, start_response) creates an instance, and the server then iterates
# that instance to get the body. So __init__ plays the part of the function
# call and __iter__ produces the body.
#
# The count is kept on the class, so it survives from one request to the
# next. Be aware of where it lives: gowsgi runs each app in several
# interpreter contexts (one per thread, see WSGIThreads), and each context
# loads the script on its own. Every context therefore has its own Counter
# class and its own count; the page says which count answered. Shared state
# across contexts (or across processes under nginx/Apache) belongs in a
# database or a file, never in a Python global.
#
# Try it:  curl http://127.0.0.1:8000/counter   (repeat a few times)


class Counter:
    # Requests seen by this interpreter context. Reloading the script (it
    # changed on disk, with WSGIScriptReloading On) starts again from zero.
    hits = 0

    def __init__(self, environ, start_response):
        # Runs once per request: count it and send the status and headers.
        Counter.hits = Counter.hits + 1
        self.hits = Counter.hits
        self.path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])

    def __iter__(self):
        # The server iterates the instance: each yielded bytes object is
        # one piece of the body.
        yield ("%s: request number %d in this interpreter context\n"
               % (self.path, self.hits)).encode("utf-8")


# gowsgi looks for "application" unless told otherwise
# (WSGICallableObject Counter, or callable-object=Counter on the alias).
application = Counter
