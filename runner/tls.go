package runner

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"github.com/youmark/pkcs8"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// certEntry is one entry of Newman's --ssl-client-cert-list file.
type certEntry struct {
	Name    string   `json:"name"`
	Matches []string `json:"matches"`
	Key     struct {
		Src string `json:"src"`
	} `json:"key"`
	Cert struct {
		Src string `json:"src"`
	} `json:"cert"`
	Passphrase string `json:"passphrase"`

	patterns []*regexp.Regexp
	cert     tls.Certificate
}

// transports hands out one keep-alive transport per TLS variant (client
// certificate chosen by host, strict or insecure).
type transports struct {
	override http.RoundTripper
	roots    *x509.CertPool
	insecure bool
	defCert  *tls.Certificate
	list     []*certEntry

	proxy func(*url.URL) (*url.URL, error) // from HTTP_PROXY, HTTPS_PROXY, NO_PROXY at run start

	mu    sync.Mutex
	cache map[transportKey]*http.Transport
}

type transportKey struct {
	cert     int // -1: the default certificate (or none)
	insecure bool
}

func newTransports(opts *Options) (*transports, error) {
	t := &transports{override: opts.Transport, insecure: opts.Insecure, cache: map[transportKey]*http.Transport{}, proxy: httpproxy.FromEnvironment().ProxyFunc()}
	if t.override != nil {
		return t, nil
	}
	tl := opts.TLS
	if tl.ExtraCACerts != "" {
		pemData, err := os.ReadFile(tl.ExtraCACerts)
		if err != nil {
			return nil, fmt.Errorf("reading extra CA certificates %s: %w", tl.ExtraCACerts, err)
		}
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pemData) {
			return nil, fmt.Errorf("reading extra CA certificates %s: no PEM certificates found", tl.ExtraCACerts)
		}
		t.roots = pool
	}
	if tl.ClientCert != "" || tl.ClientKey != "" {
		c, err := loadKeyPair(tl.ClientCert, tl.ClientKey, tl.ClientPassphrase)
		if err != nil {
			return nil, err
		}
		t.defCert = &c
	}
	if tl.ClientCertList != "" {
		data, err := os.ReadFile(tl.ClientCertList)
		if err != nil {
			return nil, fmt.Errorf("reading client certificate list %s: %w", tl.ClientCertList, err)
		}
		if err := json.Unmarshal(data, &t.list); err != nil {
			return nil, fmt.Errorf("parsing client certificate list %s: %w", tl.ClientCertList, err)
		}
		base := filepath.Dir(tl.ClientCertList)
		for i, e := range t.list {
			if e == nil {
				return nil, fmt.Errorf("client certificate list %s: entry %d is null", tl.ClientCertList, i)
			}
			for _, m := range e.Matches {
				re, err := matchPattern(m)
				if err != nil {
					return nil, fmt.Errorf("client certificate list %s: entry %q: %w", tl.ClientCertList, e.Name, err)
				}
				e.patterns = append(e.patterns, re)
			}
			certPath, keyPath := listPath(base, e.Cert.Src), listPath(base, e.Key.Src)
			c, err := loadKeyPair(certPath, keyPath, e.Passphrase)
			if err != nil {
				return nil, fmt.Errorf("client certificate list %s: entry %q: %w", tl.ClientCertList, e.Name, err)
			}
			e.cert = c
		}
	}
	return t, nil
}

// listPath resolves a path from the certificate list: as given (relative to
// the working directory, as newman reads it) when it exists, else relative
// to the list file's folder.
func listPath(base, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return filepath.Join(base, p)
}

