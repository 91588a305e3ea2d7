package dispatch

import (
	"syscall"
	"time"
	"unsafe"
)

// stat is statScript for the request path. A script's stat is a short
// local system call made on every request when reloading is on; entering
// it as a raw call keeps the Go scheduler from handing this thread's
// processor to another thread and back, which cost more than the call.
// Errors go the slow way, which also words them.
func (s *slot) stat() (stamp, error) {
	s.pathOnce.Do(func() { s.cpath, _ = syscall.BytePtrFromString(s.script) })
	if s.cpath == nil {
		return statScript(s.script)
	}
	var st syscall.Stat_t
	cwd := atFDCWD
	_, _, errno := syscall.RawSyscall6(syscall.SYS_NEWFSTATAT, uintptr(cwd),
		uintptr(unsafe.Pointer(s.cpath)), uintptr(unsafe.Pointer(&st)), 0, 0, 0)
	if errno != 0 {
		return statScript(s.script)
	}
	return stamp{mtime: time.Unix(st.Mtim.Sec, st.Mtim.Nsec), size: st.Size}, nil
}

const atFDCWD = -100
