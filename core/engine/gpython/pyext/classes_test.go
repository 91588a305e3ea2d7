package pyext

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// runModule runs src as a module in a fresh context and returns it; the
// context stays open until the test ends.
func runModule(t *testing.T, src string) *py.Module {
	t.Helper()
	Install()
	ctx := py.NewContext(py.DefaultContextOpts())
	t.Cleanup(func() { _ = ctx.Close() })
	code, err := py.Compile(src, "module.py", py.ExecMode, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := py.RunCode(ctx, code, "module.py", "module")
	if err != nil {
		t.Fatal(exceptionText(err))
	}
	return mod
}

func TestClassStatements(t *testing.T) {
	out, err := runScript(t, `
class Base:
    LIMIT = 3
    def __init__(self, name):
        self.name = name
    def __str__(self):
        return "<" + self.name + ">"
    def __getitem__(self, i):
        return self.name[i]
    def __call__(self, suffix):
        return self.name + suffix
    @classmethod
    def make(cls, name):
        return cls(name)
    @staticmethod
    def twice(x):
        return x * 2
    @property
    def upper(self):
        return self.name.upper()
class Child(Base):
    def __init__(self, name):
        super(Child, self).__init__(name + "!")
print(Child.LIMIT, Child.make("c").name, Base.twice(4), Child.twice(5))
c = Child("x")
print(str(c), c[0], c("?"), callable(c), c.upper, type(Child.upper).__name__)
print(Child.__bases__[0].__name__, [k.__name__ for k in Child.__mro__], c.__class__.__name__)
print(sorted(c.__dict__), Base.__doc__, Child.__qualname__)
try:
    c.upper = "y"
except AttributeError as e:
    print("AttributeError")
try:
    Child.missing
except AttributeError as e:
    print(e)
`, "classes.py")
	if err != nil {
		t.Fatal(exceptionText(err))
	}
	want := "3 c! 8 10\n<x!> x x!? True X! property\nBase ['Child', 'Base', 'object'] Child\n" +
		"['name'] None Child\nAttributeError\ntype object 'Child' has no attribute 'missing'\n"
	if out != want {
		t.Errorf("printed\n%s\nwant\n%s", out, want)
	}
}

func TestSuperErrors(t *testing.T) {
	runEvalCases(t, []evalCase{
		{expr: "super()", wantErr: "RuntimeError: super(): no arguments"},
		{expr: "super(1, 2)", wantErr: "super() argument 1 must be a type, not int"},
		{expr: "super(int, 'x')", wantErr: "super(type, obj): obj must be an instance or subtype of type"},
	})
}

// Instances of exception classes written in Python are raised inside one
// of gpython's exception objects and come back out for the handler.
func TestRaisableAndCaught(t *testing.T) {
	mod := runModule(t, `
class AppError(Exception):
    def __init__(self, message, status):
        super(AppError, self).__init__(message)
        self.status = status
class Custom(AppError):
    def __str__(self):
        return "custom " + self.args[0]
err = AppError("down", 503)
custom = Custom("x", 1)
`)
	inst := mod.Globals["err"]
	raised, err := Raisable(inst)
	if err != nil {
		t.Fatal(err)
	}
	exc, ok := raised.(*py.Exception)
	if !ok || exc.Base.Name != "AppError" || !py.IsException(py.ExceptionType, exc) {
		t.Fatalf("Raisable gave %#v", raised)
	}
	if args, _ := exc.Args.(py.Tuple); len(args) != 1 || args[0] != py.String("down") {
		t.Errorf("args %v", exc.Args)
	}
	if Caught(exc) != inst {
		t.Error("Caught did not give the instance back")
	}
	if s, _ := Str(exc); s != "down" {
		t.Errorf("str %q", s)
	}
	custom, err := Raisable(mod.Globals["custom"])
	if err != nil {
		t.Fatal(err)
	}
	if args := custom.(*py.Exception).Args.(py.Tuple); args[0] != py.String("custom x") {
		t.Errorf("a class with __str__ is raised showing %v", args)
	}
	// The class alone is instantiated.
	fromClass, err := Raisable(mod.Globals["Custom"])
	if err == nil || !strings.Contains(exceptionText(err), "__init__() missing") {
		t.Errorf("raising a class whose __init__ needs arguments: %v, %v", fromClass, err)
	}
	// Anything else passes unchanged.
	for _, v := range []py.Object{py.ExceptionNewf(py.ValueError, "v"), py.ValueError, py.Int(1)} {
		if got, err := Raisable(v); err != nil || got != v {
			t.Errorf("Raisable(%v) = %v, %v", v, got, err)
		}
	}
	native := py.ExceptionNewf(py.KeyError, "k")
	if Caught(native) != native {
		t.Error("Caught changed a gpython exception")
	}
}

func TestExceptionMethods(t *testing.T) {
	out, err := runScript(t, `
class E(ValueError):
    pass
class K(KeyError):
    pass
e = E("a", 2)
print(str(e), repr(e), e.args, str(E()), repr(E("x")), str(K("k")))
e.args = ("b",)
print(str(e), e.with_traceback(None) is e, isinstance(e, ValueError))
`, "exceptions.py")
	if err != nil {
		t.Fatal(exceptionText(err))
	}
	want := "('a', 2) E('a', 2) ('a', 2)  E('x') 'k'\nb True True\n"
	if out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
}

func TestGetattrOnExceptions(t *testing.T) {
	runEvalCases(t, []evalCase{
		{expr: `getattr(KeyError("k"), "line", "none")`, want: "'none'"},
		{expr: `hasattr(ValueError(), "errno")`, want: "False"},
		{expr: `hasattr(ValueError(), "args")`, want: "True"},
		{expr: `len(getattr(ValueError("x", 1), "args"))`, want: "2"},
		{expr: `getattr(ValueError(), "with_traceback")(None).args`, want: "()"},
		{expr: `getattr(KeyError(), "line")`, wantErr: "AttributeError: 'KeyError' object has no attribute 'line'"},
	})
}

func TestBuiltinTypesAsBases(t *testing.T) {
	runEvalCases(t, []evalCase{
		{expr: `type(str) is type and type(ValueError) is type and type(BaseException) is type`, want: "True"},
		{expr: `type("S", (str,), {})`, wantErr: "TypeError: type 'str' is not an acceptable base type"},
		{expr: `type("E", (ValueError,), {"__module__": "m"}).__mro__[1] is ValueError`, want: "True"},
	})
}

// A context manager's __exit__ gets the instance a raised exception of a
// Python class stands for.
func TestExitSeesInstances(t *testing.T) {
	mod := runModule(t, `
class AppError(Exception):
    pass
class Guard:
    def __exit__(self, exc_type, exc, tb):
        self.seen = exc
        return True
class SubGuard(Guard):
    pass
err = AppError("x")
guard = SubGuard()
`)
	raised, err := Raisable(mod.Globals["err"])
	if err != nil {
		t.Fatal(err)
	}
	exit, err := py.GetAttrString(mod.Globals["guard"], "__exit__")
	if err != nil {
		t.Fatal(err)
	}
	res, err := py.Call(exit, py.Tuple{raised.Type(), raised, py.None}, nil)
	if err != nil || res != py.True {
		t.Fatalf("__exit__ returned %v, %v", res, err)
	}
	if seen, _ := py.GetAttrString(mod.Globals["guard"], "seen"); seen != mod.Globals["err"] {
		t.Errorf("__exit__ saw %v, want the instance", seen)
	}
}

// object's methods are what super() and explicit object.method(self)
// calls reach at the end of the method resolution order.
func TestObjectMethods(t *testing.T) {
	out, err := runScript(t, `
class A:
    def __init__(self):
        object.__init__(self)
        object.__setattr__(self, "x", 1)
    def __eq__(self, other):
        return True
class B(A):
    def __init__(self):
        super(B, self).__init__()
        super(B, self).__setattr__("y", 2)
b = B()
print(b.x, b.y, object.__ne__(b, 1), object.__eq__(b, b), object.__repr__(b).startswith("<__main__.B object"))
print(super(B, b).__str__() == object.__repr__(b), object.__format__(b, ""), object.__hash__(b) == object.__hash__(b))
try:
    object.__init__(b, 1)
except TypeError as e:
    print(e)
`, "objects.py")
	if err != nil {
		t.Fatal(exceptionText(err))
	}
	want := "1 2 False True True\nTrue " + "<__main__.B object"
	if !strings.HasPrefix(out, want) || !strings.HasSuffix(out, "object.__init__() takes exactly one argument (the instance to initialize)\n") {
		t.Errorf("printed %q", out)
	}
}
