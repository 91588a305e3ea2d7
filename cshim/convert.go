package main

/*
#include "gowsgi.h"
*/
import "C"

import (
	"unsafe"

	"github.com/gowsgi/gowsgi/core/wsgi"
	"github.com/gowsgi/gowsgi/cshim/internal/bridge"
)

// goString copies a gowsgi_str.
func goString(s C.gowsgi_str) string {
	if s.len == 0 || s.data == nil {
		return ""
	}
	return C.GoStringN(s.data, C.int(s.len))
}

// goStrings views n gowsgi_str of host memory; the strings are copied by
// goString, the view is not kept.
func goStrings(p *C.gowsgi_str, n C.size_t) []C.gowsgi_str {
	if p == nil || n == 0 {
		return nil
	}
	return unsafe.Slice(p, int(n))
}

// hostBytes views len bytes of host memory for the duration of a call.
func hostBytes(p *C.char, n C.size_t) []byte {
	if p == nil || n == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n))
}

// hostCookies views the host's array of n cookies for the duration of a
// call; uintptr_t and uintptr have the same size.
func hostCookies(p *C.uintptr_t, n C.size_t) []uintptr {
	return unsafe.Slice((*uintptr)(unsafe.Pointer(p)), int(n))
}

// goRequest copies a gowsgi_request.
func goRequest(c *C.gowsgi_request) *wsgi.Request {
	req := &wsgi.Request{
		ID:            goString(c.log_id),
		Method:        goString(c.method),
		Path:          goString(c.path),
		Query:         goString(c.query),
		Protocol:      goString(c.protocol),
		ContentLength: int64(c.content_length),
		ServerName:    goString(c.server_name),
		ServerPort:    goString(c.server_port),
		RemoteAddr:    goString(c.remote_addr),
		RemotePort:    goString(c.remote_port),
		TLS:           c.tls != 0,
	}
	if pairs := goStrings(c.headers, 2*c.nheaders); len(pairs) > 0 {
		req.Header = make([]wsgi.Field, 0, len(pairs)/2)
		for i := 0; i+1 < len(pairs); i += 2 {
			req.Header = append(req.Header, wsgi.Field{Name: goString(pairs[i]), Value: goString(pairs[i+1])})
		}
	}
	if pairs := goStrings(c.vars, 2*c.nvars); len(pairs) > 0 {
		req.Vars = make(map[string]string, len(pairs)/2)
		for i := 0; i+1 < len(pairs); i += 2 {
			req.Vars[goString(pairs[i])] = goString(pairs[i+1])
		}
	}
	return req
}

// goApps copies the applications of a gowsgi_config.
func goApps(p *C.gowsgi_app, n C.size_t) []bridge.App {
	if p == nil || n == 0 {
		return nil
	}
	apps := make([]bridge.App, 0, int(n))
	for _, a := range unsafe.Slice(p, int(n)) {
		apps = append(apps, bridge.App{Directive: goString(a.directive), File: goString(a.file), Line: int(a.line)})
	}
	return apps
}

// putEvent copies an event out to the host.
func putEvent(ev *C.gowsgi_event, e bridge.Event) {
	ev._type = C.int(e.Type)
	ev.flags = C.int(e.Flags)
	ev.status = C.int(e.Status)
	ev.count = C.size_t(e.Count)
	ev.len = C.size_t(e.Len)
	ev.body = C.size_t(e.Body)
	ev.queued = C.int64_t(e.Queued)
}

// putError writes msg NUL-terminated into the host's buffer, cut to fit.
func putError(buf *C.char, n C.size_t, msg string) {
	b := hostBytes(buf, n)
	if len(b) == 0 {
		return
	}
	m := copy(b[:len(b)-1], msg)
	b[m] = 0
}
