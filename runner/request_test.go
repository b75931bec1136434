package runner

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/scripting"
)

// seen is what the echo server received.
type seen struct {
	Method string
	URI    string
	Header http.Header
	Host   string
	Body   []byte
}

// echoServer records every request it receives and answers 200 "ok".
func echoServer(t *testing.T) (*httptest.Server, *[]seen) {
	t.Helper()
	var got []seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = append(got, seen{Method: r.Method, URI: r.RequestURI, Header: r.Header.Clone(), Host: r.Host, Body: b})
		w.Write([]byte("ok"))
	}))
	t.Cleanup(srv.Close)
	return srv, &got
}

func scopesOf(kv ...string) *environments.Scopes {
	l := environments.NewList()
	for i := 0; i+1 < len(kv); i += 2 {
		l.Set(kv[i], kv[i+1], "")
	}
	return &environments.Scopes{Environment: l}
}

func newTestSender(t *testing.T, opts *Options) *sender {
	t.Helper()
	tr, err := newTransports(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tr.close)
	return &sender{tr: tr, jar: NewJar(), requestTimeout: opts.RequestTimeout}
}

// do resolves, prepares and sends req.
func do(t *testing.T, s *sender, req *collections.Request, vars *environments.Scopes, b behaviour, dir string) (*sent, *prepared, error) {
	t.Helper()
	res := resolveRequest(req, vars.ReplaceIn)
	p, err := prepare(res, b, dir)
	if err != nil {
		return nil, nil, err
	}
	out, err := s.send(context.Background(), p, b, nil)
	return out, p, err
}

func defaults() behaviour { return newBehaviour(&Options{}) }

