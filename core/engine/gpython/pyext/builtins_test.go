package pyext

import "testing"

func TestBuiltins(t *testing.T) {
	runEvalCases(t, []evalCase{
		{expr: `sorted([(2, "b"), (1, "z"), (2, "a")])`, want: "[(1, 'z'), (2, 'a'), (2, 'b')]"},
		{expr: `sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1])`, want: "[('b', 1), ('a', 2)]"},
		{expr: `sorted([1, "a"])`, wantErr: "TypeError: '<' not supported between instances of 'str' and 'int'"},
		{expr: `sorted()`, wantErr: "TypeError: sorted expected 1 argument, got 0"},
		{expr: `sorted([2, 1], key=len)`, wantErr: "TypeError: object of type 'int' has no len()"},
		{expr: `max([(1, "a"), (1, "b")])`, want: "(1, 'b')"},
		{expr: `max(["a", "bb", "cc"], key=len)`, want: "'bb'"},
		{expr: `min(["bb", "a", "c"], key=len)`, want: "'a'"},
		{expr: `min([], default=0)`, want: "0"},
		{expr: `max([])`, wantErr: "ValueError: max() arg is an empty sequence"},
		{expr: `max(1, 2, default=0)`, wantErr: "TypeError: Cannot specify a default for max() with multiple positional arguments"},
		{expr: `sum([1, 2], start=10)`, want: "13"},
		{expr: `sum(["a"], "")`, wantErr: "TypeError: sum() can't sum strings [use ''.join(seq) instead]"},
		{expr: `round(2.5)`, want: "2"},
		{expr: `round(-3.5)`, want: "-4"},
		{expr: `round(2.675, 2)`, want: "2.67"},
		{expr: `round(1250, -2)`, want: "1200"},
		{expr: `round(1350, -2)`, want: "1400"},
		{expr: `round(10**30 + 5, -1) == 10**30`, want: "True"},
		{expr: `round(1e20) == 10**20`, want: "True"},
		{expr: `round(float("nan"))`, wantErr: "ValueError: cannot convert float NaN to integer"},
		{expr: `round(float("inf"))`, wantErr: "OverflowError: cannot convert float infinity to integer"},
		{expr: `round("x")`, wantErr: "TypeError: type str doesn't define __round__ method"},
		{expr: `abs(True)`, want: "1"},
		{expr: `isinstance(True, int)`, want: "True"},
		{expr: `isinstance(1, (str, (bytes, int)))`, want: "True"},
		{expr: `isinstance(KeyError(), LookupError)`, want: "True"},
		{expr: `isinstance(1, 1)`, wantErr: "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union"},
		{expr: `issubclass(bool, (str, int))`, want: "True"},
		{expr: `issubclass(1, int)`, wantErr: "TypeError: issubclass() arg 1 must be a class"},
		{expr: `callable(len)`, want: "True"},
		{expr: `callable("".join)`, want: "True"},
		{expr: `callable(1)`, want: "False"},
		{expr: `getattr(1, "nope", "d")`, want: "'d'"},
		{expr: `getattr(1, "nope")`, wantErr: "AttributeError: 'int' object has no attribute 'nope'"},
		{expr: `getattr(1, 2)`, wantErr: "TypeError: attribute name must be string, not 'int'"},
		{expr: `hasattr("", "join")`, want: "True"},
		{expr: `format(1234.5, ",.1f")`, want: "'1,234.5'"},
		{expr: `format(3)`, want: "'3'"},
		{expr: `format(1, 2)`, wantErr: "TypeError: format() argument 2 must be str, not int"},
		{expr: `list(reversed([1, 2]))`, want: "[2, 1]"},
		{expr: `list(reversed(range(3)))`, want: "[2, 1, 0]"},
		{expr: `reversed(3)`, wantErr: "TypeError: 'int' object is not reversible"},
		{expr: `list(enumerate("ab", start=1))`, want: "[(1, 'a'), (2, 'b')]"},
		{expr: `list(enumerate(b"a"))`, want: "[(0, 97)]"},
		{expr: `list(zip(b"ab", [1, 2]))`, want: "[(97, 1), (98, 2)]"},
		{expr: `list(zip([1], [1, 2], strict=True))`, wantErr: "ValueError: zip() argument 2 is longer than argument 1"},
		{expr: `list(map(str.upper, ["a"]))`, want: "['A']"},
		{expr: `list(filter(None, [0, b"", b"x"]))`, want: "[b'x']"},
		{expr: `any([b""])`, want: "False"},
		{expr: `all([])`, want: "True"},
		{expr: `bool(b"")`, want: "False"},
		{expr: `bool([1])`, want: "True"},
		{expr: `type(1).__name__`, want: "'int'"},
		{expr: `type(ValueError()).__name__`, want: "'ValueError'"},
		{expr: `(1).__name__`, wantErr: "AttributeError: 'int' object has no attribute '__name__'"},
		{expr: `len(b"abc")`, want: "3"},
	})
}

func TestBuiltinsWithPythonClasses(t *testing.T) {
	src := `
class Box:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __eq__(self, other):
        return isinstance(other, Box) and self.v == other.v
    def __repr__(self):
        return "Box(" + str(self.v) + ")"

class Sized:
    def __len__(self):
        return 3

class SizedChild(Sized):
    pass

class Seq:
    def __iter__(self):
        return iter([2, 1])

class SeqChild(Seq):
    pass

class Adder:
    def __call__(self, x):
        return x + 1

print(sorted([Box(2), Box(1)]), max([Box(1), Box(3)]), min(Box(5), Box(4)))
print([Box(1), Box(2)].index(Box(2)), [Box(1)].count(Box(1)), len(SizedChild()), bool(SizedChild()))
print(sorted(SeqChild()), list(zip(SeqChild(), "ab")), sum(SeqChild()), any(SeqChild()))
print(sorted([3, 1, 2], key=Adder()), list(map(Adder(), [1])), callable(Adder()), callable(Box(1)))
print(type(Box(1)).__name__, Box.__name__, isinstance(Box(1), Box), isinstance(SeqChild(), Seq))
`
	got, err := runScript(t, src, "<classes>")
	if err != nil {
		t.Fatal(exceptionText(err))
	}
	want := "[Box(1), Box(2)] Box(3) Box(4)\n" +
		"1 1 3 True\n" +
		"[1, 2] [(2, 'a'), (1, 'b')] 3 True\n" +
		"[1, 2, 3] [2] True False\n" +
		"Box Box True True\n"
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}
