package pymod

import "testing"

func TestDecodeUTF8Replace(t *testing.T) {
	cases := []struct {
		in   []byte
		want string
	}{
		{[]byte("abc"), "abc"},
		{[]byte{0xff, 0xfe}, "\ufffd\ufffd"},
		{[]byte{0xe2, 0x82}, "\ufffd"},
		{[]byte{0xe2, 0x82, 'A'}, "\ufffdA"},
		{[]byte{0xc3, 0x28}, "\ufffd("},
		{[]byte{0xed, 0xa0, 0x80}, "\ufffd\ufffd\ufffd"},
		{[]byte{0xf0, 0x9f, 0x98}, "\ufffd"},
	}
	for _, c := range cases {
		if got := decodeUTF8Replace(c.in); got != c.want {
			t.Errorf("decodeUTF8Replace(% x) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestURLJoin(t *testing.T) {
	base := "http://a/b/c/d;p?q"
	cases := map[string]string{
		"g:h": "g:h", "g": "http://a/b/c/g", "./g": "http://a/b/c/g", "/g": "http://a/g", "//g": "http://g",
		"?y": "http://a/b/c/d;p?y", "#s": "http://a/b/c/d;p?q#s", "": base, ".": "http://a/b/c/",
		"..": "http://a/b/", "../../../g": "http://a/g", "g/../h": "http://a/b/c/h", "g;x=1/../y": "http://a/b/c/y",
	}
	for ref, want := range cases {
		got, err := urljoin(base, ref, true)
		if err != nil || got != want {
			t.Errorf("urljoin(%q) = %q, %v; want %q", ref, got, err, want)
		}
	}
}

func TestURLSplit(t *testing.T) {
	cases := []struct {
		url  string
		want splitURL
	}{
		{"https://u@H:1/p;x?q#f", splitURL{"https", "u@H:1", "/p;x", "q", "f"}},
		{"HTTP://x", splitURL{"http", "x", "", "", ""}},
		{"1a:b", splitURL{"", "", "1a:b", "", ""}},
		{" \thttp://x\n/y", splitURL{"http", "x", "/y", "", ""}},
		{"//h/p", splitURL{"", "h", "/p", "", ""}},
	}
	for _, c := range cases {
		got, err := urlsplit(c.url, "", true)
		if err != nil || got != c.want {
			t.Errorf("urlsplit(%q) = %+v, %v; want %+v", c.url, got, err, c.want)
		}
	}
	if _, err := urlsplit("http://[::1/", "", true); err == nil {
		t.Error("urlsplit of an unclosed IPv6 bracket succeeded")
	}
}

func TestURLLibModule(t *testing.T) {
	runCases(t, []pyCase{
		{name: "import dotted", setup: "import urllib.parse", expr: `urllib.parse.quote("a b")`, want: "'a%20b'"},
		{name: "from import", setup: "from urllib.parse import quote_plus", expr: `quote_plus("a b&c")`, want: "'a+b%26c'"},
		{name: "package attribute", setup: "from urllib import parse", expr: `parse.unquote("%C3%A9")`, want: "'é'"},
		{name: "parse_qsl", setup: "from urllib.parse import parse_qsl", expr: `parse_qsl("a=1&b=&c&a=2", keep_blank_values=True)`, want: "[('a', '1'), ('b', ''), ('c', ''), ('a', '2')]"},
		{name: "parse_qs", setup: "from urllib.parse import parse_qs", expr: `parse_qs("a=1&a=2")["a"]`, want: "['1', '2']"},
		{name: "strict", setup: "from urllib.parse import parse_qsl", expr: `parse_qsl("a", strict_parsing=True)`, wantErr: "bad query field: 'a'"},
		{name: "urlencode doseq", setup: "from urllib.parse import urlencode", expr: `urlencode([("k", [1, 2]), ("s", "a b")], doseq=True)`, want: "'k=1&k=2&s=a+b'"},
		{name: "split result", setup: "from urllib.parse import urlsplit", expr: `[urlsplit("http://u:p@H.com:81/x").hostname, urlsplit("http://u:p@H.com:81/x").port]`, want: "['h.com', 81]"},
		{name: "bad port", setup: "from urllib.parse import urlsplit", expr: `urlsplit("http://h:x/").port`, wantErr: "Port could not be cast to integer value as 'x'"},
		{name: "urljoin", setup: "from urllib.parse import urljoin", expr: `urljoin("http://h/a/b", "../c")`, want: "'http://h/c'"},
	})
}
