package ofp

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

var (
	keyOnce          sync.Once
	clientKey, other *rsa.PrivateKey
)

func testKeys(t testing.TB) (*rsa.PrivateKey, *rsa.PrivateKey) {
	t.Helper()
	keyOnce.Do(func() {
		clientKey, _ = rsa.GenerateKey(rand.Reader, 2048)
		other, _ = rsa.GenerateKey(rand.Reader, 2048)
	})
	return clientKey, other
}

const testClient = "test-client"
const testRedirect = "https://client.example/cb"

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

type fixture struct {
	t     testing.TB
	srv   *Server
	ts    *httptest.Server
	iss   string
	key   *rsa.PrivateKey
	clock *clock
	cl    *http.Client // nil: http.DefaultClient
}

func (f *fixture) client() *http.Client {
	if f.cl != nil {
		return f.cl
	}
	return http.DefaultClient
}

func newFixture(t testing.TB, auto bool) *fixture {
	t.Helper()
	k, _ := testKeys(t)
	ck := &clock{t: time.Now()}
	s, err := New(Config{
		AutoApprove: auto,
		Clients:     []Client{{ID: testClient, RedirectURIs: []string{testRedirect, "http://127.0.0.1:8910/callback"}, PublicKey: &k.PublicKey}},
		SigningKey:  k, // any key will do for id_tokens; reusing saves key generation time
		Now:         ck.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return &fixture{t: t, srv: s, ts: ts, iss: ts.URL, key: k, clock: ck}
}

func sign(t testing.TB, key *rsa.PrivateKey, alg jwa.SignatureAlgorithm, claims map[string]any) string {
	t.Helper()
	b := jwt.NewBuilder()
	for k, v := range claims {
		if v != nil {
			b = b.Claim(k, v)
		}
	}
	tok, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	out, err := jwt.Sign(tok, jwt.WithKey(alg, key))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func (f *fixture) assertionClaims() map[string]any {
	now := f.clock.Now()
	return map[string]any{"iss": testClient, "sub": testClient, "aud": f.iss, "jti": uuid.NewString(), "iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix()}
}

func (f *fixture) requestClaims(verifier string) map[string]any {
	now := f.clock.Now()
	return map[string]any{
		"iss": testClient, "aud": f.iss, "client_id": testClient, "response_type": "code",
		"redirect_uri": testRedirect, "scope": "openid accounts profile", "state": "st-123", "nonce": "n-456",
		"code_challenge": s256(verifier), "code_challenge_method": "S256",
		"nbf": now.Unix(), "exp": now.Add(10 * time.Minute).Unix(),
		"authorization_details": []any{map[string]any{"type": "account_information", "permissions": []any{"read_accounts", "read_balances"}, "dp_id": "DP9876543211"}},
	}
}

func (f *fixture) post(path string, form url.Values) (int, map[string]any) {
	f.t.Helper()
	resp, err := f.client().PostForm(f.iss+path, form)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	b, _ := io.ReadAll(resp.Body)
	if len(b) > 0 {
		if err := json.Unmarshal(b, &m); err != nil {
			f.t.Fatalf("%s: %d non-JSON body %q", path, resp.StatusCode, b)
		}
	}
	return resp.StatusCode, m
}

func (f *fixture) par(assertion, request string) (int, map[string]any) {
	return f.post("/par", url.Values{"client_id": {testClient}, "client_assertion_type": {ClientAssertionType}, "client_assertion": {assertion}, "request": {request}})
}

const verifier = "dBjftJeZ4CVP-mJ92ZoABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abc"

// pushed makes a valid PAR and returns its request_uri.
func (f *fixture) pushed(mod func(map[string]any)) string {
	f.t.Helper()
	rc := f.requestClaims(verifier)
	if mod != nil {
		mod(rc)
	}
	st, m := f.par(sign(f.t, f.key, jwa.PS256(), f.assertionClaims()), sign(f.t, f.key, jwa.PS256(), rc))
	if st != http.StatusCreated {
		f.t.Fatalf("PAR: %d %v", st, m)
	}
	return m["request_uri"].(string)
}

func noRedirect(jar http.CookieJar) *http.Client {
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (f *fixture) authURL(uri string) string {
	return f.iss + "/authorize?" + url.Values{"client_id": {testClient}, "scope": {"openid"}, "request_uri": {uri}}.Encode()
}

// autoCode gets a code through auto-approve.
func (f *fixture) autoCode(uri string) url.Values {
	f.t.Helper()
	cl := noRedirect(nil)
	cl.Transport = f.client().Transport
	resp, err := cl.Get(f.authURL(uri))
	if err != nil {
		f.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		f.t.Fatalf("authorize: %d", resp.StatusCode)
	}
	u, _ := url.Parse(resp.Header.Get("Location"))
	return u.Query()
}

func (f *fixture) tokenForm(code string) url.Values {
	return url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {testRedirect}, "code_verifier": {verifier},
		"client_assertion_type": {ClientAssertionType}, "client_assertion": {sign(f.t, f.key, jwa.PS256(), f.assertionClaims())}}
}

func TestDiscoveryAndJWKS(t *testing.T) {
	f := newFixture(t, false)
	resp, err := http.Get(f.iss + "/.well-known/openid-configuration")
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&d)
	resp.Body.Close()
	for k, want := range map[string]string{
		"issuer": f.iss, "authorization_endpoint": f.iss + "/authorize", "token_endpoint": f.iss + "/token",
		"pushed_authorization_request_endpoint": f.iss + "/par", "revocation_endpoint": f.iss + "/revoke",
		"userinfo_endpoint": f.iss + "/userinfo", "jwks_uri": f.iss + "/jwks",
	} {
		if d[k] != want {
			t.Errorf("%s = %v, want %s", k, d[k], want)
		}
	}
	if fmt.Sprint(d["token_endpoint_auth_methods_supported"]) != "[private_key_jwt]" || fmt.Sprint(d["code_challenge_methods_supported"]) != "[S256]" {
		t.Errorf("auth methods / PKCE: %v %v", d["token_endpoint_auth_methods_supported"], d["code_challenge_methods_supported"])
	}
	set, err := jwk.Fetch(context.Background(), f.iss+"/jwks")
	if err != nil || set.Len() != 1 {
		t.Fatalf("jwks: %v %v", set, err)
	}
}

func TestPARRejections(t *testing.T) {
	f := newFixture(t, true)
	_, wrongKey := testKeys(t)
	replayed := f.assertionClaims()
	if st, m := f.par(sign(t, f.key, jwa.PS256(), replayed), sign(t, f.key, jwa.PS256(), f.requestClaims(verifier))); st != 201 {
		t.Fatalf("first use of the assertion: %d %v", st, m)
	}
	tests := []struct {
		name      string
		assertion func(map[string]any) // modifies assertion claims
		assertKey *rsa.PrivateKey
		assertAlg *jwa.SignatureAlgorithm
		raw       string // replaces the assertion entirely
		request   func(map[string]any)
		reqKey    *rsa.PrivateKey
		noRequest bool
		status    int
		code      string
		desc      string // substring of error_description
	}{
		{name: "assertion signed with wrong key", assertKey: wrongKey, status: 401, code: "invalid_client", desc: "does not verify"},
		{name: "assertion RS256", assertAlg: ptr(jwa.RS256()), status: 401, code: "invalid_client", desc: "must be signed with PS256"},
		{name: "assertion expired", assertion: func(c map[string]any) {
			c["iat"] = f.clock.Now().Add(-10 * time.Minute).Unix()
			c["exp"] = f.clock.Now().Add(-5 * time.Minute).Unix()
		}, status: 401, code: "invalid_client", desc: "expired"},
		{name: "assertion iat in future", assertion: func(c map[string]any) { c["iat"] = f.clock.Now().Add(10 * time.Minute).Unix() }, status: 401, code: "invalid_client", desc: "in the future"},
		{name: "assertion replayed jti", raw: sign(t, f.key, jwa.PS256(), replayed), status: 401, code: "invalid_client", desc: "already used"},
		{name: "assertion wrong aud", assertion: func(c map[string]any) { c["aud"] = "https://elsewhere" }, status: 401, code: "invalid_client", desc: "aud"},
		{name: "assertion sub differs", assertion: func(c map[string]any) { c["sub"] = "someone" }, status: 401, code: "invalid_client", desc: "iss and sub"},
		{name: "assertion no jti", assertion: func(c map[string]any) { delete(c, "jti") }, status: 401, code: "invalid_client", desc: "no jti"},
		{name: "unknown client", assertion: func(c map[string]any) { c["iss"], c["sub"] = "nobody", "nobody" }, status: 401, code: "invalid_client", desc: "unknown client"},
		{name: "no request object", noRequest: true, status: 400, code: "invalid_request", desc: "request object"},
		{name: "request object wrong key", reqKey: wrongKey, status: 400, code: "invalid_request_object", desc: "does not verify"},
		{name: "redirect_uri not registered", request: func(c map[string]any) { c["redirect_uri"] = "https://evil.example/cb" }, status: 400, code: "invalid_request_object", desc: "not registered"},
		{name: "plain PKCE", request: func(c map[string]any) { c["code_challenge_method"] = "plain" }, status: 400, code: "invalid_request_object", desc: "S256"},
		{name: "no code_challenge", request: func(c map[string]any) { delete(c, "code_challenge") }, status: 400, code: "invalid_request_object", desc: "code_challenge"},
		{name: "response_type token", request: func(c map[string]any) { c["response_type"] = "token" }, status: 400, code: "invalid_request_object", desc: "response_type"},
		{name: "lifetime over 60 min", request: func(c map[string]any) { c["exp"] = f.clock.Now().Add(61 * time.Minute).Unix() }, status: 400, code: "invalid_request_object", desc: "lifetime"},
		{name: "request object expired", request: func(c map[string]any) {
			c["nbf"] = f.clock.Now().Add(-20 * time.Minute).Unix()
			c["exp"] = f.clock.Now().Add(-10 * time.Minute).Unix()
		}, status: 400, code: "invalid_request_object", desc: "expired"},
		{name: "request object aud", request: func(c map[string]any) { c["aud"] = f.iss + "/par" }, status: 400, code: "invalid_request_object", desc: "must be the issuer"},
		{name: "unknown scope", request: func(c map[string]any) { c["scope"] = "openid payments" }, status: 400, code: "invalid_scope", desc: "payments"},
		{name: "bad permission", request: func(c map[string]any) {
			c["authorization_details"] = []any{map[string]any{"type": "account_information", "permissions": []any{"make_payments"}}}
		}, status: 400, code: "invalid_request_object", desc: "make_payments"},
		{name: "unknown dp", request: func(c map[string]any) {
			c["authorization_details"] = []any{map[string]any{"type": "account_information", "permissions": []any{"read_accounts"}, "dp_id": "DP0"}}
		}, status: 400, code: "invalid_request_object", desc: "DP0"},
		{name: "no consent", request: func(c map[string]any) { delete(c, "authorization_details") }, status: 400, code: "invalid_request_object", desc: "authorization_details"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ac := f.assertionClaims()
			if tc.assertion != nil {
				tc.assertion(ac)
			}
			key, alg := f.key, jwa.PS256()
			if tc.assertKey != nil {
				key = tc.assertKey
			}
			if tc.assertAlg != nil {
				alg = *tc.assertAlg
			}
			assertion := sign(t, key, alg, ac)
			if tc.raw != "" {
				assertion = tc.raw
			}
			rc := f.requestClaims(verifier)
			if tc.request != nil {
				tc.request(rc)
			}
			rk := f.key
			if tc.reqKey != nil {
				rk = tc.reqKey
			}
			req := sign(t, rk, jwa.PS256(), rc)
			if tc.noRequest {
				req = ""
			}
			st, m := f.par(assertion, req)
			if st != tc.status || m["error"] != tc.code || !strings.Contains(fmt.Sprint(m["error_description"]), tc.desc) {
				t.Errorf("got %d %v, want %d %s containing %q", st, m, tc.status, tc.code, tc.desc)
			}
		})
	}
}

func TestHappyPathTokensAndAccounts(t *testing.T) {
	f := newFixture(t, true)
	uri := f.pushed(nil)
	if !strings.HasPrefix(uri, RequestURIPrefix) {
		t.Fatalf("request_uri %q", uri)
	}
	q := f.autoCode(uri)
	if q.Get("state") != "st-123" || q.Get("code") == "" {
		t.Fatalf("redirect query %v", q)
	}
	st, tok := f.post("/token", f.tokenForm(q.Get("code")))
	if st != 200 {
		t.Fatalf("token: %d %v", st, tok)
	}
	for _, k := range []string{"access_token", "refresh_token", "id_token"} {
		if s, _ := tok[k].(string); s == "" {
			t.Errorf("no %s in %v", k, tok)
		}
	}
	if tok["token_type"] != "Bearer" || tok["scope"] != "openid accounts profile" {
		t.Errorf("token_type/scope: %v", tok)
	}
	ad := tok["authorization_details"].([]any)[0].(map[string]any)
	if !strings.HasPrefix(fmt.Sprint(ad["consentId"]), ConsentIDPrefix) || ad["dp_id"] != "DP9876543211" {
		t.Errorf("authorization_details %v", ad)
	}
	idt, err := jwt.ParseString(tok["id_token"].(string), jwt.WithKey(jwa.PS256(), &f.key.PublicKey), jwt.WithIssuer(f.iss), jwt.WithAudience(testClient))
	if err != nil {
		t.Fatalf("id_token: %v", err)
	}
	var nonce, shash string
	_ = idt.Get("nonce", &nonce)
	_ = idt.Get("s_hash", &shash)
	if nonce != "n-456" || shash != halfHash("st-123") {
		t.Errorf("id_token nonce %q s_hash %q", nonce, shash)
	}

	get := func(path, token string) (int, map[string]any) {
		req, _ := http.NewRequest("GET", f.iss+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&m)
		return resp.StatusCode, m
	}
	at := tok["access_token"].(string)
	for _, tc := range []struct {
		path   string
		status int
		want   string
	}{
		{"/accounts", 200, "acc-2001"},
		{"/accounts/acc-2001", 200, "Wadiah"},
		{"/accounts/acc-2001/balances", 200, "8800.10"},
		{"/accounts/acc-2001/transactions", 403, "read_transactions"}, // not consented
		{"/accounts/acc-1001", 404, "not covered"},                    // other DP's account
		{"/userinfo", 200, "Mits Tester"},
	} {
		st, m := get(tc.path, at)
		if st != tc.status || !strings.Contains(fmt.Sprint(m), tc.want) {
			t.Errorf("%s: %d %v, want %d containing %q", tc.path, st, m, tc.status, tc.want)
		}
		if st == 403 && m["error"] != "insufficient_scope" {
			t.Errorf("%s: error %v", tc.path, m["error"])
		}
	}
	if st, m := get("/accounts", "nope"); st != 401 || m["error"] != "invalid_token" {
		t.Errorf("bad token: %d %v", st, m)
	}

	// Refresh with rotation: the old refresh token and access token end.
	rf := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tok["refresh_token"].(string)}, "client_assertion_type": {ClientAssertionType}, "client_assertion": {sign(t, f.key, jwa.PS256(), f.assertionClaims())}}
	st, tok2 := f.post("/token", rf)
	if st != 200 || tok2["refresh_token"] == tok["refresh_token"] {
		t.Fatalf("refresh: %d %v", st, tok2)
	}
	if st, _ := get("/accounts", at); st != 401 {
		t.Errorf("old access token after rotation: %d", st)
	}
	rf.Set("client_assertion", sign(t, f.key, jwa.PS256(), f.assertionClaims()))
	if st, m := f.post("/token", rf); st != 400 || m["error"] != "invalid_grant" {
		t.Errorf("reused refresh token: %d %v", st, m)
	}
	// Revoke (RFC 7009).
	at2 := tok2["access_token"].(string)
	if st, _ := get("/accounts", at2); st != 200 {
		t.Fatalf("new access token: %d", st)
	}
	if st, _ := f.post("/revoke", url.Values{"token": {at2}, "client_assertion_type": {ClientAssertionType}, "client_assertion": {sign(t, f.key, jwa.PS256(), f.assertionClaims())}}); st != 200 {
		t.Fatalf("revoke: %d", st)
	}
	if st, m := get("/accounts", at2); st != 401 || !strings.Contains(fmt.Sprint(m["error_description"]), "revoked") {
		t.Errorf("revoked token: %d %v", st, m)
	}
}

