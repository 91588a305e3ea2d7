package pymod

import (
	"github.com/go-python/gpython/py"
)

// reFlag is a re flag constant: an int that prints as re.IGNORECASE and
// combines with | into re.IGNORECASE|re.MULTILINE, as RegexFlag does.
type reFlag int

var reFlagType = newGoType("re.RegexFlag", "A regular expression flag.")

func (f reFlag) Type() *py.Type { return reFlagType }

func (f reFlag) M__repr__() (py.Object, error) {
	if f == 0 {
		return py.String("re.NOFLAG"), nil
	}
	return py.String(reprFlags(int(f), true)), nil
}

func (f reFlag) M__str__() (py.Object, error) { return f.M__repr__() }

func (f reFlag) M__index__() (py.Int, error) { return py.Int(f), nil }

func (f reFlag) M__int__() (py.Object, error) { return py.Int(f), nil }

func (f reFlag) M__bool__() (py.Object, error) { return py.NewBool(f != 0), nil }

// flagOperand reads the other side of an operator: a flag or an int.
func flagOperand(o py.Object) (int, bool) {
	switch v := o.(type) {
	case reFlag:
		return int(v), true
	case py.Int:
		return int(v), true
	}
	return 0, false
}

func (f reFlag) binary(other py.Object, op func(a, b int) int, keepFlag bool) (py.Object, error) {
	o, ok := flagOperand(other)
	if !ok {
		return py.NotImplemented, nil
	}
	if _, isFlag := other.(reFlag); isFlag || keepFlag {
		return reFlag(op(int(f), o)), nil
	}
	return py.Int(op(int(f), o)), nil
}

func or(a, b int) int  { return a | b }
func and(a, b int) int { return a & b }
func xor(a, b int) int { return a ^ b }

func (f reFlag) M__or__(other py.Object) (py.Object, error)   { return f.binary(other, or, false) }
func (f reFlag) M__ror__(other py.Object) (py.Object, error)  { return f.binary(other, or, false) }
func (f reFlag) M__and__(other py.Object) (py.Object, error)  { return f.binary(other, and, false) }
func (f reFlag) M__rand__(other py.Object) (py.Object, error) { return f.binary(other, and, false) }
func (f reFlag) M__xor__(other py.Object) (py.Object, error)  { return f.binary(other, xor, false) }
func (f reFlag) M__rxor__(other py.Object) (py.Object, error) { return f.binary(other, xor, false) }

func (f reFlag) M__eq__(other py.Object) (py.Object, error) {
	o, ok := flagOperand(other)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(int(f) == o), nil
}

func (f reFlag) M__ne__(other py.Object) (py.Object, error) {
	o, ok := flagOperand(other)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(int(f) != o), nil
}
