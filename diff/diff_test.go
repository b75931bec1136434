package diff

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// jwt builds an unsigned-looking compact JWT (the signature is not checked).
func jwt(header, claims map[string]any) string {
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	return enc(header) + "." + enc(claims) + ".c2lnbmF0dXJl"
}

func envJSON(scope string, kv ...string) string {
	var vals []string
	for i := 0; i+1 < len(kv); i += 2 {
		b, _ := json.Marshal(map[string]any{"key": kv[i], "value": kv[i+1], "type": "default", "enabled": true})
		vals = append(vals, string(b))
	}
	return `{"id":"x","name":"n","values":[` + strings.Join(vals, ",") + `],"_postman_variable_scope":"` + scope + `"}`
}

const pem = "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"

func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func load(t *testing.T, name, content string) *Document {
	t.Helper()
	d, err := Load(write(t, name, content))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func changes(r *Result) []string {
	var out []string
	for _, c := range r.Variables {
		s := c.Change + " " + c.Scope + " " + c.Key
		if c.Field != "" {
			s += " " + c.Field
		}
		out = append(out, s+" "+c.Old+"|"+c.New)
	}
	return out
}

func TestDetectKinds(t *testing.T) {
	tests := []struct {
		name, content string
		want          Kind
		vars          int
	}{
		{"env.json", envJSON("environment", "a", "1", "b", "2"), KindEnvironment, 2},
		{"globals.json", envJSON("globals", "a", "1"), KindGlobals, 1},
		{"bare.json", `[{"key":"a","value":"1"}]`, KindEnvironment, 1},
		{"coll.json", `{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[],"variable":[{"key":"v","value":"1"}]}`, KindCollection, 1},
		{"report.json", `{"collection":{"variable":[{"key":"cv","value":"1"}]},"environment":{"values":[{"key":"e","value":"1"}]},"globals":{"values":[]},"run":{"executions":[]}}`, KindReport, 2},
		{"bom.json", "\ufeff" + envJSON("environment", "a", "1"), KindEnvironment, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := load(t, tc.name, tc.content)
			if d.Kind != tc.want || len(d.Vars) != tc.vars {
				t.Errorf("kind %s vars %d, want %s %d", d.Kind, len(d.Vars), tc.want, tc.vars)
			}
		})
	}
}

func TestBadInputNamesTheFile(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"broken.json", `{"values":[`, "broken.json"},
		{"other.json", `{"hello":1}`, "not an environment"},
		{"text.json", `hello`, "text.json"},
	}
	for _, tc := range tests {
		p := write(t, tc.name, tc.content)
		_, err := Load(p)
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.name) {
			t.Errorf("%s: err %v", tc.name, err)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
}

