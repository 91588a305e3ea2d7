package config

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
	"time"
)

func TestNew(t *testing.T) {
	c := New()
	if !reflect.DeepEqual(c.Globals, DefaultSettings()) || len(c.Mounts) != 0 {
		t.Errorf("New() = %+v", c)
	}
	if err := c.Validate(); err == nil || err.Error() != "<command line>: nothing is mounted; expected at least one mount" {
		t.Errorf("Validate on an empty config: %v", err)
	}
}

func TestAddMount(t *testing.T) {
	at := Position{File: "nginx.conf", Line: 12}
	tests := []struct {
		name     string
		existing []Mount
		add      Mount
		wantURI  string
		err      string
	}{
		{name: "first", add: Mount{URI: "/app/", Script: "/srv/a.py"}, wantURI: "/app"},
		{name: "root", add: Mount{URI: "/", Script: "/srv/a.py"}, wantURI: "/"},
		{name: "regex", add: Mount{Match: regexp.MustCompile(`^/(\w+)`), Script: "/srv/$1.py"}},
		{
			name:     "duplicate after cleaning",
			existing: []Mount{{URI: "/app", Script: "/srv/a.py", Where: Position{File: "nginx.conf", Line: 3}}},
			add:      Mount{URI: "/app/", Script: "/srv/b.py", Where: at},
			err:      `nginx.conf:12: URI "/app" is already mounted at line 3; expected each mounted once`,
		},
		{
			name:     "duplicate pattern from the command line",
			existing: []Mount{{Match: regexp.MustCompile(`^/x`), Script: "/srv/a.py"}},
			add:      Mount{Match: regexp.MustCompile(`^/x`), Script: "/srv/b.py"},
			err:      `<command line>: pattern "^/x" is already mounted at <command line>; expected each mounted once`,
		},
		{name: "bad URI", add: Mount{URI: "app", Script: "/srv/a.py", Where: at},
			err: `nginx.conf:12: mount URI "app" does not start with "/"; expected a URI path such as /app`},
		{name: "nothing to match", add: Mount{Script: "/srv/a.py", Where: at},
			err: `nginx.conf:12: mount URI "" does not start with "/"; expected a URI path such as /app`},
		{name: "no script", add: Mount{URI: "/", Where: at},
			err: `nginx.conf:12: mount has no script; expected the path of a WSGI script`},
		{name: "URI and pattern", add: Mount{URI: "/", Match: regexp.MustCompile(`^/x`), Script: "/a", Where: at},
			err: `nginx.conf:12: mount has both URI "/" and pattern "^/x"; expected one of them`},
		{name: "reference beyond the groups", add: Mount{Match: regexp.MustCompile(`^/x`), Script: "/srv/$1.py", Where: at},
			err: `nginx.conf:12: mount script "/srv/$1.py" refers to $1 but pattern "^/x" has 0 group(s); expected $N with N at most 0`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New()
			c.Mounts = slices.Clone(tt.existing)
			err := c.AddMount(tt.add)
			if got := errorText(err); got != tt.err {
				t.Fatalf("AddMount error = %q, want %q", got, tt.err)
			}
			if tt.err != "" {
				if len(c.Mounts) != len(tt.existing) {
					t.Errorf("refused mount was added")
				}
				return
			}
			if got := c.Mounts[len(c.Mounts)-1].URI; got != tt.wantURI {
				t.Errorf("URI = %q, want %q", got, tt.wantURI)
			}
		})
	}
}

