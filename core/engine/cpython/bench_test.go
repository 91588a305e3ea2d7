//go:build cgo && cpython

package cpython

import (
	"testing"

	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// A trip to a worker thread and back is part of each request's cost.
func BenchmarkHelloWorld(b *testing.B) {
	enginetest.BenchmarkHelloWorld(b, New, 2)
}
