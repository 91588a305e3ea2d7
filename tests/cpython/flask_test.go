//go:build cpython

package cpython

import (
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/cpythoncases"
)

func TestFlask(t *testing.T) {
	needPython(t, "flask", "python3-flask")
	s := startServer(t, nil, "/flask="+app("flask_app.py"))
	cpythoncases.Flask(t, "http://"+s.addr)
}
