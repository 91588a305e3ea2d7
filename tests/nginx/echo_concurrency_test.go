package nginx

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"
)

// Eight clients, each on one keep-alive connection, echo bodies of random
// sizes, with and without a length, so that bodies in memory and in temp
// files, request after request, stream both ways at once in both workers.
// Every echo must come back whole and none may stall.
func TestConcurrentEchoesOnKeepAlive(t *testing.T) {
	const clients, requests = 8, 10
	s := startNginx(t, bodyConf)
	body := randomBytes(4<<20, 7)
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			transport := &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true}
			defer transport.CloseIdleConnections()
			cl := &http.Client{Transport: transport}
			r := rand.New(rand.NewPCG(uint64(c), 9))
			for i := 0; i < requests; i++ {
				if err := echoOnce(cl, s.url("/echo"), body[:r.IntN(len(body))], r.IntN(2) == 0); err != nil {
					errs <- fmt.Errorf("client %d, request %d: %w", c, i, err)
					return
				}
			}
		}(c)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// echoOnce POSTs body to url (chunked when asked) and checks the echo.
func echoOnce(cl *http.Client, url string, body []byte, chunked bool) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var rd io.Reader = bytes.NewReader(body)
	if chunked {
		rd = onlyReader{rd}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, rd)
	if err != nil {
		return err
	}
	res, err := cl.Do(req)
	if err != nil {
		return fmt.Errorf("%d bytes, chunked %v: %w", len(body), chunked, err)
	}
	defer res.Body.Close()
	got, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK || !bytes.Equal(got, body) {
		return fmt.Errorf("%d bytes, chunked %v: status %d, %d bytes back, %v", len(body), chunked, res.StatusCode, len(got), err)
	}
	return nil
}
