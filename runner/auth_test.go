package runner

import (
	"context"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/postie-run/postie/auth"
	"github.com/postie-run/postie/collections"
)

// authBlock builds an auth block of type typ from key, value, type triples.
func authBlock(typ string, kvt ...any) *collections.Auth {
	a := &collections.Auth{Type: typ, Params: map[string][]*collections.AuthParam{}}
	for i := 0; i+2 < len(kvt); i += 3 {
		a.Params[typ] = append(a.Params[typ], &collections.AuthParam{Key: kvt[i].(string), Value: kvt[i+1], Type: kvt[i+2].(string)})
	}
	return a
}

// sendAuthorized prepares req and sends it with the authorizer for a.
func sendAuthorized(t *testing.T, s *sender, req *collections.Request, a *collections.Auth) *sent {
	t.Helper()
	authz, err := auth.New(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := prepare(resolveRequest(req, func(s string) string { return s }), defaults(), "")
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.send(context.Background(), p, defaults(), authz)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func urlencoded(kv ...string) *collections.Body {
	b := &collections.Body{Mode: "urlencoded"}
	for i := 0; i+1 < len(kv); i += 2 {
		b.URLEncoded = append(b.URLEncoded, &collections.Param{Key: kv[i], Value: kv[i+1]})
	}
	return b
}

// oauthEncode is RFC 3986 percent-encoding.
func oauthEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
		}
	}
	return b.String()
}

// verifyOAuth1 checks an HMAC-SHA1 OAuth 1.0a signature from what the
// server received (RFC 5849 section 3.4): the oauth parameters from the
// Authorization header, the query or the urlencoded body.
func verifyOAuth1(r *http.Request, body []byte, consumerSecret, tokenSecret string) (string, bool) {
	var ps [][2]string
	sig := ""
	add := func(vs url.Values) {
		for k, list := range vs {
			for _, v := range list {
				if k == "oauth_signature" {
					sig = v
					continue
				}
				ps = append(ps, [2]string{k, v})
			}
		}
	}
	q, _ := url.ParseQuery(r.URL.RawQuery)
	add(q)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		f, _ := url.ParseQuery(string(body))
		add(f)
	}
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "OAuth ") {
		for _, part := range strings.Split(strings.TrimPrefix(h, "OAuth "), ",") {
			k, v, _ := strings.Cut(part, "=")
			v, _ = url.QueryUnescape(strings.Trim(v, `"`))
			if k == "oauth_signature" {
				sig = v
			} else if k != "realm" {
				ps = append(ps, [2]string{k, v})
			}
		}
	}
	enc := make([]string, len(ps))
	for i, p := range ps {
		enc[i] = oauthEncode(p[0]) + "=" + oauthEncode(p[1])
	}
	sort.Strings(enc)
	base := r.Method + "&" + oauthEncode("http://"+r.Host+r.URL.EscapedPath()) + "&" + oauthEncode(strings.Join(enc, "&"))
	m := hmac.New(sha1.New, []byte(oauthEncode(consumerSecret)+"&"+oauthEncode(tokenSecret)))
	m.Write([]byte(base))
	want := base64.StdEncoding.EncodeToString(m.Sum(nil))
	return sig, sig != "" && sig == want
}

