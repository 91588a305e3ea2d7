package main

/*
#include "gowsgi.h"
*/
import "C"

import "github.com/gowsgi/gowsgi/cshim/internal/bridge"

// The bridge's values must be gowsgi.h's: each line fails to compile (a
// negative array length) when the two differ.
var (
	_ [1 - 2*(C.GOWSGI_QUEUE_BYTES-bridge.QueueBytes)*(C.GOWSGI_QUEUE_BYTES-bridge.QueueBytes)]struct{}
	_ [1 - 2*(C.GOWSGI_EV_NONE-int(bridge.EventNone))*(C.GOWSGI_EV_NONE-int(bridge.EventNone))]struct{}
	_ [1 - 2*(C.GOWSGI_EV_HEADERS-int(bridge.EventHeaders))*(C.GOWSGI_EV_HEADERS-int(bridge.EventHeaders))]struct{}
	_ [1 - 2*(C.GOWSGI_EV_DATA-int(bridge.EventData))*(C.GOWSGI_EV_DATA-int(bridge.EventData))]struct{}
	_ [1 - 2*(C.GOWSGI_EV_END-int(bridge.EventEnd))*(C.GOWSGI_EV_END-int(bridge.EventEnd))]struct{}
	_ [1 - 2*(C.GOWSGI_EV_ABORT-int(bridge.EventAbort))*(C.GOWSGI_EV_ABORT-int(bridge.EventAbort))]struct{}
	_ [1 - 2*(C.GOWSGI_EV_FLUSH-int(bridge.FlagFlush))*(C.GOWSGI_EV_FLUSH-int(bridge.FlagFlush))]struct{}
	_ [1 - 2*(C.GOWSGI_EV_LAST-int(bridge.FlagLast))*(C.GOWSGI_EV_LAST-int(bridge.FlagLast))]struct{}
	_ [1 - 2*(C.GOWSGI_EV_COMPLETE-int(bridge.FlagComplete))*(C.GOWSGI_EV_COMPLETE-int(bridge.FlagComplete))]struct{}
)
