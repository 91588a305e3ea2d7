package gpython

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine"
)

// describe turns what gpython returned into an *engine.ScriptError that
// points at the innermost frame. It may run Python (__str__), so it is
// called on the worker goroutine. Engine faults (panics) pass through.
func describe(err error, script string) error {
	var scriptErr *engine.ScriptError
	var panicErr *panicError
	if errors.As(err, &scriptErr) || errors.As(err, &panicErr) {
		return err
	}
	switch e := err.(type) {
	case py.ExceptionInfo:
		return describeExceptionInfo(e, script)
	case *py.ExceptionInfo:
		return describeExceptionInfo(*e, script)
	case *py.Exception:
		if se := describeSyntaxError(e); se != nil {
			return se
		}
		msg := exceptionMessage(e)
		return &engine.ScriptError{File: script, Message: msg, Traceback: msg + "\n"}
	case *py.Type: // gpython returns some exception classes as errors
		return &engine.ScriptError{File: script, Message: e.Name, Traceback: e.Name + "\n"}
	default:
		return &engine.ScriptError{File: script, Message: err.Error()}
	}
}

func describeExceptionInfo(e py.ExceptionInfo, script string) *engine.ScriptError {
	var msg string
	if e.Value != nil {
		msg = exceptionMessage(e.Value)
	} else if e.Type != nil {
		msg = e.Type.Name
	}
	frames := tracebackFrames(e.Traceback)
	out := &engine.ScriptError{File: script, Message: msg}
	if n := len(frames); n > 0 {
		out.File, out.Line = frames[n-1].file, frames[n-1].line
	}
	var tail string
	// A syntax error in an imported module is located in that module,
	// below the frames that imported it.
	if exc, ok := e.Value.(*py.Exception); ok {
		if se := describeSyntaxError(exc); se != nil {
			out.File, out.Line = se.File, se.Line
			tail = strings.TrimSuffix(se.Traceback, se.Message+"\n")
		}
	}
	out.Traceback = formatTraceback(frames) + tail + msg + "\n"
	return out
}

// describeSyntaxError reports a compile error the way CPython prints it,
// or returns nil when e carries no source location.
func describeSyntaxError(e *py.Exception) *engine.ScriptError {
	if !py.IsException(py.SyntaxError, e) {
		return nil
	}
	line, ok := e.Dict["lineno"].(py.Int)
	if !ok {
		return nil
	}
	file, _ := e.Dict["filename"].(py.String)
	text, _ := e.Dict["line"].(py.String)
	offset, _ := e.Dict["offset"].(py.Int)
	msg := exceptionMessage(e)

	var tb strings.Builder
	fmt.Fprintf(&tb, "  File %q, line %d\n", string(file), int(line))
	if src := strings.TrimRight(string(text), "\r\n"); strings.TrimSpace(src) != "" {
		trimmed := strings.TrimLeft(src, " \t")
		fmt.Fprintf(&tb, "    %s\n", trimmed)
		if col := int(offset) - 1 - (len(src) - len(trimmed)); col >= 0 {
			fmt.Fprintf(&tb, "    %s^\n", strings.Repeat(" ", col))
		}
	}
	tb.WriteString(msg + "\n")
	return &engine.ScriptError{File: string(file), Line: int(line), Message: msg, Traceback: tb.String()}
}

// exceptionMessage is "Type: detail", as the last line of a traceback.
func exceptionMessage(value py.Object) string {
	name := value.Type().Name
	var detail string
	if e, ok := value.(*py.Exception); ok {
		args, _ := e.Args.(py.Tuple)
		switch {
		case len(args) == 0:
			return name
		case len(args) == 1 && py.IsException(py.KeyError, e):
			detail = keyErrorDetail(e, args[0])
		case len(args) == 1:
			detail = strOf(args[0])
		default:
			detail = strOf(args)
		}
	} else {
		detail = strOf(value)
	}
	if detail == "" {
		return name
	}
	return name + ": " + detail
}

// keyErrorDetail is the missing key's repr, as CPython shows it. The
// engine's dicts raise KeyErrors whose argument already is that repr
// (and keep the key as "key"); gpython's own carry the bare key text.
func keyErrorDetail(e *py.Exception, arg py.Object) string {
	if key, ok := e.Dict["key"]; ok {
		return reprOf(key)
	}
	if s, ok := arg.(py.String); ok && len(s) >= 2 && (s[0] == '\'' || s[0] == '"') && s[len(s)-1] == s[0] {
		return string(s)
	}
	return reprOf(arg)
}

func strOf(obj py.Object) string {
	s, err := py.StrAsString(obj)
	if err != nil {
		return "<unprintable " + obj.Type().Name + " object>"
	}
	return s
}

func reprOf(obj py.Object) string {
	s, err := py.ReprAsString(obj)
	if err != nil {
		return "<unprintable " + obj.Type().Name + " object>"
	}
	return s
}

type frameInfo struct {
	file, function string
	line           int
}

// tracebackFrames lists a traceback outermost first.
func tracebackFrames(tb *py.Traceback) []frameInfo {
	var frames []frameInfo
	for ; tb != nil; tb = tb.Next {
		if tb.Frame == nil || tb.Frame.Code == nil {
			continue
		}
		frames = append(frames, frameInfo{
			file:     tb.Frame.Code.Filename,
			function: tb.Frame.Code.Name,
			line:     int(tb.Lineno),
		})
	}
	return frames
}

// repeatsShown is how many identical frames in a row are printed before
// the rest are summarised, as CPython does for deep recursion.
const repeatsShown = 3

// formatTraceback prints frames like CPython, source lines included.
func formatTraceback(frames []frameInfo) string {
	if len(frames) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Traceback (most recent call last):\n")
	sources := sourceCache{}
	for i := 0; i < len(frames); {
		run := 1
		for i+run < len(frames) && frames[i+run] == frames[i] {
			run++
		}
		for k := 0; k < run && k < repeatsShown; k++ {
			writeFrame(&b, frames[i], sources)
		}
		if run > repeatsShown {
			fmt.Fprintf(&b, "  [Previous line repeated %d more times]\n", run-repeatsShown)
		}
		i += run
	}
	return b.String()
}

func writeFrame(b *strings.Builder, f frameInfo, sources sourceCache) {
	fmt.Fprintf(b, "  File %q, line %d, in %s\n", f.file, f.line, f.function)
	if text := sources.line(f.file, f.line); text != "" {
		fmt.Fprintf(b, "    %s\n", text)
	}
}

// sourceCache reads each file of a traceback at most once.
type sourceCache map[string][]string

func (c sourceCache) line(file string, n int) string {
	lines, ok := c[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		c[file] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}
