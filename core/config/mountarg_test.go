package config

import (
	"slices"
	"testing"
)

func TestParseMountArg(t *testing.T) {
	dir := newTree(t)
	g := DefaultSettings()
	g.Threads = 7
	g.PythonPath = []string{"/opt/lib"}
	tests := []struct {
		arg      string
		uri      string
		script   string
		callable string
		own      Field
		err      string
	}{
		{arg: "app.py", uri: "/", script: "$DIR/app.py", callable: "application"},
		{arg: "app.py:app", uri: "/", script: "$DIR/app.py", callable: "app", own: FieldCallable},
		{arg: "/hello=app.py:app", uri: "/hello", script: "$DIR/app.py", callable: "app", own: FieldCallable},
		{arg: "/blog/=scripts/wiki.wsgi", uri: "/blog", script: "$DIR/scripts/wiki.wsgi", callable: "application"},
		{arg: "/=$DIR/blog.wsgi", uri: "/", script: "$DIR/blog.wsgi", callable: "application"},
		{arg: "/x=./scripts/../app.py", uri: "/x", script: "$DIR/app.py", callable: "application"},
		{arg: "", err: `mount argument "": no script; expected [MOUNT=]SCRIPT[:CALLABLE], such as /hello=examples/hello.py:app`},
		{arg: "/x=", err: `mount argument "/x=": no script; expected [MOUNT=]SCRIPT[:CALLABLE], such as /hello=examples/hello.py:app`},
		{arg: ":app", err: `mount argument ":app": no script; expected [MOUNT=]SCRIPT[:CALLABLE], such as /hello=examples/hello.py:app`},
		{arg: "hello=app.py", err: `mount argument "hello=app.py": URI "hello" does not start with "/"; expected a URI path such as /app`},
		{arg: "=app.py", err: `mount argument "=app.py": URI "" does not start with "/"; expected a URI path such as /app`},
		{arg: "app.py:", err: `mount argument "app.py:": callable takes a Python identifier (such as application), got ""`},
		{arg: "app.py:my-app", err: `mount argument "app.py:my-app": callable takes a Python identifier (such as application), got "my-app"`},
		{arg: "/x=nope.py", err: `mount argument "/x=nope.py": script "$DIR/nope.py" does not exist; expected a readable WSGI script file`},
		{arg: "static", err: `mount argument "static": script "$DIR/static" is a directory; expected a readable WSGI script file`},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			m, err := ParseMountArg(expand(tt.arg, dir), g)
			if got, want := errorText(err), expand(tt.err, dir); got != want {
				t.Fatalf("error = %q, want %q", got, want)
			}
			if err != nil {
				return
			}
			if m.URI != tt.uri || m.Script != expand(tt.script, dir) || m.Callable != tt.callable || m.Own != tt.own {
				t.Errorf("got URI %q script %q callable %q own %b", m.URI, m.Script, m.Callable, m.Own)
			}
			if m.Threads != 7 || !slices.Equal(m.PythonPath, g.PythonPath) {
				t.Errorf("settings not taken from g: %+v", m.AppSettings)
			}
			m.PythonPath[0] = "changed"
			if g.PythonPath[0] != "/opt/lib" {
				t.Errorf("mount python path aliases g's")
			}
		})
	}
}

// The CLI's path: arguments into a fresh config, then Validate.
func TestMountArgsIntoConfig(t *testing.T) {
	newTree(t)
	c := New()
	c.Globals.Callable = "main"
	for _, arg := range []string{"/blog=blog.wsgi", "app.py:app"} {
		m, err := ParseMountArg(arg, c.Globals)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddMount(m); err != nil {
			t.Fatal(err)
		}
	}
	m, err := ParseMountArg("/blog/=app.py", c.Globals)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddMount(m); errorText(err) != `<command line>: URI "/blog" is already mounted at <command line>; expected each mounted once` {
		t.Errorf("duplicate: %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Mounts[0].Callable != "main" || c.Mounts[1].Callable != "app" {
		t.Errorf("callables = %q, %q", c.Mounts[0].Callable, c.Mounts[1].Callable)
	}
}
