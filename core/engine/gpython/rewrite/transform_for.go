package rewrite

import (
	"github.com/go-python/gpython/ast"
)

// gpython's for loop ends quietly when its iterator fails: an exception
// raised inside a generator, "dictionary changed size during iteration",
// an __iter__ returning a non-iterator. The iterable of a for statement
// is therefore passed through __gowsgi_iter__, whose iterator notes the
// failure and ends the loop; the loop's else clause, which runs right
// after, raises it:
//
//	for x in items():             for x in __gowsgi_iter__(items()):
//	    body                →         body
//	                              else:
//	                                  __gowsgi_iter_end__()
//
// A list, set or dict comprehension checks its outermost iterable the
// same way, once the comprehension has run:
//
//	[f(x) for x in gen()]   →  __gowsgi_iter_checked__([f(x) for x in __gowsgi_iter__(gen())])
//
// Iterables that cannot fail (range(), displays, str and list literals)
// are left alone, and __gowsgi_iter__ returns gpython's own iterator for
// lists, tuples, str and ranges, so that only loops over generators,
// dicts and other iterators pay for the check on each step. Generator
// expressions are lazy: their consumer cannot be followed, so they stay
// unchecked, as do the inner loops of comprehensions; both are passed
// through __gowsgi_iterable__, which only makes bytes iterable (gpython
// cannot iterate bytes).

// checkedFor rewrites a for statement whose parts are already rewritten.
func checkedFor(n *ast.For) {
	if cannotFail(n.Iter) {
		return
	}
	n.Iter = callHelper(helperIter, posOf(n.Iter), n.Iter)
	n.Orelse = append([]ast.Stmt{helperStmt(helperIterEnd)}, n.Orelse...)
}

// checkedComprehension rewrites a list or set comprehension (or the list
// of pairs a dict comprehension becomes) whose parts are already
// rewritten, returning what replaces it.
func checkedComprehension(comp ast.Expr, gens []ast.Comprehension) ast.Expr {
	iterables(gens)
	if len(gens) == 0 || cannotFail(gens[0].Iter) {
		return comp
	}
	gens[0].Iter = callHelper(helperIter, posOf(gens[0].Iter), gens[0].Iter)
	return callHelper(helperIterChecked, posOf(comp), comp)
}

// iterables passes the iterables of a comprehension's inner loops, and
// of a generator expression's first, through __gowsgi_iterable__, which
// makes bytes iterable; their failures cannot be followed.
func iterables(gens []ast.Comprehension) {
	for i := 1; i < len(gens); i++ {
		if !cannotFail(gens[i].Iter) {
			gens[i].Iter = callHelper(helperIterable, posOf(gens[i].Iter), gens[i].Iter)
		}
	}
}

// generatorIterable rewrites a generator expression whose parts are
// already rewritten.
func generatorIterable(gens []ast.Comprehension) {
	iterables(gens)
	if len(gens) > 0 && !cannotFail(gens[0].Iter) {
		gens[0].Iter = callHelper(helperIterable, posOf(gens[0].Iter), gens[0].Iter)
	}
}

// cannotFail reports an iterable whose iteration gpython gets right.
func cannotFail(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.List, *ast.Tuple, *ast.Set, *ast.Str, *ast.ListComp, *ast.SetComp:
		return true
	case *ast.Call:
		f, ok := n.Func.(*ast.Name)
		return ok && f.Id == "range"
	}
	return false
}
