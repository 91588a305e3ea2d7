package bridge

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/wsgi"
)

func hello(_ context.Context, _ *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
	_ = w.WriteHeader(200, "OK", []engine.Header{{Name: "Content-Type", Value: "text/plain"}})
	n, _ := w.Write([]byte("hello"))
	return wsgi.Outcome{Status: 200, Bytes: int64(n)}
}

func TestHelloArrivesComplete(t *testing.T) {
	c, id := startOne(t, hello, nil)
	buf := make([]byte, 256)
	ev := pollUntil(t, c, id, buf)
	if ev.Type != EventHeaders || ev.Status != 200 || ev.Count != 1 {
		t.Fatalf("first event = %+v, want headers 200 with 1 header", ev)
	}
	if got, want := string(buf[:ev.Len]), "OK\x00Content-Type\x00text/plain\x00"; got != want {
		t.Errorf("header block = %q, want %q", got, want)
	}
	if ev.Flags&(FlagComplete|FlagLast) != FlagComplete|FlagLast || ev.Body != 5 || ev.Queued != 0 {
		t.Fatalf("headers event = %+v, want the last event with the 5 body bytes", ev)
	}
	if got := string(buf[ev.Len : ev.Len+ev.Body]); got != "hello" {
		t.Errorf("body after the headers = %q", got)
	}
	// The last event ended the request.
	if _, err := c.Poll(id, buf); !errors.Is(err, ErrUnknown) {
		t.Errorf("poll after the last event: %v, want ErrUnknown", err)
	}
}

