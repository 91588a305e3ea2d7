package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseValid(t *testing.T) {
	dir := newTree(t)
	defaults := DefaultSettings()
	with := func(change func(*AppSettings)) AppSettings {
		s := DefaultSettings()
		change(&s)
		return s
	}
	tests := []struct {
		name    string
		conf    string
		mounts  []mountView
		globals AppSettings
		listen  []string
		aliases []Alias
	}{
		{
			name:    "root mount with defaults",
			conf:    "WSGIScriptAlias / app.py\n",
			mounts:  []mountView{{URI: "/", Script: "$DIR/app.py", AppSettings: defaults, Line: 1}},
			globals: defaults,
		},
		{
			name:    "trailing slash dropped, absolute script kept",
			conf:    "WSGIScriptAlias /blog/ $DIR/blog.wsgi\n",
			mounts:  []mountView{{URI: "/blog", Script: "$DIR/blog.wsgi", AppSettings: defaults, Line: 1}},
			globals: defaults,
		},
		{
			name:    "directive names ignore case",
			conf:    "wsgiscriptalias / app.py\nWSGITHREADS 2\nlisten 80\n",
			mounts:  []mountView{{URI: "/", Script: "$DIR/app.py", AppSettings: with(func(s *AppSettings) { s.Threads = 2 }), Line: 1}},
			globals: with(func(s *AppSettings) { s.Threads = 2 }),
			listen:  []string{":80"},
		},
		{
			name: "every global reaches every mount",
			conf: `# site
WSGICallableObject main
WSGIPythonPath lib:/opt/py
WSGIPythonPath vendor
WSGIScriptReloading off
WSGIPassAuthorization On
WSGIEngine CPython
WSGIThreads 16
WSGIRequestTimeout 2.5
WSGIScriptAlias / app.py
WSGIScriptAlias /blog blog.wsgi
`,
			mounts: []mountView{
				{URI: "/", Script: "$DIR/app.py", AppSettings: AppSettings{
					Callable: "main", Engine: "cpython", Threads: 16, RequestTimeout: 2500 * time.Millisecond,
					PythonPath: []string{"$DIR/lib", "/opt/py", "$DIR/vendor"}, PassAuthorization: true}, Line: 10},
				{URI: "/blog", Script: "$DIR/blog.wsgi", AppSettings: AppSettings{
					Callable: "main", Engine: "cpython", Threads: 16, RequestTimeout: 2500 * time.Millisecond,
					PythonPath: []string{"$DIR/lib", "/opt/py", "$DIR/vendor"}, PassAuthorization: true}, Line: 11},
			},
			globals: AppSettings{
				Callable: "main", Engine: "cpython", Threads: 16, RequestTimeout: 2500 * time.Millisecond,
				PythonPath: []string{"$DIR/lib", "/opt/py", "$DIR/vendor"}, PassAuthorization: true},
		},
		{
			name: "mount options override globals for that mount only",
			conf: `WSGIScriptAlias /blog blog.wsgi callable-object=app PASS-AUTHORIZATION=off
WSGIScriptAlias / app.py
WSGIPassAuthorization On
WSGICallableObject main
`,
			mounts: []mountView{
				{URI: "/blog", Script: "$DIR/blog.wsgi", Own: FieldCallable | FieldPassAuthorization,
					AppSettings: with(func(s *AppSettings) { s.Callable = "app" }), Line: 1},
				{URI: "/", Script: "$DIR/app.py",
					AppSettings: with(func(s *AppSettings) { s.Callable = "main"; s.PassAuthorization = true }), Line: 2},
			},
			globals: with(func(s *AppSettings) { s.Callable = "main"; s.PassAuthorization = true }),
		},
		{
			name: "WSGIPythonHome reaches every mount",
			conf: "WSGIScriptAlias / app.py engine=cpython\nWSGIPythonHome vendor\n",
			mounts: []mountView{{URI: "/", Script: "$DIR/app.py", Own: FieldEngine, Line: 1,
				AppSettings: with(func(s *AppSettings) { s.Engine = "cpython"; s.PythonHome = "$DIR/vendor" })}},
			globals: with(func(s *AppSettings) { s.PythonHome = "$DIR/vendor" }),
		},
		{
			name: "a mount's python-home= wins over WSGIPythonHome",
			conf: "WSGIScriptAlias / app.py engine=cpython python-home=lib\nWSGIPythonHome vendor\n",
			mounts: []mountView{{URI: "/", Script: "$DIR/app.py", Own: FieldEngine | FieldPythonHome, Line: 1,
				AppSettings: with(func(s *AppSettings) { s.Engine = "cpython"; s.PythonHome = "$DIR/lib" })}},
			globals: with(func(s *AppSettings) { s.PythonHome = "$DIR/vendor" }),
		},
		{
			name: "every setting has a mount option",
			conf: `WSGIScriptAlias /api app.py engine=cpython threads=8 request-timeout=1.5 python-path=lib:/opt/py script-reloading=Off
WSGIScriptAlias / app.py
`,
			mounts: []mountView{
				{URI: "/api", Script: "$DIR/app.py",
					Own: FieldEngine | FieldThreads | FieldRequestTimeout | FieldPythonPath | FieldScriptReloading,
					AppSettings: with(func(s *AppSettings) {
						s.Engine = "cpython"
						s.Threads = 8
						s.RequestTimeout = 1500 * time.Millisecond
						s.PythonPath = []string{"$DIR/lib", "/opt/py"}
						s.ScriptReloading = false
					}), Line: 1},
				{URI: "/", Script: "$DIR/app.py", AppSettings: defaults, Line: 2},
			},
			globals: defaults,
		},
		{
			name: "regex mounts, with and without groups",
			conf: `WSGIScriptAliasMatch ^/wiki/(\w+) scripts/$1.wsgi
WSGIScriptAliasMatch "^/b(log)?" blog.wsgi callable-object=app
`,
			mounts: []mountView{
				{Match: `^/wiki/(\w+)`, Script: "$DIR/scripts/$1.wsgi", AppSettings: defaults, Line: 1},
				{Match: `^/b(log)?`, Script: "$DIR/blog.wsgi", Own: FieldCallable,
					AppSettings: with(func(s *AppSettings) { s.Callable = "app" }), Line: 2},
			},
			globals: defaults,
		},
		{
			name:    "quoted paths and continuation lines",
			conf:    "WSGIScriptAlias \"/my app\" \\\n   \"my app.py\" \\\n   callable-object=app\nWSGIThreads 3\n",
			mounts:  []mountView{{URI: "/my app", Script: "$DIR/my app.py", Own: FieldCallable, AppSettings: with(func(s *AppSettings) { s.Callable = "app"; s.Threads = 3 }), Line: 1}},
			globals: with(func(s *AppSettings) { s.Threads = 3 }),
		},
		{
			name: "listen, alias and timeouts",
			conf: `Listen 8080
Listen 127.0.0.1:9000
Listen [::1]:9000
Alias /static/ static
WSGIRequestTimeout off
WSGIScriptAlias / app.py
`,
			mounts:  []mountView{{URI: "/", Script: "$DIR/app.py", AppSettings: with(func(s *AppSettings) { s.RequestTimeout = 0 }), Line: 6}},
			globals: with(func(s *AppSettings) { s.RequestTimeout = 0 }),
			listen:  []string{":8080", "127.0.0.1:9000", "[::1]:9000"},
			aliases: []Alias{{URI: "/static", Dir: "$DIR/static", Where: Position{File: "site.conf", Line: 4}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(strings.NewReader(expand(tt.conf, dir)), "site.conf")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got, want := viewMounts(c.Mounts), expandMounts(tt.mounts, dir); !reflect.DeepEqual(got, want) {
				t.Errorf("mounts:\n got %+v\nwant %+v", got, want)
			}
			if got, want := c.Globals, expandSettings(tt.globals, dir); !reflect.DeepEqual(got, want) {
				t.Errorf("globals:\n got %+v\nwant %+v", got, want)
			}
			if !slices.Equal(c.Listen, tt.listen) {
				t.Errorf("listen: got %q, want %q", c.Listen, tt.listen)
			}
			for i := range tt.aliases {
				tt.aliases[i].Dir = expand(tt.aliases[i].Dir, dir)
			}
			if !reflect.DeepEqual(c.Aliases, tt.aliases) {
				t.Errorf("aliases: got %+v, want %+v", c.Aliases, tt.aliases)
			}
			if c.Source != "site.conf" {
				t.Errorf("Source = %q", c.Source)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("parsed config does not re-validate: %v", err)
			}
		})
	}
}

func expandSettings(s AppSettings, dir string) AppSettings {
	s.PythonPath = slices.Clone(s.PythonPath)
	for i := range s.PythonPath {
		s.PythonPath[i] = expand(s.PythonPath[i], dir)
	}
	s.PythonHome = expand(s.PythonHome, dir)
	return s
}

func expandMounts(ms []mountView, dir string) []mountView {
	out := slices.Clone(ms)
	for i := range out {
		out[i].Script = expand(out[i].Script, dir)
		out[i].AppSettings = expandSettings(out[i].AppSettings, dir)
	}
	return out
}

// Globals are not positional: shuffling the lines of a file changes
// nothing but line numbers.
func TestParseGlobalsIgnoreOrder(t *testing.T) {
	newTree(t)
	lines := []string{
		"WSGIScriptAlias /blog blog.wsgi pass-authorization=On",
		"WSGICallableObject main",
		"WSGIPythonPath lib",
		"WSGIEngine cpython",
		"WSGIThreads 9",
		"WSGIRequestTimeout 7",
		"WSGIScriptReloading Off",
		"WSGIPassAuthorization Off",
		"WSGIScriptAlias / app.py callable-object=app",
	}
	orders := [][]string{lines, slices.Clone(lines), append(slices.Clone(lines[1:]), lines[0])}
	slices.Reverse(orders[1])
	var first map[string]AppSettings
	for i, order := range orders {
		c, err := Parse(strings.NewReader(strings.Join(order, "\n")), "site.conf")
		if err != nil {
			t.Fatalf("order %d: %v", i, err)
		}
		got := map[string]AppSettings{"globals": c.Globals}
		for _, m := range c.Mounts {
			got[m.URI] = m.AppSettings
		}
		if first == nil {
			first = got
			if s := got["/"]; s.Callable != "app" || s.Threads != 9 || s.PassAuthorization {
				t.Errorf("root mount not resolved: %+v", s)
			}
			if s := got["/blog"]; s.Callable != "main" || !s.PassAuthorization || s.ScriptReloading {
				t.Errorf("blog mount not resolved: %+v", s)
			}
			continue
		}
		if !reflect.DeepEqual(got, first) {
			t.Errorf("order %d resolves differently:\n got %+v\nwant %+v", i, got, first)
		}
	}
}

const directiveNames = "WSGIScriptAlias, WSGIScriptAliasMatch, WSGICallableObject, WSGIPythonPath, WSGIPythonHome, " +
	"WSGIScriptReloading, WSGIPassAuthorization, WSGIEngine, WSGIThreads, WSGIRequestTimeout, Listen, Alias"

func TestParseErrors(t *testing.T) {
	dir := newTree(t)
	const mount = "WSGIScriptAlias / app.py\n"
	tests := []struct {
		name string
		conf string
		want []string
	}{
		{"empty file", "", []string{
			"site.conf:1: nothing is mounted; expected at least one WSGIScriptAlias or WSGIScriptAliasMatch"}},
		{"comments only", "# nothing\n\n", []string{
			"site.conf:1: nothing is mounted; expected at least one WSGIScriptAlias or WSGIScriptAliasMatch"}},
		{"unknown directive", mount + "WSGIFoo bar\n", []string{
			`site.conf:2: unknown directive "WSGIFoo"; expected one of ` + directiveNames}},
		{"mod_wsgi-only directive", mount + "WSGIDaemonProcess site threads=4\n", []string{
			`site.conf:2: mod_wsgi directive "WSGIDaemonProcess" is not supported by gowsgi serve; expected one of ` + directiveNames}},
		{"python home is not a directory", mount + "WSGIPythonHome app.py\n", []string{
			`site.conf:2: WSGIPythonHome "app.py" is not a directory; expected a Python installation prefix or a virtualenv`}},
		{"python-home= is not a directory", "WSGIScriptAlias / app.py python-home=app.py\n", []string{
			`site.conf:1: WSGIScriptAlias python-home= "app.py" is not a directory; expected a Python installation prefix or a virtualenv`}},
		{"python home twice", mount + "WSGIPythonHome lib\nWSGIPythonHome vendor\n", []string{
			"site.conf:3: WSGIPythonHome is already given at line 2; expected it once, the interpreter is one per process"}},
		{"section", "<VirtualHost *:80>\n" + mount, []string{
			`site.conf:1: sections such as "<VirtualHost" are not supported; expected plain directives, one of ` + directiveNames}},
		{"too many arguments with a trailing comment", mount + "WSGIThreads 4 # four\n", []string{
			"site.conf:2: WSGIThreads takes 1 argument, got 3 (a # comment must be on a line of its own); usage: WSGIThreads N"}},
		{"too few arguments", "WSGIScriptAlias /\n", []string{
			"site.conf:1: WSGIScriptAlias takes 2 to 10 arguments, got 1; usage: WSGIScriptAlias URI SCRIPT [OPTION=VALUE...]"}},
		{"alias arity", mount + "Alias /static\n", []string{
			"site.conf:2: Alias takes 2 arguments, got 1; usage: Alias URI DIR"}},
		{"missing argument value", mount + "WSGIEngine\n", []string{
			"site.conf:2: WSGIEngine takes 1 argument, got 0; usage: WSGIEngine gpython|cpython"}},
		{"bad quoting", mount + "Alias \"/static static\n", []string{
			`site.conf:2: quoted argument "/static static" has no closing double quote; expected one before the end of the directive`}},
		{"WSGIScriptReloading", mount + "\nWSGIScriptReloading maybe\n", []string{
			`site.conf:3: WSGIScriptReloading takes On or Off, got "maybe"`}},
		{"WSGIPassAuthorization", mount + "WSGIPassAuthorization 1\n", []string{
			`site.conf:2: WSGIPassAuthorization takes On or Off, got "1"`}},
		{"WSGICallableObject", mount + "WSGICallableObject my-app\n", []string{
			`site.conf:2: WSGICallableObject takes a Python identifier (such as application), got "my-app"`}},
		{"WSGIEngine", mount + "WSGIEngine pypy\n", []string{
			`site.conf:2: WSGIEngine takes gpython or cpython, got "pypy"`}},
		{"WSGIThreads", mount + "WSGIThreads 0\n", []string{
			`site.conf:2: WSGIThreads takes a whole number from 1 to 1024, got "0"`}},
		{"WSGIRequestTimeout", mount + "WSGIRequestTimeout -5\n", []string{
			`site.conf:2: WSGIRequestTimeout takes seconds greater than 0 (such as 30, 2.5 or 1m30s), or 0 or Off for no limit, got "-5"`}},
		{"global given twice", mount + "WSGIThreads 4\nWSGIThreads 8\n", []string{
			"site.conf:3: WSGIThreads is already given at line 2; expected it once, it applies to every mount"}},
		{"WSGIPythonPath empty entry", mount + "WSGIPythonPath lib::vendor\n", []string{
			`site.conf:2: WSGIPythonPath "lib::vendor" has an empty entry; expected directories separated by ':'`}},
		{"WSGIPythonPath empty", mount + "WSGIPythonPath \"\"\n", []string{
			`site.conf:2: WSGIPythonPath is empty; expected directories separated by ':'`}},
		{"Listen", mount + "Listen 70000\n", []string{
			`site.conf:2: Listen takes a port (8080), :port or host:port, with a port from 1 to 65535, got "70000"`}},
		{"Listen twice", mount + "Listen 8080\nListen :8080\n", []string{
			"site.conf:3: Listen :8080 is already given at line 2; expected each address once"}},
		{"Alias missing directory", mount + "Alias /static nowhere\n", []string{
			`site.conf:2: Alias directory "$DIR/nowhere" does not exist; expected an existing directory`}},
		{"Alias to a file", mount + "Alias /static app.py\n", []string{
			`site.conf:2: Alias "$DIR/app.py" is not a directory; expected an existing directory`}},
		{"Alias bad URI and empty directory", mount + "Alias static \"\"\n", []string{
			`site.conf:2: Alias URI "static" does not start with "/"; expected a URI path such as /app`,
			`site.conf:2: Alias directory is empty; expected a path`}},
		{"Alias twice", mount + "Alias /static static\nAlias /static/ lib\n", []string{
			`site.conf:3: Alias "/static" is already given at line 2; expected each URI once`}},
		{"Alias on a mount's URI", "WSGIScriptAlias /static app.py\nAlias /static static\n", []string{
			`site.conf:2: Alias "/static" is also an application mount at line 1; expected distinct URIs`}},
		{"script missing", "WSGIScriptAlias / nope.py\n", []string{
			`site.conf:1: WSGIScriptAlias script "$DIR/nope.py" does not exist; expected a readable WSGI script file`}},
		{"script is a directory", "WSGIScriptAlias / static\n", []string{
			`site.conf:1: WSGIScriptAlias script "$DIR/static" is a directory; expected a readable WSGI script file`}},
		{"script is a FIFO", "WSGIScriptAlias / pipe\n", []string{
			`site.conf:1: WSGIScriptAlias script "$DIR/pipe" is not a regular file; expected a readable WSGI script file`}},
		{"script below a file", "WSGIScriptAlias / app.py/x.py\n", []string{
			`site.conf:1: WSGIScriptAlias script "$DIR/app.py/x.py" cannot be read (not a directory); expected a readable WSGI script file`}},
		{"script empty", "WSGIScriptAlias / \"\"\n", []string{
			`site.conf:1: WSGIScriptAlias script is empty; expected a path`}},
		{"URI and script both wrong", "WSGIScriptAlias app nope.py\n", []string{
			`site.conf:1: WSGIScriptAlias URI "app" does not start with "/"; expected a URI path such as /app`,
			`site.conf:1: WSGIScriptAlias script "$DIR/nope.py" does not exist; expected a readable WSGI script file`}},
		{"unclean URI", "WSGIScriptAlias /a//b app.py\n", []string{
			`site.conf:1: WSGIScriptAlias URI "/a//b" is not a clean path; expected "/a/b"`}},
		{"duplicate URI, trailing slash ignored", "WSGIScriptAlias /app app.py\n\nWSGIScriptAlias /app/ blog.wsgi\n", []string{
			`site.conf:3: URI "/app" is already mounted at line 1; expected each mounted once`}},
		{"unknown option", "WSGIScriptAlias / app.py process-group=site\n", []string{
			`site.conf:1: WSGIScriptAlias option "process-group" is not supported; ` + optionsWant}},
		{"positional extra argument", "WSGIScriptAlias / app.py app\n", []string{
			`site.conf:1: WSGIScriptAlias: unexpected argument "app"; ` + optionsWant}},
		{"bad option values", "WSGIScriptAlias / app.py callable-object=1x pass-authorization=yes\n", []string{
			`site.conf:1: WSGIScriptAlias callable-object= takes a Python identifier (such as application), got "1x"`,
			`site.conf:1: WSGIScriptAlias pass-authorization= takes On or Off, got "yes"`}},
		{"option twice", "WSGIScriptAlias / app.py callable-object=a Callable-Object=b\n", []string{
			`site.conf:1: WSGIScriptAlias option callable-object= is given twice; expected it once`}},
		{"regex does not compile", `WSGIScriptAliasMatch ^/(x app.py` + "\n", []string{
			`site.conf:1: WSGIScriptAliasMatch pattern "^/(x" does not compile: missing closing ) "^/(x"; expected a Go (RE2) regular expression`}},
		{"regex error with position", `WSGIScriptAliasMatch ^/a\q app.py` + "\n", []string{
			`site.conf:1: WSGIScriptAliasMatch pattern "^/a\\q" does not compile at character 4: invalid escape sequence "\\q"; expected a Go (RE2) regular expression`}},
		{"regex group reference out of range", `WSGIScriptAliasMatch ^/(\w+) scripts/$2.wsgi` + "\n", []string{
			`site.conf:1: WSGIScriptAliasMatch script "$DIR/scripts/$2.wsgi" refers to $2 but pattern "^/(\\w+)" has 1 group(s); expected $N with N at most 1`}},
		{"regex without references checks its script", `WSGIScriptAliasMatch ^/x nope.py` + "\n", []string{
			`site.conf:1: WSGIScriptAliasMatch script "$DIR/nope.py" does not exist; expected a readable WSGI script file`}},
		{"duplicate pattern", "WSGIScriptAliasMatch ^/x app.py\nWSGIScriptAliasMatch ^/x blog.wsgi\n", []string{
			`site.conf:2: pattern "^/x" is already mounted at line 1; expected each mounted once`}},
		{"every mistake, in line order", `WSGIScriptAlias /app app.py
Alias "/x
WSGIThreads lots
WSGIScriptAlias /app blog.wsgi
WSGIFrob
`, []string{
			`site.conf:2: quoted argument "/x" has no closing double quote; expected one before the end of the directive`,
			`site.conf:3: WSGIThreads takes a whole number from 1 to 1024, got "lots"`,
			`site.conf:4: URI "/app" is already mounted at line 1; expected each mounted once`,
			`site.conf:5: unknown directive "WSGIFrob"; expected one of ` + directiveNames}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(strings.NewReader(tt.conf), "site.conf")
			if c != nil {
				t.Errorf("got a config along with the error")
			}
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = expand(w, dir)
			}
			if got := errorLines(err); !slices.Equal(got, want) {
				t.Errorf("errors:\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestParseErrorType(t *testing.T) {
	newTree(t)
	_, err := Parse(strings.NewReader("WSGIScriptAlias / app.py\nWSGIThreads 0\nWSGIEngine x\n"), "site.conf")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("errors.As(*Error) failed for %v", err)
	}
	if e.File != "site.conf" || e.Line != 2 || !strings.HasPrefix(e.Msg, "WSGIThreads takes") {
		t.Errorf("first error = %+v", e)
	}
	many, ok := err.(interface{ Unwrap() []error })
	if !ok || len(many.Unwrap()) != 2 {
		t.Errorf("want two joined errors, got %v", err)
	}
}

func TestParseUnreadableScript(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	dir := newTree(t)
	if err := os.Chmod(filepath.Join(dir, "app.py"), 0); err != nil {
		t.Fatal(err)
	}
	_, err := Parse(strings.NewReader("WSGIScriptAlias / app.py\n"), "site.conf")
	want := `site.conf:1: WSGIScriptAlias script "` + dir + `/app.py" cannot be read (permission denied); expected a readable WSGI script file`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestParseFile(t *testing.T) {
	dir := newTree(t)
	confDir := filepath.Join(dir, "conf")
	if err := os.Mkdir(confDir, 0o755); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(confDir, "site.conf")
	if err := os.WriteFile(conf, []byte("WSGIScriptAlias / ../app.py\nWSGIPythonPath ../lib\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Relative paths follow the file, not the working directory.
	t.Chdir(t.TempDir())
	c, err := ParseFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Mounts[0].Script, filepath.Join(dir, "app.py"); got != want {
		t.Errorf("script = %q, want %q", got, want)
	}
	if got, want := c.Mounts[0].PythonPath, []string{filepath.Join(dir, "lib")}; !slices.Equal(got, want) {
		t.Errorf("python path = %q, want %q", got, want)
	}
	if c.Source != conf {
		t.Errorf("Source = %q, want %q", c.Source, conf)
	}

	_, err = ParseFile(filepath.Join(dir, "missing.conf"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: got %v, want a not-exist error", err)
	}
}
