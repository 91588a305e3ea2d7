package pyext

import (
	"unicode"

	"github.com/go-python/gpython/py"
)

type strMethod = func(py.String, py.Tuple, py.StringDict) (py.Object, error)

// installStrMethods adds str's methods, replacing gpython's incomplete
// split, strip, find, startswith and endswith.
func installStrMethods() {
	methods := []struct {
		name, doc string
		fn        strMethod
	}{
		{"join", "S.join(iterable) -> str: the strings of iterable joined by S.", strJoin},
		{"encode", "S.encode(encoding='utf-8', errors='strict') -> bytes", strEncode},
		{"format", "S.format(*args, **kwargs) -> str", strFormat},
		{"format_map", "S.format_map(mapping) -> str", strFormatMap},
		{"lower", "S.lower() -> str", strLower},
		{"upper", "S.upper() -> str", strUpper},
		{"title", "S.title() -> str", strTitle},
		{"capitalize", "S.capitalize() -> str", strCapitalize},
		{"swapcase", "S.swapcase() -> str", strSwapcase},
		{"casefold", "S.casefold() -> str", strCasefold},
		{"find", "S.find(sub[, start[, end]]) -> int", strFind},
		{"rfind", "S.rfind(sub[, start[, end]]) -> int", strRfind},
		{"index", "S.index(sub[, start[, end]]) -> int", strIndex},
		{"rindex", "S.rindex(sub[, start[, end]]) -> int", strRindex},
		{"count", "S.count(sub[, start[, end]]) -> int", strCount},
		{"startswith", "S.startswith(prefix[, start[, end]]) -> bool", strStartswith},
		{"endswith", "S.endswith(suffix[, start[, end]]) -> bool", strEndswith},
		{"partition", "S.partition(sep) -> (head, sep, tail)", strPartition},
		{"rpartition", "S.rpartition(sep) -> (head, sep, tail)", strRpartition},
		{"removeprefix", "S.removeprefix(prefix) -> str", strRemoveprefix},
		{"removesuffix", "S.removesuffix(suffix) -> str", strRemovesuffix},
		{"split", "S.split(sep=None, maxsplit=-1) -> list of str", strSplit},
		{"rsplit", "S.rsplit(sep=None, maxsplit=-1) -> list of str", strRsplit},
		{"splitlines", "S.splitlines(keepends=False) -> list of str", strSplitlines},
		{"strip", "S.strip(chars=None) -> str", strStrip},
		{"lstrip", "S.lstrip(chars=None) -> str", strLstrip},
		{"rstrip", "S.rstrip(chars=None) -> str", strRstrip},
		{"zfill", "S.zfill(width) -> str", strZfill},
		{"ljust", "S.ljust(width, fillchar=' ') -> str", strLjust},
		{"rjust", "S.rjust(width, fillchar=' ') -> str", strRjust},
		{"center", "S.center(width, fillchar=' ') -> str", strCenter},
		{"expandtabs", "S.expandtabs(tabsize=8) -> str", strExpandtabs},
		{"isdigit", "S.isdigit() -> bool", predicate("str.isdigit", isDigitRune)},
		{"isdecimal", "S.isdecimal() -> bool", predicate("str.isdecimal", isDecimalRune)},
		{"isnumeric", "S.isnumeric() -> bool", predicate("str.isnumeric", isNumericRune)},
		{"isalpha", "S.isalpha() -> bool", predicate("str.isalpha", unicode.IsLetter)},
		{"isalnum", "S.isalnum() -> bool", predicate("str.isalnum", isAlnumRune)},
		{"isspace", "S.isspace() -> bool", predicate("str.isspace", isPySpace)},
		{"isupper", "S.isupper() -> bool", strCaseState("str.isupper", true)},
		{"islower", "S.islower() -> bool", strCaseState("str.islower", false)},
		{"istitle", "S.istitle() -> bool", strIstitle},
		{"isidentifier", "S.isidentifier() -> bool", strIsidentifier},
		{"isprintable", "S.isprintable() -> bool", strIsprintable},
		{"isascii", "S.isascii() -> bool", strIsascii},
	}
	for _, m := range methods {
		setMethod(py.StringType, m.name, m.doc, methodOf("str", m.name, m.fn))
	}
}

func strEncode(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	c, err := parseCodecArgs("str.encode", args, kwargs)
	if err != nil {
		return nil, err
	}
	return c.encode(string(s))
}
