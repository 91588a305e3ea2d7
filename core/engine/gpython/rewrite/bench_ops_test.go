package rewrite

import "testing"

// What the operator and loop rewrites cost: each source runs a loop of
// 100 steps, compiled by the rewriter and by gpython alone.
const (
	compareSource   = "def fn():\n    a, b, n = 1, 2, 0\n    for _ in range(100):\n        if a < b:\n            n += 1\n"
	subscriptSource = "def fn():\n    items, i = [1, 2, 3], 1\n    for _ in range(100):\n        items[i]\n"
	sliceSource     = "def fn():\n    s = 'hello world'\n    for _ in range(100):\n        s[1:5]\n"
	percentSource   = "def fn():\n    for i in range(100):\n        'item-%d' % i\n"
	listLoopSource  = "items = list(range(100))\ndef fn():\n    for x in items:\n        pass\n"
	genLoopSource   = "def gen():\n    for i in range(100):\n        yield i\ndef fn():\n    for x in gen():\n        pass\n"
	addSource       = "def fn():\n    a, b = 'x', 'y'\n    for _ in range(100):\n        a + b\n"
)

func BenchmarkCompareRewritten(b *testing.B)   { benchmarkLoop(b, compile, compareSource) }
func BenchmarkCompareGpython(b *testing.B)     { benchmarkLoop(b, gpythonCompile, compareSource) }
func BenchmarkSubscriptRewritten(b *testing.B) { benchmarkLoop(b, compile, subscriptSource) }
func BenchmarkSubscriptGpython(b *testing.B)   { benchmarkLoop(b, gpythonCompile, subscriptSource) }
func BenchmarkSliceRewritten(b *testing.B)     { benchmarkLoop(b, compile, sliceSource) }
func BenchmarkSliceGpython(b *testing.B)       { benchmarkLoop(b, gpythonCompile, sliceSource) }
func BenchmarkPercentRewritten(b *testing.B)   { benchmarkLoop(b, compile, percentSource) }
func BenchmarkPercentGpython(b *testing.B)     { benchmarkLoop(b, gpythonCompile, percentSource) }
func BenchmarkListLoopRewritten(b *testing.B)  { benchmarkLoop(b, compile, listLoopSource) }
func BenchmarkListLoopGpython(b *testing.B)    { benchmarkLoop(b, gpythonCompile, listLoopSource) }
func BenchmarkGenLoopRewritten(b *testing.B)   { benchmarkLoop(b, compile, genLoopSource) }
func BenchmarkGenLoopGpython(b *testing.B)     { benchmarkLoop(b, gpythonCompile, genLoopSource) }
func BenchmarkAddRewritten(b *testing.B)       { benchmarkLoop(b, compile, addSource) }
func BenchmarkAddGpython(b *testing.B)         { benchmarkLoop(b, gpythonCompile, addSource) }
