package wsgi

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestInput(t *testing.T) {
	const body = "line one\nline two\nlast"
	// Bytes after the declared length belong to the next request.
	wire := body + "GET /next HTTP/1.1\r\n"
	tests := []struct {
		name string
		op   func(in *Input) (string, error)
		want string
	}{
		{"read all", func(in *Input) (string, error) { b, err := in.Read(-1); return string(b), err }, body},
		{"read n", func(in *Input) (string, error) { b, err := in.Read(4); return string(b), err }, "line"},
		{"read past end", func(in *Input) (string, error) { b, err := in.Read(1 << 20); return string(b), err }, body},
		{"readline", func(in *Input) (string, error) { b, err := in.ReadLine(-1); return string(b), err }, "line one\n"},
		{"readline limit", func(in *Input) (string, error) {
			a, _ := in.ReadLine(3)
			b, err := in.ReadLine(-1)
			return string(a) + "|" + string(b), err
		}, "lin|e one\n"},
		{"readlines", func(in *Input) (string, error) {
			ls, err := in.ReadLines(-1)
			return string(bytes.Join(ls, []byte("|"))), err
		}, "line one\n|line two\n|last"},
		{"readlines hint", func(in *Input) (string, error) {
			ls, err := in.ReadLines(5)
			return string(bytes.Join(ls, []byte("|"))), err
		}, "line one\n"},
		{"getvalue after a read", func(in *Input) (string, error) {
			_, _ = in.Read(5)
			b, err := in.GetValue()
			return string(b), err
		}, "one\nline two\nlast"},
		{"end is empty", func(in *Input) (string, error) {
			_, _ = in.Read(-1)
			b, err := in.ReadLine(-1)
			return string(b), err
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.NewReader(wire)
			got, err := tt.op(NewInput(src, int64(len(body))))
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
			rest, _ := io.ReadAll(src)
			if !strings.HasSuffix(string(rest), "GET /next HTTP/1.1\r\n") {
				t.Fatalf("input read into the next request: left %q", rest)
			}
		})
	}
}

func TestInputUnknownLengthReadsToEnd(t *testing.T) {
	in := NewInput(strings.NewReader(strings.Repeat("x", 100000)), -1)
	total := 0
	for {
		b, err := in.Read(8192)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) == 0 {
			break
		}
		total += len(b)
	}
	if total != 100000 {
		t.Fatalf("read %d bytes, want 100000", total)
	}
}

func TestInputLongLineWithLimit(t *testing.T) {
	long := strings.Repeat("a", 3*inputBufferSize) + "\nnext\n"
	in := NewInput(strings.NewReader(long), int64(len(long)))
	var parts int
	for {
		b, err := in.ReadLine(1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > 1000 {
			t.Fatalf("readline(1000) returned %d bytes", len(b))
		}
		parts++
		if string(b) == "next\n" || len(b) == 0 {
			break
		}
	}
	if want := 3*inputBufferSize/1000 + 2; parts != want {
		t.Fatalf("%d reads, want %d", parts, want)
	}
}
