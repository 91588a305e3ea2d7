// Package rewrite makes everyday Python 3 code run on gpython v0.2.0,
// whose compiler reads the Python 3.4 grammar, by rewriting each module's
// source before gpython compiles it:
//
//   - f-strings are expanded into plain 3.4 expressions at the token level;
//   - except handlers record the exception they handle, so sys.exc_info()
//     can answer;
//   - truth tests follow Python's rules for bytes and for classes that
//     define __bool__ or __len__ (gpython treats b"" as true);
//   - dict displays, dict comprehensions and dict() build an insertion
//     ordered dict that takes any hashable key (package pydict);
//   - raise statements can raise instances of exception classes written
//     in Python, and handlers get the instance back;
//   - super() without arguments names its class and instance;
//   - comparisons, subscripts, `in`, * and % that may meet tuples, lists,
//     bytes, Python classes or a str format go through helpers with
//     CPython's semantics (package pyext);
//   - for loops and comprehensions raise what their iterator raises
//     instead of ending quietly.
//
// Line numbers are kept: the rewritten source is printed so that every
// statement stays on its original line where possible, and the line table
// of every compiled code object is mapped back to the user's lines where
// the rewrite had to add lines. Tracebacks therefore point at the user's
// source without the engine knowing about the rewrite.
//
// Install hooks py.Compile, so the WSGI script, every module imported from
// sys.path, Python-source modules and exec/eval all go through it.
package rewrite
