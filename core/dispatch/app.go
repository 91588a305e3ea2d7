package dispatch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

// errScriptMissing marks a script that is not on disk; for a regex mount
// that just means the URL names nothing (404).
var errScriptMissing = errors.New("script not found")

// appSet holds the apps of one route, one per script path it has named.
type appSet struct {
	mount       config.Mount
	eng         engine.Engine
	log         hclog.Logger
	scriptCheck time.Duration

	mu    sync.Mutex
	slots map[string]*slot
}

func (s *appSet) slot(script string) *slot {
	s.mu.Lock()
	defer s.mu.Unlock()
	sl, ok := s.slots[script]
	if !ok {
		sl = &slot{
			script:     script,
			mount:      s.mount,
			eng:        s.eng,
			log:        s.log.With("script", script),
			checkEvery: s.scriptCheck,
		}
		s.slots[script] = sl
	}
	return sl
}

func (s *appSet) all() []*slot {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*slot, 0, len(s.slots))
	for _, sl := range s.slots {
		out = append(out, sl)
	}
	return out
}

// stamp identifies one version of a script on disk.
type stamp struct {
	mtime time.Time
	size  int64
}

func statScript(path string) (stamp, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return stamp{}, fmt.Errorf("%s: %w", path, errScriptMissing)
	}
	if err != nil {
		return stamp{}, fmt.Errorf("script: %w", err)
	}
	return stamp{mtime: fi.ModTime(), size: fi.Size()}, nil
}

// slot keeps one script's app loaded and current: loaded on first use,
// reloaded when the file changes (if reloading is on), the old version
// closed once its last request is done.
type slot struct {
	script string
	mount  config.Mount
	eng    engine.Engine
	log    hclog.Logger

	stats atomic.Uint64 // stats taken, numbering them
	// checkEvery is how long a stat that found the current version stays
	// good (zero: not at all); checked is when that stat was taken, on
	// the monotonic clock since epoch.
	checkEvery time.Duration
	checked    atomic.Int64

	pathOnce sync.Once
	cpath    *byte // script as a C string, for stat

	mu     sync.Mutex
	cur    *instance
	failed *failure
}

// failure is a load error remembered for the version that caused it, so it
// is logged once per change rather than once per request.
type failure struct {
	stamp stamp
	seq   uint64 // the stat that saw stamp
	err   error
}

// acquire returns the current app, loading or reloading it as needed. The
// caller must release it.
func (s *slot) acquire() (*instance, error) {
	if in := s.trusted(); in != nil {
		return in, nil
	}
	// The stat runs outside the lock: with it inside, every request of the
	// slot would queue behind one system call. seq orders the stats, so a
	// request that looked before a reload cannot undo it.
	seq := s.stats.Add(1)
	st, err := s.stat()
	return s.acquireSeen(seq, st, err)
}

// trusted returns the current app without a stat: always when reloading
// is off, else while the last stat that found it current is recent. A
// stat that finds a broken version does not count, so its 500s go on
// until the script changes again.
func (s *slot) trusted() *instance {
	if s.mount.ScriptReloading && (s.checkEvery <= 0 || sinceEpoch()-s.checked.Load() >= int64(s.checkEvery)) {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur == nil {
		return nil
	}
	return s.cur.ref()
}

// epoch anchors sinceEpoch; set once at start-up.
var epoch = time.Now()

// sinceEpoch reads the monotonic clock, in nanoseconds.
func sinceEpoch() int64 { return int64(time.Since(epoch)) }

// acquireSeen is acquire once stat number seq has returned st or err.
func (s *slot) acquireSeen(seq uint64, st stamp, err error) (*instance, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		if s.cur != nil {
			// Keep serving the loaded version of a script that vanished
			// mid-deploy rather than fail every request.
			return s.cur.ref(), nil
		}
		return nil, err
	}
	if s.cur != nil && (s.cur.stamp == st || seq < s.cur.seq || !s.mount.ScriptReloading) {
		if s.cur.stamp == st {
			// A failure remembered for another version is moot now.
			s.failed = nil
			s.checked.Store(sinceEpoch())
		}
		return s.cur.ref(), nil
	}
	if s.failed != nil && (s.failed.stamp == st || seq < s.failed.seq) {
		return nil, s.failed.err
	}
	app, err := s.load()
	if err != nil {
		s.failed = &failure{stamp: st, seq: seq, err: err}
		s.logFailure(err)
		return nil, err
	}
	s.failed = nil
	if s.cur != nil {
		s.log.Info("script changed: reloaded")
		s.cur.retire()
	} else {
		s.log.Info("application loaded")
	}
	s.cur = &instance{app: app, stamp: st, seq: seq, log: s.log}
	s.checked.Store(sinceEpoch())
	return s.cur.ref(), nil
}

func (s *slot) load() (engine.App, error) {
	return s.eng.Load(specFor(s.mount, s.script, s.log))
}

func specFor(m config.Mount, script string, log hclog.Logger) engine.Spec {
	return engine.Spec{
		Script:         script,
		Callable:       m.Callable,
		PythonPath:     m.PythonPath,
		Threads:        m.Threads,
		RequestTimeout: m.RequestTimeout,
		PythonHome:     m.PythonHome,
		Logger:         log,
	}
}

func (s *slot) logFailure(err error) {
	var se *engine.ScriptError
	if errors.As(err, &se) {
		s.log.Error("script failed to load; its requests get 500 until it changes",
			"at", fmt.Sprintf("%s:%d", se.File, se.Line), "error", se.Message,
			"traceback", se.Traceback, "mounted_at", s.mount.Where.String())
		return
	}
	s.log.Error("script failed to load; its requests get 500 until it changes",
		"error", err, "mounted_at", s.mount.Where.String())
}

// close retires the current app; it closes once its requests are done.
func (s *slot) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil {
		s.cur.retire()
		s.cur = nil
	}
}

// instance is one loaded version of a script, counted by the requests
// using it.
type instance struct {
	app   engine.App
	stamp stamp
	seq   uint64 // the stat that saw stamp
	log   hclog.Logger

	mu      sync.Mutex
	refs    int
	retired bool
}

func (in *instance) ref() *instance {
	in.mu.Lock()
	in.refs++
	in.mu.Unlock()
	return in
}

func (in *instance) release() {
	in.mu.Lock()
	in.refs--
	last := in.retired && in.refs == 0
	in.mu.Unlock()
	if last {
		in.closeApp()
	}
}

func (in *instance) retire() {
	in.mu.Lock()
	in.retired = true
	idle := in.refs == 0
	in.mu.Unlock()
	if idle {
		in.closeApp()
	}
}

func (in *instance) closeApp() {
	if err := in.app.Close(); err != nil {
		in.log.Warn("closing application", "error", err)
	}
}