// matchPattern compiles a Postman URL match pattern ("https://*.example.com/*")
// into a regular expression over "scheme://host[:port]/path".
func matchPattern(p string) (*regexp.Regexp, error) {
	if p == "<all_urls>" {
		return regexp.Compile(`^.*$`)
	}
	scheme, rest, ok := strings.Cut(p, "://")
	if !ok {
		scheme, rest = "*", p
	}
	host, path := rest, "/*"
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		host, path = rest[:i], rest[i:]
	}
	var b strings.Builder
	b.WriteString("^")
	if scheme == "*" {
		b.WriteString("(?:https?)")
	} else {
		b.WriteString(regexp.QuoteMeta(strings.ToLower(scheme)))
	}
	b.WriteString("://")
	hostname, port, hasPort := strings.Cut(host, ":")
	switch {
	case hostname == "*":
		b.WriteString("[^/:]+")
	case strings.HasPrefix(hostname, "*."):
		b.WriteString(`(?:[^/:]+\.)?` + regexp.QuoteMeta(strings.ToLower(hostname[2:])))
	default:
		b.WriteString(regexp.QuoteMeta(strings.ToLower(hostname)))
	}
	if hasPort {
		if port == "*" {
			b.WriteString(`(?::\d+)?`)
		} else {
			b.WriteString(":" + regexp.QuoteMeta(port))
		}
	} else {
		b.WriteString(`(?::\d+)?`)
	}
	parts := strings.Split(path, "*")
	for i, part := range parts {
		if i > 0 {
			b.WriteString(".*")
		}
		b.WriteString(regexp.QuoteMeta(part))
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

func loadKeyPair(certPath, keyPath, passphrase string) (tls.Certificate, error) {
	certPEM, err := os.ReadFile(certPath)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("reading client certificate %s: %w", certPath, err)
	}
	if keyPath == "" {
		keyPath = certPath
	}
	keyPEM, err := os.ReadFile(keyPath)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("reading client key %s: %w", keyPath, err)
	}
	keyPEM, err = decryptKey(keyPEM, passphrase)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("reading client key %s: %w", keyPath, err)
	}
	c, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("loading client certificate %s with key %s: %w", certPath, keyPath, err)
	}
	return c, nil
}

// decryptKey decrypts an encrypted PEM private key with passphrase: legacy
// OpenSSL encryption ("Proc-Type: 4,ENCRYPTED") or PKCS#8 ("ENCRYPTED
// PRIVATE KEY"); other keys are returned as they are.
func decryptKey(data []byte, passphrase string) ([]byte, error) {
	var out []byte
	rest := data
	for {
		var blk *pem.Block
		blk, rest = pem.Decode(rest)
		if blk == nil {
			break
		}
		//lint:ignore SA1019 legacy PEM encryption is what OpenSSL-made keys use.
		if x509.IsEncryptedPEMBlock(blk) { //nolint:staticcheck
			if passphrase == "" {
				return nil, errors.New("the key is encrypted and no passphrase was given")
			}
			der, err := x509.DecryptPEMBlock(blk, []byte(passphrase)) //nolint:staticcheck
			if err != nil {
				return nil, fmt.Errorf("decrypting key: %w", err)
			}
			blk = &pem.Block{Type: blk.Type, Bytes: der}
		} else if blk.Type == "ENCRYPTED PRIVATE KEY" {
			// PKCS#8 with PBES2 (what `openssl pkcs8 -topk8` and node write)
			if passphrase == "" {
				return nil, errors.New("the key is encrypted (PKCS#8) and no passphrase was given")
			}
			key, err := pkcs8.ParsePKCS8PrivateKey(blk.Bytes, []byte(passphrase))
			if err != nil {
				return nil, fmt.Errorf("decrypting PKCS#8 key: %w", err)
			}
			der, err := x509.MarshalPKCS8PrivateKey(key)
			if err != nil {
				return nil, fmt.Errorf("decrypting PKCS#8 key: %w", err)
			}
			blk = &pem.Block{Type: "PRIVATE KEY", Bytes: der}
		}
		out = append(out, pem.EncodeToMemory(blk)...)
	}
	if out == nil {
		return data, nil
	}
	return out, nil
}

// forURL returns the transport for a request to href.
func (t *transports) forURL(href string, insecure bool) http.RoundTripper {
	if t.override != nil {
		return t.override
	}
	key := transportKey{cert: -1, insecure: insecure || t.insecure}
	if strings.HasPrefix(href, "https://") {
		lower := strings.ToLower(href)
	outer:
		for i, e := range t.list {
			for _, re := range e.patterns {
				if re.MatchString(lower) {
					key.cert = i
					break outer
				}
			}
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if tr, ok := t.cache[key]; ok {
		return tr
	}
	cfg := &tls.Config{RootCAs: t.roots, InsecureSkipVerify: key.insecure}
	switch {
	case key.cert >= 0:
		cfg.Certificates = []tls.Certificate{t.list[key.cert].cert}
	case t.defCert != nil:
		cfg.Certificates = []tls.Certificate{*t.defCert}
	}
	plain, secure := dialers(&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}, cfg)
	tr := &http.Transport{
		Proxy:                 func(r *http.Request) (*url.URL, error) { return t.proxy(r.URL) },
		DialContext:           plain,
		DialTLSContext:        secure,
		TLSClientConfig:       cfg,
		DisableCompression:    true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   30 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	t.cache[key] = tr
	return tr
}

func (t *transports) close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, tr := range t.cache {
		tr.CloseIdleConnections()
	}
}