func TestBodies(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.txt"), []byte("file content\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.bin"), []byte{0, 1, 2, 255}, 0o644); err != nil {
		t.Fatal(err)
	}
	srv, got := echoServer(t)
	s := newTestSender(t, &Options{})
	vars := scopesOf("v", "vv", "host", srv.URL)
	url := func(p string) *collections.URL { return &collections.URL{Raw: "{{host}}" + p, IsString: true} }
	tests := []struct {
		name   string
		req    *collections.Request
		b      behaviour
		ctype  string // expected Content-Type received ("" none)
		body   string // expected body ("" to skip the check)
		noBody bool
		check  func(t *testing.T, s seen)
	}{
		{name: "raw json", req: &collections.Request{Method: "POST", URL: url("/rj"), Body: &collections.Body{Mode: "raw", Raw: `{"a":"{{v}}"}`, Options: map[string]any{"raw": map[string]any{"language": "json"}}}},
			ctype: "application/json", body: `{"a":"vv"}`},
		{name: "raw default text", req: &collections.Request{Method: "POST", URL: url("/rt"), Body: &collections.Body{Mode: "raw", Raw: "abc"}},
			ctype: "text/plain", body: "abc"},
		{name: "raw xml", req: &collections.Request{Method: "PATCH", URL: url("/x"), Body: &collections.Body{Mode: "raw", Raw: "<a/>", Options: map[string]any{"raw": map[string]any{"language": "xml"}}}},
			ctype: "application/xml", body: "<a/>"},
		{name: "raw html javascript", req: &collections.Request{Method: "POST", URL: url("/x"), Body: &collections.Body{Mode: "raw", Raw: "x()", Options: map[string]any{"raw": map[string]any{"language": "javascript"}}}},
			ctype: "application/javascript", body: "x()"},
		{name: "raw user content type wins", req: &collections.Request{Method: "POST", URL: url("/h"),
			Header: []*collections.Param{{Key: "content-type", Value: "text/foo"}},
			Body:   &collections.Body{Mode: "raw", Raw: "{}", Options: map[string]any{"raw": map[string]any{"language": "json"}}}},
			ctype: "text/foo", body: "{}"},
		{name: "urlencoded", req: &collections.Request{Method: "POST", URL: url("/ue"), Body: &collections.Body{Mode: "urlencoded", URLEncoded: []*collections.Param{
			{Key: "a b", Value: "c&d=e+f/ü*'()~!"}, {Key: "x", Value: "1", Disabled: true}, {Key: "k", Value: "{{v}}"}}}},
			ctype: "application/x-www-form-urlencoded", body: "a%20b=c%26d%3De%2Bf%2F%C3%BC%2A%27%28%29~%21&k=vv"},
		{name: "graphql", req: &collections.Request{Method: "POST", URL: url("/gq"), Body: &collections.Body{Mode: "graphql", GraphQL: &collections.GraphQL{Query: "{ a(x: \"{{v}}\") }", Variables: `{"x":1}`}}},
			ctype: "application/json", body: `{"query":"{ a(x: \"vv\") }","variables":{"x":1}}`},
		{name: "file", req: &collections.Request{Method: "PUT", URL: url("/fi"), Body: &collections.Body{Mode: "file", File: &collections.BodyFile{Src: "f.txt"}}},
			ctype: "text/plain", body: "file content\n"},
		{name: "disabled body", req: &collections.Request{Method: "POST", URL: url("/db"), Body: &collections.Body{Mode: "raw", Raw: "abc", Disabled: true}},
			noBody: true, check: func(t *testing.T, s seen) {
				if s.Header.Get("Content-Length") != "0" && len(s.Body) != 0 {
					t.Errorf("disabled body sent %q", s.Body)
				}
			}},
		{name: "GET body pruned", req: &collections.Request{Method: "GET", URL: url("/gb"), Body: &collections.Body{Mode: "raw", Raw: "hello"}},
			noBody: true},
		{name: "GET body kept with disableBodyPruning", req: &collections.Request{Method: "GET", URL: url("/gb"), Body: &collections.Body{Mode: "raw", Raw: "hello"}},
			b: newBehaviour(&Options{}, map[string]any{"disableBodyPruning": true}), ctype: "text/plain", body: "hello"},
		{name: "formdata", req: &collections.Request{Method: "POST", URL: url("/fd"), Body: &collections.Body{Mode: "formdata", FormData: []*collections.FormParam{
			{Key: "a", Value: "{{v}}"}, {Key: "off", Value: "x", Disabled: true},
			{Key: "j", Value: `{"x":1}`, ContentType: "application/json"},
			{Key: "f", Type: "file", Src: []string{"f.txt", "b.bin"}}}}},
			check: func(t *testing.T, s seen) {
				mt, params, err := mime.ParseMediaType(s.Header.Get("Content-Type"))
				if err != nil || mt != "multipart/form-data" {
					t.Fatalf("content type %q: %v", s.Header.Get("Content-Type"), err)
				}
				if !strings.HasPrefix(params["boundary"], "--------------------------") || len(params["boundary"]) != 50 {
					t.Errorf("boundary %q not shaped like form-data's", params["boundary"])
				}
				mr := multipart.NewReader(bytes.NewReader(s.Body), params["boundary"])
				type part struct{ name, file, ctype, body string }
				var parts []part
				for {
					p, err := mr.NextPart()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatal(err)
					}
					b, _ := io.ReadAll(p)
					parts = append(parts, part{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(b)})
				}
				want := []part{{"a", "", "", "vv"}, {"j", "", "application/json", `{"x":1}`},
					{"f", "f.txt", "text/plain", "file content\n"}, {"f", "b.bin", "application/octet-stream", "\x00\x01\x02\xff"}}
				if len(parts) != len(want) {
					t.Fatalf("parts %+v, want %+v", parts, want)
				}
				for i := range want {
					if parts[i] != want[i] {
						t.Errorf("part %d = %+v, want %+v", i, parts[i], want[i])
					}
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			*got = nil
			b := tc.b
			if b == (behaviour{}) {
				b = defaults()
			}
			out, p, err := do(t, s, tc.req, vars, b, dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(*got) != 1 {
				t.Fatalf("server saw %d requests", len(*got))
			}
			g := (*got)[0]
			if g.Method != tc.req.Method {
				t.Errorf("method %s, want %s", g.Method, tc.req.Method)
			}
			if tc.ctype != "" && g.Header.Get("Content-Type") != tc.ctype {
				t.Errorf("Content-Type %q, want %q", g.Header.Get("Content-Type"), tc.ctype)
			}
			if tc.body != "" && string(g.Body) != tc.body {
				t.Errorf("body %q, want %q", g.Body, tc.body)
			}
			if tc.noBody && len(g.Body) != 0 {
				t.Errorf("body %q sent, want none", g.Body)
			}
			if !bytes.Equal(p.body, g.Body) {
				t.Errorf("recorded body %q differs from the body received %q", p.body, g.Body)
			}
			if out.resp == nil || string(out.resp.Body) != "ok" {
				t.Errorf("response %+v", out.resp)
			}
			if tc.check != nil {
				tc.check(t, g)
			}
		})
	}
}

