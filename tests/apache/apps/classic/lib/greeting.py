# A helper module found through WSGIPythonPath.


def greet(name):
    return "Greetings, " + name + ", from a helper module\n"
