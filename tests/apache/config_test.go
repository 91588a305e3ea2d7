package apache

import (
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// `apachectl configtest` refuses a mistake with the line it is on.
func TestConfigtestRejects(t *testing.T) {
	cases := []struct {
		name, line, want string
		before           string // lines before the bad one
	}{
		{"threads", "WSGIThreads many", `WSGIThreads "many": expected a whole number from 1 to 1024`, ""},
		{"missing_script", "WSGIScriptAlias /x {{data}}/missing.py", "does not exist", ""},
		{"script_is_dir", "WSGIScriptAlias /x {{apps}}", "is not a regular file", ""},
		{"bad_uri", "WSGIScriptAlias x {{apps}}/hello.py", `URI "x"`, ""},
		{"callable_option", "WSGIScriptAlias /x {{apps}}/hello.py callable-object=1abc", "callable-object=", ""},
		{"callable_keyword", "WSGICallableObject class", "keyword", ""},
		{"unknown_option", "WSGIScriptAlias /x {{apps}}/hello.py frobnicate=1", `unknown option "frobnicate=1"`, ""},
		{"regex", "WSGIScriptAliasMatch ^/(x {{apps}}/hello.py", "does not compile", ""},
		{"regex_refs", "WSGIScriptAliasMatch ^/(a) {{apps}}/$2.py", "refers to $2", ""},
		{"timeout", "WSGIRequestTimeout soon", `WSGIRequestTimeout "soon"`, ""},
		{"engine", "WSGIEngine jython", "expected gpython or cpython", ""},
		{"core_setting", "WSGICoreSetting GOMAXPROCS", "expected GOMAXPROCS=N", ""},
		{"reloading", "WSGIScriptReloading maybe", "WSGIScriptReloading", ""},
		{"duplicate_alias", "WSGIScriptAlias /dup {{apps}}/echo.py", "WSGIScriptAlias /dup is already given at",
			"WSGIScriptAlias /dup {{apps}}/hello.py\n"},
		{"daemon_chroot", "WSGIDaemonProcess jail chroot=/srv", "option chroot= is not supported", ""},
		{"daemon_unknown", "WSGIDaemonProcess g wings=2", `unknown option "wings=2"`, ""},
		{"daemon_threads", "WSGIDaemonProcess g threads=0", "threads=", ""},
		{"daemon_twice", "WSGIDaemonProcess g processes=1", "WSGIDaemonProcess g is already defined at", "WSGIDaemonProcess g threads=2\n"},
		{"python_home_in_vhost", "    WSGIPythonHome /usr", "cannot occur within", "<VirtualHost *:1>\n"},
		{"python_home_missing", "WSGIPythonHome {{data}}/missing", `/missing" is not a directory; expected a Python installation prefix or a virtualenv`, ""},
		{"daemon_python_home_differs", "WSGIDaemonProcess g python-home={{data}}",
			`" differs from "/usr" given at`, "WSGIPythonHome /usr\n"},
		{"undefined_group", "    WSGIProcessGroup nosuch", `process group "nosuch" is not defined by any WSGIDaemonProcess`,
			"WSGIScriptAlias /x {{apps}}/hello.py\n<Location /x>\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := c.before + c.line + "\n"
			if strings.HasPrefix(c.before, "<VirtualHost") {
				body += "</VirtualHost>\n"
			}
			if strings.Contains(c.before, "<Location") {
				body += "</Location>\n"
			}
			out, err := configtest(t, site{body: body})
			if err == nil {
				t.Fatalf("configtest passed; want it to fail:\n%s", out)
			}
			s := prepare(t, site{body: body}, "")
			conf, _ := os.ReadFile(s.conf)
			line := lineOf(t, string(conf), strings.TrimSpace(s.replacer().Replace(c.line)))
			where := fmt.Sprintf("line %d of ", line)
			if !strings.Contains(out, where) || !strings.Contains(out, s.replacer().Replace(c.want)) {
				t.Errorf("configtest said:\n%s\nwant %q and %q", out, where, c.want)
			}
		})
	}
}