// TestOAuth1ParamsInBody sends oauth1 requests whose parameters go into an
// urlencoded body (POST and PUT, addParamsToHeader off), the query (GET) or
// the header, and checks what the server received and that the signature
// verifies.
func TestOAuth1ParamsInBody(t *testing.T) {
	type got struct {
		method, query, ctype, length, authz, body string
		sigOK                                     bool
	}
	var mu sync.Mutex
	var last got
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		_, ok := verifyOAuth1(r, b, "cs", "ts")
		mu.Lock()
		last = got{r.Method, r.URL.RawQuery, r.Header.Get("Content-Type"), r.Header.Get("Content-Length"), r.Header.Get("Authorization"), string(b), ok}
		mu.Unlock()
	}))
	defer srv.Close()
	params := func(toHeader any, typ string) *collections.Auth {
		return authBlock("oauth1", "consumerKey", "ck", "string", "consumerSecret", "cs", "string", "token", "tk", "string",
			"tokenSecret", "ts", "string", "signatureMethod", "HMAC-SHA1", "string", "timestamp", "1700000000", "string",
			"nonce", "fixednonce", "string", "version", "1.0", "string", "addParamsToHeader", toHeader, typ)
	}
	const sigParams = "oauth_consumer_key=ck&oauth_token=tk&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1700000000&oauth_nonce=fixednonce&oauth_version=1.0&oauth_signature="
	tests := []struct {
		name       string
		method     string
		query      string
		body       *collections.Body
		auth       *collections.Auth
		bodyPrefix string // the body starts with it (then the signature)
		wantQuery  string // prefix of the query
		inHeader   bool
	}{
		{name: "POST body", method: "POST", query: "?b=2&a=1", body: urlencoded("c", "3", "d", "x y"), auth: params(false, "boolean"),
			bodyPrefix: "c=3&d=x%20y&" + sigParams, wantQuery: "b=2&a=1"},
		{name: "PUT body", method: "PUT", body: urlencoded("c", "3"), auth: params(false, "boolean"),
			bodyPrefix: "c=3&" + sigParams},
		{name: "POST body replaces stale oauth fields", method: "POST", body: urlencoded("oauth_nonce", "old", "c", "3"), auth: params(false, "any"),
			bodyPrefix: "c=3&" + sigParams},
		{name: "PATCH goes to the query", method: "PATCH", body: urlencoded("c", "3"), auth: params(false, "boolean"),
			bodyPrefix: "c=3", wantQuery: sigParams},
		{name: "GET query", method: "GET", auth: params(false, "boolean"), wantQuery: sigParams},
		// a string-typed false is the string "false", which is truthy
		{name: "string false means header", method: "POST", body: urlencoded("c", "3"), auth: params(false, "string"),
			bodyPrefix: "c=3", inHeader: true},
	}
	s := newTestSender(t, &Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := &collections.Request{Method: tt.method, URL: &collections.URL{Raw: srv.URL + "/oauth" + tt.query, IsString: true}, Body: tt.body}
			out := sendAuthorized(t, s, req, tt.auth)
			mu.Lock()
			g := last
			mu.Unlock()
			if out.resp.Code != 200 {
				t.Fatalf("status %d", out.resp.Code)
			}
			if !strings.HasPrefix(g.body, tt.bodyPrefix) {
				t.Errorf("body %q, want prefix %q", g.body, tt.bodyPrefix)
			}
			if tt.method != "GET" && g.length != strconv.Itoa(len(g.body)) {
				t.Errorf("Content-Length %q for a body of %d bytes", g.length, len(g.body))
			}
			if !strings.HasPrefix(g.query, tt.wantQuery) {
				t.Errorf("query %q, want prefix %q", g.query, tt.wantQuery)
			}
			if tt.body != nil && g.ctype != "application/x-www-form-urlencoded" {
				t.Errorf("Content-Type %q", g.ctype)
			}
			if tt.inHeader != strings.HasPrefix(g.authz, "OAuth ") {
				t.Errorf("Authorization %q (in header: %v)", g.authz, tt.inHeader)
			}
			if !g.sigOK {
				t.Errorf("signature does not verify: %+v", g)
			}
			// the recorded wire headers carry the sent Content-Length
			for _, h := range out.header {
				if h.Key == "Content-Length" && h.Value != g.length {
					t.Errorf("recorded Content-Length %q, sent %q", h.Value, g.length)
				}
			}
		})
	}
}

