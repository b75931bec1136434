package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the command goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func TestSandboxCommand(t *testing.T) {
	tests := []struct {
		name   string
		tls    bool
		scheme string
	}{
		{"http", false, "http"},
		{"mutual TLS", true, "https"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			addr := ln.Addr().String()
			ln.Close()
			certDir := filepath.Join(t.TempDir(), "certs")
			args := []string{"--addr", addr, "--auto-approve"}
			if tc.tls {
				args = append(args, "--tls", "--cert-dir", certDir)
			}
			ctx, cancel := context.WithCancel(context.Background())
			var out, errOut syncBuffer
			done := make(chan int)
			go func() { done <- sandboxCommand(ctx, args, stdio{In: strings.NewReader(""), Out: &out, Err: &errOut}) }()
			for i := 0; i < 100 && !strings.Contains(out.String(), "listening"); i++ {
				time.Sleep(10 * time.Millisecond)
			}
			cl := http.DefaultClient
			if tc.tls {
				ca, err := os.ReadFile(filepath.Join(certDir, "ca.pem"))
				if err != nil {
					t.Fatal(err)
				}
				pool := x509.NewCertPool()
				pool.AppendCertsFromPEM(ca)
				cert, err := tls.LoadX509KeyPair(filepath.Join(certDir, "client.pem"), filepath.Join(certDir, "client-key.pem"))
				if err != nil {
					t.Fatal(err)
				}
				cl = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, Certificates: []tls.Certificate{cert}}}}
				if !strings.Contains(out.String(), "--ssl-client-cert "+filepath.Join(certDir, "client.pem")) {
					t.Errorf("output does not name the client certificate:\n%s", out.String())
				}
			}
			resp, err := cl.Get(tc.scheme + "://" + addr + "/.well-known/openid-configuration")
			if err != nil {
				t.Fatalf("%v\n%s%s", err, out.String(), errOut.String())
			}
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.Contains(out.String(), "auto-approve") {
				t.Errorf("discovery %d; output:\n%s", resp.StatusCode, out.String())
			}
			cancel()
			if code := <-done; code != exitOK {
				t.Errorf("exit %d", code)
			}
		})
	}
	if code := sandboxCommand(context.Background(), []string{"extra"}, stdio{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}); code != exitUsage {
		t.Errorf("unexpected argument: exit %d", code)
	}
}