func TestTokenRejections(t *testing.T) {
	f := newFixture(t, true)
	tests := []struct {
		name  string
		mod   func(url.Values)
		setup func(code string) // e.g. use the code first
		desc  string
	}{
		{name: "PKCE mismatch", mod: func(v url.Values) { v.Set("code_verifier", strings.Repeat("x", 50)) }, desc: "PKCE"},
		{name: "no verifier", mod: func(v url.Values) { v.Del("code_verifier") }, desc: "code_verifier"},
		{name: "wrong redirect_uri", mod: func(v url.Values) { v.Set("redirect_uri", "http://127.0.0.1:8910/callback") }, desc: "redirect_uri"},
		{name: "unknown code", mod: func(v url.Values) { v.Set("code", "nope") }, desc: "unknown"},
		{name: "reused code", setup: func(code string) {
			if st, m := f.post("/token", f.tokenForm(code)); st != 200 {
				t.Fatalf("first use: %d %v", st, m)
			}
		}, desc: "already used"},
		{name: "expired code", setup: func(string) { f.clock.Advance(CodeLifetime + time.Second) }, desc: "expired"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code := f.autoCode(f.pushed(nil)).Get("code")
			if tc.setup != nil {
				tc.setup(code)
			}
			form := f.tokenForm(code)
			if tc.mod != nil {
				tc.mod(form)
			}
			st, m := f.post("/token", form)
			if st != 400 || m["error"] != "invalid_grant" || !strings.Contains(fmt.Sprint(m["error_description"]), tc.desc) {
				t.Errorf("got %d %v, want 400 invalid_grant containing %q", st, m, tc.desc)
			}
		})
	}
	// A request_uri is single use.
	uri := f.pushed(nil)
	f.autoCode(uri)
	resp, err := http.Get(f.authURL(uri))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(b), "already used") {
		t.Errorf("reused request_uri: %d %s", resp.StatusCode, b)
	}
	// An expired request_uri.
	uri = f.pushed(nil)
	f.clock.Advance(RequestURILifetime + time.Second)
	resp, _ = http.Get(f.authURL(uri))
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(b), "expired") {
		t.Errorf("expired request_uri: %d %s", resp.StatusCode, b)
	}
}

