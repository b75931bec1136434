package ofpmalaysia_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/postie-run/postie/authflow"
	"github.com/postie-run/postie/environments"
	ofpmalaysia "github.com/postie-run/postie/examples/ofp-malaysia"
	"github.com/postie-run/postie/ofp"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/visualizer"
)

var (
	keyOnce    sync.Once
	serverKey  *rsa.PrivateKey
	strangeKey *rsa.PrivateKey
)

// sandbox starts an auto-approve sandbox (with the default test client).
func sandbox(t *testing.T) *ofp.Server {
	t.Helper()
	keyOnce.Do(func() {
		serverKey, _ = rsa.GenerateKey(rand.Reader, 2048)
		strangeKey, _ = rsa.GenerateKey(rand.Reader, 2048)
	})
	srv, err := ofp.New(ofp.Config{AutoApprove: true, SigningKey: serverKey})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background(), "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

type runCfg struct {
	folders []string
	env     *environments.File // nil: the bundled environment
	set     map[string]string  // environment overrides
	flow    *authflow.Flow     // nil: headless HTTP authorizer
}

func run(t *testing.T, srv *ofp.Server, c runCfg) *runner.Summary {
	t.Helper()
	coll, env, err := ofpmalaysia.Load()
	if err != nil {
		t.Fatal(err)
	}
	if c.env != nil {
		env = c.env
	}
	env.Values.Set("baseUrl", srv.URL(), "")
	for k, v := range c.set {
		env.Values.Set(k, v, "")
	}
	flow := c.flow
	if flow == nil {
		flow = authflow.New(authflow.Options{Authorize: authflow.HTTPAuthorizer(nil), Out: &strings.Builder{}})
	}
	sum, err := runner.Run(context.Background(), runner.Options{
		Collection: coll, Environment: env, Folders: c.folders, MissingVariables: flow.MissingVariables,
	})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func failures(s *runner.Summary) string {
	var b strings.Builder
	for _, f := range s.Failures {
		b.WriteString(f.Source + ": " + f.Kind + ": " + f.Test + ": " + f.Message + "\n")
	}
	return b.String()
}

func envVar(t *testing.T, s *runner.Summary, key string) string {
	t.Helper()
	if s.Environment == nil {
		t.Fatal("no exported environment")
	}
	v, ok := s.Environment.Values.Get(key)
	if !ok {
		t.Fatalf("exported environment has no %s", key)
	}
	return environments.String(v)
}

// verified checks a compact PS256 JWS against key and returns its claims.
func verified(t *testing.T, token string, key *rsa.PublicKey, what string) map[string]any {
	t.Helper()
	payload, err := jws.Verify([]byte(token), jws.WithKey(jwa.PS256(), key))
	if err != nil {
		t.Fatalf("%s does not verify (PS256): %v", what, err)
	}
	var c map[string]any
	if err := json.Unmarshal(payload, &c); err != nil {
		t.Fatalf("%s payload: %v", what, err)
	}
	return c
}

func TestBundledCollectionFullRun(t *testing.T) {
	srv := sandbox(t)
	sum := run(t, srv, runCfg{})
	if sum.Failed() {
		t.Fatalf("run failed:\n%s", failures(sum))
	}
	if sum.Stats.Requests.Total != 10 || sum.Stats.Assertions.Total < 25 {
		t.Errorf("stats: %+v", sum.Stats)
	}
	iss := srv.URL()
	clientPub, err := ofp.ParsePublicKeyPEM([]byte(ofp.DefaultClientPublicKeyPEM))
	if err != nil {
		t.Fatal(err)
	}
	// private_key_jwt (the last one signed, for the refresh grant).
	a := verified(t, envVar(t, sum, "private_key_jwt"), clientPub, "private_key_jwt")
	if a["iss"] != ofp.DefaultClientID || a["sub"] != ofp.DefaultClientID || a["aud"] != iss || a["jti"] == "" {
		t.Errorf("private_key_jwt claims %v", a)
	}
	// requestObject: PKCE S256 of the stored verifier.
	ro := verified(t, envVar(t, sum, "requestObject"), clientPub, "requestObject")
	h := sha256.Sum256([]byte(envVar(t, sum, "code_verifier")))
	if want := base64.RawURLEncoding.EncodeToString(h[:]); ro["code_challenge"] != want || ro["code_challenge_method"] != "S256" {
		t.Errorf("code_challenge %v, want S256(code_verifier) %s", ro["code_challenge"], want)
	}
	if ro["redirect_uri"] != ofp.DefaultRedirectURI || ro["state"] != envVar(t, sum, "state") {
		t.Errorf("request object %v", ro)
	}
	// authCodeUrl points at the authorize endpoint with the request_uri.
	u, err := url.Parse(envVar(t, sum, "authCodeUrl"))
	if err != nil {
		t.Fatal(err)
	}
	if u.Scheme+"://"+u.Host+u.Path != iss+"/authorize" || u.Query().Get("request_uri") != envVar(t, sum, "request_uri") ||
		!strings.HasPrefix(u.Query().Get("request_uri"), ofp.RequestURIPrefix) || u.Query().Get("client_id") != ofp.DefaultClientID {
		t.Errorf("authCodeUrl %s", u)
	}
	// Tokens and consent.
	for _, k := range []string{"access_token", "refresh_token"} {
		if len(envVar(t, sum, k)) < 20 {
			t.Errorf("%s too short", k)
		}
	}
	idt := verified(t, envVar(t, sum, "id_token"), srv.SigningPublicKey(), "id_token")
	if idt["aud"] != ofp.DefaultClientID || idt["nonce"] != envVar(t, sum, "nonce") || idt["iss"] != iss {
		t.Errorf("id_token claims %v", idt)
	}
	if c := envVar(t, sum, "consent_id"); !strings.HasPrefix(c, ofp.ConsentIDPrefix) {
		t.Errorf("consent_id %q", c)
	}
	if _, ok := sum.Environment.Values.Get("code"); ok {
		t.Error("code should be unset after the token exchange")
	}
	// The PAR response's visualization renders with the URL.
	var vis bool
	for _, x := range sum.Executions {
		if x.Item.Name == ofpmalaysia.ItemPAR && x.Visualizer != nil {
			vis = true
			html, err := visualizer.Render(x.Visualizer.Template, x.Visualizer.Data)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(html), strings.ReplaceAll(envVar(t, sum, "authCodeUrl"), "&", "&amp;")) || !strings.Contains(string(html), "Copy to clipboard") {
				t.Errorf("visualization lacks the URL or button:\n%s", html)
			}
		}
	}
	if !vis {
		t.Error("request 50 set no visualizer")
	}
}

func pkcs8PEM(t *testing.T, k *rsa.PrivateKey) string {
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
}

func TestBundledCollectionNegativeRuns(t *testing.T) {
	srv := sandbox(t)
	tests := []struct {
		name string
		cfg  func() runCfg
		item string // item with a failure
		want string // substring of a failure there
	}{
		{name: "wrong private key", cfg: func() runCfg { return runCfg{set: map[string]string{"private_key": pkcs8PEM(t, strangeKey)}} },
			item: ofpmalaysia.ItemPAR, want: "expected response to have status code 201 but got 401"},
		{name: "consent without read_transactions", cfg: func() runCfg { return runCfg{set: map[string]string{"permissions": "read_accounts,read_balances"}} },
			item: ofpmalaysia.ItemTransactions, want: "expected response to have status code 200 but got 403"},
		{name: "unregistered redirect_uri", cfg: func() runCfg {
			return runCfg{set: map[string]string{"redirect_uri": "https://evil.example/cb"}}
		}, item: ofpmalaysia.ItemPAR, want: "but got 400"},
		{name: "non-interactive without a code", cfg: func() runCfg {
			return runCfg{flow: authflow.New(authflow.Options{Out: &strings.Builder{}})}
		}, item: ofpmalaysia.ItemToken, want: "--env-var code=CODE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sum := run(t, srv, tc.cfg())
			if !sum.Failed() {
				t.Fatal("run passed")
			}
			found := false
			for _, f := range sum.Failures {
				if strings.HasSuffix(f.Source, tc.item) && strings.Contains(f.Message, tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("no failure in %q containing %q; failures:\n%s", tc.item, tc.want, failures(sum))
			}
		})
	}
}

func TestTwoPhaseRun(t *testing.T) {
	srv := sandbox(t)
	phase1 := run(t, srv, runCfg{folders: []string{ofpmalaysia.ItemDiscovery, ofpmalaysia.ItemSignJWT, ofpmalaysia.ItemSignPAR, ofpmalaysia.ItemPAR}})
	if phase1.Failed() {
		t.Fatalf("phase 1:\n%s", failures(phase1))
	}
	path := filepath.Join(t.TempDir(), "phase1.postman_environment.json")
	if err := phase1.Environment.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	// The user opens authCodeUrl in a browser; the sandbox approves.
	redirect, err := authflow.HTTPAuthorizer(nil)(context.Background(), envVar(t, phase1, "authCodeUrl"))
	if err != nil {
		t.Fatal(err)
	}
	code, err := authflow.ParseAnswer(redirect, envVar(t, phase1, "state"))
	if err != nil {
		t.Fatal(err)
	}
	env, err := environments.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Phase 2: --env-var code=... with the exported environment; no authorizer.
	phase2 := run(t, srv, runCfg{env: env, set: map[string]string{"code": code}, folders: []string{ofpmalaysia.ItemToken, ofpmalaysia.ItemAccounts},
		flow: authflow.New(authflow.Options{Out: &strings.Builder{}})})
	if phase2.Failed() {
		t.Fatalf("phase 2:\n%s", failures(phase2))
	}
	if !strings.HasPrefix(envVar(t, phase2, "consent_id"), ofp.ConsentIDPrefix) {
		t.Error("no consent id after phase 2")
	}
}
