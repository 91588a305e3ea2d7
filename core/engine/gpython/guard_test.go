package gpython

import (
	"context"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// Recursion patterns that each add Go stack per Python frame.
const recursionScript = `
def plain(n):
    if n == 0:
        return 0
    return plain(n - 1) + 1

class Node:
    def depth(self, n):
        if n == 0:
            return 0
        return self.depth(n - 1) + 1

class Chain:
    def __init__(self, n):
        self.below = Chain(n - 1) if n > 0 else None

def nested_generators(n):
    if n > 0:
        yield next(nested_generators(n - 1))
    else:
        yield 0

# A for loop over a generator must let the generator's RecursionError
# through (gpython's own loop would end quietly; the rewrite makes it raise).
def looped_generators(n):
    if n > 0:
        for x in looped_generators(n - 1):
            yield x
    else:
        yield 0

def run(kind, n):
    if kind == 'plain':
        return plain(n)
    if kind == 'method':
        return Node().depth(n)
    if kind == 'init':
        Chain(n)
        return n
    if kind == 'generator':
        return next(nested_generators(n))
    if kind == 'looped':
        return len(list(looped_generators(n)))
    if kind == 'caught':
        try:
            return plain(n)
        except RecursionError:
            return 'caught'

def application(environ, start_response):
    kind, n = environ['QUERY_STRING'].split('&')
    start_response('200 OK', [])
    return [str(run(kind, int(n))).encode()]
`

func TestRecursionLimit(t *testing.T) {
	cases := []struct {
		query    string
		wantBody string // empty when a RecursionError must come out
	}{
		{query: "plain&100000"},
		{query: "method&100000"},
		{query: "init&100000"},
		{query: "generator&100000"},
		{query: "looped&100000"},
		{query: "caught&100000", wantBody: "caught"},
		{query: "plain&900", wantBody: "900"},
	}
	app := engines.Load(t, recursionScript)
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			body, err := enginetest.Serve(context.Background(), app, enginetest.Query(tc.query))
			if tc.wantBody != "" {
				if err != nil || body != tc.wantBody {
					t.Fatalf("body %q err %v, want %q", body, err, tc.wantBody)
				}
				return
			}
			se := enginetest.ScriptError(t, err)
			if se.Message != "RecursionError: maximum recursion depth exceeded" {
				t.Fatalf("message = %q", se.Message)
			}
			if !strings.Contains(se.Traceback, "[Previous line repeated") {
				t.Errorf("deep traceback should be summarised:\n%.2000s", se.Traceback)
			}
			// The context that overflowed keeps serving.
			if body, err := enginetest.Serve(context.Background(), app, enginetest.Query("plain&10")); err != nil || body != "10" {
				t.Fatalf("after the overflow: body %q err %v", body, err)
			}
		})
	}
}

// goStackPerPythonFrame is the Go stack one Python frame may cost. Every
// pattern below fits in 8 KiB per frame and overflows 4 KiB, with or
// without -race; 16 KiB leaves headroom for changes in Go or gpython,
// and defaultRecursionLimit frames then need 16 MiB of Go's 1 GiB.
const goStackPerPythonFrame = 16 << 10

// TestGoStackBudget runs each recursion pattern to the limit in a child
// process whose Go stack maximum is the budget: exceeding it would be a
// fatal stack overflow there, not here.
func TestGoStackBudget(t *testing.T) {
	if os.Getenv("GPYTHON_STACK_BUDGET_CHILD") == "1" {
		stackBudgetChild(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestGoStackBudget$", "-test.v")
	cmd.Env = append(os.Environ(), "GPYTHON_STACK_BUDGET_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child failed: %v\n%s", err, firstLines(string(out), 8))
	}
	if !strings.Contains(string(out), "stack budget held") {
		t.Fatalf("child did not run the check:\n%s", out)
	}
}

func stackBudgetChild(t *testing.T) {
	debug.SetMaxStack(defaultRecursionLimit * goStackPerPythonFrame)
	app := engines.Load(t, recursionScript)
	for _, kind := range []string{"plain", "method", "init", "generator", "looped"} {
		// Only reaching the end matters here: an overflow kills the process.
		if _, err := enginetest.Serve(context.Background(), app, enginetest.Query(kind+"&100000")); err != nil {
			t.Logf("%s: %v", kind, err)
		}
	}
	t.Log("stack budget held")
}

// firstLines keeps the part of a crash report that names the cause.
func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
