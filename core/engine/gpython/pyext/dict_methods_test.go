package pyext

import "testing"

func TestDictMethods(t *testing.T) {
	runEvalCases(t, []evalCase{
		{expr: `{"a": 1}.get(1)`, want: "None"},
		{expr: `{"a": 1}.get()`, wantErr: "TypeError: get expected at least 1 argument, got 0"},
		{expr: `{"a": 1}.pop("a")`, want: "1"},
		{expr: `{"a": 1}.pop("b", 2)`, want: "2"},
		{expr: `{"a": 1}.pop("b")`, wantErr: "KeyError: 'b'"},
		{expr: `{"a": 1}.popitem()`, want: "('a', 1)"},
		{expr: `{"b": 1, "a": 2}.popitem()`, want: "('b', 1)"},
		{expr: `{}.popitem()`, wantErr: "KeyError: 'popitem(): dictionary is empty'"},
		{expr: `{}.setdefault(1)`, wantErr: "TypeError: this dict holds only str keys, not int"},
		{expr: `{}.setdefault([])`, wantErr: "TypeError: unhashable type: 'list'"},
		{expr: `sorted({"b": 1, "a": 2}.items())`, want: "[('a', 2), ('b', 1)]"},
		{expr: `list({"b": 1, "a": 2}.keys())`, want: "['a', 'b']"},
		{expr: `list({"b": 1, "a": 2}.values())`, want: "[2, 1]"},
		{expr: `len({"a": 1}.items())`, want: "1"},
		{expr: `("a", 1) in {"a": 1}.items()`, want: "True"},
		{expr: `1 in {"a": 1}.values()`, want: "True"},
		{expr: `{"a": 1}.keys()`, want: "dict_keys(['a'])"},
		{expr: `dict.fromkeys("ab", 0) == {"a": 0, "b": 0}`, want: "True"},
		{expr: `{}.fromkeys(["x"])`, want: "{'x': None}"},
		{expr: `{"a": 1}.copy() == {"a": 1}`, want: "True"},
		{expr: `{"a": 1}.update([("a", 1, 2)])`, wantErr: "ValueError: dictionary update sequence element #0 has length 3; 2 is required"},
		{expr: `{"a": 1}.update(1)`, wantErr: "TypeError: 'int' object is not iterable"},
		{expr: `dict.get({"k": "v"}, "k")`, want: "'v'"},
	})
}

func TestDictViewsAreLive(t *testing.T) {
	src := `
d = {"a": 1}
keys, items = d.keys(), d.items()
d["b"] = 2
d.update(c=3)
del d["a"]
print(list(keys), list(items), len(keys), "a" in keys, "c" in keys)
d.clear()
print(list(keys), bool(keys))
`
	got, err := runScript(t, src, "<views>")
	if err != nil {
		t.Fatal(exceptionText(err))
	}
	if want := "['b', 'c'] [('b', 2), ('c', 3)] 2 False True\n[] False\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
