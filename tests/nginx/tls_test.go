package nginx

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// selfSigned writes a certificate for 127.0.0.1 and its key into dir.
func selfSigned(t *testing.T, dir string) (cert, key string) {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "gowsgi test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &priv.PublicKey, priv)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	cert, key = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return cert, key
}

// Over TLS (and HTTP/2) the app is told so, and bodies still stream.
func TestTLSAndHTTP2(t *testing.T) {
	cert, key := selfSigned(t, t.TempDir())
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}} ssl http2;
        ssl_certificate `+cert+`;
        ssl_certificate_key `+key+`;
        client_max_body_size 16m;
        location /env {
            wsgi_script_alias /env {{apps}}/environ.py;
        }
        location /echo {
            wsgi_script_alias /echo {{apps}}/echo.py;
        }
    }`)
	c := &http.Client{Timeout: time.Minute, Transport: &http.Transport{
		Proxy:             nil,
		TLSClientConfig:   &tls.Config{InsecureSkipVerify: true},
		ForceAttemptHTTP2: true,
	}}
	res, err := c.Get("https://" + s.addr() + "/env/x")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"HTTPS=on\n", "wsgi.url_scheme=https\n", "SERVER_PROTOCOL=HTTP/2.0\n", "PATH_INFO=/x\n"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("environ over TLS lacks %q:\n%s", want, body)
		}
	}
	upload := randomBytes(5<<20, 3)
	res, err = c.Post("https://"+s.addr()+"/echo", "application/octet-stream", bytes.NewReader(upload))
	if err != nil {
		t.Fatal(err)
	}
	echoed, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || !bytes.Equal(echoed, upload) {
		t.Fatalf("echo over HTTP/2: %d bytes, %v", len(echoed), err)
	}
}
