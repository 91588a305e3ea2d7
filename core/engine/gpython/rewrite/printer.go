package rewrite

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/ast"
)

// printer writes an AST back to Python 3.4 source that gpython compiles
// to the same code, placing every node on the line it came from: blank
// lines are added before statements and line continuations inside them.
// Where the rewrite added statements the output runs ahead of the source
// ("drift") until blank lines in the source absorb it; lines records, for
// every output line, the source line it stands for.
type printer struct {
	out    strings.Builder
	line   int  // output line being written, from 1
	fresh  bool // nothing written on the current line yet
	indent int
	// offset is how many lines the output runs ahead of the source in
	// the statement being printed.
	offset int
	lines  []int // lines[n] is the source line of output line n
}

// printError reports an AST the printer cannot write back.
type printError struct{ msg string }

func (e *printError) Error() string { return "rewrite: " + e.msg }

func failf(format string, args ...any) {
	panic(&printError{msg: fmt.Sprintf(format, args...)})
}

// printModule prints mod. Printing an AST gpython's parser cannot produce
// fails with a *printError.
func printModule(mod ast.Mod) (src string, lines []int, err error) {
	p := &printer{line: 1, fresh: true, lines: []int{0, 0}}
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(*printError)
			if !ok {
				panic(r)
			}
			err = pe
		}
	}()
	switch m := mod.(type) {
	case *ast.Module:
		p.stmts(m.Body)
	case *ast.Expression:
		p.origin(m.Body.GetLineno())
		p.expr(m.Body, precTuple)
	default:
		failf("cannot print a %T", mod)
	}
	p.out.WriteByte('\n')
	return p.out.String(), p.lines, nil
}

func (p *printer) write(s string) {
	p.out.WriteString(s)
	p.fresh = false
}

// newline ends the current output line. The new line stands for the
// source line offset lines behind it, never before the previous one.
func (p *printer) newline(continuation bool) {
	if continuation {
		p.out.WriteString(" \\")
	}
	p.out.WriteByte('\n')
	p.line++
	p.fresh = true
	p.lines = append(p.lines, max(p.line-p.offset, p.lines[len(p.lines)-1]))
}

// origin starts the first statement of a module, or an expression, at
// its source line.
func (p *printer) origin(line int) {
	for p.line < line {
		p.newline(false)
	}
}

// startStatement moves to a new line for a statement of source line
// (0 for one the rewrite added) and indents it.
func (p *printer) startStatement(line int) {
	if !p.fresh {
		p.newline(false)
	}
	if line > 0 {
		for p.line < line {
			p.newline(false)
		}
		p.offset = p.line - line
		p.lines[p.line] = max(line, p.lines[p.line-1])
	} else {
		p.lines[p.line] = p.lines[p.line-1] // added code stands for what precedes it
	}
	p.out.WriteString(strings.Repeat(" ", p.indent))
	p.fresh = false
}

// sourceLine is the source line the output is at.
func (p *printer) sourceLine() int { return p.line - p.offset }

// at continues the current statement on the line of node when that line
// is still ahead.
func (p *printer) at(node ast.Ast) {
	p.atLine(node.GetLineno())
}

func (p *printer) atLine(line int) {
	if line == 0 {
		return
	}
	for p.line < line+p.offset {
		p.newline(true)
	}
	// Code written on a line the rewrite added stands for its own line.
	if line > p.lines[p.line] {
		p.lines[p.line] = line
	}
}