func TestURLs(t *testing.T) {
	srv, got := echoServer(t)
	s := newTestSender(t, &Options{})
	host := strings.TrimPrefix(srv.URL, "http://")
	ip, port, _ := strings.Cut(host, ":")
	vars := scopesOf("v", "vv", "host", srv.URL, "id", "42", "nested", "{{v}}-n")
	tests := []struct {
		name string
		url  *collections.URL
		b    behaviour
		want string
	}{
		{"string with vars and spaces", &collections.URL{Raw: "{{host}}/a?x=1&y={{v}}&z=a b", IsString: true}, defaults(), "/a?x=1&y=vv&z=a%20b"},
		{"query encode set", &collections.URL{Raw: "{{host}}/p?q=\"#'<>&r=%41ü", IsString: true}, defaults(), "/p?q=%22"},
		{"query param sets", &collections.URL{Raw: "{{host}}/p?a b=\"'<>=x&r=%41ü&k", IsString: true}, defaults(), "/p?a%20b=%22%27%3C%3E=x&r=%41%C3%BC&k"},
		{"nested variables", &collections.URL{Raw: "{{host}}/{{nested}}", IsString: true}, defaults(), "/vv-n"},
		{"path encode set", &collections.URL{Raw: "{{host}}/a b/{c}/ü|'", IsString: true}, defaults(), "/a%20b/%7Bc%7D/%C3%BC|'"},
		{"parts with path variable and disabled query", &collections.URL{
			Protocol: "http", Host: strings.Split(ip, "."), Port: port, Path: []string{"u", ":id", "x"},
			Variables: []*environments.Variable{{Key: "id", Value: "{{v}}"}},
			Query:     []*collections.Param{{Key: "q", Value: "{{id}}"}, {Key: "d", Value: "2", Disabled: true}, {Key: "empty"}, {Key: "flag", ValueNull: true}, {Key: "sp", Value: "a b"}},
			Hash:      "frag",
		}, defaults(), "/u/vv/x?q=42&empty=&flag&sp=a%20b"},
		{"parts keep each query value whole", &collections.URL{Protocol: "http", Host: strings.Split(ip, "."), Port: port, Path: []string{"a b", "c"},
			Query: []*collections.Param{{Key: "k k", Value: "v&v=w"}, {Key: "flag", ValueNull: true}, {Key: "e"}}}, defaults(), "/a%20b/c?k%20k=v%26v=w&flag&e="},
		{"string query as newman encodes it", &collections.URL{Raw: "{{host}}/p a/ü/[x]/{y}/a|b/^/`/'\"/%41/?a=1+2&b=%20x&c=ü&d=a/b&e='x'&f=[1]&g={a}&h=a|b&i=^`&j=\"q\"&k=<>&l=a==b&&m&n=%zz#frag", IsString: true}, defaults(),
			"/p%20a/%C3%BC/[x]/%7By%7D/a|b/^/%60/'%22/%41/?a=1+2&b=%20x&c=%C3%BC&d=a/b&e=%27x%27&f=[1]&g={a}&h=a|b&i=^`&j=%22q%22&k=%3C%3E&l=a==b&&m&n=%zz"},
		{"disableUrlEncoding", &collections.URL{Raw: "{{host}}/a?b=c'd", IsString: true}, newBehaviour(&Options{}, map[string]any{"disableUrlEncoding": true}), "/a?b=c'd"},
		{"no path", &collections.URL{Raw: "{{host}}", IsString: true}, defaults(), "/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			*got = nil
			_, _, err := do(t, s, &collections.Request{URL: tc.url}, vars, tc.b, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(*got) != 1 {
				t.Fatalf("server saw %d requests", len(*got))
			}
			if (*got)[0].URI != tc.want {
				t.Errorf("request URI %q, want %q", (*got)[0].URI, tc.want)
			}
		})
	}
}

