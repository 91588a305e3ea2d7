package bridge

import "errors"

// EventType is what Poll found; the values are gowsgi.h's GOWSGI_EV_*.
type EventType int

// The event types.
const (
	EventNone EventType = iota
	EventHeaders
	EventData
	EventEnd
	EventAbort
)

// Flags qualify an event; the values are gowsgi.h's GOWSGI_EV_FLUSH etc.
type Flags int

// The event flags.
const (
	// FlagFlush: the application flushed here; send what you have.
	FlagFlush Flags = 1 << iota
	// FlagLast: the response ends with this event; no END follows.
	FlagLast
	// FlagComplete: the rest of the response is queued (Queued more
	// bytes, then the end), so the host may frame it with a length.
	FlagComplete
)

// Event is one piece of the response, as gowsgi_event carries it.
type Event struct {
	Type   EventType
	Flags  Flags
	Status int   // EventHeaders
	Count  int   // EventHeaders: number of headers in the buffer
	Len    int   // bytes written into the buffer; with ErrNoSpace, needed
	Body   int   // EventHeaders: body bytes after the header block
	Queued int64 // body bytes ready behind this event
}

// ends reports whether e is the last event of its request.
func (e Event) ends() bool {
	return e.Type == EventEnd || e.Type == EventAbort || e.Flags&FlagLast != 0
}

// ErrNoSpace means the buffer cannot hold the headers; Event.Len says how
// large it must be.
var ErrNoSpace = errors.New("buffer too small for the response headers")

// Poll takes the next piece of the response into buf without blocking.
func (r *request) Poll(buf []byte) (Event, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	q := &r.resp
	var ev Event
	switch {
	case q.head != nil && !q.due && q.end == running:
		return Event{Type: EventNone}, nil
	case q.head != nil:
		n, ok := packHead(buf, q.head)
		if !ok {
			return Event{Type: EventHeaders, Len: n}, ErrNoSpace
		}
		ev = Event{Type: EventHeaders, Status: q.head.status, Count: len(q.head.headers), Len: n}
		q.head = nil
		// What body fits behind the headers saves the host a call.
		if q.bytes > 0 && n < len(buf) {
			ev.Body, ev.Flags = q.take(buf[n:])
			r.roomReady.Signal()
		}
	case q.bytes > 0:
		ev = Event{Type: EventData}
		ev.Len, ev.Flags = q.take(buf)
		r.roomReady.Signal()
	case q.delivered:
		return Event{Type: EventNone}, errors.New("the response was already complete")
	case q.end == ended:
		q.delivered = true
		return Event{Type: EventEnd}, nil
	case q.end == aborted:
		q.delivered = true
		return Event{Type: EventAbort}, nil
	default:
		return Event{Type: EventNone}, nil
	}
	ev.Queued = int64(q.bytes)
	if q.end == ended {
		ev.Flags |= FlagComplete
		if q.bytes == 0 {
			ev.Flags |= FlagLast
			q.delivered = true
		}
	}
	return ev, nil
}

// take moves up to len(buf) queued bytes into buf.
func (q *responseQueue) take(buf []byte) (int, Flags) {
	n := 0
	var flags Flags
	for n < len(buf) && len(q.segs) > 0 {
		s := &q.segs[0]
		c := copy(buf[n:], s.data)
		n += c
		if c < len(s.data) {
			s.data = s.data[c:]
			break
		}
		if s.flush {
			flags |= FlagFlush
		}
		q.segs[0] = segment{}
		q.segs = q.segs[1:]
		if flags&FlagFlush != 0 {
			break
		}
	}
	q.bytes -= n
	if len(q.segs) == 0 {
		q.segs = nil
	}
	return n, flags
}

// packHead writes the reason phrase and then each header's name and value,
// each NUL-terminated, into buf. It returns the size the block takes and
// whether buf held it.
func packHead(buf []byte, h *head) (int, bool) {
	size := len(h.reason) + 1
	for _, hd := range h.headers {
		size += len(hd.Name) + 1 + len(hd.Value) + 1
	}
	if size > len(buf) {
		return size, false
	}
	n := 0
	put := func(s string) {
		n += copy(buf[n:], s)
		buf[n] = 0
		n++
	}
	put(h.reason)
	for _, hd := range h.headers {
		put(hd.Name)
		put(hd.Value)
	}
	return n, true
}
