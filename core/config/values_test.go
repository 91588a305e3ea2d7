package config

import (
	"errors"
	"testing"
	"time"
)

func TestParseOnOff(t *testing.T) {
	tests := []struct {
		in      string
		want    bool
		wantErr bool
	}{
		{"On", true, false}, {"on", true, false}, {"ON", true, false},
		{"Off", false, false}, {"off", false, false}, {"oFF", false, false},
		{"maybe", false, true}, {"", false, true}, {"1", false, true}, {"yes", false, true}, {" on", false, true},
	}
	for _, tt := range tests {
		got, err := ParseOnOff(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseOnOff(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseThreads(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr bool
	}{
		{"1", 1, false}, {"4", 4, false}, {"1024", 1024, false}, {"0008", 8, false},
		{"0", 0, true}, {"1025", 0, true}, {"-1", 0, true}, {"+4", 0, true}, {"4.0", 0, true},
		{"", 0, true}, {"four", 0, true}, {"99999999999999999999", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseThreads(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseThreads(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseTimeout(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{"30", 30 * time.Second, false},
		{"2.5", 2500 * time.Millisecond, false},
		{".5", 500 * time.Millisecond, false},
		{"5.", 5 * time.Second, false},
		{"0", 0, false},
		{"0.0", 0, false},
		{"off", 0, false},
		{"Off", 0, false},
		{"500ms", 500 * time.Millisecond, false},
		{"1m30s", 90 * time.Second, false},
		{"0s", 0, false},
		{"-1", 0, true},
		{"+5", 0, true},
		{"", 0, true},
		{".", 0, true},
		{"1e3", 0, true},
		{"inf", 0, true},
		{"NaN", 0, true},
		{"30S", 0, true},
		{"0.0000000001", 0, true}, // positive, but rounds to zero: not "no limit"
		{"99999999999999", 0, true},
		{"1.2.3", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseTimeout(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseTimeout(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseEngine(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"gpython", "gpython", false}, {"GPython", "gpython", false}, {"cpython", "cpython", false},
		{"pypy", "", true}, {"", "", true},
	}
	for _, tt := range tests {
		got, err := ParseEngine(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseEngine(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseCallable(t *testing.T) {
	tests := []struct {
		in      string
		wantErr bool
	}{
		{"application", false}, {"app", false}, {"_private", false}, {"app2", false}, {"café", false},
		{"", true}, {"2app", true}, {"my-app", true}, {"app.call", true}, {"class", true}, {"None", true},
		{"a b", true}, {"\xff", true},
	}
	for _, tt := range tests {
		got, err := ParseCallable(tt.in)
		if (err != nil) != tt.wantErr || (err == nil && got != tt.in) {
			t.Errorf("ParseCallable(%q) = %q, %v; want error %v", tt.in, got, err, tt.wantErr)
		}
	}
}

func TestValueErrorMessages(t *testing.T) {
	_, err := ParseOnOff("maybe")
	if got, want := err.Error(), `expected On or Off, got "maybe"`; got != want {
		t.Errorf("standalone: got %q, want %q", got, want)
	}
	if got, want := takes("WSGIScriptReloading", err).Error(), `WSGIScriptReloading takes On or Off, got "maybe"`; got != want {
		t.Errorf("with directive: got %q, want %q", got, want)
	}
	var ve *ValueError
	if !errors.As(err, &ve) || ve.Got != "maybe" {
		t.Errorf("errors.As(*ValueError) failed for %v", err)
	}
}
