package rewrite

import "github.com/go-python/gpython/py"

// lineMap maps the lines of rewritten source back to the user's lines:
// m[n] is the source line of output line n. A nil map is the identity.
type lineMap []int

// newLineMap keeps lines only when the rewrite moved some line.
func newLineMap(lines []int) lineMap {
	for n := 1; n < len(lines); n++ {
		if lines[n] != n && lines[n] != 0 {
			return lineMap(lines)
		}
	}
	return nil
}

func (m lineMap) source(line int) int {
	if m == nil || line < 1 || line >= len(m) || m[line] == 0 {
		return line
	}
	return m[line]
}

// fixCode rewrites the line table of code and of every code object nested
// in it, so tracebacks show the user's lines.
func (m lineMap) fixCode(code *py.Code) {
	if m == nil {
		return
	}
	for _, c := range code.Consts {
		if nested, ok := c.(*py.Code); ok {
			m.fixCode(nested)
		}
	}
	code.Lnotab = m.mapLnotab(code.Firstlineno, code.Lnotab)
}

// mapLnotab decodes a CPython 3.4 line table (pairs of address and line
// increments from firstLine), maps each line and encodes it again the way
// gpython's compiler does: a line that does not go forward is not noted.
func (m lineMap) mapLnotab(firstLine int32, lnotab string) string {
	base := int32(m.source(int(firstLine)))
	out := make([]byte, 0, len(lnotab))
	addr, line := 0, firstLine
	prevAddr, prevLine := 0, base
	for i := 0; i+1 < len(lnotab); i += 2 {
		addr += int(lnotab[i])
		line += int32(lnotab[i+1])
		mapped := int32(m.source(int(line)))
		dLine := mapped - prevLine
		if dLine <= 0 {
			continue
		}
		dAddr := addr - prevAddr
		for dAddr > 255 {
			out = append(out, 255, 0)
			dAddr -= 255
		}
		for dLine > 255 {
			out = append(out, byte(dAddr), 255)
			dAddr = 0
			dLine -= 255
		}
		out = append(out, byte(dAddr), byte(dLine))
		prevAddr, prevLine = addr, mapped
	}
	return string(out)
}
