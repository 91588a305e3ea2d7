package pyext

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestContains(t *testing.T) {
	data := py.Bytes("GET / HTTP/1.1\r\n")
	list := py.NewListFromItems([]py.Object{py.Tuple{py.Int(1)}, py.String("a")})
	tests := []struct {
		name            string
		container, item py.Object
		want            bool
		wantErr         string
	}{
		{"bytes in bytes", data, py.Bytes("\r\n"), true, ""},
		{"missing bytes", data, py.Bytes("\n\n"), false, ""},
		{"empty bytes", data, py.Bytes(""), true, ""},
		{"int in bytes", data, py.Int('G'), true, ""},
		{"int out of range", data, py.Int(300), false, "byte must be in range(0, 256)"},
		{"str in bytes", data, py.String("G"), false, "a bytes-like object is required, not 'str'"},
		{"str in str", py.String("hello"), py.String("ell"), true, ""},
		{"int in str", py.String("1"), py.Int(1), false, "'in <string>' requires string as left operand, not int"},
		{"tuple in list", list, py.Tuple{py.Int(1)}, true, ""},
		{"str in tuple", py.Tuple{py.String("a")}, py.String("b"), false, ""},
		{"key in dict", py.StringDict{"k": py.None}, py.String("k"), true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Contains(tt.container, tt.item)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(exceptionText(err), tt.wantErr) {
					t.Fatalf("got %v, %v; want error %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestBytesSubscripts(t *testing.T) {
	data := py.Bytes("abcdef")
	none := py.None
	tests := []struct {
		name    string
		get     func() (py.Object, error)
		want    string
		wantErr string
	}{
		{"index", func() (py.Object, error) { return GetItem(data, py.Int(0)) }, "97", ""},
		{"negative index", func() (py.Object, error) { return GetItem(data, py.Int(-1)) }, "102", ""},
		{"out of range", func() (py.Object, error) { return GetItem(data, py.Int(6)) }, "", "index out of range"},
		{"str index", func() (py.Object, error) { return GetItem(data, py.String("a")) }, "", "byte indices must be integers or slices, not str"},
		{"slice", func() (py.Object, error) { return Slice(data, py.Int(1), py.Int(3), none) }, "b'bc'", ""},
		{"open slice", func() (py.Object, error) { return Slice(data, py.Int(-2), none, none) }, "b'ef'", ""},
		{"stepped slice", func() (py.Object, error) { return Slice(data, none, none, py.Int(-2)) }, "b'fdb'", ""},
		{"list index", func() (py.Object, error) { return GetItem(py.NewListFromItems([]py.Object{py.Int(7)}), py.Int(0)) }, "7", ""},
		{"str slice", func() (py.Object, error) { return Slice(py.String("hello"), py.Int(1), none, none) }, "'ello'", ""},
		{"repeat", func() (py.Object, error) { return Multiply(py.Bytes("ab"), py.Int(3)) }, "b'ababab'", ""},
		{"repeat reflected", func() (py.Object, error) { return Multiply(py.Int(2), py.Bytes("-")) }, "b'--'", ""},
		{"repeat negative", func() (py.Object, error) { return Multiply(py.Bytes("ab"), py.Int(-1)) }, "b''", ""},
		{"numbers", func() (py.Object, error) { return Multiply(py.Int(6), py.Int(7)) }, "42", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.get()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(exceptionText(err), tt.wantErr) {
					t.Fatalf("got %v, %v; want error %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(exceptionText(err))
			}
			if r, _ := Repr(got); r != tt.want {
				t.Fatalf("got %s, want %s", r, tt.want)
			}
		})
	}
}

// A slice of bytes is a copy: gpython's += may append in place.
func TestBytesSliceDoesNotAlias(t *testing.T) {
	data := py.Bytes("abcdef")
	part, err := Slice(data, py.None, py.Int(2), py.None)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := py.IAdd(part, py.Bytes("XY")); err != nil {
		t.Fatal(err)
	}
	if string(data) != "abcdef" {
		t.Errorf("source changed to %q", data)
	}
}