func TestHeadersDefaultsAndOrder(t *testing.T) {
	srv, got := echoServer(t)
	s := newTestSender(t, &Options{})
	host := strings.TrimPrefix(srv.URL, "http://")
	tests := []struct {
		name string
		req  *collections.Request
		want []string // header names in order (values checked for a few)
	}{
		{"GET", &collections.Request{URL: &collections.URL{Raw: srv.URL + "/a", IsString: true}},
			[]string{"User-Agent", "Accept", "Cache-Control", "Postman-Token", "Host", "Accept-Encoding", "Connection"}},
		{"raw json", &collections.Request{Method: "POST", URL: &collections.URL{Raw: srv.URL, IsString: true}, Body: &collections.Body{Mode: "raw", Raw: "{}", Options: map[string]any{"raw": map[string]any{"language": "json"}}}},
			[]string{"Content-Type", "User-Agent", "Accept", "Cache-Control", "Postman-Token", "Host", "Accept-Encoding", "Connection", "Content-Length"}},
		{"user headers override and lead", &collections.Request{Method: "POST", URL: &collections.URL{Raw: srv.URL, IsString: true},
			Header: []*collections.Param{{Key: "user-agent", Value: "me"}, {Key: "X-A", Value: "{{v}}"}, {Key: "X-D", Value: "1", Disabled: true}, {Key: "Content-Type", Value: "text/foo"}},
			Body:   &collections.Body{Mode: "raw", Raw: "{}"}},
			[]string{"user-agent", "X-A", "Content-Type", "Accept", "Cache-Control", "Postman-Token", "Host", "Accept-Encoding", "Connection", "Content-Length"}},
		{"urlencoded", &collections.Request{Method: "POST", URL: &collections.URL{Raw: srv.URL, IsString: true}, Body: &collections.Body{Mode: "urlencoded", URLEncoded: []*collections.Param{{Key: "a", Value: "b"}}}},
			[]string{"User-Agent", "Accept", "Cache-Control", "Postman-Token", "Host", "Accept-Encoding", "Connection", "Content-Type", "Content-Length"}},
		{"POST without body", &collections.Request{Method: "POST", URL: &collections.URL{Raw: srv.URL, IsString: true}},
			[]string{"User-Agent", "Accept", "Cache-Control", "Postman-Token", "Host", "Accept-Encoding", "Connection", "Content-Length"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			*got = nil
			out, _, err := do(t, s, tc.req, scopesOf("v", "vv"), defaults(), "")
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			vals := map[string]string{}
			for _, h := range out.header {
				names = append(names, h.Key)
				vals[h.Key] = h.Value
			}
			if strings.Join(names, ",") != strings.Join(tc.want, ",") {
				t.Errorf("headers\n got %v\nwant %v", names, tc.want)
			}
			g := (*got)[0]
			for _, h := range out.header {
				if h.Key == "Connection" {
					continue // hop-by-hop: the server library consumes it
				}
				if gv := g.Header.Get(h.Key); gv != h.Value && !(strings.EqualFold(h.Key, "host") && g.Host == h.Value) {
					t.Errorf("recorded %s: %q, server got %q", h.Key, h.Value, gv)
				}
			}
			if ua := g.Header.Values("User-Agent"); len(ua) != 1 {
				t.Errorf("User-Agent sent %d times: %v", len(ua), ua)
			}
			if _, ok := vals["User-Agent"]; ok && vals["User-Agent"] != userAgent {
				t.Errorf("User-Agent %q", vals["User-Agent"])
			}
			if vals["Host"] != "" && vals["Host"] != host {
				t.Errorf("Host %q, want %q", vals["Host"], host)
			}
			if vals["Accept-Encoding"] != "" && vals["Accept-Encoding"] != "gzip, deflate, br" {
				t.Errorf("Accept-Encoding %q", vals["Accept-Encoding"])
			}
			if tok := vals["Postman-Token"]; tok != "" && len(tok) != 36 {
				t.Errorf("Postman-Token %q is not a uuid", tok)
			}
		})
	}
}