// TestNewmanSignatures sends requests to the addresses newman used when
// recording (127.0.0.1:36711 for the auth-oauth1 conformance case,
// 127.0.0.1:36712 for the others; dialled to a local test server, as the
// signatures cover host and port) and compares with what newman 6.2.2 sent:
// oauth1 signs the query and urlencoded body parameters, a string-typed
// addParamsToHeader false still means the header, a PUT carries the
// parameters in its body, and hawk hashes a json body with the Content-Type
// postman-runtime adds before auth.
func TestNewmanSignatures(t *testing.T) {
	var mu sync.Mutex
	var gotAuth, gotBody, gotType string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		gotAuth, gotBody, gotType = r.Header.Get("Authorization"), string(b), r.Header.Get("Content-Type")
		mu.Unlock()
	}))
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	tr := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}}
	defer tr.CloseIdleConnections()
	s := newTestSender(t, &Options{Transport: tr})
	oauth := []any{"consumerKey", "ck", "string", "consumerSecret", "cs", "string", "timestamp", "1700000000", "string", "version", "1.0", "string"}
	jsonBody := &collections.Body{Mode: "raw", Raw: "{}", Options: map[string]any{"raw": map[string]any{"language": "json"}}}
	tests := []struct {
		name     string
		req      *collections.Request
		auth     *collections.Auth
		wantAuth string
		wantBody string
		wantType string // checked when set
	}{
		{
			name: "oauth1 hmac-sha1 urlencoded POST with query",
			req:  &collections.Request{Method: "POST", URL: &collections.URL{Raw: "http://127.0.0.1:36711/echo?b=2&a=1", IsString: true}, Body: urlencoded("c", "3")},
			auth: authBlock("oauth1", append(oauth[:len(oauth):len(oauth)], "token", "tk", "string", "tokenSecret", "ts", "string", "signatureMethod", "HMAC-SHA1", "string",
				"nonce", "fixednonce", "string", "addParamsToHeader", true, "string", "addEmptyParamsToSign", false, "string")...),
			wantAuth: `OAuth oauth_consumer_key="ck",oauth_token="tk",oauth_signature_method="HMAC-SHA1",oauth_timestamp="1700000000",oauth_nonce="fixednonce",oauth_version="1.0",oauth_signature="kn0rYR%2BhbCnJSOIjryFDml4FwvA%3D"`,
			wantBody: "c=3",
		},
		{
			name: "oauth1 hmac-sha256 GET, addParamsToHeader string false",
			req:  &collections.Request{Method: "GET", URL: &collections.URL{Raw: "http://127.0.0.1:36711/echo", IsString: true}},
			auth: authBlock("oauth1", append(oauth[:len(oauth):len(oauth)], "signatureMethod", "HMAC-SHA256", "string", "nonce", "n2", "string",
				"addParamsToHeader", false, "string")...),
			wantAuth: `OAuth oauth_consumer_key="ck",oauth_signature_method="HMAC-SHA256",oauth_timestamp="1700000000",oauth_nonce="n2",oauth_version="1.0",oauth_signature="6hmSB0gY5UjwSvR7H9Ys7cI868G2WELfLsUZGAr1WXM%3D"`,
		},
		{
			name: "oauth1 PUT parameters in the body",
			req:  &collections.Request{Method: "PUT", URL: &collections.URL{Raw: "http://127.0.0.1:36712/o?q=1", IsString: true}, Body: urlencoded("c", "3")},
			auth: authBlock("oauth1", append(oauth[:len(oauth):len(oauth)], "signatureMethod", "HMAC-SHA1", "string", "nonce", "nn", "string",
				"addParamsToHeader", false, "boolean")...),
			wantBody: "c=3&oauth_consumer_key=ck&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1700000000&oauth_nonce=nn&oauth_version=1.0&oauth_signature=90p4R7MWkfVeQtcdLpf7kcktesk%3D",
		},
		{
			name: "oauth1 POST with an empty urlencoded body",
			req:  &collections.Request{Method: "POST", URL: &collections.URL{Raw: "http://127.0.0.1:36712/e", IsString: true}, Body: &collections.Body{Mode: "urlencoded", URLEncoded: []*collections.Param{}}},
			auth: authBlock("oauth1", append(oauth[:len(oauth):len(oauth)], "signatureMethod", "HMAC-SHA1", "string", "nonce", "nn", "string",
				"addParamsToHeader", false, "boolean")...),
			wantBody: "oauth_consumer_key=ck&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1700000000&oauth_nonce=nn&oauth_version=1.0&oauth_signature=qUqbcuXgxMy0BRoXZ7qIW1yp270%3D",
			wantType: "application/x-www-form-urlencoded",
		},
		{
			name: "oauth1 POST with only disabled urlencoded fields",
			req: &collections.Request{Method: "POST", URL: &collections.URL{Raw: "http://127.0.0.1:36712/d", IsString: true},
				Body: &collections.Body{Mode: "urlencoded", URLEncoded: []*collections.Param{{Key: "x", Value: "1", Disabled: true}}}},
			auth: authBlock("oauth1", append(oauth[:len(oauth):len(oauth)], "signatureMethod", "HMAC-SHA1", "string", "nonce", "nn", "string",
				"addParamsToHeader", false, "boolean")...),
			wantBody: "oauth_consumer_key=ck&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1700000000&oauth_nonce=nn&oauth_version=1.0&oauth_signature=w5ZEhCGRPUe1i11UsWy2t%2FJIl4U%3D",
			wantType: "application/x-www-form-urlencoded",
		},
		{
			name: "hawk payload hash of a json body",
			req:  &collections.Request{Method: "POST", URL: &collections.URL{Raw: "http://127.0.0.1:36712/hawk", IsString: true}, Body: jsonBody},
			auth: authBlock("hawk", "authId", "id", "string", "authKey", "key", "string", "algorithm", "sha256", "string", "includePayloadHash", true, "boolean",
				"timestamp", "1700000000", "string", "nonce", "abc", "string"),
			wantAuth: `Hawk id="id", ts="1700000000", nonce="abc", hash="vNZvU+y3rJKqH4hu1yxrNuaijNPgIJ2Rgj/sHzsQhXY=", mac="oes3mS3Ma8/c7rwJ60a3WD6ZOVpDjCCFBZIywnZ2d+k="`,
			wantBody: "{}",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sendAuthorized(t, s, tt.req, tt.auth)
			mu.Lock()
			defer mu.Unlock()
			if gotAuth != tt.wantAuth {
				t.Errorf("Authorization\n got %s\nwant %s", gotAuth, tt.wantAuth)
			}
			if gotBody != tt.wantBody {
				t.Errorf("body\n got %q\nwant %q", gotBody, tt.wantBody)
			}
			if tt.wantType != "" && gotType != tt.wantType {
				t.Errorf("Content-Type %q, want %q", gotType, tt.wantType)
			}
		})
	}
}

