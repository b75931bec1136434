package auth

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/postie-run/postie/collections"
	"golang.org/x/crypto/md4"
)

// send authorizes and sends a request, answering Retry like the runner
// does; it returns the final response and the number of sends.
func send(t *testing.T, a Authorizer, method, rawURL, body string, headers ...string) (*http.Response, int) {
	t.Helper()
	sends := 0
	for {
		req, b := newReq(t, method, rawURL, body, headers...)
		if err := a.Authorize(req, b); err != nil {
			t.Fatalf("Authorize: %v", err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		sends++
		if sends > 5 {
			t.Fatal("too many retries")
		}
		if !a.Retry(resp) {
			return resp, sends
		}
	}
}

// echo is a server that answers 200 with what it received as JSON.
func echo(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		user, pass, ok := r.BasicAuth()
		json.NewEncoder(w).Encode(map[string]any{
			"auth": r.Header.Get("Authorization"), "hasAuth": r.Header["Authorization"] != nil, "query": r.URL.RawQuery,
			"basic": ok, "user": user, "pass": pass, "body": string(b), "header": r.Header,
		})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSimpleSchemesServerSide(t *testing.T) {
	srv := echo(t)
	vars := map[string]string{"user": "alice", "tok": "T0k"}
	resolve := func(s string) string {
		for k, v := range vars {
			s = strings.ReplaceAll(s, "{{"+k+"}}", v)
		}
		return s
	}
	tests := []struct {
		name  string
		auth  *collections.Auth
		check func(t *testing.T, got map[string]any)
	}{
		{"basic decodes", mkAuth("basic", "username", "{{user}}", "password", "p:ä ss"), func(t *testing.T, got map[string]any) {
			if got["basic"] != true || got["user"] != "alice" || got["pass"] != "p:ä ss" {
				t.Fatalf("%v", got)
			}
		}},
		{"basic empty credentials", mkAuth("basic"), func(t *testing.T, got map[string]any) {
			if got["auth"] != "Basic Og==" {
				t.Fatalf("%v", got["auth"])
			}
		}},
		{"bearer", mkAuth("bearer", "token", "{{tok}}"), func(t *testing.T, got map[string]any) {
			if got["auth"] != "Bearer T0k" {
				t.Fatalf("%v", got["auth"])
			}
		}},
		{"bearer without token sends nothing", mkAuth("bearer", "token", ""), func(t *testing.T, got map[string]any) {
			if got["hasAuth"] != false {
				t.Fatalf("%v", got["auth"])
			}
		}},
		{"apikey header", mkAuth("apikey", "key", "x-api-key", "value", "k1"), func(t *testing.T, got map[string]any) {
			h := got["header"].(map[string]any)
			if v, _ := h["X-Api-Key"].([]any); len(v) != 1 || v[0] != "k1" {
				t.Fatalf("%v", h)
			}
		}},
		{"oauth2 default prefix", mkAuth("oauth2", "accessToken", "at"), func(t *testing.T, got map[string]any) {
			if got["auth"] != "Bearer at" {
				t.Fatalf("%v", got["auth"])
			}
		}},
		{"oauth2 custom prefix", mkAuth("oauth2", "accessToken", "at", "headerPrefix", " Token ", "addTokenTo", "header"), func(t *testing.T, got map[string]any) {
			if got["auth"] != "Token at" {
				t.Fatalf("%v", got["auth"])
			}
		}},
		{"oauth2 empty prefix", mkAuth("oauth2", "accessToken", "at", "headerPrefix", ""), func(t *testing.T, got map[string]any) {
			if got["auth"] != "at" {
				t.Fatalf("%v", got["auth"])
			}
		}},
		{"oauth2 mac tokens are not sent", mkAuth("oauth2", "accessToken", "at", "tokenType", "MAC"), func(t *testing.T, got map[string]any) {
			if got["hasAuth"] != false {
				t.Fatalf("%v", got["auth"])
			}
		}},
		{"noauth", mkAuth("noauth"), func(t *testing.T, got map[string]any) {
			if got["hasAuth"] != false {
				t.Fatalf("%v", got["auth"])
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := New(tt.auth, resolve)
			if err != nil {
				t.Fatal(err)
			}
			req, _ := newReq(t, "GET", srv.URL+"/x", "")
			if err := a.Authorize(req, nil); err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var got map[string]any
			json.NewDecoder(resp.Body).Decode(&got)
			tt.check(t, got)
			if a.Retry(resp) {
				t.Fatal("Retry must be false")
			}
		})
	}
	if a, err := New(nil, nil); err != nil || a == nil {
		t.Fatal("nil auth must give a no-op authorizer")
	}
	if _, err := New(mkAuth("kerberos"), nil); err == nil || !strings.Contains(err.Error(), `"kerberos"`) {
		t.Fatalf("unsupported type error: %v", err)
	}
}

// digestServer challenges with algorithm and qop, and verifies responses
// by computing the expected digest itself.
type digestServer struct {
	algorithm, qop string
	user, pass     string
	mu             sync.Mutex
	seenNC         []string
	failures       []string
}

func (d *digestServer) hashFor() func() hash.Hash {
	switch strings.TrimSuffix(d.algorithm, "-sess") {
	case "SHA-256":
		return sha256.New
	case "SHA-512-256":
		return sha512.New512_256
	}
	return md5.New
}

func (d *digestServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	const realm, nonce, opaque = "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "5ccc069c403ebaf9f0171e9517f40e41"
	body, _ := io.ReadAll(r.Body)
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Digest ") {
		ch := fmt.Sprintf(`Digest realm="%s", nonce="%s", opaque="%s", algorithm=%s`, realm, nonce, opaque, d.algorithm)
		if d.qop != "" {
			ch += fmt.Sprintf(`, qop="%s"`, d.qop)
		}
		w.Header().Set("WWW-Authenticate", ch)
		w.WriteHeader(401)
		return
	}
	f := map[string]string{}
	for _, m := range regexp.MustCompile(`(\w+)=(?:"([^"]*)"|([^,\s]*))`).FindAllStringSubmatch(h[7:], -1) {
		f[m[1]] = m[2] + m[3]
	}
	hf := d.hashFor()
	hx := func(s string) string { x := hf(); x.Write([]byte(s)); return hex.EncodeToString(x.Sum(nil)) }
	ha1 := hx(d.user + ":" + realm + ":" + d.pass)
	if strings.HasSuffix(d.algorithm, "-sess") {
		ha1 = hx(ha1 + ":" + nonce + ":" + f["cnonce"])
	}
	a2 := r.Method + ":" + r.URL.RequestURI()
	if f["qop"] == "auth-int" {
		a2 += ":" + hx(string(body))
	}
	want := hx(ha1 + ":" + nonce + ":" + hx(a2))
	if f["qop"] != "" {
		want = hx(ha1 + ":" + nonce + ":" + f["nc"] + ":" + f["cnonce"] + ":" + f["qop"] + ":" + hx(a2))
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.seenNC = append(d.seenNC, f["nc"])
	if f["response"] != want || f["uri"] != r.URL.RequestURI() || f["opaque"] != opaque || f["username"] != d.user || f["qop"] != d.qop {
		d.failures = append(d.failures, h)
		w.WriteHeader(403)
		return
	}
	w.WriteHeader(200)
}

func TestDigestServerVerified(t *testing.T) {
	for _, alg := range []string{"MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess"} {
		for _, qop := range []string{"", "auth", "auth-int"} {
			t.Run(alg+"/"+qop, func(t *testing.T) {
				ds := &digestServer{algorithm: alg, qop: qop, user: "Mufasa", pass: "Circle Of Life"}
				srv := httptest.NewServer(ds)
				defer srv.Close()
				a, _ := New(mkAuth("digest", "username", "Mufasa", "password", "Circle Of Life", "algorithm", alg), nil)
				resp, sends := send(t, a, "POST", srv.URL+"/dir/index.html?a=1&b=x%20y", "payload")
				if resp.StatusCode != 200 || sends != 2 {
					t.Fatalf("status %d after %d sends; failures %v", resp.StatusCode, sends, ds.failures)
				}
				// the next request answers at once, with the nonce count increased
				resp, sends = send(t, a, "GET", srv.URL+"/again", "")
				if resp.StatusCode != 200 || sends != 1 {
					t.Fatalf("second request: status %d after %d sends; %v", resp.StatusCode, sends, ds.failures)
				}
				if qop != "" && (ds.seenNC[0] != "00000001" || ds.seenNC[1] != "00000002") {
					t.Fatalf("nonce counts %v", ds.seenNC)
				}
			})
		}
	}
	t.Run("disableRetryRequest", func(t *testing.T) {
		srv := httptest.NewServer(&digestServer{algorithm: "MD5", user: "u", pass: "p"})
		defer srv.Close()
		a, _ := New(mkAuth("digest", "username", "u", "password", "p", "disableRetryRequest", true), nil)
		if resp, sends := send(t, a, "GET", srv.URL, ""); resp.StatusCode != 401 || sends != 1 {
			t.Fatalf("status %d sends %d", resp.StatusCode, sends)
		}
	})
	t.Run("unsupported algorithm", func(t *testing.T) {
		a, _ := New(mkAuth("digest", "username", "u", "realm", "r", "nonce", "n", "algorithm", "SHA-1"), nil)
		req, _ := newReq(t, "GET", "http://127.0.0.1/", "")
		if err := a.Authorize(req, nil); err == nil || !strings.Contains(err.Error(), "SHA-1") {
			t.Fatalf("error %v", err)
		}
	})
}

// rfc3986 encodes like OAuth requires, written independently of the
// package's encoder.
func rfc3986(s string) string {
	e := url.QueryEscape(s)
	e = strings.ReplaceAll(e, "+", "%20")
	e = strings.ReplaceAll(e, "*", "%2A")
	return strings.ReplaceAll(e, "%7E", "~")
}

// verifyOAuth1 recomputes the request's OAuth 1.0a signature server-side.
func verifyOAuth1(r *http.Request, body []byte, consumerSecret, tokenSecret string, pub *rsa.PublicKey) error {
	type pair struct{ k, v string }
	var ps []pair
	var sig, method string
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "OAuth ") {
		for _, m := range regexp.MustCompile(`([\w]+)="([^"]*)"`).FindAllStringSubmatch(h, -1) {
			k, _ := url.QueryUnescape(m[1])
			v, _ := url.PathUnescape(m[2])
			if k == "realm" {
				continue
			}
			ps = append(ps, pair{k, v})
		}
	}
	q, _ := url.ParseQuery(r.URL.RawQuery)
	for k, vs := range q {
		for _, v := range vs {
			ps = append(ps, pair{k, v})
		}
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		f, _ := url.ParseQuery(string(body))
		for k, vs := range f {
			for _, v := range vs {
				ps = append(ps, pair{k, v})
			}
		}
	}
	var enc []string
	for _, p := range ps {
		switch p.k {
		case "oauth_signature":
			sig = p.v
			continue
		case "oauth_signature_method":
			method = p.v
		}
		enc = append(enc, rfc3986(p.k)+"="+rfc3986(p.v))
	}
	sort.Strings(enc)
	base := r.Method + "&" + rfc3986("http://"+strings.ToLower(r.Host)+r.URL.EscapedPath()) + "&" + rfc3986(strings.Join(enc, "&"))
	key := rfc3986(consumerSecret) + "&" + rfc3986(tokenSecret)
	var want string
	switch method {
	case "PLAINTEXT":
		want = key
	case "HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512":
		h := map[string]func() hash.Hash{"HMAC-SHA1": sha1.New, "HMAC-SHA256": sha256.New, "HMAC-SHA512": sha512.New}[method]
		m := hmac.New(h, []byte(key))
		m.Write([]byte(base))
		want = base64.StdEncoding.EncodeToString(m.Sum(nil))
	case "RSA-SHA256":
		raw, err := base64.StdEncoding.DecodeString(sig)
		if err != nil {
			return err
		}
		d := sha256.Sum256([]byte(base))
		return rsa.VerifyPKCS1v15(pub, crypto.SHA256, d[:], raw)
	default:
		return fmt.Errorf("method %q", method)
	}
	if sig != want {
		return fmt.Errorf("signature %q, want %q (base %s)", sig, want, base)
	}
	return nil
}

func pkcs8PEM(t *testing.T, k any) string {
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
}

var (
	rsaOnce sync.Once
	rsaKey  *rsa.PrivateKey
)

func testRSAKey(t *testing.T) *rsa.PrivateKey {
	rsaOnce.Do(func() {
		var err error
		if rsaKey, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
			t.Fatal(err)
		}
	})
	return rsaKey
}

func TestOAuth1ServerVerified(t *testing.T) {
	rk := testRSAKey(t)
	pkcs1 := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(rk)}))
	var mu sync.Mutex
	var lastErr error
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		err := verifyOAuth1(r, body, "cs ä", "ts&x", &rk.PublicKey)
		mu.Lock()
		lastErr = err
		mu.Unlock()
		if err != nil {
			w.WriteHeader(401)
		}
	}))
	defer srv.Close()
	tests := []struct {
		name, method, path, body string
		headers                  []string
		extra                    []any
	}{
		{"HMAC-SHA1 header", "GET", "/p/a%20b?x=1&y=a+b&flag=&z=%7E", "", nil, []any{"signatureMethod", "HMAC-SHA1", "addParamsToHeader", true, "realm", "R"}},
		{"HMAC-SHA256 query", "GET", "/q?b=2&a=1&a=0", "", nil, []any{"signatureMethod", "HMAC-SHA256"}},
		{"HMAC-SHA512 form body", "POST", "/f?q=1", "a=1&b=two%20words&c=%E2%9C%93", []string{"Content-Type", "application/x-www-form-urlencoded"}, []any{"signatureMethod", "HMAC-SHA512"}},
		{"PLAINTEXT header", "GET", "/plain", "", nil, []any{"signatureMethod", "PLAINTEXT", "addParamsToHeader", true}},
		{"RSA-SHA256 PKCS#1 key", "GET", "/rsa?k=v", "", nil, []any{"signatureMethod", "RSA-SHA256", "privateKey", pkcs1, "addParamsToHeader", true}},
		{"RSA-SHA256 PKCS#8 key in query", "PUT", "/rsa2", `{"j":1}`, []string{"Content-Type", "application/json"}, []any{"signatureMethod", "RSA-SHA256", "privateKey", pkcs8PEM(t, rk), "includeBodyHash", true}},
		{"generated nonce and timestamp", "GET", "/gen", "", nil, []any{"signatureMethod", "HMAC-SHA1", "timestamp", "", "nonce", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kv := append([]any{"consumerKey", "ck key", "consumerSecret", "cs ä", "token", "tok", "tokenSecret", "ts&x",
				"timestamp", "1700000000", "nonce", "nonce1", "version", "1.0"}, tt.extra...)
			a, err := New(mkAuth("oauth1", kv...), nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, _ := send(t, a, tt.method, srv.URL+tt.path, tt.body, tt.headers...)
			mu.Lock()
			defer mu.Unlock()
			if resp.StatusCode != 200 {
				t.Fatalf("server rejected the signature: %v", lastErr)
			}
		})
	}
}