func TestVariableDiffsAndMasking(t *testing.T) {
	tokA := jwt(map[string]any{"alg": "RS256", "kid": "k1"}, map[string]any{"sub": "alice", "iat": 1, "exp": 2, "jti": "a", "scope": "read", "nonce": "n1"})
	tokB := jwt(map[string]any{"alg": "RS256", "kid": "k2"}, map[string]any{"sub": "bob", "iat": 5, "exp": 9, "jti": "b", "aud": "api", "nonce": "n2"})
	tokSameButVolatile := jwt(map[string]any{"alg": "RS256", "kid": "k1"}, map[string]any{"sub": "alice", "iat": 7, "exp": 8, "jti": "z", "scope": "read", "nonce": "n1"})
	a := envJSON("environment", "host", "a.example", "gone", "x", "client_secret", "s3cret", "id_token", tokA, "pk", pem, "plain", "p")
	b := envJSON("environment", "host", "b.example", "client_secret", "other", "id_token", tokB, "pk", pem+"x", "plain", "p", "new_password", "pw")
	tests := []struct {
		name string
		b    string
		opts Options
		want []string
	}{
		{"masked by default", b, Options{}, []string{
			"changed environment host a.example|b.example",
			"removed environment gone x|",
			"changed environment client_secret ********|********",
			"changed environment id_token header.kid k1|k2",
			"added environment id_token claims.aud |api",
			"changed environment id_token claims.nonce n1|n2",
			"removed environment id_token claims.scope read|",
			"changed environment id_token claims.sub alice|bob",
			"changed environment pk ********|********",
			"added environment new_password |********",
		}},
		{"show secrets", b, Options{ShowSecrets: true}, []string{
			"changed environment host a.example|b.example",
			"removed environment gone x|",
			"changed environment client_secret s3cret|other",
			"changed environment id_token header.kid k1|k2",
			"added environment id_token claims.aud |api",
			"changed environment id_token claims.nonce n1|n2",
			"removed environment id_token claims.scope read|",
			"changed environment id_token claims.sub alice|bob",
			"changed environment pk " + pem + "|" + pem + "x",
			"added environment new_password |pw",
		}},
		{"ignore globs: keys, scoped keys, claims", b, Options{Ignore: []string{"host", "environment.gone", "*_password", "pk", "client_*", "nonce", "id_token.aud", "header.*"}}, []string{
			"removed environment id_token claims.scope read|",
			"changed environment id_token claims.sub alice|bob",
		}},
		{"volatile claims compared without defaults", envJSON("environment", "host", "a.example", "gone", "x", "client_secret", "s3cret", "id_token", tokSameButVolatile, "pk", pem, "plain", "p"),
			Options{NoDefaultIgnores: true}, []string{
				"changed environment id_token claims.exp 2|8",
				"changed environment id_token claims.iat 1|7",
				"changed environment id_token claims.jti a|z",
			}},
		{"volatile claims ignored by default", envJSON("environment", "host", "a.example", "gone", "x", "client_secret", "s3cret", "id_token", tokSameButVolatile, "pk", pem, "plain", "p"),
			Options{}, nil},
	}
	da := load(t, "a.json", a)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(da, load(t, "b.json", tc.b), tc.opts)
			got := changes(r)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if r.Equal() != (len(tc.want) == 0) {
				t.Errorf("Equal() = %v", r.Equal())
			}
			// No output format leaks a secret unless asked.
			var buf bytes.Buffer
			WriteText(&buf, r, false)
			WriteJSON(&buf, r)
			WriteMarkdown(&buf, r)
			out := buf.String()
			for _, tok := range []string{tokA, tokB} {
				if strings.Contains(out, tok) {
					t.Error("output contains a whole JWT")
				}
			}
			if len(tc.want) > 2 {
				for _, sec := range []string{"s3cret", "MIIBVQ"} {
					if strings.Contains(out, sec) != tc.opts.ShowSecrets {
						t.Errorf("output contains %q: %v with ShowSecrets %v", sec, !tc.opts.ShowSecrets, tc.opts.ShowSecrets)
					}
				}
			}
		})
	}
}

func TestScopesAcrossKinds(t *testing.T) {
	coll := `{"info":{"name":"c"},"item":[],"variable":[{"key":"base","value":"1"},{"key":"n","value":2}]}`
	coll2 := `{"info":{"name":"c"},"item":[],"variable":[{"key":"base","value":"2"},{"key":"n","value":3}]}`
	r := Compare(load(t, "c1.json", coll), load(t, "c2.json", coll2), Options{})
	if got := strings.Join(changes(r), ";"); got != "changed collection base 1|2;changed collection n 2|3" {
		t.Errorf("collection: %s", got)
	}
	g := Compare(load(t, "g1.json", envJSON("globals", "a", "1")), load(t, "g2.json", envJSON("globals", "a", "1")), Options{})
	if !g.Equal() {
		t.Errorf("equal globals differ: %v", changes(g))
	}
	// Disabled state is a change of its own.
	d1 := `{"values":[{"key":"a","value":"1","enabled":true}]}`
	d2 := `{"values":[{"key":"a","value":"1","disabled":true}]}`
	if got := strings.Join(changes(Compare(load(t, "d1.json", d1), load(t, "d2.json", d2), Options{})), ";"); got != "changed environment a disabled false|true" {
		t.Errorf("disabled: %s", got)
	}
}

func reportJSON(env string, execs ...string) string {
	return `{"collection":{"info":{"name":"c"},"item":[],"variable":[]},"environment":{"values":[` + env + `]},"globals":{"values":[]},"run":{"stats":{},"executions":[` + strings.Join(execs, ",") + `],"failures":[]}}`
}

