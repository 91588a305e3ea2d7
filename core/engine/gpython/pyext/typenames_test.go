package pyext

import "testing"

func TestTypeNames(t *testing.T) {
	src := `
class Wrapper:
    def __init__(self, fn):
        self.__name__ = fn.__name__

def handler():
    pass

class Renamed:
    pass

w = Wrapper(handler)
Renamed.__name__ = "Other"
print(w.__name__, type(w).__name__, Renamed.__name__, handler.__name__, type(1.5).__name__)
del w.__name__
try:
    w.__name__
except AttributeError as e:
    print("AttributeError:", e)
try:
    Renamed.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
`
	got, err := runScript(t, src, "<names>")
	if err != nil {
		t.Fatal(exceptionText(err))
	}
	want := "handler Wrapper Other handler float\n" +
		"AttributeError: 'Wrapper' object has no attribute '__name__'\n" +
		"TypeError: can only assign string to Other.__name__, not 'int'\n"
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}
