package config

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestReadDirectives(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []directiveLine
		errs []string
	}{
		{
			name: "words and blanks",
			in:   "WSGIThreads 8\n\n   \n\tListen\t\t8080  \n",
			want: []directiveLine{{1, []string{"WSGIThreads", "8"}}, {4, []string{"Listen", "8080"}}},
		},
		{
			name: "comments only at line start",
			in:   "# a comment\n   # indented comment\nWSGIThreads 8 # not a comment\n",
			want: []directiveLine{{3, []string{"WSGIThreads", "8", "#", "not", "a", "comment"}}},
		},
		{
			name: "double and single quotes",
			in:   `Alias "/my files" '/srv/my files'` + "\n",
			want: []directiveLine{{1, []string{"Alias", "/my files", "/srv/my files"}}},
		},
		{
			name: "escapes inside quotes",
			in:   `X "say \"hi\"" "back\\slash" "keep \w" 'it\'s'` + "\n",
			want: []directiveLine{{1, []string{"X", `say "hi"`, `back\slash`, `keep \w`, `it's`}}},
		},
		{
			name: "bare word keeps single backslashes, halves doubled ones",
			in:   `X ^/(\w+)\\.py$` + "\n",
			want: []directiveLine{{1, []string{"X", `^/(\w+)\.py$`}}},
		},
		{
			name: "empty quoted argument",
			in:   `X "" b` + "\n",
			want: []directiveLine{{1, []string{"X", "", "b"}}},
		},
		{
			name: "quote inside a bare word is literal",
			in:   `X a"b c"` + "\n",
			want: []directiveLine{{1, []string{"X", `a"b`, `c"`}}},
		},
		{
			name: "continuation joins lines and keeps the first line number",
			in:   "WSGIScriptAlias /app \\\n    app.py \\\n    callable-object=app\nListen 80\n",
			want: []directiveLine{
				{1, []string{"WSGIScriptAlias", "/app", "app.py", "callable-object=app"}},
				{4, []string{"Listen", "80"}},
			},
		},
		{
			name: "continuation joins without adding a blank",
			in:   "Listen 80\\\n80\n",
			want: []directiveLine{{1, []string{"Listen", "8080"}}},
		},
		{
			name: "doubled backslash at the end does not continue",
			in:   "X a\\\\\nY b\n",
			want: []directiveLine{{1, []string{"X", `a\`}}, {2, []string{"Y", "b"}}},
		},
		{
			name: "a comment ending in a backslash swallows the next line, as in Apache",
			in:   "# note \\\nWSGIThreads 8\nListen 80\n",
			want: []directiveLine{{3, []string{"Listen", "80"}}},
		},
		{
			name: "continuation at end of file",
			in:   "Listen 80 \\",
			want: []directiveLine{{1, []string{"Listen", "80"}}},
		},
		{
			name: "CRLF and byte order mark",
			in:   "\uFEFFWSGIThreads 2\r\nListen 80\r\n",
			want: []directiveLine{{1, []string{"WSGIThreads", "2"}}, {2, []string{"Listen", "80"}}},
		},
		{
			name: "unterminated quote is an error at its line, other lines survive",
			in:   "Listen 80\nAlias \"/x /srv\nListen 81\n",
			want: []directiveLine{{1, []string{"Listen", "80"}}, {3, []string{"Listen", "81"}}},
			errs: []string{`f.conf:2: quoted argument "/x /srv" has no closing double quote; expected one before the end of the directive`},
		},
		{
			name: "unterminated single quote",
			in:   "Alias '/x\n",
			errs: []string{`f.conf:1: quoted argument "/x" has no closing single quote; expected one before the end of the directive`},
		},
		{
			name: "text glued to a closing quote",
			in:   "\n\nAlias \"/x\"y /srv\n",
			errs: []string{`f.conf:3: unexpected "y" right after quoted argument "/x"; expected a blank between arguments`},
		},
		{
			name: "over-long line",
			in:   "Listen 80\n" + strings.Repeat("x", maxLineBytes+1) + "\n",
			want: []directiveLine{{1, []string{"Listen", "80"}}},
			errs: []string{fmt.Sprintf("f.conf:2: line is longer than %d bytes; expected a text config file", maxLineBytes)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := readDirectives(strings.NewReader(tt.in), "f.conf")
			if !reflect.DeepEqual(got, tt.want) && len(got)+len(tt.want) > 0 {
				t.Errorf("lines:\n got %+v\nwant %+v", got, tt.want)
			}
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			if !reflect.DeepEqual(msgs, tt.errs) {
				t.Errorf("errors:\n got %q\nwant %q", msgs, tt.errs)
			}
		})
	}
}
