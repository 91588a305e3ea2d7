package main

import (
	"flag"
	"io"
	"slices"
	"testing"
)

func TestParseByteSize(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{in: "0", want: 0},
		{in: "1048576", want: 1 << 20},
		{in: "512K", want: 512 << 10},
		{in: "10m", want: 10 << 20},
		{in: "1G", want: 1 << 30},
		{in: "", wantErr: true},
		{in: "G", wantErr: true},
		{in: "-1", wantErr: true},
		{in: "+5", wantErr: true},
		{in: "1.5G", wantErr: true},
		{in: "1T", wantErr: true},
		{in: "9999999999999G", wantErr: true},
	}
	for _, tt := range tests {
		got, err := parseByteSize(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("parseByteSize(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil {
			continue
		}
		// String gives back a size that parses to the same bytes.
		b := byteSize(got)
		if again, err := parseByteSize(b.String()); err != nil || again != got {
			t.Errorf("byteSize(%d).String() = %q, which parses to %d, %v", got, b.String(), again, err)
		}
	}
}

func TestParseInterleaved(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantArgs   []string
		wantListen []string
		wantErr    bool
	}{
		{name: "flags first", args: []string{"--listen", ":1", "a.py"}, wantArgs: []string{"a.py"}, wantListen: []string{":1"}},
		{name: "flags after", args: []string{"a.py", "--listen=:1", "/b=b.py", "-listen", ":2"}, wantArgs: []string{"a.py", "/b=b.py"}, wantListen: []string{":1", ":2"}},
		{name: "double dash ends flags", args: []string{"a.py", "--", "--listen"}, wantArgs: []string{"a.py", "--listen"}},
		{name: "nothing"},
		{name: "unknown flag", args: []string{"a.py", "--nope"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var listen stringList
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			fs.Var(&listen, "listen", "")
			got, err := parseInterleaved(fs, tt.args)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error = %v, want error %v", err, tt.wantErr)
			}
			if !slices.Equal(got, tt.wantArgs) || !slices.Equal(listen, tt.wantListen) {
				t.Errorf("got args %q listen %q; want %q, %q", got, listen, tt.wantArgs, tt.wantListen)
			}
		})
	}
}

func TestOverrideFlags(t *testing.T) {
	tests := []struct {
		name    string
		flag    flag.Value
		in      string
		want    string
		wantErr bool
	}{
		{name: "threads", flag: new(threadsFlag), in: "8", want: "8"},
		{name: "threads zero", flag: new(threadsFlag), in: "0", wantErr: true},
		{name: "threads word", flag: new(threadsFlag), in: "many", wantErr: true},
		{name: "engine any case", flag: new(engineFlag), in: "GPython", want: "gpython"},
		{name: "unknown engine", flag: new(engineFlag), in: "pypy", wantErr: true},
	}
	for _, tt := range tests {
		err := tt.flag.Set(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: Set(%q) error = %v, want error %v", tt.name, tt.in, err, tt.wantErr)
			continue
		}
		if err == nil && tt.flag.String() != tt.want {
			t.Errorf("%s: Set(%q) = %q, want %q", tt.name, tt.in, tt.flag.String(), tt.want)
		}
	}
}
