package dispatch

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/wsgi"
	"github.com/hashicorp/go-hclog"
)

// The fake engine "serves" a script's text: it answers every request with
// the file's content as it was at load time, and fails to load a script
// that starts with "error".
var loads atomic.Int64

func init() {
	engine.Register("fake", func(hclog.Logger) (engine.Engine, error) { return fakeEngine{}, nil })
}

type fakeEngine struct{}

func (fakeEngine) Name() string { return "fake" }

func (fakeEngine) Load(spec engine.Spec) (engine.App, error) {
	loads.Add(1)
	src, err := os.ReadFile(spec.Script)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(src, []byte("error")) {
		return nil, &engine.ScriptError{File: spec.Script, Line: 1, Message: "SyntaxError: invalid syntax"}
	}
	return &fakeApp{body: src}, nil
}

type fakeApp struct {
	body   []byte
	closed atomic.Bool
	hold   chan struct{} // when set, requests wait on it
}

func (a *fakeApp) Call(ctx context.Context, req *engine.Request) (engine.Result, error) {
	if a.hold != nil {
		<-a.hold
	}
	body := append(append([]byte{}, a.body...), "|"+req.Environ.Get("SCRIPT_NAME")+"|"+req.Environ.Get("PATH_INFO")...)
	return &fakeResult{chunks: [][]byte{body}}, req.StartResponse("200 OK", nil, false)
}

func (a *fakeApp) Close() error { a.closed.Store(true); return nil }

type fakeResult struct{ chunks [][]byte }

func (r *fakeResult) Next() ([]byte, error) {
	if len(r.chunks) == 0 {
		return nil, io.EOF
	}
	c := r.chunks[0]
	r.chunks = r.chunks[1:]
	return c, nil
}

func (r *fakeResult) Close() error { return nil }

type recorder struct {
	code int
	body bytes.Buffer
}

func (w *recorder) WriteHeader(code int, _ string, _ []engine.Header) error {
	w.code = code
	return nil
}
func (w *recorder) Write(p []byte) (int, error) { return w.body.Write(p) }
func (w *recorder) Flush() error                { return nil }

func writeScript(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func mount(uri, script string) config.Mount {
	s := config.DefaultSettings()
	s.Engine = "fake"
	return config.Mount{URI: uri, Script: script, AppSettings: s}
}

func get(t *testing.T, d *Dispatcher, path string) (int, string) {
	t.Helper()
	w := &recorder{}
	d.Serve(context.Background(), &wsgi.Request{Method: "GET", Path: path, ContentLength: -1}, w)
	return w.code, w.body.String()
}

func TestRouting(t *testing.T) {
	dir := t.TempDir()
	root := writeScript(t, dir, "root.py", "root")
	app := writeScript(t, dir, "app.py", "app")
	sub := writeScript(t, dir, "sub.py", "sub")
	writeScript(t, dir, "user_ann.py", "ann")
	re := mount("", filepath.Join(dir, "user_$1.py"))
	re.Match = regexp.MustCompile(`^/u/([a-z]+)`)
	cfg := &config.Config{Mounts: []config.Mount{mount("/", root), mount("/app", app), mount("/app/sub", sub), re}}
	d, err := New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		code int
		body string
	}{
		{"/", 200, "root||/"},
		{"/app", 200, "app|/app|"},
		{"/app/", 200, "app|/app|/"},
		{"/app/x/y", 200, "app|/app|/x/y"},
		{"/application", 200, "root||/application"},
		{"/app/sub/z", 200, "sub|/app/sub|/z"},
		{"/app/subway", 200, "app|/app|/subway"},
		{"/app/caf%C3%A9", 200, "app|/app|/caf\u00c3\u00a9"},
		{"/u/ann/profile", 200, "ann|/u/ann|/profile"},
		{"/u/bob", 404, ""},
		{"/bad%zz", 400, ""},
	}
	for _, tt := range tests {
		code, body := get(t, d, tt.path)
		if code != tt.code || (tt.body != "" && body != tt.body) {
			t.Errorf("%s: got %d %q, want %d %q", tt.path, code, body, tt.code, tt.body)
		}
	}
	if !d.Handles("/app/x") || !d.Handles("/anything") {
		t.Error("Handles: root mount should serve every path")
	}
}