// A configuration with every mod_wsgi directive passes, and says once
// what has no effect here.
func TestConfigtestAccepts(t *testing.T) {
	out, err := configtest(t, site{body: classicSite})
	if err != nil || !strings.Contains(out, "Syntax OK") {
		t.Fatalf("configtest: %v\n%s", err, out)
	}
	for _, notice := range []string{"option user= is ignored",
		"WSGISocketPrefix has no effect", "WSGIApplicationGroup and application-group= have no effect"} {
		if n := strings.Count(out, notice); n != 1 {
			t.Errorf("%q said %d times, want once:\n%s", notice, n, out)
		}
	}
}

// A mod_wsgi configuration as found in the wild: an embedded mount using
// WSGIPythonPath and WSGICallableObject, and a virtual host in daemon mode
// whose group's python-path and threads apply.
const classicSite = `
WSGIPythonPath {{apps}}/classic/lib
WSGIPythonHome /usr
WSGISocketPrefix run/wsgi
WSGIRestrictEmbedded Off
WSGIScriptAlias /hello {{apps}}/classic/application.py
WSGICallableObject app

<VirtualHost 127.0.0.1:{{port}}>
    ServerName daemon.test
    WSGIDaemonProcess classic user=www-data group=www-data processes=2 threads=5 display-name=%{GROUP} python-path={{apps}}/classic/lib maximum-requests=1000
    WSGIDaemonProcess other user=www-data threads=2
    WSGIProcessGroup classic
    WSGIApplicationGroup %{GLOBAL}
    WSGIScriptAlias /daemon {{apps}}/classic/application.py process-group=classic application-group=%{GLOBAL}
    WSGIScriptAlias /hello {{apps}}/classic/application.py
    WSGICallableObject app
    WSGIPassAuthorization On
    <Directory {{apps}}/classic>
        Require all granted
    </Directory>
</VirtualHost>

<VirtualHost 127.0.0.1:{{port}}>
    ServerName embedded.test
</VirtualHost>
`

func TestClassicModWSGIConfig(t *testing.T) {
	s := startServer(t, site{body: classicSite})
	for _, c := range []struct{ host, path, want string }{
		{"daemon.test", "/hello?ada", "Greetings, ada, from a helper module\n"},
		{"daemon.test", "/daemon", "Greetings, world, from a helper module\n"},
		{"embedded.test", "/hello", "Greetings, world, from a helper module\n"},
	} {
		if status, body := getHost(t, s, c.host, c.path); status != 200 || body != c.want {
			t.Errorf("%s%s: %d %q, want %q", c.host, c.path, status, body, c.want)
		}
	}
	log := s.errorLog()
	for _, notice := range []string{"option user= is ignored", "option processes= is ignored",
		"option display-name= is ignored", "option maximum-requests= is ignored",
		"WSGISocketPrefix has no effect",
		"WSGIRestrictEmbedded has no effect", "WSGIApplicationGroup and application-group= have no effect"} {
		if n := strings.Count(log, notice); n != 1 {
			t.Errorf("%q logged %d times, want once", notice, n)
		}
	}
	if strings.Contains(log, "failed to load") {
		t.Errorf("an application failed to load:\n%s", log)
	}
}

