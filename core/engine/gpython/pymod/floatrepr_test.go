package pymod

import (
	"math"
	"testing"
)

func TestFloatRepr(t *testing.T) {
	cases := []struct {
		in   float64
		want string
	}{
		{0, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{1, "1.0"},
		{0.1, "0.1"},
		{add(0.1, 0.2), "0.30000000000000004"},
		{123.456, "123.456"},
		{1e15, "1000000000000000.0"},
		{1e16, "1e+16"},
		{1.5e300, "1.5e+300"},
		{0.0001, "0.0001"},
		{1e-5, "1e-05"},
		{-2.5e-7, "-2.5e-07"},
		{5e-324, "5e-324"},
		{1e22, "1e+22"},
		{123456789012345.6, "123456789012345.6"},
		{math.Inf(1), "inf"},
		{math.NaN(), "nan"},
	}
	for _, c := range cases {
		if got := floatRepr(c.in); got != c.want {
			t.Errorf("floatRepr(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// add sums at run time: Go folds constant expressions exactly.
func add(a, b float64) float64 { return a + b }