func TestCookiesAndRedirects(t *testing.T) {
	var cookieSeen []string
	var methods []string
	mux := http.NewServeMux()
	mux.HandleFunc("/set", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: "abc", Path: "/"})
		http.SetCookie(w, &http.Cookie{Name: "deep", Value: "1", Path: "/deep"})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		cookieSeen = append(cookieSeen, r.Header.Get("Cookie"))
		methods = append(methods, r.Method+" "+r.URL.Path+" "+r.Header.Get("Referer"))
		w.Write([]byte("final"))
	})
	mux.HandleFunc("/r/", func(w http.ResponseWriter, r *http.Request) {
		n := strings.TrimPrefix(r.URL.Path, "/r/")
		if n == "0" {
			w.Write([]byte("landed " + r.Method))
			return
		}
		next := map[string]string{"1": "0", "2": "1", "3": "2", "4": "3", "5": "4", "6": "5", "7": "6", "8": "7", "9": "8", "10": "9", "11": "10", "12": "11"}[n]
		code := http.StatusFound
		if r.URL.Query().Get("code") != "" {
			code = 307
		}
		http.Redirect(w, r, "/r/"+next+"?"+r.URL.RawQuery, code)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	s := newTestSender(t, &Options{})
	get := func(path, method string, b behaviour) (*sent, error) {
		out, _, err := do(t, s, &collections.Request{Method: method, URL: &collections.URL{Raw: srv.URL + path, IsString: true}, Body: &collections.Body{Mode: "raw", Raw: "x"}}, scopesOf(), b, "")
		return out, err
	}
	if _, err := get("/set", "GET", defaults()); err != nil {
		t.Fatal(err)
	}
	if _, err := get("/other", "GET", defaults()); err != nil {
		t.Fatal(err)
	}
	if _, err := get("/deep/x", "GET", defaults()); err != nil {
		t.Fatal(err)
	}
	if want := []string{"sid=abc", "deep=1; sid=abc"}; strings.Join(cookieSeen, "|") != strings.Join(want, "|") {
		t.Errorf("cookies sent %q, want %q", cookieSeen, want)
	}
	out, _ := get("/other", "GET", newBehaviour(&Options{}, map[string]any{"disableCookies": true}))
	if hasHeader(out.header, "Cookie") || cookieSeen[len(cookieSeen)-1] != "" {
		t.Errorf("disableCookies still sent %q", cookieSeen[len(cookieSeen)-1])
	}
	exp, err := s.jar.Export()
	if err != nil {
		t.Fatal(err)
	}
	re, err := ParseJar(exp)
	if err != nil {
		t.Fatal(err)
	}
	if got := re.cookieHeader(mustURL(t, srv.URL+"/deep/a")); got != "deep=1; sid=abc" {
		t.Errorf("re-imported jar sends %q", got)
	}

	tests := []struct {
		name, path, method string
		b                  behaviour
		code               int
		body               string
		err                string
	}{
		{"followed, POST becomes GET", "/r/3", "POST", defaults(), 200, "landed GET", ""},
		{"307 keeps method", "/r/2?code=307", "POST", defaults(), 200, "landed POST", ""},
		{"followOriginalHttpMethod", "/r/2", "POST", newBehaviour(&Options{}, map[string]any{"followOriginalHttpMethod": true}), 200, "landed POST", ""},
		{"ignored by option", "/r/3", "GET", newBehaviour(&Options{IgnoreRedirects: true}), 302, "", ""},
		{"ignored per item", "/r/3", "GET", newBehaviour(&Options{}, map[string]any{"followRedirects": false}), 302, "", ""},
		{"ten redirects allowed", "/r/10", "GET", defaults(), 200, "landed GET", ""},
		{"too many", "/r/12", "GET", defaults(), 0, "", "Exceeded maxRedirects. Probably stuck in a redirect loop " + srv.URL + "/r/2?"},
		{"maxRedirects per item", "/r/3", "GET", newBehaviour(&Options{}, map[string]any{"maxRedirects": 2.0}), 0, "", "Exceeded maxRedirects. Probably stuck in a redirect loop " + srv.URL + "/r/1?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := get(tc.path, tc.method, tc.b)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if out.resp.Code != tc.code {
				t.Errorf("code %d, want %d", out.resp.Code, tc.code)
			}
			if tc.body != "" && string(out.resp.Body) != tc.body {
				t.Errorf("body %q, want %q", out.resp.Body, tc.body)
			}
		})
	}
}

func mustURL(t *testing.T, s string) *neturl.URL {
	t.Helper()
	b, err := buildURL(s, nil, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	return b.u
}

func TestDecodingAndTimeout(t *testing.T) {
	payload := strings.Repeat("hello postie ", 50)
	mux := http.NewServeMux()
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept-Encoding") != "gzip, deflate, br" {
			t.Errorf("Accept-Encoding %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte(payload))
		zw.Close()
	})
	mux.HandleFunc("/br", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "br")
		bw := brotli.NewWriter(w)
		bw.Write([]byte(payload))
		bw.Close()
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	s := newTestSender(t, &Options{RequestTimeout: 100 * time.Millisecond})
	for _, p := range []string{"/gzip", "/br"} {
		out, _, err := do(t, s, &collections.Request{URL: &collections.URL{Raw: srv.URL + p, IsString: true}}, scopesOf(), defaults(), "")
		if err != nil {
			t.Fatal(err)
		}
		if string(out.resp.Body) != payload {
			t.Errorf("%s: body not decoded: %q", p, out.resp.Body)
		}
		// newman: gzip with Content-Length reports the declared (compressed)
		// size, other encodings the decoded size.
		if p == "/gzip" && (out.resp.ResponseSize >= len(payload) || out.resp.ResponseSize == 0) {
			t.Errorf("%s: size %d should be the compressed size", p, out.resp.ResponseSize)
		}
		if p == "/br" && out.resp.ResponseSize != len(payload) {
			t.Errorf("%s: size %d should be the decoded size %d", p, out.resp.ResponseSize, len(payload))
		}
	}
	_, _, err := do(t, s, &collections.Request{URL: &collections.URL{Raw: srv.URL + "/slow", IsString: true}}, scopesOf(), defaults(), "")
	var re *RequestError
	if !errors.As(err, &re) || re.Message != "ESOCKETTIMEDOUT" {
		t.Errorf("timeout error %v, want ESOCKETTIMEDOUT", err)
	}
	_, _, err = do(t, s, &collections.Request{URL: &collections.URL{Raw: "http://127.0.0.1:1/x", IsString: true}}, scopesOf(), defaults(), "")
	if err == nil || err.Error() != "connect ECONNREFUSED 127.0.0.1:1" {
		t.Errorf("refused error %v", err)
	}
}