func exec(iter int, item string, ms int, asserts ...string) string {
	return `{"cursor":{"iteration":` + itoa(iter) + `},"item":{"name":"` + item + `"},"response":{"code":200,"responseTime":` + itoa(ms) + `},"assertions":[` + strings.Join(asserts, ",") + `]}`
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func pass(name string) string { return `{"assertion":"` + name + `","skipped":false}` }
func fail(name, msg string) string {
	return `{"assertion":"` + name + `","skipped":false,"error":{"name":"AssertionError","message":"` + msg + `"}}`
}

func TestReportDiff(t *testing.T) {
	a := reportJSON(`{"key":"token","value":"t1"}`,
		exec(0, "login", 100, pass("status 200"), fail("has id", "expected undefined")),
		exec(0, "list", 100, pass("is array"), pass("dropped")),
		exec(0, "slow", 50, pass("ok")))
	b := reportJSON(`{"key":"token","value":"t2"}`,
		exec(0, "login", 120, pass("status 200"), pass("has id")),
		exec(0, "list", 1000, fail("is array", "expected object to be an array")),
		exec(0, "slow", 400, pass("ok"), fail("brand new", "boom")))
	tests := []struct {
		name       string
		opts       Options
		tests      []string
		times      []string
		changedVar bool
	}{
		{"defaults", Options{}, []string{
			"newly passing iteration 1 › login › has id",
			"newly failing iteration 1 › list › is array: expected object to be an array",
			"missing iteration 1 › list › dropped",
			"new iteration 1 › slow › brand new: boom",
		}, []string{"iteration 1 › list 100->1000", "iteration 1 › slow 50->400"}, true},
		{"threshold and ignores", Options{TimeThreshold: 500 * time.Millisecond, Ignore: []string{"list", "token"}}, []string{
			"newly passing iteration 1 › login › has id",
			"new iteration 1 › slow › brand new: boom",
		}, nil, false},
	}
	da, db := load(t, "a.json", a), load(t, "b.json", b)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(da, db, tc.opts)
			var gotT, gotM []string
			for _, x := range r.Tests {
				s := x.Change + " " + x.Key
				if x.Message != "" {
					s += ": " + x.Message
				}
				gotT = append(gotT, s)
			}
			for _, x := range r.Times {
				gotM = append(gotM, x.Key+" "+itoa(int(x.OldMS))+"->"+itoa(int(x.NewMS)))
			}
			if strings.Join(gotT, "\n") != strings.Join(tc.tests, "\n") {
				t.Errorf("tests\n%s\nwant\n%s", strings.Join(gotT, "\n"), strings.Join(tc.tests, "\n"))
			}
			if strings.Join(gotM, "\n") != strings.Join(tc.times, "\n") {
				t.Errorf("times %v want %v", gotM, tc.times)
			}
			if (len(r.Variables) > 0) != tc.changedVar {
				t.Errorf("variables %v", changes(r))
			}
		})
	}
	if r := Compare(da, da, Options{}); !r.Equal() {
		t.Errorf("a report differs from itself: %+v", r)
	}
}

func TestFormats(t *testing.T) {
	r := Compare(load(t, "a.json", envJSON("environment", "x", "1", "api_key", "k")), load(t, "b.json", envJSON("environment", "x", "2", "y|z", "3")), Options{})
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
		want  []string
	}{
		{"text", func(b *bytes.Buffer) error { return WriteText(b, r, false) }, []string{"--- ", "  ~ environment x: 1 -> 2", "  - environment api_key = ********", "  + environment y|z = 3"}},
		{"text colour", func(b *bytes.Buffer) error { return WriteText(b, r, true) }, []string{"\x1b[33m  ~ environment x: 1 -> 2\x1b[0m", "\x1b[31m"}},
		{"json", func(b *bytes.Buffer) error { return WriteJSON(b, r) }, []string{`"equal": false`, `"change": "changed"`, `"secret": true`}},
		{"markdown", func(b *bytes.Buffer) error { return WriteMarkdown(b, r) }, []string{"#### Variables", "| ✏️ | environment | `x` |  | `1` | `2` |", "`y\\|z`"}},
	}
	for _, tc := range tests {
		var b bytes.Buffer
		if err := tc.write(&b); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s: missing %q in\n%s", tc.name, w, b.String())
			}
		}
		if tc.name == "text" && strings.Contains(b.String(), "\x1b[") {
			t.Error("text without colour has escape codes")
		}
	}
	var js struct {
		Equal     bool
		Variables []Change
	}
	var b bytes.Buffer
	WriteJSON(&b, r)
	if err := json.Unmarshal(b.Bytes(), &js); err != nil || js.Equal || len(js.Variables) != 3 {
		t.Errorf("json round trip: %v %+v", err, js)
	}
}
