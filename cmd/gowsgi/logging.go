package main

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/hashicorp/go-hclog"
)

// logFlags choose where and how the server logs.
type logFlags struct {
	format string
	file   string
	level  string
}

// newLogger builds the server's logger. The returned file is nil when
// logging to stderr; otherwise SIGHUP reopens it for log rotation.
func newLogger(f logFlags, stderr io.Writer) (hclog.Logger, *logFile, error) {
	level := hclog.LevelFromString(f.level)
	if level == hclog.NoLevel {
		return nil, nil, usageError(fmt.Sprintf("--log-level %q: expected trace, debug, info, warn or error", f.level))
	}
	if f.format != "text" && f.format != "json" {
		return nil, nil, usageError(fmt.Sprintf("--log-format %q: expected text or json", f.format))
	}
	out, file := stderr, (*logFile)(nil)
	if f.file != "" {
		var err error
		if file, err = openLogFile(f.file); err != nil {
			return nil, nil, err
		}
		out = file
	}
	log := hclog.New(&hclog.LoggerOptions{
		Name:       "gowsgi",
		Level:      level,
		Output:     out,
		JSONFormat: f.format == "json",
		Color:      hclog.ColorOff,
	})
	return log, file, nil
}

// logFile is an append-only log that can be reopened after logrotate moved
// it away.
type logFile struct {
	path string
	mu   sync.Mutex
	f    *os.File
}

func openLogFile(path string) (*logFile, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return nil, fmt.Errorf("open log file: %w", err)
	}
	return &logFile{path: path, f: f}, nil
}

func (l *logFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Write(p)
}

// Reopen switches to a fresh file at the same path.
func (l *logFile) Reopen() error {
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return fmt.Errorf("reopen log file: %w", err)
	}
	l.mu.Lock()
	old := l.f
	l.f = f
	l.mu.Unlock()
	if err := old.Close(); err != nil {
		return fmt.Errorf("close rotated log file: %w", err)
	}
	return nil
}

func (l *logFile) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}
