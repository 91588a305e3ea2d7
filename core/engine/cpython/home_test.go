//go:build cgo && cpython

package cpython

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// The interpreter is process-wide, so each WSGIPythonHome case runs in a
// child process: this test binary again, with childHomeEnv set.
const childHomeEnv = "GOWSGI_CPYTHON_TEST_PYTHON_HOME"

func TestMain(m *testing.M) {
	if home, ok := os.LookupEnv(childHomeEnv); ok {
		os.Exit(pythonHomeChild(home))
	}
	os.Exit(m.Run())
}

// homeScript reports where the interpreter runs from and what it imports.
const homeScript = `
import faulthandler, os, sys, threading

def application(environ, start_response):
    try:
        import venv_only
        venv_module = venv_only.WHERE
    except ImportError:
        venv_module = "not importable"
    start_response('200 OK', [])
    lines = [
        "prefix=" + sys.prefix,
        "base_prefix=" + sys.base_prefix,
        "venv_module=" + venv_module,
        "system_site=" + str(any(p.endswith("/dist-packages") and p.startswith("/usr/") for p in sys.path)),
        "stdlib=" + os.path.dirname(os.__file__),
        "executable=" + sys.executable,
        "faulthandler=" + str(faulthandler.is_enabled()),
        "worker_is_main_thread=" + str(threading.current_thread() is threading.main_thread()),
    ]
    return ["\n".join(lines).encode()]
`

// pythonHomeChild loads homeScript with home as WSGIPythonHome, prints
// what it answered (or the error), then tries a second, different home.
func pythonHomeChild(home string) int {
	e, err := New(nil)
	if err != nil {
		fmt.Println("error=" + err.Error())
		return 1
	}
	dir, err := os.MkdirTemp("", "gowsgi-home-")
	if err != nil {
		fmt.Println("error=" + err.Error())
		return 1
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "app.wsgi")
	if err := os.WriteFile(script, []byte(homeScript), 0o644); err != nil {
		fmt.Println("error=" + err.Error())
		return 1
	}
	spec := engine.Spec{Script: script, Threads: 1, PythonHome: home}
	app, err := e.Load(spec)
	if err != nil {
		fmt.Println("error=" + err.Error())
		return 0
	}
	var x enginetest.Exchange
	body, err := enginetest.Serve(context.Background(), app, x.Request(nil, ""))
	if err != nil {
		fmt.Println("error=" + err.Error())
		return 1
	}
	fmt.Println(body)
	spec.PythonHome = dir
	if _, err := e.Load(spec); err != nil {
		fmt.Println("second_home=" + err.Error())
	}
	return 0
}

func TestPythonHome(t *testing.T) {
	venv := filepath.Join(t.TempDir(), "venv")
	out, err := exec.Command("/usr/bin/python3", "-m", "venv", "--without-pip", "--system-site-packages", venv).CombinedOutput()
	if err != nil {
		t.Fatalf("making a venv: %v\n%s", err, out)
	}
	sitePackages, err := filepath.Glob(filepath.Join(venv, "lib", "python3.*", "site-packages"))
	if err != nil || len(sitePackages) != 1 {
		t.Fatalf("venv site-packages: %v %v", sitePackages, err)
	}
	enginetest.WriteFile(t, sitePackages[0], "venv_only.py", "WHERE = 'venv site-packages'\n")
	emptyDir := t.TempDir()

	cases := []struct {
		name, home string
		want       []string
	}{
		{
			name: "virtual environment with system site-packages",
			home: venv,
			want: []string{"prefix=" + venv, "base_prefix=/usr\n", "venv_module=venv site-packages", "system_site=True",
				"stdlib=/usr/lib/python3.", "second_home=cpython: WSGIPythonHome "},
		},
		{
			name: "installation prefix",
			home: "/usr",
			want: []string{"prefix=/usr\n", "venv_module=not importable", "system_site=True", "stdlib=/usr/lib/python3."},
		},
		{
			name: "default",
			home: "",
			want: []string{"prefix=/usr\n", "venv_module=not importable", "executable=/usr/bin/python3.",
				"faulthandler=False", "worker_is_main_thread=False"},
		},
		{
			name: "directory without a Python installation",
			home: emptyDir,
			want: []string{"error=cpython: starting CPython: WSGIPythonHome " + emptyDir + ": failed to get the Python codec"},
		},
		{
			name: "missing directory",
			home: filepath.Join(venv, "nowhere"),
			want: []string{"error=cpython: starting CPython: WSGIPythonHome: stat "},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			child := exec.Command(os.Args[0], "-test.run=^$")
			// Asked for, faulthandler would still be refused: its signal
			// handlers would break Go's.
			child.Env = append(os.Environ(), childHomeEnv+"="+tc.home, "PYTHONFAULTHANDLER=1")
			out, err := child.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			for _, want := range tc.want {
				if !strings.Contains(string(out), want) {
					t.Errorf("child output lacks %q:\n%s", want, out)
				}
			}
		})
	}
}
