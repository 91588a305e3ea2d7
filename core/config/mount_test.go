package config

import (
	"regexp"
	"testing"
)

func TestScriptFor(t *testing.T) {
	prefix := func(uri string) Mount { return Mount{URI: uri, Script: "/srv/app.py"} }
	match := func(re, script string) Mount { return Mount{Match: regexp.MustCompile(re), Script: script} }
	tests := []struct {
		name    string
		mount   Mount
		path    string
		script  string
		matched string
		ok      bool
	}{
		{"root takes everything with empty SCRIPT_NAME", prefix("/"), "/x/y", "/srv/app.py", "", true},
		{"root takes the root", prefix("/"), "/", "/srv/app.py", "", true},
		{"prefix itself", prefix("/app"), "/app", "/srv/app.py", "/app", true},
		{"below the prefix", prefix("/app"), "/app/x", "/srv/app.py", "/app", true},
		{"prefix with trailing slash in the request", prefix("/app"), "/app/", "/srv/app.py", "/app", true},
		{"not on a segment boundary", prefix("/app"), "/apple", "", "", false},
		{"elsewhere", prefix("/app"), "/other", "", "", false},
		{"shorter than the prefix", prefix("/app"), "/ap", "", "", false},
		{"unnormalized empty URI matches nothing", prefix(""), "/", "", "", false},

		{"group substituted, rest is PATH_INFO", match(`^/wiki/(\w+)`, "/srv/$1.wsgi"), "/wiki/main/page", "/srv/main.wsgi", "/wiki/main", true},
		{"unanchored pattern still matches only at the start", match(`/wiki/(\w+)`, "/srv/$1.wsgi"), "/x/wiki/main", "", "", false},
		{"unanchored pattern at the start", match(`/wiki/(\w+)`, "/srv/$1.wsgi"), "/wiki/main", "/srv/main.wsgi", "/wiki/main", true},
		{"several groups and $0", match(`^/(\w+)/(\w+)`, "/srv/$2/$1-$0.py"), "/a/b/c", "/srv/b/a-/a/b.py", "/a/b", true},
		{"group that took no part is empty", match(`^/x(\d+)?`, "/srv/app$1.py"), "/x/y", "/srv/app.py", "/x", true},
		{"literal dollar", match(`^/(\w+)`, "/srv/$x-$1.py"), "/a", "/srv/$x-a.py", "/a", true},
		{"no references: fixed script", match(`^/b(log)?`, "/srv/blog.wsgi"), "/blog/2024", "/srv/blog.wsgi", "/blog", true},
		{"match ends inside a segment, as in AliasMatch", match(`^/app`, "/srv/app.py"), "/application", "/srv/app.py", "/app", true},
		{"no match", match(`^/wiki/(\w+)`, "/srv/$1.wsgi"), "/blog", "", "", false},
		{"group climbing out with ..", match(`^/(.+)`, "/srv/$1.py"), "/../../etc/passwd", "", "", false},
		{"groups joined into ..", match(`^/(.)(.)/`, "/srv/$1$2/app.py"), "/../x", "", "", false},
		{"NUL in a group", match(`^/(.+)`, "/srv/$1.py"), "/a\x00b", "", "", false},
		{"dots inside a name are fine", match(`^/(.+)`, "/srv/$1.py"), "/a..b", "/srv/a..b.py", "/a..b", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			script, matched, ok := tt.mount.ScriptFor(tt.path)
			if script != tt.script || matched != tt.matched || ok != tt.ok {
				t.Errorf("ScriptFor(%q) = %q, %q, %v; want %q, %q, %v", tt.path, script, matched, ok, tt.script, tt.matched, tt.ok)
			}
		})
	}
}

func TestHighestRef(t *testing.T) {
	tests := []struct {
		tmpl string
		want int
	}{
		{"/srv/app.py", -1}, {"/srv/$1.py", 1}, {"/srv/$3/$1", 3}, {"$0", 0}, {"$", -1}, {"$$1", 1}, {"/a$b", -1}, {"$9$10", 9},
	}
	for _, tt := range tests {
		if got := highestRef(tt.tmpl); got != tt.want {
			t.Errorf("highestRef(%q) = %d, want %d", tt.tmpl, got, tt.want)
		}
	}
}
