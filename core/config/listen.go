package config

import (
	"net"
	"strconv"
	"strings"
)

const listenWant = "a port (8080), :port or host:port, with a port from 1 to 65535"

// parseListen reads a Listen address the Apache way: a bare port listens on
// every interface, so "8080" becomes ":8080". The result is canonical
// ("[::1]:80", no leading zeros), so duplicates compare equal.
func parseListen(s string) (string, error) {
	bad := &ValueError{Want: listenWant, Got: s}
	host, port := "", s
	if !isDigits(s) {
		var err error
		if host, port, err = net.SplitHostPort(s); err != nil {
			return "", bad
		}
	}
	if !isDigits(port) {
		return "", bad
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		return "", bad
	}
	if host != "" && !validHost(host) {
		return "", bad
	}
	return net.JoinHostPort(host, strconv.Itoa(n)), nil
}

// validHost accepts an IP address (IPv6 with an optional %zone) or a DNS
// name, so a typo fails here rather than at bind time.
func validHost(host string) bool {
	ip, zone, hasZone := strings.Cut(host, "%")
	if addr := net.ParseIP(ip); addr != nil {
		return !hasZone || (zone != "" && addr.To4() == nil)
	}
	if hasZone || len(host) > 253 {
		return false
	}
	for label := range strings.SplitSeq(host, ".") {
		if !validLabel(label) {
			return false
		}
	}
	return true
}

func validLabel(label string) bool {
	if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
		return false
	}
	for i := 0; i < len(label); i++ {
		c := label[i]
		if !(isDigit(c) || c == '-' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')) {
			return false
		}
	}
	return true
}