func TestJarExportFormat(t *testing.T) {
	j := NewJar()
	u := mustURL(t, "http://127.0.0.1:9/a/b")
	j.SetCookies(u, []*http.Cookie{{Name: "a", Value: "b"}, {Name: "gone", Value: "x", MaxAge: -1}})
	data, err := j.Export()
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	cs := f["cookies"].([]any)
	if len(cs) != 1 || f["version"] != "tough-cookie@4.1.3-postman.1" {
		t.Fatalf("export %s", data)
	}
	c := cs[0].(map[string]any)
	if c["key"] != "a" || c["domain"] != "127.0.0.1" || c["path"] != "/a" || c["hostOnly"] != true {
		t.Errorf("cookie %v", c)
	}
	j.Delete(u, "a")
	if len(j.All()) != 0 {
		t.Errorf("Delete left %v", j.All())
	}
	var _ scripting.CookieJar = j
}

func TestResponseHeadersKeepOrderAndCase(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	const head = "HTTP/1.1 201 Created\r\nx-zeta: 1\r\nContent-Type: text/plain\r\nX-Alpha: 2\r\nset-cookie: a=b\r\nContent-Length: 2\r\n\r\n"
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				buf := make([]byte, 4096)
				for {
					n, err := c.Read(buf)
					if err != nil || n == 0 {
						return
					}
					c.Write([]byte("HTTP/1.1 100 Continue\r\n\r\n" + head + "hi"))
				}
			}(c)
		}
	}()
	s := newTestSender(t, &Options{})
	for i := 0; i < 2; i++ { // the second request reuses the connection
		out, _, err := do(t, s, &collections.Request{URL: &collections.URL{Raw: "http://" + ln.Addr().String() + "/", IsString: true}}, scopesOf(), defaults(), "")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range out.resp.Header {
			got = append(got, h.Key+"="+h.Value)
		}
		want := "x-zeta=1|Content-Type=text/plain|X-Alpha=2|set-cookie=a=b|Content-Length=2"
		if strings.Join(got, "|") != want {
			t.Errorf("round %d: headers %v, want %s", i, got, want)
		}
		if out.resp.Code != 201 || out.resp.Status != "Created" || string(out.resp.Body) != "hi" {
			t.Errorf("response %+v", out.resp)
		}
		// postman-collection: "HTTP/X.X 201 Created\r\n\r\n" + "key: value\r\n" each.
		if want := len(head); out.headerSize != want {
			t.Errorf("header size %d, want %d", out.headerSize, want)
		}
	}
}

// challengeAuth is a test Authorizer: it answers a 401 challenge once, as
// digest does.
type challengeAuth struct {
	nonce    string
	retries  int
	sawBody  string
	authzRun int
}

func (a *challengeAuth) Authorize(req *http.Request, body []byte) error {
	a.authzRun++
	a.sawBody = string(body)
	if a.nonce == "" {
		req.Header.Set("Authorization", "Test initial")
		return nil
	}
	req.Header.Set("Authorization", "Test nonce="+a.nonce)
	return nil
}

func (a *challengeAuth) Retry(resp *http.Response) bool {
	if resp.StatusCode != 401 || a.nonce != "" {
		return false
	}
	a.nonce = strings.TrimPrefix(resp.Header.Get("WWW-Authenticate"), "Test nonce=")
	a.retries++
	return true
}

func TestAuthorizerRetryAndRedirects(t *testing.T) {
	var seenAuth []string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seenAuth = append(seenAuth, "other:"+r.Header.Get("Authorization"))
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seenAuth = append(seenAuth, r.URL.Path+":"+r.Header.Get("Authorization"))
		if r.Header.Get("Authorization") != "Test nonce=n1" {
			w.Header().Set("WWW-Authenticate", "Test nonce=n1")
			w.WriteHeader(401)
			return
		}
		switch r.URL.Path {
		case "/start":
			http.Redirect(w, r, "/same", http.StatusFound)
		case "/same":
			http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+"/away", http.StatusFound)
		}
	}))
	defer srv.Close()
	s := newTestSender(t, &Options{})
	a := &challengeAuth{}
	req := &collections.Request{Method: "POST", URL: &collections.URL{Raw: srv.URL + "/start", IsString: true}, Body: &collections.Body{Mode: "raw", Raw: "payload"}}
	p, err := prepare(resolveRequest(req, func(s string) string { return s }), defaults(), "")
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.send(context.Background(), p, defaults(), a)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/start:Test initial", "/start:Test nonce=n1", "/same:Test nonce=n1", "other:"}
	if strings.Join(seenAuth, "|") != strings.Join(want, "|") {
		t.Errorf("Authorization seen\n got %v\nwant %v", seenAuth, want)
	}
	if a.retries != 1 || a.authzRun != 2 || a.sawBody != "payload" {
		t.Errorf("authorizer %+v", a)
	}
	if out.resp.Code != 200 {
		t.Errorf("code %d", out.resp.Code)
	}
	found := false
	for _, h := range out.header {
		if h.Key == "Authorization" && h.Value == "Test nonce=n1" {
			found = true
		}
	}
	if !found {
		t.Errorf("recorded headers lack the final Authorization: %v", out.header)
	}
}

