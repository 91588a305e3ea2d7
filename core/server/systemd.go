package server

import (
	"context"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/coreos/go-systemd/v22/activation"
	"github.com/coreos/go-systemd/v22/daemon"
	"github.com/hashicorp/go-hclog"
)

// notifier speaks sd_notify. Outside systemd (no NOTIFY_SOCKET) every
// message is a no-op.
type notifier struct {
	log hclog.Logger
}

func (n notifier) ready(status string) {
	n.send(daemon.SdNotifyReady, "STATUS="+status)
}

// reloading carries MONOTONIC_USEC, which Type=notify-reload units require
// to match the reload to the signal that asked for it.
func (n notifier) reloading() {
	n.send(daemon.SdNotifyReloading, strings.TrimSuffix(daemon.SdNotifyMonotonicUsec(), "\n"), "STATUS=reloading configuration")
}

func (n notifier) stopping() {
	n.send(daemon.SdNotifyStopping, "STATUS=draining in-flight requests")
}

func (n notifier) send(fields ...string) {
	lines := make([]string, 0, len(fields))
	for _, f := range fields {
		if f != "" {
			lines = append(lines, f)
		}
	}
	state := strings.Join(lines, "\n")
	// false: the environment stays set, later notifications need it.
	if _, err := daemon.SdNotify(false, state); err != nil {
		n.log.Warn("sd_notify failed", "state", state, "error", err)
	}
}

// startWatchdog pings systemd at half the interval WatchdogSec= asks for,
// until the returned function is called. Without a watchdog it does nothing.
func (n notifier) startWatchdog() (stop func()) {
	interval, err := daemon.SdWatchdogEnabled(false)
	if err != nil {
		n.log.Warn("ignoring the systemd watchdog setting", "error", err)
		return func() {}
	}
	if interval <= 0 {
		return func() {}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval / 2)
		defer ticker.Stop()
		for {
			n.send(daemon.SdNotifyWatchdog)
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// SocketActivated returns the listening sockets systemd passed (LISTEN_FDS),
// or none when the process was not socket-activated.
func SocketActivated() ([]net.Listener, error) {
	passed, err := activation.Listeners()
	if err != nil {
		return nil, fmt.Errorf("systemd socket activation: %w", err)
	}
	listeners := make([]net.Listener, 0, len(passed))
	for _, l := range passed {
		// Datagram sockets come back nil: they cannot serve HTTP.
		if l != nil {
			listeners = append(listeners, l)
		}
	}
	if len(passed) > 0 && len(listeners) == 0 {
		return nil, fmt.Errorf("systemd socket activation: none of the %d sockets passed is a stream listener", len(passed))
	}
	return listeners, nil
}
