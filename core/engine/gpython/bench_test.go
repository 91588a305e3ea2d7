package gpython

import (
	"testing"

	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

func BenchmarkHelloWorld(b *testing.B) {
	enginetest.BenchmarkHelloWorld(b, New, 4)
}
