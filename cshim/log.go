package main

/*
#include "gowsgi.h"

static void
gowsgi_call_log(gowsgi_log_pt log, int level, const char *msg, size_t len)
{
    log(level, msg, len);
}
*/
import "C"

import (
	"bytes"
	"unsafe"

	"github.com/hashicorp/go-hclog"
)

// hostLog hands each log line to the host's gowsgi_log_pt. hclog gives it
// whole lines with their level (hclog.LevelWriter), so nothing is buffered.
type hostLog struct {
	fn C.gowsgi_log_pt
}

// newLogger makes the core's logger. Times are left out: the host's own log
// stamps every line.
func newLogger(fn C.gowsgi_log_pt, level hclog.Level) hclog.Logger {
	return hclog.New(&hclog.LoggerOptions{
		Name:        "gowsgi",
		Level:       level,
		Output:      hostLog{fn: fn},
		DisableTime: true,
		Color:       hclog.ColorOff,
	})
}

// Write serves writers that know no level; hclog always uses LevelWrite.
func (l hostLog) Write(p []byte) (int, error) {
	return l.LevelWrite(hclog.Info, p)
}

// LevelWrite passes one formatted line, without hclog's "[LEVEL]" tag (the
// host writes its own) and trailing newline. The bytes are Go memory the C
// side reads during the call only.
func (l hostLog) LevelWrite(level hclog.Level, p []byte) (int, error) {
	n := len(p)
	if l.fn == nil {
		return n, nil
	}
	msg := trimLevelTag(bytes.TrimRight(p, "\n"))
	if len(msg) == 0 {
		return n, nil
	}
	C.gowsgi_call_log(l.fn, hostLevel(level), (*C.char)(unsafe.Pointer(&msg[0])), C.size_t(len(msg)))
	return n, nil
}

// trimLevelTag drops hclog's leading "[INFO] " style tag.
func trimLevelTag(p []byte) []byte {
	if len(p) == 0 || p[0] != '[' {
		return p
	}
	end := bytes.IndexByte(p, ']')
	if end < 0 {
		return p
	}
	return bytes.TrimLeft(p[end+1:], " ")
}

func hostLevel(l hclog.Level) C.int {
	switch {
	case l >= hclog.Error:
		return C.GOWSGI_LOG_ERROR
	case l == hclog.Warn:
		return C.GOWSGI_LOG_WARN
	case l == hclog.Info:
		return C.GOWSGI_LOG_INFO
	}
	return C.GOWSGI_LOG_DEBUG
}