var hidden = regexp.MustCompile(`name="(tx|csrf)" value="([^"]+)"`)

// browser walks the HTML flow: login, DP choice, consent.
func TestBrowserFlow(t *testing.T) {
	f := newFixture(t, false)
	tests := []struct {
		name     string
		dp       string // "" makes the DP page appear
		password string
		decision string
		want     string // query key expected in the redirect
	}{
		{name: "approve with DP choice", decision: "approve", password: "mits", want: "code"},
		{name: "approve with DP in consent", dp: "DP9876543210", decision: "approve", password: "mits", want: "code"},
		{name: "deny", dp: "DP9876543210", decision: "deny", password: "mits", want: "error"},
		{name: "wrong password", password: "x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			uri := f.pushed(func(c map[string]any) {
				ad := map[string]any{"type": "account_information", "permissions": []any{"read_accounts", "read_transactions"}}
				if tc.dp != "" {
					ad["dp_id"] = tc.dp
				}
				c["authorization_details"] = []any{ad}
			})
			jar, _ := cookiejar.New(nil)
			cl := noRedirect(jar)
			page := func(resp *http.Response, err error) (int, string, url.Values) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				v := url.Values{}
				for _, m := range hidden.FindAllStringSubmatch(string(b), -1) {
					v.Set(m[1], m[2])
				}
				return resp.StatusCode, string(b), v
			}
			st, body, v := page(cl.Get(f.authURL(uri)))
			if st != 200 || !strings.Contains(body, `id="login"`) {
				t.Fatalf("login page: %d %s", st, body)
			}
			// CSRF: a wrong token is refused.
			bad := url.Values{"tx": {v.Get("tx")}, "csrf": {"forged"}, "step": {"login"}, "username": {"mits"}, "password": {"mits"}}
			if st, _, _ := page(cl.PostForm(f.iss+"/authorize", bad)); st != 403 {
				t.Errorf("forged csrf: %d", st)
			}
			v.Set("step", "login")
			v.Set("username", "mits")
			v.Set("password", tc.password)
			st, body, v2 := page(cl.PostForm(f.iss+"/authorize", v))
			if tc.password != "mits" {
				if st != 400 || !strings.Contains(body, "Wrong username or password") {
					t.Errorf("wrong password: %d %s", st, body)
				}
				return
			}
			if tc.dp == "" {
				if !strings.Contains(body, `id="dp"`) || !strings.Contains(body, "DP9876543211") {
					t.Fatalf("DP page expected: %s", body)
				}
				v2.Set("step", "dp")
				v2.Set("dp_id", "DP9876543211")
				_, body, v2 = page(cl.PostForm(f.iss+"/authorize", v2))
			}
			if !strings.Contains(body, `id="consent"`) || !strings.Contains(body, "read_transactions") {
				t.Fatalf("consent page expected: %s", body)
			}
			v2.Set("step", "consent")
			v2.Set("decision", tc.decision)
			resp, err := cl.PostForm(f.iss+"/authorize", v2)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			loc, _ := url.Parse(resp.Header.Get("Location"))
			q := loc.Query()
			if resp.StatusCode != 302 || !strings.HasPrefix(loc.String(), testRedirect) || q.Get(tc.want) == "" || q.Get("state") != "st-123" {
				t.Fatalf("redirect: %d %s", resp.StatusCode, loc)
			}
			if tc.want == "error" {
				if q.Get("error") != "access_denied" {
					t.Errorf("deny: %v", q)
				}
				return
			}
			st, tok := f.post("/token", f.tokenForm(q.Get("code")))
			ad, _ := tok["authorization_details"].([]any)
			if st != 200 || len(ad) != 1 {
				t.Fatalf("token: %d %v", st, tok)
			}
			wantDP := tc.dp
			if wantDP == "" {
				wantDP = "DP9876543211"
			}
			if got := ad[0].(map[string]any)["dp_id"]; got != wantDP {
				t.Errorf("dp_id %v, want %s", got, wantDP)
			}
		})
	}
}