func TestNoRootMountIs404(t *testing.T) {
	dir := t.TempDir()
	d, err := New(&config.Config{Mounts: []config.Mount{mount("/app", writeScript(t, dir, "a.py", "a"))}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := get(t, d, "/application"); code != 404 {
		t.Errorf("/application: %d, want 404", code)
	}
	if d.Handles("/application") {
		t.Error("Handles(/application) = true")
	}
}

func bump(t *testing.T, path, content string, at time.Time) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
}

func TestReloadOnChange(t *testing.T) {
	dir := t.TempDir()
	script := writeScript(t, dir, "app.py", "v1")
	var logs bytes.Buffer
	log := hclog.New(&hclog.LoggerOptions{Output: &logs, Level: hclog.Info})
	d, err := New(&config.Config{Mounts: []config.Mount{mount("/", script)}}, log, ScriptCheck(0))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if _, body := get(t, d, "/"); !strings.HasPrefix(body, "v1") {
		t.Fatalf("first load: %q", body)
	}
	bump(t, script, "v2", now.Add(time.Second))
	if _, body := get(t, d, "/"); !strings.HasPrefix(body, "v2") {
		t.Fatalf("after change: %q, want v2", body)
	}
	// A broken version: 500, logged once however many requests come.
	bump(t, script, "error here", now.Add(2*time.Second))
	before := loads.Load()
	for i := 0; i < 3; i++ {
		if code, _ := get(t, d, "/"); code != 500 {
			t.Fatalf("broken script: %d, want 500", code)
		}
	}
	if n := loads.Load() - before; n != 1 {
		t.Errorf("broken script loaded %d times for 3 requests, want 1", n)
	}
	if n := strings.Count(logs.String(), "failed to load"); n != 1 {
		t.Errorf("load failure logged %d times, want once:\n%s", n, logs.String())
	}
	if !strings.Contains(logs.String(), script+":1") {
		t.Errorf("log lacks FILE:LINE:\n%s", logs.String())
	}
	bump(t, script, "v3", now.Add(3*time.Second))
	if code, body := get(t, d, "/"); code != 200 || !strings.HasPrefix(body, "v3") {
		t.Fatalf("fixed script: %d %q", code, body)
	}
}

func TestReloadingOff(t *testing.T) {
	dir := t.TempDir()
	script := writeScript(t, dir, "app.py", "v1")
	m := mount("/", script)
	m.ScriptReloading = false
	d, _ := New(&config.Config{Mounts: []config.Mount{m}}, nil)
	get(t, d, "/")
	bump(t, script, "v2", time.Now().Add(time.Second))
	if _, body := get(t, d, "/"); !strings.HasPrefix(body, "v1") {
		t.Fatalf("reloading off: got %q, want the loaded v1", body)
	}
}

func TestPreloadAndCheckReportScriptErrors(t *testing.T) {
	dir := t.TempDir()
	good := writeScript(t, dir, "good.py", "ok")
	bad := writeScript(t, dir, "bad.py", "error")
	m := mount("/bad", bad)
	m.Where = config.Position{File: "site.conf", Line: 7}
	d, _ := New(&config.Config{Mounts: []config.Mount{mount("/", good), m}}, nil)
	for name, err := range map[string]error{"Preload": d.Preload(), "Check": d.Check()} {
		if err == nil || !strings.Contains(err.Error(), bad+":1: SyntaxError") || !strings.Contains(err.Error(), "site.conf:7") {
			t.Errorf("%s: %v; want the script's FILE:LINE and the directive's place", name, err)
		}
	}
}

func TestCloseWaitsForInFlight(t *testing.T) {
	dir := t.TempDir()
	d, _ := New(&config.Config{Mounts: []config.Mount{mount("/", writeScript(t, dir, "a.py", "a"))}}, nil)
	get(t, d, "/")
	inst, _ := d.routes.prefix[0].apps.slot(d.routes.prefix[0].mount.Script).acquire()
	app := inst.app.(*fakeApp)
	inst.release()
	app.hold = make(chan struct{})
	done := make(chan int)
	go func() { code, _ := get(t, d, "/"); done <- code }()
	time.Sleep(50 * time.Millisecond)
	closed := make(chan error)
	go func() { closed <- d.Close(context.Background()) }()
	select {
	case <-closed:
		t.Fatal("Close returned while a request was in flight")
	case <-time.After(100 * time.Millisecond):
	}
	close(app.hold)
	if code := <-done; code != 200 {
		t.Errorf("in-flight request: %d", code)
	}
	if err := <-closed; err != nil {
		t.Error(err)
	}
	if !app.closed.Load() {
		t.Error("app not closed")
	}
	if code, _ := get(t, d, "/"); code != 503 {
		t.Errorf("after Close: %d, want 503", code)
	}
}

func TestUnknownEngine(t *testing.T) {
	m := mount("/", "/x.py")
	m.Engine = "cpython"
	m.Where = config.Position{File: "a.conf", Line: 2}
	_, err := New(&config.Config{Mounts: []config.Mount{m}}, nil)
	if err == nil || !strings.Contains(err.Error(), "a.conf:2") || !strings.Contains(err.Error(), "not compiled") {
		t.Fatalf("err = %v", err)
	}
}

// A request whose stat was taken before a reload must use the reloaded app,
// not reload again with what it saw (which names the older file).
// A reloading mount looks at its script again only once its last look is
// ScriptCheck old; a load failure is not trusted for that long.
func TestScriptCheckInterval(t *testing.T) {
	dir := t.TempDir()
	script := writeScript(t, dir, "app.py", "v1")
	sl := &slot{script: script, mount: mount("/", script), eng: fakeEngine{}, log: hclog.NewNullLogger(),
		checkEvery: time.Hour}
	acquire := func() (*instance, error) {
		t.Helper()
		in, err := sl.acquire()
		if in != nil {
			in.release()
		}
		return in, err
	}
	age := func() { sl.checked.Add(-int64(2 * time.Hour)) }
	now := time.Now()

	first, err := acquire()
	if err != nil {
		t.Fatal(err)
	}
	statsBefore := sl.stats.Load()
	bump(t, script, "v2", now.Add(time.Second))
	if in, _ := acquire(); in != first {
		t.Fatal("reloaded within the check interval")
	}
	if n := sl.stats.Load() - statsBefore; n != 0 {
		t.Errorf("%d stats within the check interval, want 0", n)
	}

	age()
	second, err := acquire()
	if err != nil || second == first {
		t.Fatalf("not reloaded once the check interval passed (err %v)", err)
	}

	bump(t, script, "error here", now.Add(2*time.Second))
	age()
	loadsBefore := loads.Load()
	for i := range 3 {
		if _, err := acquire(); err == nil {
			t.Fatalf("request %d after a broken change served the previous version", i)
		}
	}
	if n := loads.Load() - loadsBefore; n != 1 {
		t.Errorf("broken script loaded %d times, want 1", n)
	}

	bump(t, script, "v3", now.Add(3*time.Second))
	if in, err := acquire(); err != nil || in == second {
		t.Fatalf("the fixed script was not loaded at once (err %v)", err)
	}
}

func TestStaleStatKeepsNewerReload(t *testing.T) {
	dir := t.TempDir()
	script := writeScript(t, dir, "app.py", "v1")
	sl := &slot{script: script, mount: mount("/", script), eng: fakeEngine{}, log: hclog.NewNullLogger()}
	first, err := sl.acquire()
	if err != nil {
		t.Fatal(err)
	}
	first.release()

	staleSeq := sl.stats.Add(1)
	staleStamp, err := statScript(script)
	if err != nil {
		t.Fatal(err)
	}
	bump(t, script, "v2", time.Now().Add(time.Second))
	fresh, err := sl.acquire()
	if err != nil {
		t.Fatal(err)
	}
	fresh.release()

	before := loads.Load()
	got, err := sl.acquireSeen(staleSeq, staleStamp, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer got.release()
	if got != fresh {
		t.Error("a stale stat replaced the reloaded app")
	}
	if n := loads.Load() - before; n != 0 {
		t.Errorf("a stale stat loaded the script %d times, want 0", n)
	}
}
