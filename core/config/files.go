package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

const scriptWant = "expected a readable WSGI script file"

// checkScript makes sure a script can be loaded: a regular file this process
// can open. Stat comes first so a FIFO is never opened (that would block).
func checkScript(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("script %q %s; %s", path, describeFSError(err), scriptWant)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("script %q %s; %s", path, describeMode(info), scriptWant)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("script %q %s; %s", path, describeFSError(err), scriptWant)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("script %q: close after checking: %w", path, err)
	}
	return nil
}

// checkDir makes sure an Alias directory exists.
func checkDir(path string) error {
	const want = "expected an existing directory"
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("directory %q %s; %s", path, describeFSError(err), want)
	}
	if !info.IsDir() {
		return fmt.Errorf("%q is not a directory; %s", path, want)
	}
	return nil
}

// describeFSError says what went wrong without repeating the path, which the
// caller's message already holds.
func describeFSError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "cannot be read (permission denied)"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Sprintf("cannot be read (%v)", err)
}

func describeMode(info fs.FileInfo) string {
	if info.IsDir() {
		return "is a directory"
	}
	return "is not a regular file"
}
