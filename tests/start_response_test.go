package tests

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestStartResponseRejectsBadInput sends each misuse of start_response and
// checks the raw response: a 500, nothing the app tried to inject, and a
// server that answers the next request normally.
func TestStartResponseRejectsBadInput(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("start_response.py"))
	cases := []string{
		"status_no_reason",   // "200"
		"status_not_numeric", // "abc OK"
		"status_four_digits", // "2000 OK"
		"value_crlf",         // "a\r\nSet-Cookie: evil"
		"value_lf",
		"value_cr",
		"name_space", // "Bad Name"
		"name_colon", // "X-Bad:Name"
		"name_crlf",  // "X-Inj\r\nSet-Cookie"
	}
	for _, mode := range cases {
		t.Run(mode, func(t *testing.T) {
			head, body := s.rawExchange(rawGet(s, "/?"+mode, "Connection: close"))
			if code := statusOf(t, head); code != http.StatusInternalServerError {
				t.Errorf("status = %d, want 500; head:\n%s", code, head)
			}
			raw := strings.ToLower(head + "\r\n" + string(body))
			if v, ok := hasHeaderLine(head, "Set-Cookie"); ok || strings.Contains(raw, "\nset-cookie") || strings.Contains(raw, "\rset-cookie") {
				t.Errorf("a Set-Cookie header (%q) was injected on the wire:\n%s", v, head)
			}
			if strings.Contains(head, "evil") || strings.Contains(head, "X-Test") || strings.Contains(head, "Bad Name") || strings.Contains(head, "X-Bad") {
				t.Errorf("the rejected header reached the wire:\n%s", head)
			}
			if strings.Contains(string(body), "accepted") {
				t.Errorf("the app's body was sent with the rejected response: %q", clip(body))
			}
			s.expectOK("/?ok", "ok")
		})
	}
}

// TestStartResponseExcInfoBeforeBody: the app replaces its 200 with a 500
// of its own by passing exc_info before any body byte; the client must get
// exactly the app's 500.
func TestStartResponseExcInfoBeforeBody(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("start_response.py"))
	for _, source := range []string{"sys", "manual"} {
		t.Run(source, func(t *testing.T) {
			status, header, body := s.get("/?excinfo_before_" + source)
			if status != http.StatusInternalServerError || string(body) != "app-chose-500" {
				t.Errorf("response = %d %q, want the app's own 500 %q", status, clip(body), "app-chose-500")
			}
			if got := header.Get("X-Chosen"); got != "app" {
				t.Errorf("X-Chosen = %q, want %q (the headers of the second start_response)", got, "app")
			}
			if got := header.Get("X-First"); got != "" {
				t.Errorf("X-First = %q: headers of the replaced start_response were sent", got)
			}
		})
	}
}

// TestStartResponseExcInfoAfterBody: once body bytes are out, exc_info
// makes start_response re-raise, and the client must see a truncated
// response on a closed connection, never a clean end.
func TestStartResponseExcInfoAfterBody(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("start_response.py"))
	for _, source := range []string{"sys", "manual"} {
		t.Run(source, func(t *testing.T) {
			c := s.dial()
			c.send(rawGet(s, "/?excinfo_after_"+source))
			r := c.read(http.MethodGet)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("status = %d, want the 200 already sent", r.StatusCode)
			}
			if !errors.Is(r.bodyErr, io.ErrUnexpectedEOF) {
				t.Errorf("body ended with %v, want a truncated chunked stream (unexpected EOF); body %q", r.bodyErr, clip(r.body))
			}
			if string(r.body) != "partial;" {
				t.Errorf("body = %q, want %q", clip(r.body), "partial;")
			}
			s.expectOK("/?ok", "ok")
		})
	}
}

// TestWriteCallableOrder: bytes passed to write() go out before the
// iterable's, in call order.
func TestWriteCallableOrder(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("response.py"))
	for _, mode := range []string{"write", "writegen"} {
		s.expectOK("/?mode="+mode, "one;two;three;four")
	}
}
