//go:build cpython

package cpython

import (
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/cpythoncases"
)

// TestValidator answers a range of requests through an app wrapped in
// wsgiref.validate.validator. Whatever the validator asserts or warns
// about shows in the output, and fails the test with the request it came
// from.
func TestValidator(t *testing.T) {
	s := startServer(t, nil, "/v="+app("validated.py"))
	cpythoncases.Validator(t, "http://"+s.addr, cpythoncases.ValidatorOptions{
		Script: app("validated.py"), Log: s.output.String,
	})
}
