//go:build !(linux && amd64)

package dispatch

// stat is statScript for the request path.
func (s *slot) stat() (stamp, error) {
	return statScript(s.script)
}