func TestProxyFromEnvironment(t *testing.T) {
	var seenHost, seenURI string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seenHost, seenURI = r.Host, r.RequestURI
		w.Write([]byte("via proxy"))
	}))
	defer proxy.Close()
	t.Setenv("HTTP_PROXY", proxy.URL)
	t.Setenv("NO_PROXY", "skip.test")
	s := newTestSender(t, &Options{})
	out, _, err := do(t, s, &collections.Request{URL: &collections.URL{Raw: "http://example.test/a?b=c", IsString: true}}, scopesOf(), defaults(), "")
	if err != nil {
		t.Fatal(err)
	}
	if string(out.resp.Body) != "via proxy" || seenHost != "example.test" || seenURI != "http://example.test/a?b=c" {
		t.Errorf("proxy saw host %q uri %q, body %q", seenHost, seenURI, out.resp.Body)
	}
	_, _, err = do(t, s, &collections.Request{URL: &collections.URL{Raw: "http://skip.test/", IsString: true}}, scopesOf(), defaults(), "")
	if err == nil || !strings.Contains(err.Error(), "ENOTFOUND skip.test") {
		t.Errorf("NO_PROXY host: error %v, want a direct DNS failure", err)
	}
}

func TestURLCredentialsBecomeBasicAuth(t *testing.T) {
	srv, got := echoServer(t)
	s := newTestSender(t, &Options{})
	raw := strings.Replace(srv.URL, "http://", "http://us%20er:p%40ss@", 1) + "/x"
	out, _, err := do(t, s, &collections.Request{URL: &collections.URL{Raw: raw, IsString: true}}, scopesOf(), defaults(), "")
	if err != nil {
		t.Fatal(err)
	}
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte("us er:p@ss"))
	if g := (*got)[0].Header.Get("Authorization"); g != want {
		t.Errorf("Authorization %q, want %q", g, want)
	}
	if out.href != srv.URL+"/x" {
		t.Errorf("href %q", out.href)
	}
}

func TestDisabledSystemHeaders(t *testing.T) {
	srv, got := echoServer(t)
	s := newTestSender(t, &Options{})
	b := newBehaviour(&Options{}, map[string]any{"disabledSystemHeaders": map[string]any{"user-agent": true, "Postman-Token": true, "content-type": true, "accept": false}})
	req := &collections.Request{Method: "POST", URL: &collections.URL{Raw: srv.URL, IsString: true}, Body: &collections.Body{Mode: "raw", Raw: "{}", Options: map[string]any{"raw": map[string]any{"language": "json"}}}}
	out, _, err := do(t, s, req, scopesOf(), b, "")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, h := range out.header {
		names = append(names, h.Key)
	}
	if want := "Accept,Cache-Control,Host,Accept-Encoding,Connection,Content-Length"; strings.Join(names, ",") != want {
		t.Errorf("headers %v, want %s", names, want)
	}
	g := (*got)[0]
	if _, ok := g.Header["User-Agent"]; ok {
		t.Errorf("User-Agent sent: %q", g.Header.Get("User-Agent"))
	}
	if g.Header.Get("Content-Type") != "" || g.Header.Get("Postman-Token") != "" {
		t.Errorf("disabled headers sent: %v", g.Header)
	}
}

