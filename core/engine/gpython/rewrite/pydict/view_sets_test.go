package pydict

import (
	"sort"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestKeysViewSetOperations(t *testing.T) {
	a := New()
	for _, k := range []string{"x", "y", "z"} {
		mustSet(t, a, py.String(k), py.None)
	}
	b := New()
	mustSet(t, b, py.String("y"), py.None)
	mustSet(t, b, py.String("w"), py.None)
	keys := &view{dict: a, kind: keysView}
	other := &view{dict: b, kind: keysView}
	tests := []struct {
		name string
		op   func() (py.Object, error)
		want string
	}{
		{"and", func() (py.Object, error) { return keys.M__and__(other) }, "y"},
		{"or", func() (py.Object, error) { return keys.M__or__(other) }, "w x y z"},
		{"sub", func() (py.Object, error) { return keys.M__sub__(py.Tuple{py.String("x")}) }, "y z"},
		{"xor", func() (py.Object, error) { return keys.M__xor__(other) }, "w x z"},
		{"reflected sub", func() (py.Object, error) {
			return keys.M__rsub__(py.NewListFromItems([]py.Object{py.String("x"), py.String("q")}))
		}, "q"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tt.op()
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			if err := py.Iterate(res, func(item py.Object) bool {
				got = append(got, string(item.(py.String)))
				return false
			}); err != nil {
				t.Fatal(err)
			}
			sort.Strings(got)
			if strings.Join(got, " ") != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
	values := &view{dict: a, kind: valuesView}
	if res, err := values.M__and__(other); err != nil || res != py.NotImplemented {
		t.Errorf("values view & : %v, %v", res, err)
	}
	items := &view{dict: a, kind: itemsView}
	if _, err := items.M__and__(&view{dict: a, kind: itemsView}); err == nil {
		t.Error("a set of item pairs was made, which gpython's set cannot hold")
	}
}
