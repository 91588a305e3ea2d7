package gpython

import "github.com/go-python/gpython/py"

// gpython's sys.exit returns a SystemExit instance instead of raising it,
// so a script calling it runs on. Replace it, before any context copies the
// sys module, with one that raises.
func init() {
	sys := py.GetModuleImpl("sys")
	for i, m := range sys.Methods {
		if m.Name != "exit" {
			continue
		}
		sys.Methods[i] = py.MustNewMethod("exit", func(self py.Object, args py.Tuple) (py.Object, error) {
			var status py.Object = py.None
			if err := py.UnpackTuple(args, nil, "exit", 0, 1, &status); err != nil {
				return nil, err
			}
			exc, err := py.ExceptionNew(py.SystemExit, py.Tuple{status}, nil)
			if err != nil {
				return nil, err
			}
			return nil, exc.(*py.Exception)
		}, 0, m.Doc)
		return
	}
}