func TestJWTVerified(t *testing.T) {
	rk := testRSAKey(t)
	ec256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ec384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	ec521, _ := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	tests := []struct {
		alg    string
		sign   []any
		verify any
		valg   jwa.SignatureAlgorithm
	}{
		{"HS256", []any{"secret", "s3cr3t"}, []byte("s3cr3t"), jwa.HS256()},
		{"HS384", []any{"secret", base64.StdEncoding.EncodeToString([]byte("raw key")), "isSecretBase64Encoded", true}, []byte("raw key"), jwa.HS384()},
		{"RS256", []any{"privateKey", pkcs8PEM(t, rk)}, &rk.PublicKey, jwa.RS256()},
		{"RS512", []any{"privateKey", pkcs8PEM(t, rk)}, &rk.PublicKey, jwa.RS512()},
		{"PS256", []any{"privateKey", pkcs8PEM(t, rk)}, &rk.PublicKey, jwa.PS256()},
		{"ES256", []any{"privateKey", pkcs8PEM(t, ec256)}, &ec256.PublicKey, jwa.ES256()},
		{"ES384", []any{"privateKey", pkcs8PEM(t, ec384)}, &ec384.PublicKey, jwa.ES384()},
		{"ES512", []any{"privateKey", pkcs8PEM(t, ec521)}, &ec521.PublicKey, jwa.ES512()},
	}
	for _, tt := range tests {
		t.Run(tt.alg, func(t *testing.T) {
			var got string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got = r.Header.Get("Authorization")
			}))
			defer srv.Close()
			kv := append([]any{"algorithm", tt.alg, "payload", `{"sub":"{{user}}","n":2}`, "header", `{"kid":"k1"}`}, tt.sign...)
			a, err := New(mkAuth("jwt", kv...), func(s string) string { return strings.ReplaceAll(s, "{{user}}", "alice") })
			if err != nil {
				t.Fatal(err)
			}
			send(t, a, "GET", srv.URL, "")
			tok, ok := strings.CutPrefix(got, "Bearer ")
			if !ok {
				t.Fatalf("header %q", got)
			}
			payload, err := jws.Verify([]byte(tok), jws.WithKey(tt.valg, tt.verify))
			if err != nil {
				t.Fatalf("verify: %v", err)
			}
			if string(payload) != `{"sub":"alice","n":2}` {
				t.Fatalf("payload %s", payload)
			}
			msg, _ := jws.Parse([]byte(tok))
			if kid, _ := msg.Signatures()[0].ProtectedHeaders().KeyID(); kid != "k1" {
				t.Fatalf("kid %q", kid)
			}
		})
	}
	errs := []struct {
		kv   []any
		want string
	}{
		{[]any{"algorithm", "none"}, "invalid algorithm"},
		{[]any{"algorithm", "HS256", "secret", ""}, "Invalid secret key"},
		{[]any{"algorithm", "RS256", "privateKey", "not a key"}, "invalid private key"},
		{[]any{"algorithm", "HS256", "secret", "x", "payload", "{oops"}, "payload"},
		{[]any{"algorithm", "RS256", "privateKey", testRSA1024}, "2048 bits"},
		{[]any{"algorithm", "ES384", "privateKey", pkcs8PEM(t, ec256)}, "P-384"},
	}
	for _, e := range errs {
		a, _ := New(mkAuth("jwt", e.kv...), nil)
		req, _ := newReq(t, "GET", "http://127.0.0.1/", "")
		if err := a.Authorize(req, nil); err == nil || !strings.Contains(err.Error(), e.want) {
			t.Errorf("%v: error %v, want %q", e.kv, err, e.want)
		}
	}
}

