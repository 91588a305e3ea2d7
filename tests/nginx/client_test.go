package nginx

import (
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"
)

// client talks to the servers under test; no proxy, generous timeout.
var client = &http.Client{
	Timeout:   60 * time.Second,
	Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 16},
}

// response is a request's outcome with its body read whole.
type response struct {
	status int
	header http.Header
	body   []byte
}

func do(t *testing.T, req *http.Request) response {
	t.Helper()
	r, err := try(req)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// try is do returning its failure, which says how far the exchange got.
func try(req *http.Request) (response, error) {
	res, err := client.Do(req)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: %w", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: status %d, reading the body after %d bytes (Content-Length %d): %w",
			req.Method, req.URL, res.StatusCode, len(body), res.ContentLength, err)
	}
	return response{status: res.StatusCode, header: res.Header, body: body}, nil
}

func get(t *testing.T, url string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, req)
}

// wantStatus fails the test unless r has the status code want.
func wantStatus(t *testing.T, r response, want int) {
	t.Helper()
	if r.status != want {
		t.Fatalf("status %d, want %d; body %q", r.status, want, truncate(r.body))
	}
}

func truncate(b []byte) []byte {
	if len(b) > 300 {
		return append(b[:300:300], "..."...)
	}
	return b
}
