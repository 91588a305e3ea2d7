package loadspec

import (
	"bytes"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

func TestPrepare(t *testing.T) {
	if _, err := Prepare(&engine.Spec{}, "pyengine", hclog.NewNullLogger()); err == nil || err.Error() != "pyengine: no script to load" {
		t.Fatalf("err = %v", err)
	}

	var engineLog, appLog bytes.Buffer
	base := EngineLogger(hclog.New(&hclog.LoggerOptions{Output: &engineLog}), "pyengine")
	spec := engine.Spec{Script: "/srv/app.wsgi"}
	log, err := Prepare(&spec, "pyengine", base)
	if err != nil {
		t.Fatal(err)
	}
	if spec.Callable != DefaultCallable {
		t.Errorf("callable = %q, want %q", spec.Callable, DefaultCallable)
	}
	log.Info("loaded")
	if got := engineLog.String(); !strings.Contains(got, "pyengine: loaded: script=/srv/app.wsgi") {
		t.Errorf("engine log = %q", got)
	}

	spec = engine.Spec{Script: "/srv/app.wsgi", Callable: "app", Logger: hclog.New(&hclog.LoggerOptions{Output: &appLog, Name: "site"})}
	log, err = Prepare(&spec, "pyengine", base)
	if err != nil {
		t.Fatal(err)
	}
	log.Info("loaded")
	if spec.Callable != "app" || !strings.Contains(appLog.String(), "site.pyengine: loaded: script=/srv/app.wsgi") {
		t.Errorf("callable %q, app log %q", spec.Callable, appLog.String())
	}
}

// An engine made without a log still has one to write to.
func TestEngineLoggerWithoutLog(t *testing.T) {
	log := EngineLogger(nil, "pyengine")
	if log == nil {
		t.Fatal("no logger")
	}
	log.Info("discarded")
}
