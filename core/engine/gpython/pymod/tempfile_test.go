package pymod

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestMkstemp(t *testing.T) {
	dir := t.TempDir()
	runCases(t, []pyCase{
		{name: "str name in dir", setup: "import tempfile, os\nfd, name = tempfile.mkstemp(suffix='.txt', prefix='up-', dir=" + quote(dir) + ")\nos.close(fd)",
			expr: "(isinstance(name, str), name.startswith(" + quote(dir+"/up-") + "), name.endswith('.txt'))", want: "(True, True, True)"},
		{name: "default prefix", setup: "import tempfile, os\nfd, name = tempfile.mkstemp(dir=" + quote(dir) + ")\nos.close(fd)",
			expr: "name.startswith(" + quote(dir+"/tmp") + ")", want: "True"},
		{name: "bytes name", setup: "import tempfile, os\nfd, name = tempfile.mkstemp(prefix=b'b-', dir=b" + quote(dir) + ")\nos.close(fd)",
			expr: "isinstance(name, bytes)", want: "True"},
		{name: "str and bytes mixed", setup: "import tempfile", expr: "tempfile.mkstemp(prefix=b'b-', suffix='.txt')",
			wantErr: "Can't mix bytes and non-bytes"},
		{name: "missing dir", setup: "import tempfile", expr: "tempfile.mkstemp(dir=" + quote(filepath.Join(dir, "nowhere")) + ")",
			wantErr: "no such file or directory"},
		{name: "descriptor writes to the file", setup: "import tempfile, os\nfd, name = tempfile.mkstemp(dir=" + quote(dir) + ")\nf = os.fdopen(fd, 'w')\nf.write('written')\nf.close()",
			expr: "open(name).read()", want: "'written'"},
	})
}

// A descriptor Python got from mkstemp and closed is the next file's: no
// garbage collection may close it afterwards.
func TestMkstempLeavesNoDescriptorToCollect(t *testing.T) {
	dir := t.TempDir()
	if _, err := evalPy(t, "import tempfile, os\nfd, name = tempfile.mkstemp(dir="+quote(dir)+")\nos.close(fd)\nos.remove(name)", "None"); err != nil {
		t.Fatal(err)
	}
	next, err := os.Create(filepath.Join(dir, "next"))
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	for range 5 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if _, err := next.WriteString("still open"); err != nil {
		t.Fatalf("the file opened after mkstemp's descriptor was closed: %v", err)
	}
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "\\'") + "'" }
