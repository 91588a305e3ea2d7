package rewrite

// Names of the runtime helpers the rewritten source calls. They live in
// the builtins module, so they are found from any scope. Dunder names
// ending in "__" are never mangled inside class bodies and do not collide
// with user names in practice.
const (
	helperFormat      = "__gowsgi_format__"       // f-string field: format(value, spec) after a conversion
	helperTruth       = "__gowsgi_truth__"        // Python truth value as a bool
	helperOperand     = "__gowsgi_operand__"      // an and/or operand gpython can test correctly
	helperAndResult   = "__gowsgi_and_result__"   // undoes helperOperand on the value of an and
	helperDict        = "__gowsgi_dict__"         // dict display: key, value, key, value...
	helperDictPairs   = "__gowsgi_dict_pairs__"   // dict comprehension: list of (key, value)
	helperKwargs      = "__gowsgi_kwargs__"       // **mapping where gpython requires its own dict
	helperKwargsParam = "__gowsgi_kwargs_param__" // **kwargs parameter: an ordered dict
	helperCallOrdered = "__gowsgi_call_ordered__" // a call whose keyword order must survive
	helperNamespace   = "__gowsgi_namespace__"    // gpython's dict for type()'s namespace, __dict__...
	helperEvalExec    = "__gowsgi_eval_exec__"    // eval or exec with explicit namespaces
	helperExcEnter    = "__gowsgi_exc_enter__"    // an except handler starts
	helperExcLeave    = "__gowsgi_exc_leave__"    // an except handler ends
	helperExcCurrent  = "__gowsgi_exc_current__"  // the exception a bare raise re-raises
	helperRaise       = "__gowsgi_raise__"        // what a raise statement raises
	helperLt          = "__gowsgi_lt__"           // a < b
	helperLe          = "__gowsgi_le__"           // a <= b
	helperEq          = "__gowsgi_eq__"           // a == b
	helperNe          = "__gowsgi_ne__"           // a != b
	helperGt          = "__gowsgi_gt__"           // a > b
	helperGe          = "__gowsgi_ge__"           // a >= b
	helperIn          = "__gowsgi_in__"           // a in b
	helperNotIn       = "__gowsgi_not_in__"       // a not in b
	helperGetItem     = "__gowsgi_getitem__"      // a[i]
	helperSlice       = "__gowsgi_slice__"        // a[i:j:k]
	helperMul         = "__gowsgi_mul__"          // a * b
	helperMod         = "__gowsgi_mod__"          // a % b
	helperAdd         = "__gowsgi_add__"          // a + b
	helperIAdd        = "__gowsgi_iadd__"         // a += b
	helperIter        = "__gowsgi_iter__"         // the iterable of a for loop
	helperIterEnd     = "__gowsgi_iter_end__"     // a for loop ran out
	helperIterChecked = "__gowsgi_iter_checked__" // a comprehension ran out
	helperIterable    = "__gowsgi_iterable__"     // an iterable whose failures cannot be followed
	helperDecorator   = "__gowsgi_decorator__"    // returns its argument: how a dotted decorator is written

	// excNamePrefix names the exception of a handler written without "as".
	excNamePrefix = "__gowsgi_exc_"
)