func TestHawkServerVerified(t *testing.T) {
	const key = "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"
	var failure string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f := map[string]string{}
		for _, m := range regexp.MustCompile(`(\w+)="([^"]*)"`).FindAllStringSubmatch(r.Header.Get("Authorization"), -1) {
			f[m[1]] = m[2]
		}
		host, port, _ := strings.Cut(r.Host, ":")
		var hash string
		if f["hash"] != "" {
			ct, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";")
			s := sha256.Sum256([]byte("hawk.1.payload\n" + strings.ToLower(ct) + "\n" + string(body) + "\n"))
			hash = base64.StdEncoding.EncodeToString(s[:])
			if hash != f["hash"] {
				failure = "payload hash"
			}
		}
		norm := "hawk.1.header\n" + f["ts"] + "\n" + f["nonce"] + "\n" + r.Method + "\n" + r.URL.RequestURI() + "\n" + host + "\n" + port + "\n" + hash + "\n" + f["ext"] + "\n"
		m := hmac.New(sha256.New, []byte(key))
		m.Write([]byte(norm))
		if want := base64.StdEncoding.EncodeToString(m.Sum(nil)); want != f["mac"] || f["id"] != "dh37fgj492je" {
			failure = "mac " + f["mac"] + " want " + want
			w.WriteHeader(401)
		}
	}))
	defer srv.Close()
	for _, withHash := range []bool{false, true} {
		failure = ""
		a, _ := New(mkAuth("hawk", "authId", "dh37fgj492je", "authKey", key, "algorithm", "sha256", "extraData", "x", "includePayloadHash", withHash), nil)
		resp, _ := send(t, a, "POST", srv.URL+"/resource/1?b=1&a=2", "some body", "Content-Type", "text/plain")
		if resp.StatusCode != 200 || failure != "" {
			t.Fatalf("hash=%v: %d %s", withHash, resp.StatusCode, failure)
		}
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// ntlmServer runs the server side of an NTLMv2 handshake and verifies the
// client's NTProofStr from the password.
type ntlmServer struct {
	user, domain, pass string
	challenge          [8]byte
	result             string
}

func (s *ntlmServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := r.Header.Get("Authorization")
	msg, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(h, "NTLM "))
	switch {
	case h == "":
		w.Header().Add("WWW-Authenticate", "NTLM")
		w.WriteHeader(401)
	case len(msg) > 12 && string(msg[:8]) == "NTLMSSP\x00" && binary.LittleEndian.Uint32(msg[8:]) == 1:
		targetInfo := []byte{2, 0, byte(len(utf16le(s.domain))), 0}
		targetInfo = append(targetInfo, utf16le(s.domain)...)
		targetInfo = append(targetInfo, 0, 0, 0, 0) // MsvAvEOL
		c := []byte("NTLMSSP\x00")
		c = binary.LittleEndian.AppendUint32(c, 2)
		c = append(c, 0, 0, 0, 0, 48, 0, 0, 0) // empty target name
		c = binary.LittleEndian.AppendUint32(c, 0x00000001|0x00000200|0x00800000)
		c = append(c, s.challenge[:]...)
		c = append(c, make([]byte, 8)...)
		c = binary.LittleEndian.AppendUint16(c, uint16(len(targetInfo)))
		c = binary.LittleEndian.AppendUint16(c, uint16(len(targetInfo)))
		c = binary.LittleEndian.AppendUint32(c, 48)
		c = append(c, targetInfo...)
		w.Header().Add("WWW-Authenticate", "NTLM "+base64.StdEncoding.EncodeToString(c))
		w.WriteHeader(401)
	case len(msg) > 64 && binary.LittleEndian.Uint32(msg[8:]) == 3:
		field := func(off int) []byte {
			l, o := binary.LittleEndian.Uint16(msg[off:]), binary.LittleEndian.Uint32(msg[off+4:])
			return msg[o : o+uint32(l)]
		}
		nt, domain, user := field(20), field(28), field(36)
		h4 := md4.New()
		h4.Write(utf16le(s.pass))
		m := hmac.New(md5.New, h4.Sum(nil))
		m.Write(utf16le(strings.ToUpper(s.user) + s.domain))
		v2 := m.Sum(nil)
		proof := hmac.New(md5.New, v2)
		proof.Write(s.challenge[:])
		proof.Write(nt[16:])
		ok := hmac.Equal(proof.Sum(nil), nt[:16]) && string(user) == string(utf16le(s.user)) && string(domain) == string(utf16le(s.domain))
		if !ok {
			s.result = "bad type 3 message"
			w.WriteHeader(401)
			return
		}
		s.result = "ok"
	default:
		s.result = "unexpected " + h
		w.WriteHeader(400)
	}
}