// Without a body, newman sends "Content-Length: 0" for every method except
// GET, HEAD, DELETE, OPTIONS and TRACE (measured with newman 6.2.2).
func TestContentLengthWithoutBodyByMethod(t *testing.T) {
	srv, got := echoServer(t)
	s := newTestSender(t, &Options{})
	tests := []struct {
		method string
		body   *collections.Body
		want   string // "" means no Content-Length header
	}{
		{"GET", nil, ""}, {"HEAD", nil, ""}, {"DELETE", nil, ""}, {"OPTIONS", nil, ""}, {"TRACE", nil, ""},
		{"delete", nil, ""},
		{"DELETE", &collections.Body{Mode: "raw", Raw: ""}, ""},
		{"POST", nil, "0"}, {"PUT", nil, "0"}, {"PATCH", nil, "0"},
		{"PURGE", nil, "0"}, {"COPY", nil, "0"}, {"LOCK", nil, "0"}, {"PROPFIND", nil, "0"}, {"LINK", nil, "0"}, {"FOO", nil, "0"},
		{"DELETE", &collections.Body{Mode: "raw", Raw: "x"}, "1"},
	}
	for _, tc := range tests {
		t.Run(tc.method, func(t *testing.T) {
			*got = nil
			req := &collections.Request{Method: tc.method, URL: &collections.URL{Raw: srv.URL + "/m", IsString: true}, Body: tc.body}
			out, _, err := do(t, s, req, scopesOf(), defaults(), "")
			if err != nil {
				t.Fatal(err)
			}
			recorded := ""
			for _, h := range out.header {
				if h.Key == "Content-Length" {
					recorded = h.Value
				}
			}
			g := (*got)[0]
			if recorded != tc.want || g.Header.Get("Content-Length") != tc.want {
				t.Errorf("%s: Content-Length recorded %q, server got %q, want %q", tc.method, recorded, g.Header.Get("Content-Length"), tc.want)
			}
		})
	}
}

// The Cookie header follows tough-cookie: longest path first, then oldest
// creation (milliseconds; none is newest), then the order of creation.
func TestCookieHeaderOrder(t *testing.T) {
	u, _ := neturl.Parse("http://127.0.0.1:9/a/b/c")
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	type set struct {
		at      time.Duration // after t0
		cookies []*http.Cookie
	}
	jarJSON := func(cs ...string) string {
		return `{"version":"tough-cookie@4.1.3","storeType":"MemoryCookieStore","cookies":[` + strings.Join(cs, ",") + `]}`
	}
	tests := []struct {
		name string
		load string // jar JSON to start from ("" = empty jar)
		sets []set
		want string
	}{
		{"same response keeps set order", "", []set{{0, []*http.Cookie{{Name: "session", Value: "abc"}, {Name: "theme", Value: "dark"}}}},
			"session=abc; theme=dark"},
		{"same millisecond, separate responses", "", []set{
			{0, []*http.Cookie{{Name: "z", Value: "1"}}}, {time.Microsecond, []*http.Cookie{{Name: "a", Value: "2"}}}},
			"z=1; a=2"},
		{"longer path first", "", []set{
			{0, []*http.Cookie{{Name: "root", Value: "1", Path: "/"}}}, {time.Second, []*http.Cookie{{Name: "deep", Value: "2", Path: "/a/b"}, {Name: "mid", Value: "3", Path: "/a"}}}},
			"deep=2; mid=3; root=1"},
		{"a replaced cookie keeps its creation", "", []set{
			{0, []*http.Cookie{{Name: "x", Value: "old"}}}, {time.Second, []*http.Cookie{{Name: "y", Value: "1"}}}, {2 * time.Second, []*http.Cookie{{Name: "x", Value: "new"}}}},
			"x=new; y=1"},
		{"loaded jar sorts by creation, not file order",
			jarJSON(`{"key":"b","value":"2","domain":"127.0.0.1","path":"/","hostOnly":true,"creation":"2026-01-02T00:00:00.000Z"}`,
				`{"key":"a","value":"1","domain":"127.0.0.1","path":"/","hostOnly":true,"creation":"2026-01-01T00:00:00.000Z"}`),
			nil, "a=1; b=2"},
		{"a loaded cookie without creation is newest",
			jarJSON(`{"key":"n","value":"0","domain":"127.0.0.1","path":"/","hostOnly":true}`,
				`{"key":"o","value":"1","domain":"127.0.0.1","path":"/","hostOnly":true,"creation":"2026-01-01T00:00:00.000Z"}`),
			[]set{{0, []*http.Cookie{{Name: "s", Value: "2", Path: "/"}}}}, "o=1; s=2; n=0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := NewJar()
			if tc.load != "" {
				var err error
				if j, err = ParseJar([]byte(tc.load)); err != nil {
					t.Fatal(err)
				}
			}
			for _, s := range tc.sets {
				at := t0.Add(s.at)
				j.now = func() time.Time { return at }
				j.SetCookies(u, s.cookies)
			}
			if got := j.cookieHeader(u); got != tc.want {
				t.Errorf("Cookie %q, want %q", got, tc.want)
			}
		})
	}
}
