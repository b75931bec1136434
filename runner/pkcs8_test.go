package runner

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/youmark/pkcs8"
)

// TestEncryptedPKCS8ClientKey checks --ssl-client-key with an encrypted
// PKCS#8 key (BEGIN ENCRYPTED PRIVATE KEY), as OpenSSL 3 and node write
// them: testdata/pkcs8-client.key was made with `openssl pkcs8 -topk8 -v2
// aes-256-cbc` (PBES2, PBKDF2-HMAC-SHA256), passphrase s3cret.
func TestEncryptedPKCS8ClientKey(t *testing.T) {
	dir := t.TempDir()
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "rsa-client"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
	certDER, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &rsaKey.PublicKey, rsaKey)
	if err != nil {
		t.Fatal(err)
	}
	encDER, err := pkcs8.MarshalPrivateKey(rsaKey, []byte("pw"), &pkcs8.Opts{Cipher: pkcs8.AES128CBC, KDFOpts: pkcs8.PBKDF2Opts{SaltSize: 8, IterationCount: 2048, HMACHash: crypto.SHA256}})
	if err != nil {
		t.Fatal(err)
	}
	rsaCert := writeFile(t, dir, "rsa.crt", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: certDER}))
	rsaKeyFile := writeFile(t, dir, "rsa.key", pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: encDER}))
	osslCert, osslKey := filepath.Join("testdata", "pkcs8-client.crt"), filepath.Join("testdata", "pkcs8-client.key")

	tests := []struct {
		name, cert, key, pass, wantErr, wantCN string
	}{
		{"openssl ec key", osslCert, osslKey, "s3cret", "", "pkcs8-client"},
		{"rsa key, AES-128, PBKDF2-SHA256", rsaCert, rsaKeyFile, "pw", "", "rsa-client"},
		{"wrong passphrase", osslCert, osslKey, "nope", "decrypting PKCS#8 key", ""},
		{"no passphrase", osslCert, osslKey, "", "no passphrase was given", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pair, err := loadKeyPair(tc.cert, tc.key, tc.pass)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), tc.key) {
					t.Fatalf("err %v, want one naming %s and saying %q", err, tc.key, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// the decrypted key is used for real: a server that requires
			// this client certificate answers with its CN
			leaf, err := x509.ParseCertificate(pair.Certificate[0])
			if err != nil {
				t.Fatal(err)
			}
			pool := x509.NewCertPool()
			pool.AddCert(leaf)
			srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Write([]byte(r.TLS.PeerCertificates[0].Subject.CommonName))
			}))
			srv.TLS = &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
			srv.StartTLS()
			defer srv.Close()
			js := `{"info":{"name":"m","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"a","request":{"url":"%URL%/who"}}]}`
			sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Insecure: true,
				TLS: TLSOptions{ClientCert: tc.cert, ClientKey: tc.key, ClientPassphrase: tc.pass}})
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.Executions) != 1 || sum.Executions[0].Response == nil || string(sum.Executions[0].Response.Body) != tc.wantCN {
				t.Fatalf("failures %+v", sum.Failures)
			}
		})
	}
}
