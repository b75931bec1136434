package runner

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/collections"
)

type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
}

func newCA(t *testing.T) *testCA {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "postie test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := x509.ParseCertificate(der)
	return &testCA{cert: c, key: key, pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// issue returns a PEM certificate and an RSA key (PKCS#1 PEM, encrypted
// with passphrase when it is not empty).
func (ca *testCA) issue(t *testing.T, cn string, server bool, passphrase string) (certPEM, keyPEM []byte, pair tls.Certificate) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), KeyUsage: x509.KeyUsageDigitalSignature}
	if server {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		tmpl.IPAddresses = []net.IP{net.ParseIP("127.0.0.1")}
	} else {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	certPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	blk := &pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}
	plain := pem.EncodeToMemory(blk)
	keyPEM = plain
	if passphrase != "" {
		//nolint:staticcheck // legacy encrypted PEM is what the option must read
		eb, err := x509.EncryptPEMBlock(rand.Reader, blk.Type, blk.Bytes, []byte(passphrase), x509.PEMCipherAES256)
		if err != nil {
			t.Fatal(err)
		}
		keyPEM = pem.EncodeToMemory(eb)
	}
	pair, err = tls.X509KeyPair(certPEM, plain)
	if err != nil {
		t.Fatal(err)
	}
	return certPEM, keyPEM, pair
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMutualTLS(t *testing.T) {
	dir := t.TempDir()
	ca := newCA(t)
	_, _, serverPair := ca.issue(t, "server", true, "")
	cert1, key1, _ := ca.issue(t, "client-one", false, "s3cret")
	cert2, key2, _ := ca.issue(t, "client-two", false, "")
	pool := x509.NewCertPool()
	pool.AddCert(ca.cert)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("hello " + r.TLS.PeerCertificates[0].Subject.CommonName))
	}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{serverPair}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
	srv.StartTLS()
	defer srv.Close()

	caFile := writeFile(t, dir, "ca.pem", ca.pem)
	c1, k1 := writeFile(t, dir, "c1.pem", cert1), writeFile(t, dir, "k1.pem", key1)
	c2, k2 := writeFile(t, dir, "c2.pem", cert2), writeFile(t, dir, "k2.pem", key2)
	port := srv.URL[strings.LastIndexByte(srv.URL, ':')+1:]
	list := []map[string]any{
		{"name": "other", "matches": []string{"https://example.com/*"}, "key": map[string]string{"src": k1}, "cert": map[string]string{"src": c1}, "passphrase": "s3cret"},
		{"name": "local", "matches": []string{"https://127.0.0.1:" + port + "/*"}, "key": map[string]string{"src": "k2.pem"}, "cert": map[string]string{"src": "c2.pem"}},
	}
	lj, _ := json.Marshal(list)
	listFile := writeFile(t, dir, "certs.json", lj)

	tests := []struct {
		name string
		tls  TLSOptions
		ins  bool
		want string // body, or error substring prefixed with "!"
	}{
		{"default client cert with passphrase", TLSOptions{ClientCert: c1, ClientKey: k1, ClientPassphrase: "s3cret", ExtraCACerts: caFile}, false, "hello client-one"},
		{"cert list picks by host", TLSOptions{ClientCert: c1, ClientKey: k1, ClientPassphrase: "s3cret", ClientCertList: listFile, ExtraCACerts: caFile}, false, "hello client-two"},
		{"insecure without CA", TLSOptions{ClientCert: c2, ClientKey: k2}, true, "hello client-two"},
		{"unknown CA fails as node words it", TLSOptions{ClientCert: c2, ClientKey: k2}, false, "!unable to verify the first certificate"},
		{"no client cert fails", TLSOptions{ExtraCACerts: caFile}, false, "!"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newTestSender(t, &Options{TLS: tc.tls, Insecure: tc.ins})
			out, _, err := do(t, s, &collections.Request{URL: &collections.URL{Raw: srv.URL + "/x", IsString: true}}, scopesOf(), newBehaviour(&Options{Insecure: tc.ins}), "")
			if strings.HasPrefix(tc.want, "!") {
				if err == nil || !strings.Contains(err.Error(), tc.want[1:]) {
					t.Fatalf("error %v, want one containing %q", err, tc.want[1:])
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(out.resp.Body) != tc.want {
				t.Errorf("body %q, want %q", out.resp.Body, tc.want)
			}
		})
	}
	if _, err := newTransports(&Options{TLS: TLSOptions{ClientCert: c1, ClientKey: k1, ClientPassphrase: "wrong"}}); err == nil || !strings.Contains(err.Error(), k1) {
		t.Errorf("wrong passphrase: error %v should name the key file", err)
	}
}

func TestMatchPattern(t *testing.T) {
	tests := []struct {
		pattern, url string
		want         bool
	}{
		{"https://example.com/*", "https://example.com/a/b", true},
		{"https://example.com/*", "https://example.com:8443/a", true},
		{"https://example.com:8443/*", "https://example.com/a", false},
		{"https://*.example.com/*", "https://api.example.com/x", true},
		{"https://*.example.com/*", "https://example.com/x", true},
		{"https://example.com/api/*", "https://example.com/other", false},
		{"*://example.com/*", "http://example.com/", true},
		{"<all_urls>", "https://anything/", true},
	}
	for _, tc := range tests {
		re, err := matchPattern(tc.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := re.MatchString(tc.url); got != tc.want {
			t.Errorf("%s ~ %s = %v, want %v", tc.pattern, tc.url, got, tc.want)
		}
	}
}
