package rewrite

import (
	"sort"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite/pydict"
)

// evalExecHelper is __gowsgi_eval_exec__(fn, source, globals[, locals]).
// When fn is the builtin eval or exec, it runs source with the namespaces
// as gpython's own eval and exec do, but accepts the ordered dict: it
// runs on a copy that is written back afterwards. Any other fn is called
// as written.
func evalExecHelper(self py.Object, args py.Tuple) (py.Object, error) {
	if len(args) < 3 {
		return nil, py.ExceptionNewf(py.SystemError, "%s: bad arguments", helperEvalExec)
	}
	fn, rest := args[0], args[1:]
	method, ok := fn.(*py.Method)
	if !ok || (method.Internal() != py.InternalMethodEval && method.Internal() != py.InternalMethodExec) {
		return py.Call(fn, rest, nil)
	}
	mode := py.EvalMode
	if method.Internal() == py.InternalMethodExec {
		mode = py.ExecMode
	}
	builtins, ok := self.(*py.Module)
	if !ok || builtins.Context == nil {
		return nil, py.ExceptionNewf(py.SystemError, "%s called without its module", helperEvalExec)
	}
	source, globalsObj := rest[0], rest[1]
	localsObj := globalsObj
	if len(rest) > 2 && rest[2] != py.None {
		localsObj = rest[2]
	}
	globals, err := namespace(globalsObj, "globals")
	if err != nil {
		return nil, err
	}
	locals := globals
	if localsObj != globalsObj {
		if locals, err = namespace(localsObj, "locals"); err != nil {
			return nil, err
		}
	}
	if _, ok := globals["__builtins__"]; !ok {
		globals["__builtins__"] = builtins.Globals
	}
	code, err := codeFor(source, mode)
	if err != nil {
		return nil, err
	}
	result, err := builtins.Context.RunCode(code, globals, locals, nil)
	writeBack(globalsObj, globals)
	if localsObj != globalsObj {
		writeBack(localsObj, locals)
	}
	if err != nil {
		return nil, err
	}
	if mode == py.ExecMode {
		return py.None, nil
	}
	return result, nil
}

// namespace is the gpython dict to run with for a namespace argument.
func namespace(obj py.Object, what string) (py.StringDict, error) {
	switch ns := obj.(type) {
	case py.StringDict:
		return ns, nil
	case *pydict.Dict:
		sd, err := ns.ToStringDict()
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "%s must be a dict with str keys", what)
		}
		return sd, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "%s must be a dict", what)
}

// writeBack copies what the code did to a namespace into the ordered
// dict it came from. New names arrive in sorted order: the order they
// were bound in is lost with gpython's dict.
func writeBack(obj py.Object, ns py.StringDict) {
	d, ok := obj.(*pydict.Dict)
	if !ok {
		return
	}
	for _, k := range d.Keys() {
		if _, kept := ns[string(k.(py.String))]; !kept {
			_, _ = d.DelItem(k)
		}
	}
	names := make([]string, 0, len(ns))
	for k := range ns {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		d.SetString(k, ns[k])
	}
}

// codeFor compiles eval or exec's source argument as gpython does.
func codeFor(source py.Object, mode py.CompileMode) (*py.Code, error) {
	var text string
	switch s := source.(type) {
	case *py.Code:
		if s.GetNumFree() > 0 {
			return nil, py.ExceptionNewf(py.TypeError, "code passed to %s() may not contain free variables", mode)
		}
		return s, nil
	case py.String:
		text = string(s)
	case py.Bytes:
		text = string(s)
	default:
		return nil, py.ExceptionNewf(py.TypeError, "%s() arg 1 must be a string, bytes or code object", mode)
	}
	return py.Compile(strings.TrimLeft(text, " \t"), "<string>", mode, 0, true)
}
