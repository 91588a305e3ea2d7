package config

import "testing"

func TestCleanURI(t *testing.T) {
	tests := []struct {
		in, want string
		err      string
	}{
		{in: "/", want: "/"},
		{in: "/app", want: "/app"},
		{in: "/app/", want: "/app"},
		{in: "/a/b/", want: "/a/b"},
		{in: "/my app", want: "/my app"},
		{in: "app", err: `URI "app" does not start with "/"; expected a URI path such as /app`},
		{in: "", err: `URI "" does not start with "/"; expected a URI path such as /app`},
		{in: "/app?x=1", err: `URI "/app?x=1" has a query or fragment; expected a plain URI path such as /app`},
		{in: "/app#top", err: `URI "/app#top" has a query or fragment; expected a plain URI path such as /app`},
		{in: "/a//b", err: `URI "/a//b" is not a clean path; expected "/a/b"`},
		{in: "/app//", err: `URI "/app//" is not a clean path; expected "/app"`},
		{in: "//", err: `URI "//" is not a clean path; expected "/"`},
		{in: "/a/../b", err: `URI "/a/../b" is not a clean path; expected "/b"`},
		{in: "/a/./b", err: `URI "/a/./b" is not a clean path; expected "/a/b"`},
	}
	for _, tt := range tests {
		got, err := cleanURI(tt.in)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != tt.want || gotErr != tt.err {
			t.Errorf("cleanURI(%q) = %q, %q; want %q, %q", tt.in, got, gotErr, tt.want, tt.err)
		}
	}
}
