package mask_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/reporters/html"
	"github.com/postie-run/postie/reporters/jsonreport"
	"github.com/postie-run/postie/reporters/junit"
	"github.com/postie-run/postie/reporters/mask"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// The secrets a run handles; none may appear in a masked report.
var secrets = []string{
	"bearer-tok-123", "cookie-val-456", "setcookie-789", "assertion-abc", "clientsecret-def",
	"access-ghi", "refresh-jkl", "idtoken-mno", "verifier-pqr", "MIIEvQIBADANBgkqhkiG9w0BAQEFAAS", "envsecret-stu", "authpass-vwx",
}

const pemKey = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAAS\n-----END PRIVATE KEY-----"

func TestReportsMaskSecrets(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: "setcookie-789"})
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"access_token":"access-ghi","refresh_token":"refresh-jkl","id_token":"idtoken-mno","token_type":"Bearer"}`)
	}))
	defer srv.Close()
	js := `{"info":{"name":"secrets","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"token","request":{"method":"POST","url":"` + srv.URL + `/token?code_verifier=verifier-pqr",
	  "header":[{"key":"Authorization","value":"Bearer bearer-tok-123"},{"key":"Cookie","value":"c=cookie-val-456"},{"key":"X-Env","value":"{{envsecret}}"}],
	  "body":{"mode":"urlencoded","urlencoded":[{"key":"client_assertion","value":"assertion-abc"},{"key":"client_secret","value":"clientsecret-def"},{"key":"key","value":` + q(pemKey) + `}]}},
	  "event":[{"listen":"test","script":{"exec":["pm.test('echo', () => pm.expect(pm.environment.get('envsecret')).to.eql('nope'))"]}}]},
	{"name":"basic","request":{"url":"` + srv.URL + `/b","auth":{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"authpass-vwx"}]}}}]}`
	c, err := collections.Parse([]byte(js), "secrets.json")
	if err != nil {
		t.Fatal(err)
	}
	env := &environments.File{Name: "e", Values: environments.NewList(environments.NewVariable("envsecret", "envsecret-stu", "secret"))}
	type rep struct {
		name string
		buf  *bytes.Buffer
		r    runner.Reporter
	}
	var reps []rep
	for _, masked := range []bool{true, false} {
		for _, name := range []string{"json", "junit", "html"} {
			buf := &bytes.Buffer{}
			var r runner.Reporter
			switch name {
			case "json":
				r = jsonreport.New(buf, jsonreport.Options{})
			case "junit":
				r = junit.New(buf)
			case "html":
				r = html.New(buf)
			}
			if masked {
				r = mask.Reporter(r)
				name += " masked"
			}
			reps = append(reps, rep{name, buf, r})
		}
	}
	opts := runner.Options{Collection: c, Environment: env}
	for _, r := range reps {
		opts.Reporters = append(opts.Reporters, r.r)
	}
	sum, err := runner.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		out := r.buf.String()
		if !strings.HasSuffix(r.name, "masked") {
			// unmasked reports hold the secrets: the check below can fail
			leaked := 0
			for _, s := range secrets {
				if strings.Contains(out, s) || strings.Contains(out, base64.StdEncoding.EncodeToString([]byte(s))) {
					leaked++
				}
			}
			t.Logf("%s: %d of %d secrets present unmasked", r.name, leaked, len(secrets))
			if r.name == "json" && leaked < 5 {
				t.Errorf("unmasked JSON report shows only %d secrets; the fixture is not exercising masking", leaked)
			}
			continue
		}
		for _, s := range secrets {
			if strings.Contains(out, s) {
				i := strings.Index(out, s)
				t.Errorf("%s report leaks %q: ...%s...", r.name, s, out[max(0, i-80):min(len(out), i+40)])
			}
		}
		if r.name == "json masked" && !strings.Contains(out, mask.Masked) {
			t.Errorf("masked JSON report shows no mask")
		}
	}
	// the summary itself (exports) keeps the real values
	if v, _ := sum.Environment.Values.Get("envsecret"); v != "envsecret-stu" {
		t.Errorf("masking changed the run's environment: %v", v)
	}
	if h := sum.Executions[0].RequestHeaders; !hasValue(h, "Bearer bearer-tok-123") {
		t.Errorf("masking changed the summary's request headers")
	}
}

func hasValue(hs []scripting.Header, v string) bool {
	for _, h := range hs {
		if h.Value == v {
			return true
		}
	}
	return false
}

func q(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	b.WriteString(strings.NewReplacer("\n", `\n`, `"`, `\"`).Replace(s))
	b.WriteByte('"')
	return b.String()
}

func TestText(t *testing.T) {
	m := mask.New("s3cr3t-value", "ab")
	cases := []struct{ in, want string }{
		{"grant_type=x&client_secret=abc&code_verifier=zz", "grant_type=x&client_secret=********&code_verifier=********"},
		{`{"access_token": "a.b.c", "n": 1}`, `{"access_token": "********", "n": 1}`},
		{"Authorization: Bearer abc.def", "Authorization: Bearer ********"},
		{"x s3cr3t-value y", "x ******** y"},
		{"ab stays (too short)", "ab stays (too short)"},
		{pemKey, "-----BEGIN PRIVATE KEY-----********-----END PRIVATE KEY-----"},
	}
	for _, tc := range cases {
		if got := m.Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, h := range []struct {
		k    string
		mask bool
	}{{"Authorization", true}, {"cookie", true}, {"Set-Cookie", true}, {"X-Refresh-Token", true}, {"Postman-Token", false}, {"Content-Type", false}} {
		if got := mask.Header(h.k, "v") == mask.Masked; got != h.mask {
			t.Errorf("Header(%q) masked=%v, want %v", h.k, got, h.mask)
		}
	}
}