// errorText is err's message, "" for no error.
func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestValidateResolves(t *testing.T) {
	c := New()
	c.Globals.Callable = "main"
	c.Globals.Threads = 8
	c.Globals.PythonPath = []string{"/opt/lib"}
	c.Listen = []string{"8080", "localhost:0900"}
	c.Mounts = []Mount{
		{URI: "/a/", Script: "/srv/a.py"},
		{URI: "/b", Script: "/srv/b.py", AppSettings: AppSettings{Callable: "app", RequestTimeout: 0}, Own: FieldCallable | FieldRequestTimeout},
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	a, b := c.Mounts[0], c.Mounts[1]
	if a.URI != "/a" || a.Callable != "main" || a.Threads != 8 || a.RequestTimeout != DefaultRequestTimeout || !slices.Equal(a.PythonPath, []string{"/opt/lib"}) {
		t.Errorf("mount a = %+v", a)
	}
	if b.Callable != "app" || b.RequestTimeout != 0 || b.Threads != 8 {
		t.Errorf("mount b = %+v", b)
	}
	if !slices.Equal(c.Listen, []string{":8080", "localhost:900"}) {
		t.Errorf("listen = %q", c.Listen)
	}
	// Mounts must not share the globals' python path.
	a.PythonPath[0] = "changed"
	if c.Globals.PythonPath[0] != "/opt/lib" {
		t.Errorf("mount python path aliases the globals")
	}
	// Resolving again after the globals change follows them.
	c.Globals.Threads = 2
	if err := c.Validate(); err != nil || c.Mounts[0].Threads != 2 || c.Mounts[1].Threads != 2 {
		t.Errorf("re-validate: %v, %+v", err, c.Mounts)
	}
}

func TestValidateErrors(t *testing.T) {
	at := func(line int) Position { return Position{File: "nginx.conf", Line: line} }
	tests := []struct {
		name   string
		change func(c *Config)
		want   []string
	}{
		{"zero globals", func(c *Config) { c.Globals = AppSettings{}; c.Mounts = []Mount{{URI: "/", Script: "/a.py"}} }, []string{
			`nginx.conf: global callable object takes a Python identifier (such as application), got ""`,
			`nginx.conf: global engine takes gpython or cpython, got ""`,
			`nginx.conf: global threads takes a whole number from 1 to 1024, got "0"`,
		}},
		{"bad own settings", func(c *Config) {
			c.Mounts = []Mount{{URI: "/", Script: "/a.py", Where: at(4), Own: FieldThreads | FieldRequestTimeout | FieldEngine | FieldPythonPath,
				AppSettings: AppSettings{Threads: 5000, RequestTimeout: -time.Second, Engine: "pypy", PythonPath: []string{""}}}}
		}, []string{
			`nginx.conf:4: URI "/": engine takes gpython or cpython, got "pypy"`,
			`nginx.conf:4: URI "/": threads takes a whole number from 1 to 1024, got "5000"`,
			`nginx.conf:4: URI "/": request timeout takes seconds greater than 0 (such as 30, 2.5 or 1m30s), or 0 or Off for no limit, got "-1s"`,
			`nginx.conf:4: URI "/": python path entry 1 is empty; expected a directory`,
		}},
		{"duplicates, mounts and aliases", func(c *Config) {
			c.Mounts = []Mount{{URI: "/", Script: "/a.py", Where: at(1)}, {URI: "/", Script: "/b.py", Where: at(9)}}
			c.Aliases = []Alias{{URI: "/s", Dir: "/srv", Where: at(2)}, {URI: "/s/", Dir: "/srv", Where: at(3)}, {URI: "/", Dir: "/srv", Where: at(5)}}
		}, []string{
			`nginx.conf:3: Alias "/s" is already given at line 2; expected each URI once`,
			`nginx.conf:5: Alias "/" is also an application mount at line 1; expected distinct URIs`,
			`nginx.conf:9: URI "/" is already mounted at line 1; expected each mounted once`,
		}},
		{"bad alias", func(c *Config) {
			c.Mounts = []Mount{{URI: "/", Script: "/a.py"}}
			c.Aliases = []Alias{{URI: "x", Dir: "/srv", Where: at(2)}, {URI: "/y", Where: at(3)}}
		}, []string{
			`nginx.conf:2: Alias URI "x" does not start with "/"; expected a URI path such as /app`,
			`nginx.conf:3: Alias "/y" has no directory; expected a directory of static files`,
		}},
		{"bad listen", func(c *Config) {
			c.Mounts = []Mount{{URI: "/", Script: "/a.py"}}
			c.Listen = []string{"80", ":80", "nope"}
		}, []string{
			`nginx.conf: Listen :80 is given twice; expected each address once`,
			`nginx.conf: Listen takes a port (8080), :port or host:port, with a port from 1 to 65535, got "nope"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New()
			c.Source = "nginx.conf"
			tt.change(c)
			if got := errorLines(c.Validate()); !slices.Equal(got, tt.want) {
				t.Errorf("errors:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestInherit(t *testing.T) {
	g := AppSettings{Callable: "g", Engine: "cpython", Threads: 3, RequestTimeout: time.Second,
		PythonPath: []string{"/g"}, ScriptReloading: true, PassAuthorization: true}
	own := AppSettings{Callable: "m", Engine: "gpython", Threads: 7, RequestTimeout: 0,
		PythonPath: []string{"/m"}, ScriptReloading: false, PassAuthorization: false}
	all := FieldCallable | FieldEngine | FieldThreads | FieldRequestTimeout | FieldPythonPath | FieldScriptReloading | FieldPassAuthorization
	if got := own.Inherit(g, 0); !reflect.DeepEqual(got, g) {
		t.Errorf("own none: %+v", got)
	}
	if got := own.Inherit(g, all); !reflect.DeepEqual(got, own) {
		t.Errorf("own all: %+v", got)
	}
	got := own.Inherit(g, FieldPassAuthorization|FieldRequestTimeout)
	want := g
	want.PassAuthorization, want.RequestTimeout = false, 0
	if !reflect.DeepEqual(got, want) {
		t.Errorf("own some: %+v, want %+v", got, want)
	}
}
