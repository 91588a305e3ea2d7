// Command cshim is libgowsgi.so, the Go core of gowsgi as a C shared
// library for the nginx and Apache modules:
//
//	go build -buildmode=c-shared -o build/libgowsgi.so ./cshim
//
// gowsgi.h is its stable interface: the modules include it and dlopen the
// library in the processes that serve requests. This package only converts
// between C and Go values; the request table and the queues live in
// internal/bridge, the WSGI work in core/.
package main

import (
	// The engines a host can run apps on; they register in init.
	_ "github.com/gowsgi/gowsgi/core/engine/cpython" // with -tags cpython
	_ "github.com/gowsgi/gowsgi/core/engine/gpython"
)

// main is never called: a c-shared library starts with the host's calls.
func main() {}
