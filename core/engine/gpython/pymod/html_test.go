package pymod

import "testing"

func TestUnescapeHTML(t *testing.T) {
	cases := []struct{ in, want string }{
		{"&amp;&lt;&gt;&quot;&#39;", `&<>"'`},
		{"&ampx &amp-x", "&x &-x"},
		{"&notit; &notin;", "¬it; ∉"},
		{"&#65;&#x41 &#X42;", "AA B"},
		{"&#0;&#13;&#128;&#x80;", "\ufffd\r€€"},
		{"a&#1;b&#xfffe;c&#11;d", "abcd"},
		{"&#xd800;&#x110000;&#99999999999;", "\ufffd\ufffd\ufffd"},
		{"&unknown; & &; &# &#x", "&unknown; & &; &# &#x"},
		{"&NotNestedGreaterGreater;", "\u2aa2\u0338"},
		{"no refs", "no refs"},
	}
	for _, c := range cases {
		if got := unescapeHTML(c.in); got != c.want {
			t.Errorf("unescapeHTML(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHTMLModule(t *testing.T) {
	runCases(t, []pyCase{
		{name: "escape", setup: "import html", expr: `html.escape("<a href='x'>&</a>")`, want: `'&lt;a href=&#x27;x&#x27;&gt;&amp;&lt;/a&gt;'`},
		{name: "escape no quote", setup: "import html", expr: `html.escape("\"'<", quote=False)`, want: `'"\'&lt;'`},
		{name: "unescape", setup: "import html", expr: `html.unescape("&eacute;&#233;&#xE9;")`, want: "'ééé'"},
	})
}
