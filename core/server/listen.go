package server

import (
	"errors"
	"fmt"
	"net"
)

// Listen opens the sockets to serve on. Sockets passed by systemd replace
// addrs entirely (activated is then true); otherwise each address
// ("host:port", ":port") gets a TCP listener.
func Listen(addrs []string) (listeners []net.Listener, activated bool, err error) {
	listeners, err = SocketActivated()
	if err != nil {
		return nil, false, err
	}
	if len(listeners) > 0 {
		return listeners, true, nil
	}
	if len(addrs) == 0 {
		return nil, false, errors.New("listen: no address given")
	}
	for _, addr := range addrs {
		l, err := net.Listen("tcp", addr)
		if err != nil {
			return nil, false, errors.Join(fmt.Errorf("listen on %s: %w", addr, err), closeAll(listeners))
		}
		listeners = append(listeners, l)
	}
	return listeners, false, nil
}

func closeAll(listeners []net.Listener) error {
	var errs []error
	for _, l := range listeners {
		errs = append(errs, l.Close())
	}
	return errors.Join(errs...)
}
