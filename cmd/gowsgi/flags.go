package main

import (
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/gowsgi/gowsgi/core/config"
)

// stringList is a flag that may be repeated (--listen A --listen B).
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// byteSize is a flag holding bytes, written plain ("1048576") or with a
// binary suffix ("512K", "10M", "1G").
type byteSize int64

// String uses the largest suffix that is exact, so --help shows "1G".
func (b *byteSize) String() string {
	n := int64(*b)
	for _, unit := range []struct {
		suffix string
		shift  uint
	}{{"G", 30}, {"M", 20}, {"K", 10}} {
		if n != 0 && n%(1<<unit.shift) == 0 {
			return strconv.FormatInt(n>>unit.shift, 10) + unit.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}

func (b *byteSize) Set(v string) error {
	n, err := parseByteSize(v)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

func parseByteSize(s string) (int64, error) {
	bad := fmt.Errorf("%q is not a size; expected bytes such as 1048576, 512K, 10M or 1G", s)
	digits, shift := s, 0
	if s != "" {
		switch strings.ToUpper(s[len(s)-1:]) {
		case "K":
			shift = 10
		case "M":
			shift = 20
		case "G":
			shift = 30
		}
		if shift > 0 {
			digits = s[:len(s)-1]
		}
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n < 0 || digits[0] == '+' {
		return 0, bad
	}
	if n > math.MaxInt64>>shift {
		return 0, bad
	}
	return n << shift, nil
}

// parseInterleaved parses flags wherever they appear among the positional
// arguments ("gowsgi serve app.py --listen :8080"), which the flag package
// alone stops at. A "--" ends the flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// usageError is a command line that cannot run: exit 2 with the usage,
// rather than 1 as for a broken configuration.
type usageError string

func (e usageError) Error() string { return string(e) }

// threadsFlag is --threads, checked as WSGIThreads is; 0 means not given.
type threadsFlag int

func (t *threadsFlag) String() string { return strconv.Itoa(int(*t)) }

func (t *threadsFlag) Set(v string) error {
	n, err := config.ParseThreads(v)
	if err != nil {
		return err
	}
	*t = threadsFlag(n)
	return nil
}

// engineFlag is --engine, checked as WSGIEngine is; "" means not given.
type engineFlag string

func (e *engineFlag) String() string { return string(*e) }

func (e *engineFlag) Set(v string) error {
	name, err := config.ParseEngine(v)
	if err != nil {
		return err
	}
	*e = engineFlag(name)
	return nil
}
