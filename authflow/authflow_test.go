package authflow

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwt"
	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/ofp"
)

func scopes(kv ...string) *environments.Scopes {
	env := environments.NewList()
	for i := 0; i+1 < len(kv); i += 2 {
		env.Set(kv[i], kv[i+1], "")
	}
	return &environments.Scopes{Environment: env, Globals: environments.NewList(), Collection: environments.NewList()}
}

const authURL = "http://127.0.0.1:8800/authorize?client_id=c&scope=openid&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aabc"

var item = &collections.Item{Name: "60 - DC -> OFP: POST /token [Auth-code Grant]"}

func TestParseAnswer(t *testing.T) {
	tests := []struct {
		answer, state, want, err string
	}{
		{answer: "http://127.0.0.1:8910/callback?code=abc&state=s1", state: "s1", want: "abc"},
		{answer: "  abc123 \n", want: "abc123"},
		{answer: "code=xyz&state=s1", state: "s1", want: "xyz"},
		{answer: "https://app/cb#code=frag&state=s1", state: "s1", want: "frag"},
		{answer: "http://127.0.0.1:8910/callback?code=abc&state=other", state: "s1", err: "state mismatch"},
		{answer: "http://127.0.0.1:8910/callback?error=access_denied&error_description=the+user+denied&state=s1", state: "s1", err: "access_denied (the user denied)"},
		{answer: "http://127.0.0.1:8910/callback?foo=1", err: "no code"},
		{answer: "", err: "no redirect URL"},
		{answer: "two words", err: "neither"},
	}
	for _, tc := range tests {
		got, err := ParseAnswer(tc.answer, tc.state)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: err %v, want %q", tc.answer, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%q: %q %v, want %q", tc.answer, got, err, tc.want)
		}
	}
}

func TestInteractiveAndNonInteractive(t *testing.T) {
	tests := []struct {
		name        string
		vars        *environments.Scopes
		names       []string
		interactive bool
		stdin       string
		wantCode    string // "" means the code must stay unset
		wantErr     string
		wantOut     string
	}{
		{name: "pasted redirect URL", vars: scopes("authCodeUrl", authURL, "state", "s1"), names: []string{"code"}, interactive: true,
			stdin: "http://127.0.0.1:8910/callback?code=C1&state=s1\n", wantCode: "C1", wantOut: authURL},
		{name: "pasted bare code", vars: scopes("authCodeUrl", authURL), names: []string{"code"}, interactive: true, stdin: "C2\n", wantCode: "C2"},
		{name: "URL found by scanning", vars: scopes("myLoginLink", authURL), names: []string{"code"}, interactive: true, stdin: "C3\n", wantCode: "C3", wantOut: authURL},
		{name: "state mismatch", vars: scopes("authCodeUrl", authURL, "state", "s1"), names: []string{"code"}, interactive: true,
			stdin: "http://127.0.0.1:8910/callback?code=C1&state=evil\n", wantErr: "state mismatch"},
		{name: "stdin closed", vars: scopes("authCodeUrl", authURL), names: []string{"code"}, interactive: true, stdin: "", wantErr: "reading the redirect URL"},
		{name: "not a code variable", vars: scopes("authCodeUrl", authURL), names: []string{"account_id"}, interactive: true, stdin: "X\n"},
		{name: "no authorization URL", vars: scopes("other", "x"), names: []string{"code"}, interactive: true, stdin: "X\n"},
		{name: "non-interactive fails fast", vars: scopes("authCodeUrl", authURL, "redirect_uri", "http://127.0.0.1:8910/callback"), names: []string{"code"},
			wantErr: "--env-var code=CODE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			f := New(Options{Interactive: tc.interactive, In: strings.NewReader(tc.stdin), Out: &out})
			err := f.MissingVariables(context.Background(), item, tc.names, tc.vars)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				if tc.name == "non-interactive fails fast" {
					for _, s := range []string{"{{code}}", authURL, "--callback-listen 127.0.0.1:8910", "--authorize-with", item.Name} {
						if !strings.Contains(err.Error(), s) {
							t.Errorf("message lacks %q:\n%v", s, err)
						}
					}
				}
			} else if err != nil {
				t.Fatal(err)
			}
			got, _ := tc.vars.Environment.Get("code")
			if tc.wantCode == "" && got != nil || tc.wantCode != "" && got != tc.wantCode {
				t.Errorf("code = %v, want %q", got, tc.wantCode)
			}
			if !strings.Contains(out.String(), tc.wantOut) {
				t.Errorf("output lacks %q:\n%s", tc.wantOut, out.String())
			}
		})
	}
}

