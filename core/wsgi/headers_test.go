package wsgi

import (
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
)

func TestParseStatus(t *testing.T) {
	tests := []struct {
		in       string
		code     int
		reason   string
		wantFail bool
	}{
		{in: "200 OK", code: 200, reason: "OK"},
		{in: "404 Not Found", code: 404, reason: "Not Found"},
		{in: "599 Custom \u00e9", code: 599, reason: "Custom \xe9"},
		{in: "200", wantFail: true},
		{in: "200 ", wantFail: true},
		{in: "abc OK", wantFail: true},
		{in: "2000 OK", wantFail: true},
		{in: "+20 OK", wantFail: true},
		{in: "099 Low", wantFail: true},
		{in: "600 High", wantFail: true},
		{in: "200 OK\r\nX: y", wantFail: true},
		{in: "200 \u2603", wantFail: true},
	}
	for _, tt := range tests {
		code, reason, err := ParseStatus(tt.in)
		if tt.wantFail {
			if err == nil {
				t.Errorf("ParseStatus(%q) accepted, want error", tt.in)
			}
			continue
		}
		if err != nil || code != tt.code || reason != tt.reason {
			t.Errorf("ParseStatus(%q) = %d %q %v, want %d %q", tt.in, code, reason, err, tt.code, tt.reason)
		}
	}
}

func TestValidateHeaders(t *testing.T) {
	tests := []struct {
		name     string
		in       []engine.Header
		want     int
		wantFail string
	}{
		{name: "ok", in: hdr("Content-Type", "text/plain", "X-A", "tab\tok"), want: 2},
		{name: "CR LF in value", in: hdr("X-A", "a\r\nSet-Cookie: x"), wantFail: "control character"},
		{name: "bare LF", in: hdr("X-A", "a\nb"), wantFail: "control character"},
		{name: "NUL", in: hdr("X-A", "a\x00"), wantFail: "control character"},
		{name: "space in name", in: hdr("X A", "v"), wantFail: "token"},
		{name: "colon in name", in: hdr("X:A", "v"), wantFail: "token"},
		{name: "empty name", in: hdr("", "v"), wantFail: "token"},
		{name: "non latin-1 value", in: hdr("X-A", "\u2603"), wantFail: "latin-1"},
		{name: "hop-by-hop dropped", in: hdr("Transfer-Encoding", "chunked", "X-A", "1"), want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := ValidateHeaders(tt.in)
			if tt.wantFail != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantFail) {
					t.Fatalf("err = %v, want one mentioning %q", err, tt.wantFail)
				}
				return
			}
			if err != nil || len(got) != tt.want {
				t.Fatalf("got %v, %v; want %d headers", got, err, tt.want)
			}
		})
	}
}

func TestContentLength(t *testing.T) {
	if n, err := contentLength(hdr("Content-Length", "12")); n != 12 || err != nil {
		t.Errorf("got %d %v", n, err)
	}
	if n, err := contentLength(nil); n != -1 || err != nil {
		t.Errorf("none: got %d %v", n, err)
	}
	for _, bad := range [][]engine.Header{hdr("Content-Length", "-1"), hdr("Content-Length", "x"),
		hdr("Content-Length", "+5"), hdr("content-length", "1", "Content-Length", "2")} {
		if _, err := contentLength(bad); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

// FuzzValidateHeaders checks the one property that matters on the wire:
// whatever is accepted can be written as a single header line.
func FuzzValidateHeaders(f *testing.F) {
	f.Add("X-A", "value", "200 OK")
	f.Add("X-A", "a\r\nb", "200 OK\r\n")
	f.Add("Set-Cookie", "\u00ff", "999 x")
	f.Fuzz(func(t *testing.T, name, value, status string) {
		if _, reason, err := ParseStatus(status); err == nil && strings.ContainsAny(reason, "\r\n\x00") {
			t.Fatalf("status %q accepted with a control character", status)
		}
		got, _, err := ValidateHeaders([]engine.Header{{Name: name, Value: value}})
		if err != nil {
			return
		}
		for _, h := range got {
			if !isToken(h.Name) || strings.ContainsAny(h.Name, ":\r\n ") {
				t.Fatalf("name %q accepted", h.Name)
			}
			for i := 0; i < len(h.Value); i++ {
				if isCTL(h.Value[i]) {
					t.Fatalf("value %q accepted with a control byte", h.Value)
				}
			}
		}
	})
}
