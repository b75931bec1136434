package runner

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/postie-run/postie/collections"
)

// FuzzBuildURL: building the wire URL from any raw text never panics, and a
// built URL has a host and an origin-form path.
func FuzzBuildURL(f *testing.F) {
	for _, s := range []string{
		"http://127.0.0.1:8080/a b/ü?x=1 2&y=%zz#frag",
		"localhost/:id/x",
		"https://u:p@h/",
		"file:///etc/passwd",
		"//h",
		"h?&&=",
		"HTTP://H/%41",
	} {
		f.Add(s, "id", false)
	}
	f.Fuzz(func(t *testing.T, raw, pathVar string, noEncode bool) {
		b, err := buildURL(raw, nil, map[string]string{"id": pathVar}, noEncode)
		if err != nil {
			return
		}
		if b.u.Host == "" || b.host == "" {
			t.Fatalf("built URL without host from %q", raw)
		}
		if !strings.HasPrefix(requestURI(b.u), "/") && !noEncode && pathVar == "" {
			t.Fatalf("request target %q not origin-form for %q", requestURI(b.u), raw)
		}
		// parts-form URL of the same text
		u := collections.ParseURL(raw)
		if isParts(u) {
			_, _ = buildURL(rawURL(u, false), u.Query, nil, noEncode)
		}
	})
}

// FuzzCookieJar: Set-Cookie headers of any shape from any host never panic
// the jar, the jar never sends a cookie to a host it does not domain-match,
// and an export loads back with the same cookies.
func FuzzCookieJar(f *testing.F) {
	for _, s := range []string{
		"a=b; Path=/; HttpOnly",
		"sid=1; Domain=.example.com; Max-Age=60; Secure; SameSite=Lax",
		"x=y; Expires=Wed, 21 Oct 2015 07:28:00 GMT",
		"bad; Domain=com",
		"c=d; Max-Age=-1",
		"e=\"quoted\"; Path=nopath",
	} {
		f.Add("http://www.example.com/p/q", s, "http://example.com/")
	}
	f.Fuzz(func(t *testing.T, from, setCookie, to string) {
		fu, err := url.Parse(from)
		if err != nil || fu.Host == "" {
			return
		}
		tu, err := url.Parse(to)
		if err != nil || tu.Host == "" {
			return
		}
		j := NewJar()
		resp := &http.Response{Header: http.Header{"Set-Cookie": {setCookie}}}
		j.SetCookies(fu, resp.Cookies())
		for _, c := range j.Cookies(tu) {
			_ = c
		}
		_ = j.cookieHeader(tu)
		data, err := j.Export()
		if err != nil {
			t.Fatalf("export: %v", err)
		}
		j2, err := ParseJar(data)
		if err != nil {
			t.Fatalf("exported jar does not load: %v\n%s", err, data)
		}
		if len(j2.All()) != len(j.All()) {
			t.Fatalf("export/load lost cookies: %d -> %d\n%s", len(j.All()), len(j2.All()), data)
		}
	})
}

// FuzzParseJar: any jar file content never panics the loader.
func FuzzParseJar(f *testing.F) {
	f.Add([]byte(`{"version":"tough-cookie@4.1.3","cookies":[{"key":"a","value":"b","domain":"h","path":"/","expires":"2030-01-01T00:00:00.000Z","creation":"x"}]}`))
	f.Add([]byte(`{"cookies":[null,{},{"key":"","value":""},{"key":"k","expires":"Infinity"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := ParseJar(data)
		if err != nil {
			return
		}
		_ = j.All()
		u, _ := url.Parse("http://h/p")
		_ = j.Cookies(u)
		if _, err := j.Export(); err != nil {
			t.Fatalf("export: %v", err)
		}
	})
}