func TestDefaultClientLoopbackRedirect(t *testing.T) {
	c, err := DefaultClient()
	if err != nil {
		t.Fatal(err)
	}
	for uri, want := range map[string]bool{
		DefaultRedirectURI:                 true,
		"http://127.0.0.1:5555/callback":   true, // any loopback port
		"http://127.0.0.1:5555/other":      false,
		"http://example.com:8910/callback": false,
	} {
		if got := redirectRegistered(&c, uri); got != want {
			t.Errorf("%s: %v, want %v", uri, got, want)
		}
	}
}

func TestStartTLS(t *testing.T) {
	k, _ := testKeys(t)
	cfg, files, err := GenerateTLS(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{TLS: cfg, SigningKey: k, AutoApprove: true,
		Clients: []Client{{ID: testClient, RedirectURIs: []string{testRedirect}, PublicKey: &k.PublicKey}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(context.Background(), "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.HasPrefix(s.URL(), "https://127.0.0.1:") {
		t.Fatalf("URL %s", s.URL())
	}
	caPEM, err := os.ReadFile(files.CA)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	cert, err := tls.LoadX509KeyPair(files.ClientCert, files.ClientKey)
	if err != nil {
		t.Fatal(err)
	}
	cl := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, Certificates: []tls.Certificate{cert}}}}
	resp, err := cl.Get(s.URL() + "/.well-known/openid-configuration")
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&d)
	resp.Body.Close()
	if d["issuer"] != s.URL() || d["tls_client_certificate_bound_access_tokens"] != true {
		t.Errorf("discovery over mTLS: %v", d)
	}

	// Tokens issued over mTLS are bound to the certificate (cnf x5t#S256).
	f := &fixture{t: t, srv: s, iss: s.URL(), key: k, clock: &clock{t: time.Now()}, cl: cl}
	st, tok := f.post("/token", f.tokenForm(f.autoCode(f.pushed(nil)).Get("code")))
	if st != 200 {
		t.Fatalf("token over mTLS: %d %v", st, tok)
	}
	noCert := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	for _, tc := range []struct {
		name   string
		cl     *http.Client
		status int
	}{{"with the certificate", cl, 200}, {"without a certificate", noCert, 401}} {
		req, _ := http.NewRequest("GET", s.URL()+"/accounts", nil)
		req.Header.Set("Authorization", "Bearer "+tok["access_token"].(string))
		resp, err := tc.cl.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || (tc.status == 401 && !strings.Contains(string(b), "x5t#S256")) {
			t.Errorf("%s: %d %s", tc.name, resp.StatusCode, b)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestIDTokenAudienceIsString(t *testing.T) {
	f := newFixture(t, true)
	st, tok := f.post("/token", f.tokenForm(f.autoCode(f.pushed(nil)).Get("code")))
	if st != 200 {
		t.Fatalf("%d %v", st, tok)
	}
	c := peekClaims(tok["id_token"].(string))
	if _, ok := c["aud"].(string); !ok {
		t.Errorf("id_token aud %#v, want a string", c["aud"])
	}
}
