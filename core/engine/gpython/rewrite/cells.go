package rewrite

import "github.com/go-python/gpython/py"

// gpython's compiler leaves Code.Cell2arg unset, so a parameter that an
// inner function uses (def deco(n): def wrap(f): ... n ...) is never
// copied into its cell: the inner function fails with "free variable
// referenced before assignment". The VM does the copy when Cell2arg maps
// each such cell to its parameter, which fixCells fills in.

// fixCells fills Cell2arg of code and of every code object nested in it.
func fixCells(code *py.Code) {
	for _, c := range code.Consts {
		if nested, ok := c.(*py.Code); ok {
			fixCells(nested)
		}
	}
	if len(code.Cellvars) == 0 || code.Cell2arg != nil {
		return
	}
	params := int(code.Argcount + code.Kwonlyargcount)
	if code.Flags&py.CO_VARARGS != 0 {
		params++
	}
	if code.Flags&py.CO_VARKEYWORDS != 0 {
		params++
	}
	params = min(params, len(code.Varnames))
	var cell2arg []byte
	for i, cell := range code.Cellvars {
		for j := 0; j < params && j < py.CO_CELL_NOT_AN_ARG; j++ {
			if code.Varnames[j] != cell {
				continue
			}
			if cell2arg == nil {
				cell2arg = make([]byte, len(code.Cellvars))
				for k := range cell2arg {
					cell2arg[k] = py.CO_CELL_NOT_AN_ARG
				}
			}
			cell2arg[i] = byte(j)
			break
		}
	}
	code.Cell2arg = cell2arg
}
