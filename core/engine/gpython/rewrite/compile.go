package rewrite

import (
	"bytes"
	"fmt"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/parser"
	"github.com/go-python/gpython/py"
)

// gpythonCompile is the compiler Install found in py.Compile.
var gpythonCompile func(src, srcDesc string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error)

// Warn, when set, hears of a module the rewriter could not rewrite and
// that was therefore compiled with only its f-strings expanded; it runs,
// but with gpython's own dict and truth semantics. It is a fault of the
// rewriter, worth logging.
var Warn func(filename string, err error)

// compile replaces py.Compile.
func compile(src, filename string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error) {
	code, err := rewriteAndCompile(src, filename, mode, flags, dontInherit)
	if err != nil {
		return nil, err
	}
	fixCells(code)
	return code, nil
}

func rewriteAndCompile(src, filename string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error) {
	expanded, err := expandFStrings(src)
	if err != nil {
		return nil, fstringSyntaxError(err, src, filename)
	}
	if mode != py.ExecMode && mode != py.EvalMode {
		return compileExpanded(src, expanded, filename, mode, flags, dontInherit)
	}
	mod, err := parser.Parse(bytes.NewBufferString(expanded), filename, mode)
	if err != nil {
		// Reported from the source as written, by the same parser.
		return compileExpanded(src, expanded, filename, mode, flags, dontInherit)
	}
	printed, lines, err := rewriteModule(mod)
	if err == nil {
		var code *py.Code
		code, err = compilePrinted(printed, filename, mode, flags, dontInherit)
		if err == nil {
			lines.fixCode(code)
			return code, nil
		}
	}
	// A compile-time error of the user's code (say, 'return' outside a
	// function) is reported from the source as written; if that compiles,
	// the rewrite broke it.
	code, expandedErr := compileExpanded(src, expanded, filename, mode, flags, dontInherit)
	if expandedErr == nil {
		warn(filename, err)
	}
	return code, expandedErr
}

func warn(filename string, err error) {
	if Warn != nil {
		Warn(filename, err)
	}
}

// rewriteAST parses src, applies the AST rewrites and prints the result.
func rewriteAST(src, filename string, mode py.CompileMode) (string, lineMap, error) {
	mod, err := parser.Parse(bytes.NewBufferString(src), filename, mode)
	if err != nil {
		return "", nil, err
	}
	return rewriteModule(mod)
}

// rewriteModule applies the AST rewrites to mod and prints it. An AST the
// rewriter does not expect is an error, not a crash.
func rewriteModule(mod ast.Mod) (src string, lines lineMap, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("rewrite failed: %v", r)
		}
	}()
	transform(mod)
	printed, outLines, err := printModule(mod)
	if err != nil {
		return "", nil, err
	}
	return printed, newLineMap(outLines), nil
}

// compilePrinted compiles the rewritten source; gpython's compiler
// panicking on it counts as an error, for the source as written to be
// tried instead.
func compilePrinted(printed, filename string, mode py.CompileMode, flags int, dontInherit bool) (code *py.Code, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("compiling the rewritten source panicked: %v", r)
		}
	}()
	code, err = gpythonCompile(printed, filename, mode, flags, dontInherit)
	if err != nil {
		return nil, fmt.Errorf("rewritten source does not compile: %w", err)
	}
	return code, nil
}

// compileExpanded compiles the source with only its f-strings expanded,
// whose lines are the user's; a SyntaxError shows the line as written:
// gpython's compiler leaves the text of the line out of the SyntaxErrors
// it finds after parsing; the source as written supplies it.
func compileExpanded(src, expanded, filename string, mode py.CompileMode, flags int, dontInherit bool) (*py.Code, error) {
	code, err := gpythonCompile(expanded, filename, mode, flags, dontInherit)
	if err != nil {
		if exc, ok := err.(*py.Exception); ok && py.IsException(py.SyntaxError, exc) {
			text, _ := exc.Dict["line"].(py.String)
			if line, ok := exc.Dict["lineno"].(py.Int); ok && (expanded != src || text == "") {
				exc.Dict["line"] = py.String(newLineIndex(src).text(src, int(line)) + "\n")
			}
		}
	}
	return code, err
}

// fstringSyntaxError reports a malformed f-string as CPython does.
func fstringSyntaxError(err error, src, filename string) error {
	fe, ok := err.(*fstringError)
	if !ok {
		return err
	}
	idx := newLineIndex(src)
	line, col := idx.position(src, fe.offset)
	exc := py.ExceptionNewf(py.SyntaxError, "%s", fe.msg)
	return py.MakeSyntaxError(exc, filename, line, col, idx.text(src, line)+"\n")
}
