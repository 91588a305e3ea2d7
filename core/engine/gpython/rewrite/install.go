package rewrite

import (
	"fmt"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pyext"
	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite/pydict"
	// stdlib's init sets py.Compile (through vm and compile) and registers
	// the builtins and sys modules that Install extends.
	_ "github.com/go-python/gpython/stdlib"
)

var installOnce sync.Once

// Install routes every compile through the rewriter and adds what the
// rewritten code needs at run time: its helpers, the ordered dict as the
// builtin dict, and a working sys.exc_info.
//
// Call it before the first py.NewContext, since a context copies the
// builtins and sys modules when it is made, and after any other package
// that replaces builtins (isinstance is wrapped, not replaced). It is safe
// to call more than once and from several goroutines.
func Install() {
	installOnce.Do(func() {
		readyTypes()
		gpythonCompile = py.Compile
		py.Compile = compile

		builtins := py.GetModuleImpl("builtins")
		helpers := []struct {
			name string
			fn   any
		}{
			{helperFormat, formatField},
			{helperTruth, truthHelper},
			{helperOperand, operandHelper},
			{helperAndResult, andResultHelper},
			{helperDict, dictHelper},
			{helperDictPairs, dictPairsHelper},
			{helperKwargs, kwargsHelper},
			{helperKwargsParam, kwargsParamHelper},
			{helperCallOrdered, callOrderedHelper},
			{helperExcEnter, excEnter},
			{helperExcLeave, excLeave},
			{helperExcCurrent, excCurrent},
			{helperRaise, raiseHelper},
			{helperIter, iterHelper},
			{helperIterEnd, iterEndHelper},
			{helperIterChecked, iterCheckedHelper},
			{helperIterable, iterableHelper},
			{helperEvalExec, evalExecHelper},
			{helperNamespace, namespaceHelper},
			{helperDecorator, decoratorHelper},
		}
		for _, h := range helpers {
			builtins.Methods = append(builtins.Methods, py.MustNewMethod(h.name, h.fn, 0, "used by rewritten code"))
		}
		for _, h := range operatorHelpers {
			builtins.Methods = append(builtins.Methods, py.MustNewMethod(h.name, h.fn, 0, "used by rewritten code"))
		}
		if !hasMethod(builtins, "hash") {
			builtins.Methods = append(builtins.Methods, py.MustNewMethod("hash", hashBuiltin, 0,
				"hash(obj) -> int: the hash value of obj, equal for objects that compare equal"))
		}
		replaceMethod(builtins, "compile", compileBuiltin)
		builtins.Globals["dict"] = pydict.Type
		pydict.ReprOf = pyext.Repr
		pyext.RegisterSubclassable(pydict.Type, pydict.NewInstance, pydict.Init)
		wrapIsinstance(builtins)
		replaceMethod(py.GetModuleImpl("sys"), "exc_info", sysExcInfo)
	})
}

// replaceMethod swaps a module function for fn, keeping its doc.
func replaceMethod(impl *py.ModuleImpl, name string, fn any) {
	for i, m := range impl.Methods {
		if m.Name == name {
			impl.Methods[i] = py.MustNewMethod(name, fn, 0, m.Doc)
			return
		}
	}
	impl.Methods = append(impl.Methods, py.MustNewMethod(name, fn, 0, ""))
}

func hasMethod(impl *py.ModuleImpl, name string) bool {
	for _, m := range impl.Methods {
		if m.Name == name {
			return true
		}
	}
	return false
}

// readyTypes readies the types this package makes: gpython readies only
// the types that exist when its own init runs.
func readyTypes() {
	for _, t := range append(pydict.Types(), falseStandInType, contextStateType, checkedIteratorType) {
		if err := t.Ready(); err != nil {
			panic(fmt.Sprintf("rewrite: readying type %s: %v", t.Name, err))
		}
	}
}