func TestHeadersNeedSpace(t *testing.T) {
	c, id := startOne(t, hello, nil)
	if _, err := c.Wait(id, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	ev, err := c.Poll(id, make([]byte, 4))
	if !errors.Is(err, ErrNoSpace) || ev.Len != len("OK\x00Content-Type\x00text/plain\x00") {
		t.Fatalf("poll with a small buffer: %+v, %v; want ErrNoSpace and the size needed", ev, err)
	}
	if ev = pollUntil(t, c, id, make([]byte, ev.Len)); ev.Type != EventHeaders {
		t.Fatalf("the headers did not stay: %+v", ev)
	}
}

// A large response streams through a bounded queue, byte-exact.
func TestResponseBackpressure(t *testing.T) {
	const size = 3<<20 + 7
	want := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
	app := func(_ context.Context, _ *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
		_ = w.WriteHeader(200, "OK", nil)
		for p := want; len(p) > 0; {
			n := min(len(p), 100_000)
			if _, err := w.Write(p[:n]); err != nil {
				return wsgi.Outcome{Abort: true}
			}
			_ = w.Flush()
			p = p[n:]
		}
		return wsgi.Outcome{Status: 200}
	}
	c, id := startOne(t, app, nil)
	buf := make([]byte, 16<<10)
	var got []byte
	for {
		ev := pollUntil(t, c, id, buf)
		if ev.Queued > QueueBytes {
			t.Fatalf("queue holds %d bytes, more than %d", ev.Queued, QueueBytes)
		}
		switch ev.Type {
		case EventHeaders:
			got = append(got, buf[ev.Len:ev.Len+ev.Body]...)
		case EventData:
			got = append(got, buf[:ev.Len]...)
		}
		if ev.Type == EventEnd || ev.Flags&FlagLast != 0 {
			break
		}
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("got %d bytes, want %d identical ones", len(got), len(want))
	}
}

// The body goes in through the bounded queue; offers are retried after news.
func TestBodyOffers(t *testing.T) {
	const size = 1<<20 + 3
	body := bytes.Repeat([]byte("x"), size)
	app := func(_ context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
		time.Sleep(20 * time.Millisecond) // let the queue fill first
		data, err := io.ReadAll(req.Body)
		if err != nil {
			return wsgi.Outcome{Abort: true}
		}
		_ = w.WriteHeader(200, "OK", nil)
		_, _ = w.Write([]byte(strings.Repeat("y", len(data)%1000)))
		return wsgi.Outcome{Status: 200}
	}
	c, id := startOne(t, app, &wsgi.Request{Method: "POST", Path: "/", ContentLength: size})
	rest := body
	refused := 0
	for len(rest) > 0 {
		n, err := c.Offer(id, rest[:min(len(rest), 100_000)], len(rest) <= 100_000)
		if err != nil {
			t.Fatalf("offer: %v", err)
		}
		rest = rest[n:]
		if n == 0 || (len(rest) > 0 && n < 100_000) {
			refused++
			if _, err := c.Wait(id, time.Second); err != nil {
				t.Fatal(err)
			}
		}
	}
	if refused == 0 {
		t.Error("the queue never turned an offer away")
	}
	buf := make([]byte, 4096)
	ev := pollUntil(t, c, id, buf)
	if ev.Type != EventHeaders || ev.Body+int(ev.Queued) != size%1000 {
		t.Fatalf("event = %+v, want headers with %d body bytes", ev, size%1000)
	}
}

func TestOfferAfterTheAppStopsReading(t *testing.T) {
	c, id := startOne(t, hello, &wsgi.Request{Method: "POST", Path: "/", ContentLength: 10})
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		_, err := c.Offer(id, []byte("0"), false)
		if errors.Is(err, ErrGone) {
			return
		}
		if err != nil {
			t.Fatalf("offer: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("offers still accepted after the app finished")
}

// Closing a running request cancels it, and its cookie never comes back.
func TestCloseCancels(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	stopped := make(chan struct{})
	app := func(ctx context.Context, _ *wsgi.Request, rw wsgi.ResponseWriter) wsgi.Outcome {
		_ = rw.WriteHeader(200, "OK", nil)
		_, _ = rw.Write([]byte("first"))
		_ = rw.Flush()
		<-ctx.Done()
		_, err := rw.Write([]byte("after"))
		if err == nil {
			t.Error("write after close succeeded")
		}
		close(stopped)
		return wsgi.Outcome{Abort: true}
	}
	c := NewCore([]Dispatcher{fakeApp(app)}, int(w.Fd()))
	id, err := c.Start(1, &wsgi.Request{Method: "GET", Path: "/"}, 7)
	if err != nil {
		t.Fatal(err)
	}
	var eight [8]byte
	if _, err := io.ReadFull(r, eight[:]); err != nil {
		t.Fatalf("no notification: %v", err)
	}
	cookies := make([]uintptr, 4)
	if n := c.Ready(cookies); n != 1 || cookies[0] != 7 {
		t.Fatalf("ready = %v, want [7]", cookies[:n])
	}
	if err := c.Close(id); err != nil {
		t.Fatal(err)
	}
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("the app was not cancelled")
	}
	if n := c.Ready(cookies); n != 0 {
		t.Fatalf("a closed request came back from ready: %v", cookies[:n])
	}
	if _, err := c.Poll(id, nil); !errors.Is(err, ErrUnknown) {
		t.Fatalf("poll after close: %v, want ErrUnknown", err)
	}
}

func TestUnknownApp(t *testing.T) {
	c := NewCore([]Dispatcher{fakeApp(hello)}, -1)
	if _, err := c.Start(2, &wsgi.Request{}, 0); err == nil {
		t.Fatal("app 2 of 1 started")
	}
}

// Headers wait for a flush, a full queue or the end, so a response the app
// finishes at once arrives whole with its length known.
func TestHeadersWaitUntilDue(t *testing.T) {
	release := make(chan struct{})
	app := func(_ context.Context, _ *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
		_ = w.WriteHeader(200, "OK", nil)
		_, _ = w.Write([]byte("abc"))
		<-release
		return wsgi.Outcome{Status: 200}
	}
	c, id := startOne(t, app, nil)
	time.Sleep(50 * time.Millisecond)
	ev, err := c.Poll(id, make([]byte, 64))
	if err != nil || ev.Type != EventNone {
		t.Fatalf("before the end: %+v, %v; want nothing yet", ev, err)
	}
	close(release)
	ev = pollUntil(t, c, id, make([]byte, 64))
	if ev.Type != EventHeaders || ev.Flags&FlagLast == 0 || ev.Body != 3 {
		t.Fatalf("at the end: %+v, want the last event with the 3 body bytes", ev)
	}
}
