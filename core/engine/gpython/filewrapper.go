package gpython

import "github.com/go-python/gpython/py"

// defaultBlockSize is file_wrapper's block size when the app names none.
const defaultBlockSize = 8192

// fileWrapper is what wsgi.file_wrapper returns: an iterable reading the
// file-like object block by block, closing it when the response closes.
type fileWrapper struct {
	filelike  py.Object
	blockSize int
}

var fileWrapperType = py.NewType("wsgi.file_wrapper", "Iterates a file-like object in blocks.")

// fileWrapperFactory is wsgi.file_wrapper. It holds no state, so one
// instance serves every request.
var fileWrapperFactory = py.MustNewMethod("file_wrapper", newFileWrapper, 0,
	"file_wrapper(filelike, block_size=8192) -> iterable of blocks read from filelike.")

func newFileWrapper(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var filelike py.Object
	var blockSize py.Object = py.Int(defaultBlockSize)
	err := py.ParseTupleAndKeywords(args, kwargs, "O|i:file_wrapper", []string{"filelike", "block_size"}, &filelike, &blockSize)
	if err != nil {
		return nil, err
	}
	size := int(blockSize.(py.Int))
	if size <= 0 {
		return nil, py.ExceptionNewf(py.ValueError, "file_wrapper() block_size must be positive, not %d", size)
	}
	return &fileWrapper{filelike: filelike, blockSize: size}, nil
}

func (f *fileWrapper) Type() *py.Type { return fileWrapperType }

func (f *fileWrapper) M__iter__() (py.Object, error) { return f, nil }

// M__next__ returns the next block; an empty read ends the iteration.
func (f *fileWrapper) M__next__() (py.Object, error) {
	block, found, err := callMethod(f.filelike, "read", py.Int(f.blockSize))
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, py.ExceptionNewf(py.AttributeError, "file_wrapper: '%s' object has no read()", f.filelike.Type().Name)
	}
	if empty, err := isEmpty(block); err != nil || empty {
		if err == nil {
			err = py.StopIteration
		}
		return nil, err
	}
	return block, nil
}

// close closes the wrapped object if it can be closed.
func (f *fileWrapper) close() error {
	_, _, err := callMethod(f.filelike, "close")
	return err
}

// isEmpty reports whether a read result signals end of file.
func isEmpty(block py.Object) (bool, error) {
	switch b := block.(type) {
	case py.Bytes:
		return len(b) == 0, nil
	case py.String:
		return len(b) == 0, nil
	}
	n, err := py.Len(block)
	if err != nil {
		return false, err
	}
	return n == py.Int(0), nil
}

func init() {
	fileWrapperType.Dict["close"] = py.MustNewMethod("close", func(self py.Object) (py.Object, error) {
		if err := self.(*fileWrapper).close(); err != nil {
			return nil, err
		}
		return py.None, nil
	}, 0, "close(): close the wrapped file-like object.")
}
