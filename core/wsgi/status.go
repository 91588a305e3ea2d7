package wsgi

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gowsgi/gowsgi/core/engine"
)

// WriteStatusPage sends the gateway's own short plain-text page for code:
// no traceback or detail ever reaches the client, those go to the log.
func WriteStatusPage(w ResponseWriter, code int, withBody bool) Outcome {
	text := http.StatusText(code)
	body := fmt.Sprintf("%d %s\n", code, text)
	headers := []engine.Header{
		{Name: "Content-Type", Value: "text/plain; charset=utf-8"},
		{Name: "Content-Length", Value: strconv.Itoa(len(body))},
	}
	if err := w.WriteHeader(code, text, headers); err != nil {
		return Outcome{Status: code, Abort: true, Err: err}
	}
	if !withBody {
		return Outcome{Status: code}
	}
	n, err := w.Write([]byte(body))
	return Outcome{Status: code, Bytes: int64(n), Err: err}
}
