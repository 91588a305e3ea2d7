package bridge

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/go-hclog"
)

// Settings tune the core's runtime in a host process. Go reads GOMAXPROCS
// and GOMEMLIMIT from the environment the process was executed with, which
// a host rewrites too late, so hosts pass them here.
type Settings struct {
	MaxProcs    int   // 0: Go's default
	MemoryLimit int64 // 0: none
	// GCPercent is GOGC: heap growth between collections, in percent;
	// -1 turns the collector off (then GOMEMLIMIT alone bounds the heap).
	// 0: Go's default.
	GCPercent int
	LogLevel  hclog.Level
}

// ParseSettings reads NAME=VALUE lines; blank lines are skipped. Every
// mistake is reported.
func ParseSettings(text string) (Settings, error) {
	s := Settings{LogLevel: hclog.Info}
	var errs []error
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			errs = append(errs, fmt.Errorf("setting %d %q: expected NAME=VALUE", i+1, line))
			continue
		}
		if err := s.set(strings.TrimSpace(name), strings.TrimSpace(value)); err != nil {
			errs = append(errs, fmt.Errorf("setting %s: %w", name, err))
		}
	}
	if len(errs) > 0 {
		return Settings{}, joinLines(errs)
	}
	return s, nil
}

func (s *Settings) set(name, value string) error {
	switch name {
	case "GOMAXPROCS":
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 {
			return fmt.Errorf("expected a whole number of at least 1, got %q", value)
		}
		s.MaxProcs = n
	case "GOMEMLIMIT":
		n, err := ParseSize(value)
		if err != nil {
			return err
		}
		s.MemoryLimit = n
	case "GOGC":
		if strings.EqualFold(value, "off") {
			s.GCPercent = -1
			return nil
		}
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 {
			return fmt.Errorf("expected a percentage of at least 1 or off, got %q", value)
		}
		s.GCPercent = n
	case "LOG_LEVEL":
		l := hclog.LevelFromString(value)
		if l == hclog.NoLevel || l == hclog.Off {
			return fmt.Errorf("expected trace, debug, info, warn or error, got %q", value)
		}
		s.LogLevel = l
	default:
		return fmt.Errorf("unknown; expected GOMAXPROCS, GOMEMLIMIT, GOGC or LOG_LEVEL")
	}
	return nil
}

// sizeUnits are the suffixes GOMEMLIMIT takes, as in Go's own variable.
var sizeUnits = []struct {
	suffix string
	shift  uint
}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}

// ParseSize reads a byte count with an optional B, KiB, MiB, GiB or TiB
// suffix.
func ParseSize(value string) (int64, error) {
	digits, shift := value, uint(0)
	for _, u := range sizeUnits {
		if strings.HasSuffix(value, u.suffix) {
			digits, shift = strings.TrimSuffix(value, u.suffix), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n < 1 || n > (1<<62)>>shift {
		return 0, fmt.Errorf("expected a size such as 512MiB or 2GiB, got %q", value)
	}
	return n << shift, nil
}
