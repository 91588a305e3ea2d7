package tests

import (
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// parseEnviron reads the KEY=VALUE lines apps/environ.py answers with.
func parseEnviron(t *testing.T, body []byte) map[string]string {
	t.Helper()
	env := map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(string(body), "\n"), "\n") {
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("malformed environ line %q in %q", line, clip(body))
		}
		env[k] = v
	}
	return env
}

// ordsOf renders the bytes of s the way environ.py renders PATH_INFO's
// code points, which is what a latin-1 "bytes in str" value must give.
func ordsOf(s string) string {
	parts := make([]string, len(s))
	for i := 0; i < len(s); i++ {
		parts[i] = strconv.Itoa(int(s[i]))
	}
	return strings.Join(parts, ",")
}

func TestEnvironCGIVariables(t *testing.T) {
	t.Parallel()
	s := startServer(t, "/app="+app("environ.py"))

	cases := []struct {
		name  string
		proto string
	}{
		{"http11", "HTTP/1.1"},
		{"http10", "HTTP/1.0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := s.dial()
			clientPort := strconv.Itoa(c.conn.LocalAddr().(*net.TCPAddr).Port)
			c.send("POST /app/caf%C3%A9/x%20y?a=1&b=%20x+y&c HTTP/" + strings.TrimPrefix(tc.proto, "HTTP/") + "\r\n" +
				"Host: " + s.addr + "\r\n" +
				"X-Multi: one\r\n" +
				"X-Real: real-value\r\n" +
				"X_Spoof: spoofed\r\n" +
				"X-Multi: two\r\n" +
				"Proxy: http://evil.example/\r\n" +
				"Authorization: Basic Zm9vOmJhcg==\r\n" +
				"Content-Type: text/x-test; charset=latin-1\r\n" +
				"Content-Length: 4\r\n" +
				"Connection: close\r\n" +
				"\r\n" +
				"abcd")
			r := c.read(http.MethodPost)
			if r.StatusCode != http.StatusOK || r.bodyErr != nil {
				t.Fatalf("status %d, body error %v: %q", r.StatusCode, r.bodyErr, clip(r.body))
			}
			env := parseEnviron(t, r.body)

			want := map[string]string{
				"REQUEST_METHOD":              "str:POST",
				"SCRIPT_NAME":                 "str:/app",
				"PATH_INFO_ORDS":              ordsOf("/caf\xc3\xa9/x y"),
				"QUERY_STRING":                "str:a=1&b=%20x+y&c",
				"CONTENT_TYPE":                "str:text/x-test; charset=latin-1",
				"CONTENT_LENGTH":              "str:4",
				"SERVER_PORT":                 "str:" + strconv.Itoa(s.port),
				"SERVER_PROTOCOL":             "str:" + tc.proto,
				"REMOTE_ADDR":                 "str:127.0.0.1",
				"REMOTE_PORT":                 "str:" + clientPort,
				"HTTP_HOST":                   "str:" + s.addr,
				"HTTP_X_MULTI":                "str:one, two",
				"HTTP_X_REAL":                 "str:real-value",
				"wsgi.version":                "tuple:(1, 0)",
				"check.wsgi.version":          "True",
				"wsgi.url_scheme":             "str:http",
				"wsgi.run_once":               "bool:False",
				"wsgi.input_terminated":       "bool:True",
				"check.file_wrapper_callable": "True",
			}
			for k, v := range want {
				if got, ok := env[k]; !ok {
					t.Errorf("%s missing from environ", k)
				} else if got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			// Only the type is fixed by PEP 3333 for these.
			for _, k := range []string{"wsgi.multithread", "wsgi.multiprocess"} {
				if got := env[k]; got != "bool:True" && got != "bool:False" {
					t.Errorf("%s = %q, want a real bool", k, got)
				}
			}
			for _, k := range []string{"wsgi.input", "wsgi.errors", "wsgi.file_wrapper", "SERVER_NAME"} {
				if _, ok := env[k]; !ok {
					t.Errorf("%s missing from environ", k)
				}
			}
			if env["SERVER_NAME"] == "str:" {
				t.Errorf("SERVER_NAME is empty")
			}
			for _, k := range []string{
				"HTTP_X_SPOOF",        // underscore header must not pass as X-Spoof
				"HTTP_PROXY",          // httpoxy
				"HTTP_AUTHORIZATION",  // withheld unless WSGIPassAuthorization On
				"HTTP_CONTENT_TYPE",   // CGI: only CONTENT_TYPE
				"HTTP_CONTENT_LENGTH", // CGI: only CONTENT_LENGTH
			} {
				if v, ok := env[k]; ok {
					t.Errorf("%s present in environ (%q); want absent", k, v)
				}
			}
			for k, v := range env {
				if strings.Contains(v, "spoofed") {
					t.Errorf("spoofed header value reached environ as %s=%q", k, v)
				}
			}
		})
	}
}

func TestEnvironPathInfoLatin1(t *testing.T) {
	t.Parallel()
	s := startServer(t, "/app="+app("environ.py"))
	cases := []struct {
		path       string
		scriptName string
		pathInfo   string // the raw bytes PATH_INFO must carry
	}{
		{"/app/caf%C3%A9", "/app", "/caf\xc3\xa9"},
		{"/app/x/y", "/app", "/x/y"},
		{"/app/%E2%82%AC", "/app", "/\xe2\x82\xac"},
		{"/app/latin%FF", "/app", "/latin\xff"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			status, _, body := s.get(tc.path)
			if status != http.StatusOK {
				t.Fatalf("GET %s = %d %q", tc.path, status, clip(body))
			}
			env := parseEnviron(t, body)
			if got := env["SCRIPT_NAME"]; got != "str:"+tc.scriptName {
				t.Errorf("SCRIPT_NAME = %q, want %q", got, tc.scriptName)
			}
			if got, want := env["PATH_INFO_ORDS"], ordsOf(tc.pathInfo); got != want {
				t.Errorf("PATH_INFO code points = %s, want %s (each UTF-8 byte as one latin-1 character)", got, want)
			}
		})
	}
}

func TestEnvironPassAuthorization(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		directive string
		want      bool
	}{
		{"default", "", false},
		{"off", "WSGIPassAuthorization Off", false},
		{"on", "WSGIPassAuthorization On", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg := writeConfig(t, tc.directive, "WSGIScriptAlias /app "+app("environ.py"))
			s := startServer(t, "--config", cfg)
			status, _, body := s.do(http.MethodGet, "/app/", nil, http.Header{"Authorization": {"Basic Zm9vOmJhcg=="}})
			if status != http.StatusOK {
				t.Fatalf("status %d: %q", status, clip(body))
			}
			got, ok := parseEnviron(t, body)["HTTP_AUTHORIZATION"]
			switch {
			case tc.want && got != "str:Basic Zm9vOmJhcg==":
				t.Errorf("HTTP_AUTHORIZATION = %q (present %v), want %q", got, ok, "Basic Zm9vOmJhcg==")
			case !tc.want && ok:
				t.Errorf("HTTP_AUTHORIZATION = %q, want absent", got)
			}
		})
	}
}

func TestWSGIErrorsReachLog(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("errors_stream.py"))
	s.expectOK("/", "logged")
	for _, marker := range []string{
		"errors-stream-write-marker",
		"errors-stream-writelines-one",
		"errors-stream-writelines-two",
	} {
		if _, ok := s.waitLogString(marker, logWaitTimeout); !ok {
			t.Errorf("%q written to wsgi.errors never appeared in the server log", marker)
		}
	}
}
