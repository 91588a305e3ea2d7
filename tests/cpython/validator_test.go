//go:build cpython

package cpython

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// onlyReader hides a reader's length, so net/http sends it chunked.
type onlyReader struct{ io.Reader }

// TestValidator answers a range of requests through an app wrapped in
// wsgiref.validate.validator. Whatever the validator asserts or warns
// about shows in the output, and fails the test with the request it came
// from.
func TestValidator(t *testing.T) {
	s := startServer(t, nil, "/v="+app("validated.py"))
	upload := strings.Repeat("chunked upload data\n", 10000)
	uploadSum := sha256.Sum256([]byte(upload))
	small := "name=value&x=1"
	smallSum := sha256.Sum256([]byte(small))
	source, err := os.ReadFile(app("validated.py"))
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name, method, path string
		body               io.Reader
		header             map[string]string
		wantStatus         int
		wantBody           string // exact, unless wantBodyRE
		wantBodyRE         string
		wantChunked        bool
	}{
		{name: "GET", method: "GET", path: "/v/hello", wantStatus: http.StatusOK, wantBody: "hello"},
		{name: "HEAD", method: "HEAD", path: "/v/hello", wantStatus: http.StatusOK, wantBody: ""},
		{name: "GET with a query", method: "GET", path: "/v/environ?a=1&b=%C3%A9", wantStatus: http.StatusOK,
			wantBody: "REQUEST_METHOD=GET\nSCRIPT_NAME=/v\nPATH_INFO=/environ\nQUERY_STRING=a=1&b=%C3%A9\n" +
				"SERVER_PROTOCOL=HTTP/1.1\nwsgi.url_scheme=http"},
		{name: "POST with a body", method: "POST", path: "/v/echo", body: strings.NewReader(small),
			header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, wantStatus: http.StatusOK,
			wantBody: fmt.Sprintf("%d %s %d", len(small), hex.EncodeToString(smallSum[:]), len(small))},
		{name: "POST with an empty body", method: "POST", path: "/v/echo", body: strings.NewReader(""), wantStatus: http.StatusOK,
			wantBodyRE: `^0 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 (0|-)$`},
		{name: "chunked upload", method: "POST", path: "/v/echo", body: onlyReader{strings.NewReader(upload)}, wantStatus: http.StatusOK,
			wantBody: fmt.Sprintf("%d %s -", len(upload), hex.EncodeToString(uploadSum[:]))},
		{name: "readline, readlines, iteration", method: "PUT", path: "/v/lines",
			body: strings.NewReader("first\nsecond\nthird\nfourth\nfifth"), wantStatus: http.StatusOK,
			wantBody: "first\n|sec|ond\n|third\n|fourth\nfifth"},
		{name: "streaming response", method: "GET", path: "/v/stream", wantStatus: http.StatusOK,
			wantBody: "part 0\npart 1\npart 2\npart 3\npart 4\n", wantChunked: true},
		{name: "file_wrapper", method: "GET", path: "/v/file", wantStatus: http.StatusOK, wantBody: string(source)},
		{name: "write()", method: "GET", path: "/v/write", wantStatus: http.StatusOK, wantBody: "written then returned"},
		{name: "wsgi.errors", method: "GET", path: "/v/errors", wantStatus: http.StatusOK, wantBody: "logged"},
		{name: "204", method: "GET", path: "/v/empty", wantStatus: http.StatusNoContent, wantBody: ""},
		{name: "exc_info before headers", method: "GET", path: "/v/exc", wantStatus: http.StatusInternalServerError, wantBody: "error page"},
		{name: "app's 404", method: "DELETE", path: "/v/missing", wantStatus: http.StatusNotFound, wantBody: "not found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := len(s.output.String())
			r := s.do(tc.method, tc.path, tc.body, tc.header)
			if r.status != tc.wantStatus {
				t.Errorf("%s %s = %d, want %d; body %q", tc.method, tc.path, r.status, tc.wantStatus, harness.Tail(r.body, 400))
			}
			switch {
			case tc.wantBodyRE != "":
				if !regexp.MustCompile(tc.wantBodyRE).MatchString(r.body) {
					t.Errorf("body = %q, want it to match %s", r.body, tc.wantBodyRE)
				}
			case r.body != tc.wantBody:
				t.Errorf("body = %q, want %q", harness.Tail(r.body, 400), harness.Tail(tc.wantBody, 400))
			}
			if tc.wantChunked && !r.chunked {
				t.Errorf("a streamed response of unknown length was not sent chunked (headers %v)", r.header)
			}
			// Give an unclosed iterator's __del__ a moment to complain.
			time.Sleep(20 * time.Millisecond)
			for _, complaint := range validatorComplaints(s.output.String()[before:]) {
				t.Errorf("%s %s: the validator reported: %s", tc.method, tc.path, complaint)
			}
		})
	}
	if !s.waitOutput("validated app: two lines", time.Second) {
		t.Error("wsgi.errors lines did not reach the log")
	}
}

// validatorComplaints are the lines of log where the validator failed an
// assertion, warned, or found an iterator that was never closed.
func validatorComplaints(log string) []string {
	var found []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, "AssertionError") || strings.Contains(line, "VALIDATOR ") ||
			strings.Contains(line, "garbage collected without being closed") {
			found = append(found, strings.TrimSpace(line))
		}
	}
	return found
}
