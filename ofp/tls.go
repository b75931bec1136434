package ofp

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// TLSFiles names the PEM files GenerateTLS writes.
type TLSFiles struct {
	Dir        string
	CA         string // ca.pem: pass to postie --ssl-extra-ca-certs
	ServerCert string // server.pem
	ServerKey  string // server-key.pem
	ClientCert string // client.pem: pass to --ssl-client-cert
	ClientKey  string // client-key.pem: pass to --ssl-client-key
}

// GenerateTLS creates a throwaway CA, a server certificate for 127.0.0.1,
// ::1 and localhost, and a client certificate, writes them as PEM files to
// dir (created if needed) and returns a server TLS config that asks for
// client certificates (mutual TLS; verified against the CA when presented).
func GenerateTLS(dir string) (*tls.Config, TLSFiles, error) {
	f := TLSFiles{
		Dir: dir, CA: filepath.Join(dir, "ca.pem"),
		ServerCert: filepath.Join(dir, "server.pem"), ServerKey: filepath.Join(dir, "server-key.pem"),
		ClientCert: filepath.Join(dir, "client.pem"), ClientKey: filepath.Join(dir, "client-key.pem"),
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, f, fmt.Errorf("ofp: creating cert dir %s: %w", dir, err)
	}
	now := time.Now()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, f, fmt.Errorf("ofp: generating CA key: %w", err)
	}
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "postie OFP sandbox CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(7 * 24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, f, fmt.Errorf("ofp: creating CA certificate: %w", err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	leaf := func(serial int64, cn string, usage x509.ExtKeyUsage, server bool) ([]byte, *ecdsa.PrivateKey, error) {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			return nil, nil, err
		}
		t := &x509.Certificate{
			SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: cn},
			NotBefore: now.Add(-time.Hour), NotAfter: now.Add(7 * 24 * time.Hour),
			KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{usage},
		}
		if server {
			t.DNSNames = []string{"localhost"}
			t.IPAddresses = []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}
		}
		der, err := x509.CreateCertificate(rand.Reader, t, ca, &k.PublicKey, caKey)
		return der, k, err
	}
	srvDER, srvKey, err := leaf(2, "localhost", x509.ExtKeyUsageServerAuth, true)
	if err != nil {
		return nil, f, fmt.Errorf("ofp: creating server certificate: %w", err)
	}
	cliDER, cliKey, err := leaf(3, DefaultClientID, x509.ExtKeyUsageClientAuth, false)
	if err != nil {
		return nil, f, fmt.Errorf("ofp: creating client certificate: %w", err)
	}
	write := func(path, typ string, der []byte) error {
		if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
			return fmt.Errorf("ofp: writing %s: %w", path, err)
		}
		return nil
	}
	keyDER := func(k *ecdsa.PrivateKey) []byte { b, _ := x509.MarshalPKCS8PrivateKey(k); return b }
	for _, w := range []struct {
		path, typ string
		der       []byte
	}{
		{f.CA, "CERTIFICATE", caDER}, {f.ServerCert, "CERTIFICATE", srvDER}, {f.ServerKey, "PRIVATE KEY", keyDER(srvKey)},
		{f.ClientCert, "CERTIFICATE", cliDER}, {f.ClientKey, "PRIVATE KEY", keyDER(cliKey)},
	} {
		if err := write(w.path, w.typ, w.der); err != nil {
			return nil, f, err
		}
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	cfg := &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{{Certificate: [][]byte{srvDER, caDER}, PrivateKey: srvKey}},
		ClientCAs:    pool,
		ClientAuth:   tls.VerifyClientCertIfGiven,
	}
	return cfg, f, nil
}
