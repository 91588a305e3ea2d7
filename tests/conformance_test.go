package tests

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// knownFailuresFile lists corpus scripts that gpython cannot run yet, one
// per line as "NAME.py  reason". Listed scripts must still fail — one that
// starts passing fails the suite until it is taken off the list — so the
// list and the README's pass rate stay true.
const knownFailuresFile = "conformance/KNOWN_FAILURES"

// TestConformance runs every script of the corpus under `gowsgi run` and
// compares its stdout with the output CPython produced (NAME.out beside it).
func TestConformance(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join("conformance", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(scripts) == 0 {
		t.Fatal("no conformance scripts found")
	}
	known := readKnownFailures(t)
	passed := 0
	for _, script := range scripts {
		name := filepath.Base(script)
		want, err := os.ReadFile(strings.TrimSuffix(script, ".py") + ".out")
		if err != nil {
			t.Errorf("%s: no expected output: %v", name, err)
			continue
		}
		got, stderr, runErr := runScript(t, name)
		ok := runErr == nil && bytes.Equal(got, want)
		reason, isKnown := known[name]
		switch {
		case ok && isKnown:
			t.Errorf("%s now passes: take it off %s", name, knownFailuresFile)
		case ok:
			passed++
		case isKnown:
			t.Logf("%s: known failure (%s)", name, reason)
		default:
			t.Errorf("%s differs from CPython: %v\n%s\n--- got ---\n%s\n--- want ---\n%s",
				name, runErr, stderr, clip(got), clip(want))
		}
	}
	for name := range known {
		if _, err := os.Stat(filepath.Join("conformance", name)); err != nil {
			t.Errorf("%s lists %s, which does not exist", knownFailuresFile, name)
		}
	}
	t.Logf("conformance: %d of %d scripts match CPython", passed, len(scripts))
}

func runScript(t *testing.T, name string) (stdout, stderr []byte, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, gowsgiBin, "run", name)
	cmd.Dir = "conformance"
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.Bytes(), errOut.Bytes(), err
}

func readKnownFailures(t *testing.T) map[string]string {
	t.Helper()
	known := map[string]string{}
	f, err := os.Open(knownFailuresFile)
	if os.IsNotExist(err) {
		return known
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		known[name] = strings.TrimSpace(reason)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return known
}