func TestNTLMHandshake(t *testing.T) {
	for _, tc := range []struct{ name, user, domain string }{
		{"domain param", "alice", "CORP"},
		{"down-level user name", `CORP\alice`, ""},
		{"UPN user name", "alice@CORP", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &ntlmServer{user: "alice", domain: "CORP", pass: "S3cret!", challenge: [8]byte{1, 2, 3, 4, 5, 6, 7, 8}}
			srv := httptest.NewServer(s)
			defer srv.Close()
			a, _ := New(mkAuth("ntlm", "username", tc.user, "password", "S3cret!", "domain", tc.domain, "workstation", "WS1"), nil)
			resp, sends := send(t, a, "GET", srv.URL+"/ntlm", "")
			if resp.StatusCode != 200 || sends != 3 || s.result != "ok" {
				t.Fatalf("status %d after %d sends: %s", resp.StatusCode, sends, s.result)
			}
		})
	}
	// a server that does not offer NTLM is not retried
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(401) }))
	defer srv.Close()
	a, _ := New(mkAuth("ntlm", "username", "u", "password", "p"), nil)
	if _, sends := send(t, a, "GET", srv.URL, ""); sends != 1 {
		t.Fatalf("sends %d", sends)
	}
}

func TestASAPVerified(t *testing.T) {
	rk := testRSAKey(t)
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.Header.Get("Authorization") }))
	defer srv.Close()
	for _, key := range []string{pkcs8PEM(t, rk), strings.ReplaceAll(pkcs8PEM(t, rk), "\n", "")} {
		a, _ := New(mkAuth("asap", "kid", "svc/key1", "iss", "svc", "aud", "api", "exp", "60", "privateKey", key, "claims", `{"custom": 1}`), nil)
		send(t, a, "GET", srv.URL, "")
		tok, ok := strings.CutPrefix(got, "Bearer ")
		if !ok {
			t.Fatalf("header %q", got)
		}
		payload, err := jws.Verify([]byte(tok), jws.WithKey(jwa.RS256(), &rk.PublicKey))
		if err != nil {
			t.Fatal(err)
		}
		var c map[string]any
		json.Unmarshal(payload, &c)
		if c["iss"] != "svc" || c["sub"] != "svc" || c["aud"] != "api" || c["custom"] != 1.0 || c["jti"] == "" ||
			c["exp"].(float64)-c["iat"].(float64) != 60 {
			t.Fatalf("claims %v", c)
		}
	}
	a, _ := New(mkAuth("asap", "iss", "svc"), nil)
	req, _ := newReq(t, "GET", srv.URL, "")
	if err := a.Authorize(req, nil); err == nil || !strings.Contains(err.Error(), "required claims") {
		t.Fatalf("error %v", err)
	}
}

// TestConcurrentAuthorize shares stateless authorizers between goroutines
// (run with -race).
func TestConcurrentAuthorize(t *testing.T) {
	auths := []*collections.Auth{
		mkAuth("hawk", "authId", "id", "authKey", "k", "algorithm", "sha256"),
		mkAuth("oauth1", "consumerKey", "ck", "consumerSecret", "cs", "signatureMethod", "HMAC-SHA1"),
		mkAuth("jwt", "algorithm", "HS256", "secret", "s"),
		mkAuth("awsv4", "accessKey", "a", "secretKey", "s"),
		mkAuth("edgegrid", "accessToken", "a", "clientToken", "c", "clientSecret", "s"),
	}
	for _, au := range auths {
		a, err := New(au, nil)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				req, _ := http.NewRequest("POST", "http://127.0.0.1/x?a=1", nil)
				if err := a.Authorize(req, []byte("b")); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
}
