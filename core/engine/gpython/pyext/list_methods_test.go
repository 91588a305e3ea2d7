package pyext

import "testing"

func TestListMethods(t *testing.T) {
	runEvalCases(t, []evalCase{
		{expr: "(1, 2, 1).index(1, 1)", want: "2"},
		{expr: "(1, (2,)).index((2,))", want: "1"},
		{expr: "(1, 2).index(3)", wantErr: "ValueError: tuple.index(x): x not in tuple"},
		{expr: "(1, 2, 1, 1.0).count(1)", want: "3"},
		{expr: `[1, 2, 3].pop()`, want: "3"},
		{expr: `[1, 2, 3].pop(-3)`, want: "1"},
		{expr: `[].pop()`, wantErr: "IndexError: pop from empty list"},
		{expr: `[1].pop(1)`, wantErr: "IndexError: pop index out of range"},
		{expr: `[1].pop(1, 2)`, wantErr: "TypeError: pop expected at most 1 argument, got 2"},
		{expr: `[1, 2, 1].index(1, 1)`, want: "2"},
		{expr: `[1, 2].index(2, -1)`, want: "1"},
		{expr: `[1, 2].index(3)`, wantErr: "ValueError: 3 is not in list"},
		{expr: `["a"].index("b")`, wantErr: "ValueError: 'b' is not in list"},
		{expr: `[(1, 2), (1, 2)].count((1, 2))`, want: "2"},
		{expr: `[1].remove(2)`, wantErr: "ValueError: list.remove(x): x not in list"},
		{expr: `[].insert(0)`, wantErr: "TypeError: insert expected 2 arguments, got 1"},
		{expr: `[].extend(5)`, wantErr: "TypeError: 'int' object is not iterable"},
		{expr: `[3, 1].sort(1)`, wantErr: "TypeError: sort() takes no positional arguments"},
		{expr: `[3, 1].sort(cmp=1)`, wantErr: "TypeError: 'cmp' is an invalid keyword argument for sort()"},
		{expr: `list.copy([1])`, want: "[1]"},
		{expr: `list.pop(1)`, wantErr: "TypeError: descriptor 'pop' for 'list' objects doesn't apply to a 'int' object"},
	})
}

func TestListMutation(t *testing.T) {
	src := `
xs = [3, 1, 2]
xs.insert(-1, 9)
xs.insert(100, 8)
xs.insert(-100, 7)
xs.extend(xs)
print(xs)
xs.remove(9)
xs.reverse()
print(xs, xs.count(9))
ys = xs.copy()
xs.clear()
ys.sort(key=lambda v: -v)
print(xs, ys)
pairs = [(2, "b"), (1, "z"), (2, "a")]
pairs.sort()
print(pairs)
broken = [2, "x", 1]
try:
    broken.sort()
except TypeError as e:
    print("TypeError:", e, broken)
`
	got, err := runScript(t, src, "<lists>")
	if err != nil {
		t.Fatal(exceptionText(err))
	}
	want := "[7, 3, 1, 9, 2, 8, 7, 3, 1, 9, 2, 8]\n" +
		"[8, 2, 9, 1, 3, 7, 8, 2, 1, 3, 7] 1\n" +
		"[] [9, 8, 8, 7, 7, 3, 3, 2, 2, 1, 1]\n" +
		"[(1, 'z'), (2, 'a'), (2, 'b')]\n" +
		"TypeError: '<' not supported between instances of 'str' and 'int' [2, 'x', 1]\n"
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}
