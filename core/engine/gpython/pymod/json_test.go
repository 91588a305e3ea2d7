package pymod

import (
	"strings"
	"testing"
)

func TestJSONQuote(t *testing.T) {
	cases := []struct {
		in          string
		ascii, want string
	}{
		{"plain", `"plain"`, `"plain"`},
		{"q\"b\\s/", `"q\"b\\s/"`, `"q\"b\\s/"`},
		{"\n\r\t\b\f\x00\x1f", `"\n\r\t\b\f\u0000\u001f"`, `"\n\r\t\b\f\u0000\u001f"`},
		{"\x7f", `"\u007f"`, "\"\x7f\""},
		{"é€", `"\u00e9\u20ac"`, `"é€"`},
		{"😀", `"\ud83d\ude00"`, `"😀"`},
	}
	for _, c := range cases {
		if got := jsonQuote(c.in, true); got != c.ascii {
			t.Errorf("jsonQuote(%q, ascii) = %s, want %s", c.in, got, c.ascii)
		}
		if got := jsonQuote(c.in, false); got != c.want {
			t.Errorf("jsonQuote(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestJSONDecodeErrors(t *testing.T) {
	cases := []struct{ doc, want string }{
		{"", "Expecting value: line 1 column 1 (char 0)"},
		{"[1,]", "Expecting value: line 1 column 4 (char 3)"},
		{`{"a":1,}`, "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"},
		{`{"a" 1}`, "Expecting ':' delimiter: line 1 column 6 (char 5)"},
		{"[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"},
		{`"abc`, "Unterminated string starting at: line 1 column 1 (char 0)"},
		{"\"a\nb\"", "Invalid control character at: line 1 column 3 (char 2)"},
		{`"\x"`, `Invalid \escape: line 1 column 2 (char 1)`},
		{`"\u12"`, `Invalid \uXXXX escape: line 1 column 3 (char 2)`},
		{"[1]x", "Extra data: line 1 column 4 (char 3)"},
		{"[\"é\" x]", "Expecting ',' delimiter: line 1 column 6 (char 5)"},
		{"[1,\n 2,\n x]", "Expecting value: line 3 column 2 (char 9)"},
		{"\ufeff1", "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"},
	}
	for _, c := range cases {
		d := &jsonDecoder{doc: c.doc, strict: true}
		_, err := d.decode()
		if err == nil {
			t.Errorf("decode(%q) succeeded, want %q", c.doc, c.want)
			continue
		}
		if got := errText(err); got != c.want {
			t.Errorf("decode(%q) = %v, want %q", c.doc, err, c.want)
		}
	}
}

func TestJSONNestingLimit(t *testing.T) {
	d := &jsonDecoder{doc: strings.Repeat("[", 100000), strict: true}
	if _, err := d.decode(); err == nil || !strings.Contains(err.Error(), "maximum recursion depth") {
		t.Errorf("deeply nested document: %v, want a recursion error", err)
	}
}

func TestJSONModule(t *testing.T) {
	runCases(t, []pyCase{
		{name: "compact", setup: "import json", expr: `json.dumps([1, "a", None, True, 1.5])`, want: `'[1, "a", null, true, 1.5]'`},
		{name: "float repr", setup: "import json", expr: `json.dumps([1e16, 0.1 + 0.2, -0.0])`, want: `'[1e+16, 0.30000000000000004, -0.0]'`},
		{name: "indent", setup: "import json", expr: `json.dumps({"a": [1]}, indent=2)`, want: "'{\\n  \"a\": [\\n    1\\n  ]\\n}'"},
		{name: "separators", setup: "import json", expr: `json.dumps({"a": [1, 2]}, separators=(",", ":"))`, want: `'{"a":[1,2]}'`},
		{name: "sort keys", setup: "import json", expr: `json.dumps({"b": 1, "a": 2}, sort_keys=True)`, want: `'{"a": 2, "b": 1}'`},
		{name: "ordered dict keeps order", setup: "import json\nfrom collections import OrderedDict", expr: `json.dumps(OrderedDict([("b", 1), ("a", 2)]))`, want: `'{"b": 1, "a": 2}'`},
		{name: "default", setup: "import json", expr: `json.dumps({1, 2} and [object()], default=lambda o: "obj")`, want: `'["obj"]'`},
		{name: "not serializable", setup: "import json", expr: `json.dumps(object())`, wantErr: "Object of type object is not JSON serializable"},
		{name: "circular", setup: "import json\nx = []\nx.append(x)", expr: `json.dumps(x)`, wantErr: "Circular reference detected"},
		{name: "nan refused", setup: "import json", expr: `json.dumps(float("nan"), allow_nan=False)`, wantErr: "Out of range float values"},
		{name: "loads", setup: "import json", expr: `json.loads('{"a": [1, 2.5, "x", null, false]}')["a"]`, want: "[1, 2.5, 'x', None, False]"},
		{name: "loads big int", setup: "import json", expr: `json.loads("123456789012345678901234567890") + 1`, want: "123456789012345678901234567891"},
		{name: "loads bytes", setup: "import json", expr: `json.loads(b'[1]')`, want: "[1]"},
		{name: "pairs hook", setup: "import json", expr: `json.loads('{"b": 1, "a": 2}', object_pairs_hook=list)`, want: "[('b', 1), ('a', 2)]"},
		{name: "decode error is ValueError", setup: "import json", expr: `json.loads("[")`, wantErr: "Expecting value: line 1 column 2 (char 1)"},
		{name: "error attributes", setup: "import json\ntry:\n    json.loads('[1,\\n x]')\nexcept ValueError as e:\n    err = e", expr: `[err.msg, err.pos, err.lineno, err.colno]`, want: "['Expecting value', 5, 2, 2]"},
		{name: "encoder subclass", setup: "import json\nclass E(json.JSONEncoder):\n    def default(self, o):\n        return 'E'", expr: `json.dumps([object()], cls=E)`, want: `'["E"]'`},
		{name: "json.decoder", setup: "from json.decoder import JSONDecodeError\nimport json", expr: `JSONDecodeError is json.JSONDecodeError`, want: "True"},
		{name: "raw_decode", setup: "import json", expr: `json.JSONDecoder().raw_decode('[1] tail')`, want: "([1], 3)"},
	})
}
