package rewrite

import (
	"testing"

	"github.com/go-python/gpython/py"
)

func TestLoopsRaiseIteratorErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"for statement", `
def gen():
    yield 1
    raise ValueError("boom")
out = []
try:
    for x in gen():
        out.append(x)
except ValueError as e:
    print(out, e)
`, "[1] boom\n"},
		{"break skips the check", `
def gen():
    yield 1
    raise ValueError("never reached")
for x in gen():
    break
else:
    print("else")
print("done", x)
`, "done 1\n"},
		{"else runs after a full loop", `
for x in iter([1, 2]):
    pass
else:
    print("else", x)
`, "else 2\n"},
		{"comprehension", `
def gen():
    yield 1
    raise KeyError("k")
try:
    print([x for x in gen()])
except KeyError as e:
    print("KeyError", e)
`, "KeyError 'k'\n"},
		{"dict changed size", `
d = {"a": 1}
try:
    for k in d:
        d[k * 2] = 0
except RuntimeError as e:
    print(e)
`, "dictionary changed size during iteration\n"},
		{"nested generators", `
def inner():
    yield 1
    raise TypeError("inner")
def outer():
    for x in inner():
        yield x
try:
    print(list(outer()))
except TypeError as e:
    print("TypeError", e)
try:
    for y in outer():
        pass
except TypeError as e:
    print("again", e)
`, "TypeError inner\nagain inner\n"},
		{"bytes iterate as ints", `
print([b for b in b"ab"], sum(b for b in b"\x01\x02"))
for b in b"z":
    print(b)
`, "[97, 98] 3\n122\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runPython(t, "loop.py", tt.src)
			if err != nil {
				t.Fatalf("%v\nprinted %q", err, out)
			}
			if out != tt.want {
				t.Errorf("printed %q, want %q", out, tt.want)
			}
		})
	}
}

// A failure is raised once, by the check that follows its loop.
func TestIterFailureIsTakenOnce(t *testing.T) {
	module := &py.Module{Globals: py.StringDict{}}
	stateOfModule(module).iterFailure = py.ExceptionNewf(py.ValueError, "failed")
	if _, err := iterCheckedHelper(module, py.None); err == nil {
		t.Fatal("the failure was not raised")
	}
	got, err := iterEndHelper(module)
	if err != nil || got != py.None {
		t.Errorf("second check: %v, %v", got, err)
	}
	value := py.NewList()
	if got, err := iterCheckedHelper(module, value); err != nil || got != value {
		t.Errorf("checked value: %v, %v", got, err)
	}
}
