package main

/*
#include "gowsgi.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/gowsgi/gowsgi/cshim/internal/bridge"
)

// Every export recovers: a Go panic must never unwind into the host's C
// frames. guard is deferred directly so that its recover sees the panic.
func guard(name string, fail func()) {
	if r := recover(); r != nil {
		proc.logger().Error("internal error", "in", name, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
		fail()
	}
}

//export gowsgi_abi_version
func gowsgi_abi_version() C.unsigned {
	return C.GOWSGI_ABI_VERSION
}

//export gowsgi_init
func gowsgi_init(conf *C.gowsgi_config, errBuf *C.char, errLen C.size_t) (ret C.int) {
	defer guard("gowsgi_init", func() {
		putError(errBuf, errLen, "gowsgi_init: internal error")
		ret = C.GOWSGI_ERROR
	})
	if err := start(conf); err != nil {
		putError(errBuf, errLen, err.Error())
		return C.GOWSGI_ERROR
	}
	return C.GOWSGI_OK
}

//export gowsgi_request_start
func gowsgi_request_start(req *C.gowsgi_request, cookie C.uintptr_t) (id C.uint64_t) {
	defer guard("gowsgi_request_start", func() { id = 0 })
	core, err := proc.running()
	if err != nil || req == nil {
		return 0
	}
	n, err := core.Start(int(req.app), goRequest(req), uintptr(cookie))
	if err != nil {
		// The host logs the refusal with its own view of the request.
		proc.logger().Debug("request not started", "error", err)
		return 0
	}
	return C.uint64_t(n)
}

//export gowsgi_request_body
func gowsgi_request_body(id C.uint64_t, data *C.char, n C.size_t, last C.int) (ret C.ssize_t) {
	defer guard("gowsgi_request_body", func() { ret = C.GOWSGI_ERROR })
	core, err := proc.running()
	if err != nil {
		return C.GOWSGI_ERROR
	}
	taken, err := core.Offer(uint64(id), hostBytes(data, n), last != 0)
	switch {
	case errors.Is(err, bridge.ErrGone):
		return C.GOWSGI_GONE
	case err != nil:
		return C.GOWSGI_ERROR
	}
	return C.ssize_t(taken)
}

//export gowsgi_request_poll
func gowsgi_request_poll(id C.uint64_t, ev *C.gowsgi_event, buf *C.char, n C.size_t) (ret C.int) {
	defer guard("gowsgi_request_poll", func() { ret = C.GOWSGI_ERROR })
	core, err := proc.running()
	if err != nil || ev == nil {
		return C.GOWSGI_ERROR
	}
	e, err := core.Poll(uint64(id), hostBytes(buf, n))
	putEvent(ev, e)
	switch {
	case errors.Is(err, bridge.ErrNoSpace):
		return C.GOWSGI_ENOSPC
	case err != nil:
		return C.GOWSGI_ERROR
	}
	return C.int(e.Type)
}

//export gowsgi_request_wait
func gowsgi_request_wait(id C.uint64_t, timeoutMS C.int) (ret C.int) {
	defer guard("gowsgi_request_wait", func() { ret = C.GOWSGI_ERROR })
	core, err := proc.running()
	if err != nil {
		return C.GOWSGI_ERROR
	}
	timeout := time.Duration(-1)
	if timeoutMS >= 0 {
		timeout = time.Duration(timeoutMS) * time.Millisecond
	}
	news, err := core.Wait(uint64(id), timeout)
	switch {
	case err != nil:
		return C.GOWSGI_ERROR
	case news:
		return 1
	}
	return 0
}

//export gowsgi_request_close
func gowsgi_request_close(id C.uint64_t) {
	defer guard("gowsgi_request_close", func() {})
	if core, err := proc.running(); err == nil {
		_ = core.Close(uint64(id)) // an unknown id is already closed
	}
}

//export gowsgi_ready
func gowsgi_ready(cookies *C.uintptr_t, max C.size_t) (ret C.size_t) {
	defer guard("gowsgi_ready", func() { ret = 0 })
	core, err := proc.running()
	if err != nil || cookies == nil || max == 0 {
		return 0
	}
	return C.size_t(core.Ready(hostCookies(cookies, max)))
}

//export gowsgi_shutdown
func gowsgi_shutdown(timeoutMS C.int) {
	defer guard("gowsgi_shutdown", func() {})
	stop(time.Duration(max(timeoutMS, 0)) * time.Millisecond)
}