// WSGICallableObject in <Location> and <Directory> picks the callable per
// request, as Apache merges sections; sections elsewhere add nothing.
func TestSections(t *testing.T) {
	s := startServer(t, site{body: `
WSGIScriptAlias /named {{apps}}/named.py
WSGIScriptAlias /sub {{apps}}/sub/named.py
WSGIScriptAlias /plain {{apps}}/hello.py
<Location /named/other>
    WSGICallableObject other
</Location>
<Directory {{apps}}/sub>
    WSGICallableObject other
</Directory>
<LocationMatch "^/nowhere">
    WSGICallableObject missing_everywhere
</LocationMatch>
<Files "nothing.py">
    WSGIScriptReloading Off
</Files>
Alias /raw {{apps}}/sub
<Location /raw>
    SetHandler wsgi-script
</Location>
`})
	for _, c := range []struct{ path, want string }{
		{"/named", "application /named \n"},
		{"/named/x", "application /named /x\n"},
		{"/named/other/x", "other /named /other/x\n"},
		{"/sub/y", "other /sub /y\n"},
		{"/plain", "Hello, world!\n"},
	} {
		resp, body := get(t, s.url(c.path))
		if resp.StatusCode != 200 || body != c.want {
			t.Errorf("%s: %d %q, want %q", c.path, resp.StatusCode, body, c.want)
		}
	}
	// mod_wsgi's handler-based setup must not send the source instead.
	resp, body := get(t, s.url("/raw/named.py"))
	if resp.StatusCode != 500 || strings.Contains(body, "def application") {
		t.Errorf("SetHandler wsgi-script: %d %q, want a 500 without the source", resp.StatusCode, body)
	}
	// Only the combinations that can occur were made: four applications.
	log := s.errorLog()
	if !strings.Contains(log, "core started: applications=4") || strings.Contains(log, "failed to load") {
		t.Errorf("want 4 applications and none failing:\n%s", log)
	}
}

// A virtual host serves its own aliases first, then the main server's,
// with its own settings.
func TestVirtualHostMerging(t *testing.T) {
	s := startServer(t, site{body: `
WSGICallableObject application
WSGIThreads 2
WSGIScriptAlias /main {{apps}}/named.py
WSGIScriptAlias /both {{apps}}/hello.py
<VirtualHost 127.0.0.1:{{port}}>
    ServerName one.test
    WSGICallableObject other
    WSGIThreads 3
    WSGIScriptAlias /both {{apps}}/named.py
</VirtualHost>
<VirtualHost 127.0.0.1:{{port}}>
    ServerName two.test
</VirtualHost>
`})
	for _, c := range []struct{ host, path, want string }{
		{"one.test", "/main", "other /main \n"},
		{"one.test", "/both/z", "other /both /z\n"},
		{"two.test", "/main", "application /main \n"},
		{"two.test", "/both", "Hello, world!\n"},
	} {
		if status, body := getHost(t, s, c.host, c.path); status != 200 || body != c.want {
			t.Errorf("%s%s: %d %q, want %q", c.host, c.path, status, body, c.want)
		}
	}
}

// Over TLS the application sees HTTPS and the port Apache serves it on.
func TestTLS(t *testing.T) {
	if _, err := os.Stat(env.modules + "/mod_ssl.so"); err != nil {
		t.Skip("mod_ssl is not installed")
	}
	s := startServer(t, site{tls: true, body: "WSGIScriptAlias /env {{apps}}/environ.py\n"})
	c := &http.Client{Timeout: requestTimeout, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}}
	var resp *http.Response
	var err error
	// mod_ssl's port may open a moment after the plain one.
	waitFor(5*time.Second, func() bool {
		resp, err = c.Get("https://127.0.0.1:" + strconv.Itoa(s.tlsPort) + "/env")
		return err == nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 1<<16)
	n, _ := resp.Body.Read(buf)
	e := environ(string(buf[:n]))
	if e["HTTPS"] != "on" || e["wsgi.url_scheme"] != "https" || e["SERVER_PORT"] != strconv.Itoa(s.tlsPort) {
		t.Errorf("over TLS: HTTPS=%q url_scheme=%q SERVER_PORT=%q", e["HTTPS"], e["wsgi.url_scheme"], e["SERVER_PORT"])
	}
	_, body := get(t, s.url("/env"))
	if e := environ(body); e["wsgi.url_scheme"] != "http" {
		t.Errorf("plain port: url_scheme=%q", e["wsgi.url_scheme"])
	}
}

// getHost GETs path from the virtual host named host.
func getHost(t *testing.T, s *server, host, path string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.url(path), nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	resp, err := client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s%s: reading the body: %v", host, path, err)
	}
	return resp.StatusCode, string(body)
}
