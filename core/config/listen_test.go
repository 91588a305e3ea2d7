package config

import "testing"

func TestParseListen(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{in: "8080", want: ":8080"},
		{in: ":8080", want: ":8080"},
		{in: "127.0.0.1:8000", want: "127.0.0.1:8000"},
		{in: "0.0.0.0:80", want: "0.0.0.0:80"},
		{in: "[::1]:8080", want: "[::1]:8080"},
		{in: "[::]:80", want: "[::]:80"},
		{in: "[fe80::1%eth0]:80", want: "[fe80::1%eth0]:80"},
		{in: "localhost:8080", want: "localhost:8080"},
		{in: "web-1.example.com:443", want: "web-1.example.com:443"},
		{in: "08080", want: ":8080"},
		{in: "65535", want: ":65535"},
		{in: "0", wantErr: true},
		{in: "65536", wantErr: true},
		{in: "-1", wantErr: true},
		{in: "", wantErr: true},
		{in: "http", wantErr: true},
		{in: "localhost", wantErr: true},
		{in: "localhost:http", wantErr: true},
		{in: "::1:80", wantErr: true},
		{in: "host:", wantErr: true},
		{in: "bad_host:80", wantErr: true},
		{in: "-bad:80", wantErr: true},
		{in: "a..b:80", wantErr: true},
		{in: "[10.0.0.1%eth0]:80", wantErr: true},
		{in: "[fe80::1%]:80", wantErr: true},
	}
	for _, tt := range tests {
		got, err := parseListen(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("parseListen(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