// sandbox runs an auto-approve OFP sandbox with a test client whose loopback
// redirect URI is redirect, pushes an authorization request and returns the
// authorization URL and the state.
func sandbox(t *testing.T, redirect string, auto bool) (authURL, state string) {
	t.Helper()
	keyOnce.Do(func() { testKey, _ = rsa.GenerateKey(rand.Reader, 2048) })
	key := testKey
	srv, err := ofp.New(ofp.Config{AutoApprove: auto, SigningKey: key,
		Clients: []ofp.Client{{ID: "c1", RedirectURIs: []string{redirect}, PublicKey: &key.PublicKey}}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	sign := func(claims map[string]any) string {
		b := jwt.NewBuilder()
		for k, v := range claims {
			b = b.Claim(k, v)
		}
		tok, _ := b.Build()
		out, err := jwt.Sign(tok, jwt.WithKey(jwa.PS256(), key))
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	now := time.Now().Unix()
	h := sha256.Sum256([]byte(strings.Repeat("v", 43)))
	state = uuid.NewString()
	form := url.Values{
		"client_id": {"c1"}, "client_assertion_type": {ofp.ClientAssertionType},
		"client_assertion": {sign(map[string]any{"iss": "c1", "sub": "c1", "aud": ts.URL, "jti": uuid.NewString(), "iat": now, "exp": now + 60})},
		"request": {sign(map[string]any{"iss": "c1", "aud": ts.URL, "client_id": "c1", "response_type": "code", "redirect_uri": redirect,
			"scope": "openid accounts", "state": state, "code_challenge": base64.RawURLEncoding.EncodeToString(h[:]), "code_challenge_method": "S256",
			"nbf": now, "exp": now + 300, "authorization_details": []any{map[string]any{"type": "account_information", "permissions": []any{"read_accounts"}}}})},
	}
	resp, err := http.PostForm(ts.URL+"/par", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&m)
	if resp.StatusCode != 201 {
		t.Fatalf("PAR: %d %v", resp.StatusCode, m)
	}
	return ts.URL + "/authorize?" + url.Values{"client_id": {"c1"}, "request_uri": {m["request_uri"].(string)}}.Encode(), state
}

var (
	keyOnce sync.Once
	testKey *rsa.PrivateKey
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestCallbackListen(t *testing.T) {
	addr := freeAddr(t)
	redirect := "http://" + addr + "/callback"
	au, state := sandbox(t, redirect, true)
	var out bytes.Buffer
	var browserStatus int
	opened := make(chan struct{})
	f := New(Options{CallbackListen: addr, OpenBrowser: true, Out: &out, Opener: func(ctx context.Context, u string) error {
		go func() { // the "browser": follows the sandbox's redirect to the callback listener
			defer close(opened)
			resp, err := http.Get(u)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			browserStatus = resp.StatusCode
		}()
		return nil
	}})
	vars := scopes("authCodeUrl", au, "state", state, "redirect_uri", redirect)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := f.MissingVariables(ctx, item, []string{"code"}, vars); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	<-opened
	if browserStatus != 200 {
		t.Errorf("browser got %d from the callback page", browserStatus)
	}
	if code, _ := vars.Environment.Get("code"); code == nil || code == "" {
		t.Errorf("no code set; output:\n%s", out.String())
	}
	// The listener is closed after the redirect.
	if _, err := http.Get(redirect + "?code=x"); err == nil {
		t.Error("callback listener still running")
	}
}

func TestCallbackDenied(t *testing.T) {
	addr := freeAddr(t)
	redirect := "http://" + addr + "/callback"
	f := New(Options{CallbackListen: addr, OpenBrowser: true, Out: &bytes.Buffer{}, Opener: func(ctx context.Context, u string) error {
		go func() {
			if resp, err := http.Get(redirect + "?error=access_denied&state=s1"); err == nil {
				resp.Body.Close()
			}
		}()
		return nil
	}})
	err := f.MissingVariables(context.Background(), item, []string{"code"}, scopes("authCodeUrl", authURL, "state", "s1", "redirect_uri", redirect))
	if err == nil || !strings.Contains(err.Error(), "access_denied") {
		t.Fatalf("err %v", err)
	}
}

func TestAuthorizeWithAndHTTPAuthorizer(t *testing.T) {
	tests := []struct {
		name string
		opts func() Options
		auto bool
		err  string
	}{
		{name: "authorize-with curl", auto: true, opts: func() Options {
			return Options{AuthorizeWith: `curl -s -o /dev/null -w '%{redirect_url}\n' "$1"`}
		}},
		{name: "authorize-with env var", auto: true, opts: func() Options {
			return Options{AuthorizeWith: `curl -s -o /dev/null -w '%{redirect_url}\n' "$POSTIE_AUTH_URL"`}
		}},
		{name: "authorize-with failing command", auto: true, opts: func() Options { return Options{AuthorizeWith: "exit 3"} }, err: "exit status 3"},
		{name: "HTTP authorizer", auto: true, opts: func() Options { return Options{Authorize: HTTPAuthorizer(nil)} }},
		{name: "HTTP authorizer without auto-approve", auto: false, opts: func() Options { return Options{Authorize: HTTPAuthorizer(nil)} }, err: "auto-approve"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			redirect := "http://127.0.0.1:8910/callback"
			au, state := sandbox(t, redirect, tc.auto)
			o := tc.opts()
			o.Out = &bytes.Buffer{}
			vars := scopes("authCodeUrl", au, "state", state)
			err := New(o).MissingVariables(context.Background(), item, []string{"code"}, vars)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if code, _ := vars.Environment.Get("code"); code == nil || code == "" {
				t.Error("no code set")
			}
		})
	}
}
