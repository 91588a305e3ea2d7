package pydict

import (
	"testing"

	"github.com/go-python/gpython/py"
)

// subclass makes a class deriving from dict whose namespace is ns, as a
// class statement would, with the constructor slots the engine installs.
func subclass(t *testing.T, ns py.StringDict) *py.Type {
	t.Helper()
	obj, err := py.TypeNew(py.TypeType, py.Tuple{py.String("Sub"), py.Tuple{Type}, ns}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cls := obj.(*py.Type)
	cls.New, cls.Init = NewInstance, Init
	return cls
}

func TestSubclassInstances(t *testing.T) {
	missing := py.MustNewMethod("__missing__", func(_ py.Object, args py.Tuple) (py.Object, error) {
		return py.String("missing " + string(args[1].(py.String))), nil
	}, 0, "")
	cls := subclass(t, py.StringDict{"__missing__": missing, "__module__": py.String("m")})
	obj, err := py.Call(cls, py.Tuple{py.StringDict{"a": py.Int(1)}}, py.StringDict{"b": py.Int(2)})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := obj.(*Dict)
	if !ok || d.Type() != cls || d.Len() != 2 {
		t.Fatalf("instance %#v", obj)
	}
	if v, err := d.M__getitem__(py.String("a")); err != nil || v != py.Int(1) {
		t.Errorf("d['a'] = %v, %v", v, err)
	}
	if v, err := d.M__getitem__(py.String("zz")); err != nil || v != py.String("missing zz") {
		t.Errorf("d['zz'] = %v, %v", v, err)
	}
	if _, err := py.SetAttrString(d, "tag", py.Int(7)); err != nil {
		t.Fatal(err)
	}
	if v, err := py.GetAttrString(d, "tag"); err != nil || v != py.Int(7) {
		t.Errorf("d.tag = %v, %v", v, err)
	}
	if _, err := py.GetAttrString(d, "nope"); err == nil {
		t.Error("a missing attribute was found")
	}
	// dict's own methods remain reachable through the class.
	if v, err := py.Call(Type.Dict["__getitem__"], py.Tuple{d, py.String("b")}, nil); err != nil || v != py.Int(2) {
		t.Errorf("dict.__getitem__(d, 'b') = %v, %v", v, err)
	}
}

func TestPlainDictsHaveNoAttributes(t *testing.T) {
	d := New()
	if _, err := py.SetAttrString(d, "x", py.Int(1)); err == nil {
		t.Error("an attribute was set on a dict")
	}
	if d.Type() != Type || d.GetDict() != nil {
		t.Error("a plain dict looks like a subclass instance")
	}
}