var digestFieldRE = regexp.MustCompile(`(\w+)=(?:"([^"]*)"|([^,\s]*))`)

// TestDigestURI runs the digest challenge against a server that checks the
// uri field against the request target and verifies the response hash
// (RFC 2617, MD5, qop=auth).
func TestDigestURI(t *testing.T) {
	const realm, nonce = "me@test", "n0nce"
	var mu sync.Mutex
	var uris []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if !strings.HasPrefix(h, "Digest ") {
			w.Header().Set("WWW-Authenticate", `Digest realm="`+realm+`", nonce="`+nonce+`", qop="auth", opaque="op"`)
			w.WriteHeader(401)
			return
		}
		f := map[string]string{}
		for _, m := range digestFieldRE.FindAllStringSubmatch(strings.TrimPrefix(h, "Digest "), -1) {
			f[m[1]] = m[2] + m[3]
		}
		mu.Lock()
		uris = append(uris, f["uri"])
		mu.Unlock()
		md := func(s string) string { x := md5.Sum([]byte(s)); return hex.EncodeToString(x[:]) }
		ha1 := md(f["username"] + ":" + realm + ":pw")
		ha2 := md(r.Method + ":" + f["uri"])
		want := md(strings.Join([]string{ha1, nonce, f["nc"], f["cnonce"], "auth", ha2}, ":"))
		if f["uri"] != r.RequestURI || f["response"] != want || f["opaque"] != "op" {
			w.WriteHeader(403)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	tests := []struct {
		name, method, path string
		body               *collections.Body
	}{
		{name: "path", method: "GET", path: "/digest-auth/ada/pw"},
		{name: "path and query", method: "GET", path: "/digest-auth/ada/pw?x=1&y=a%20b"},
		{name: "root", method: "GET", path: "/"},
		{name: "POST with body", method: "POST", path: "/digest-auth/post", body: &collections.Body{Mode: "raw", Raw: "hello"}},
		{name: "encoded path", method: "GET", path: "/digest-auth/a%2Fb/%C3%BC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSender(t, &Options{})
			mu.Lock()
			uris = nil
			mu.Unlock()
			req := &collections.Request{Method: tt.method, URL: &collections.URL{Raw: srv.URL + tt.path, IsString: true}, Body: tt.body}
			out := sendAuthorized(t, s, req, authBlock("digest", "username", "ada", "string", "password", "pw", "string"))
			mu.Lock()
			defer mu.Unlock()
			if out.resp.Code != 200 {
				t.Errorf("status %d, uris %v", out.resp.Code, uris)
			}
			if len(uris) != 1 || uris[0] != tt.path {
				t.Errorf("uri fields %v, want [%s]", uris, tt.path)
			}
		})
	}
}

