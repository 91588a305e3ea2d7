package pymod

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
)

// re.error: the message says where in the pattern things went wrong, and
// msg, pattern, pos, lineno and colno tell it apart.

var reErrorType = func() *py.Type {
	t := newSubType(py.ExceptionType, "re.error", "Exception raised for invalid regular expressions.")
	addExceptionFields(t, "msg", "pattern", "pos", "lineno", "colno")
	return t
}()

// reErrorFor turns a translation or compile error into re.error.
func reErrorFor(err error, pattern py.Object) error {
	re, ok := err.(*reError)
	if !ok {
		return err
	}
	fields := map[string]py.Object{"msg": py.String(re.msg), "pattern": pattern, "pos": py.None, "lineno": py.None, "colno": py.None}
	text := re.msg
	if re.pos >= 0 {
		var src string
		switch v := pattern.(type) {
		case py.String:
			src = string(v)
		case py.Bytes:
			src = widenBytes(v)
		}
		before := string([]rune(src)[:min(re.pos, len([]rune(src)))])
		line := strings.Count(before, "\n") + 1
		col := re.pos + 1
		if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
			col = len([]rune(before[nl+1:])) + 1
		}
		fields["pos"], fields["lineno"], fields["colno"] = py.Int(re.pos), py.Int(line), py.Int(col)
		if strings.Contains(src, "\n") {
			text = fmt.Sprintf("%s at position %d (line %d, column %d)", re.msg, re.pos, line, col)
		} else {
			text = fmt.Sprintf("%s at position %d", re.msg, re.pos)
		}
	}
	return &py.Exception{Base: reErrorType, Args: py.Tuple{py.String(text)}, Dict: exceptionFields(fields)}
}