// TestSignersSkipSenderHeaders checks that the runner tells authorizers
// which headers are its own: awsv4 signs the user's headers and host but
// not the system headers nor a Content-Type added after auth; a json raw
// body's Content-Type is added before auth and signed (SignedHeaders as
// newman 6.2.2 sent them for the same requests).
func TestSignersSkipSenderHeaders(t *testing.T) {
	srv, got := echoServer(t)
	s := newTestSender(t, &Options{})
	u := &collections.URL{Raw: srv.URL + "/aws", IsString: true}
	tests := []struct {
		name       string
		req        *collections.Request
		wantSigned string
	}{
		{name: "GET", req: &collections.Request{Method: "GET", URL: u},
			wantSigned: "host;x-amz-content-sha256;x-amz-date"},
		{name: "user header and text body", req: &collections.Request{Method: "POST", URL: u,
			Header: []*collections.Param{{Key: "X-Custom", Value: "1"}}, Body: &collections.Body{Mode: "raw", Raw: "{}"}},
			wantSigned: "host;x-amz-content-sha256;x-amz-date;x-custom"},
		{name: "urlencoded body", req: &collections.Request{Method: "POST", URL: u, Body: urlencoded("a", "1")},
			wantSigned: "host;x-amz-content-sha256;x-amz-date"},
		{name: "json body", req: &collections.Request{Method: "POST", URL: u,
			Body: &collections.Body{Mode: "raw", Raw: "{}", Options: map[string]any{"raw": map[string]any{"language": "json"}}}},
			wantSigned: "content-type;host;x-amz-content-sha256;x-amz-date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			*got = nil
			a := authBlock("awsv4", "accessKey", "AK", "string", "secretKey", "SK", "string", "region", "us-east-1", "string", "service", "s3", "string")
			sendAuthorized(t, s, tt.req, a)
			if len(*got) != 1 {
				t.Fatalf("%d requests", len(*got))
			}
			h := (*got)[0].Header.Get("Authorization")
			m := regexp.MustCompile(`SignedHeaders=([^,]+)`).FindStringSubmatch(h)
			if m == nil || m[1] != tt.wantSigned {
				t.Errorf("Authorization %q, want SignedHeaders=%s", h, tt.wantSigned)
			}
		})
	}
}
