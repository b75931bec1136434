package runner

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

func TestWithAddedQuery(t *testing.T) {
	tests := []struct{ name, display, before, after, want string }{
		{"nothing added", "http://h/p?q=a b", "http://h/p?q=a%20b", "http://h/p?q=a%20b", "http://h/p?q=a b"},
		{"api key into an empty query", "http://h/echo", "http://h/echo", "http://h/echo?api_key=K1", "http://h/echo?api_key=K1"},
		{"token after the request's own", "http://h/p?a=1#frag", "http://h/p?a=1", "http://h/p?a=1&access_token=at", "http://h/p?a=1&access_token=at#frag"},
		{"replaced parameter", "http://h/p?k=old", "http://h/p?k=old", "http://h/p?k=new", "http://h/p?k=old&k=new"},
		{"redirect: path changed", "http://h/a", "http://h/a", "http://h/b?x=1", "http://h/a"},
		{"bare question mark", "http://h/p?", "http://h/p?", "http://h/p?t=1", "http://h/p?t=1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := withAddedQuery(tc.display, tc.before, tc.after); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDisplayURL checks the URL the cli prints for a request: resolved but
// not encoded, with its fragment and the auth's query parameters, as newman
// prints it (measured with newman 6.2.2 on the conformance corpus).
func TestDisplayURL(t *testing.T) {
	srv := newHitServer(t)
	js := `{"info":{"name":"d","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"a","request":{"url":"%URL%/items?q=a b&c=ü&flag#frag","auth":{"type":"apikey","apikey":[{"key":"key","value":"api_key"},{"key":"value","value":"K1"},{"key":"in","value":"query"}]}}}]}`
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL)})
	if err != nil {
		t.Fatal(err)
	}
	ex := sum.Executions[0]
	if want := srv.URL + "/items?q=a b&c=ü&flag&api_key=K1#frag"; ex.DisplayURL != want {
		t.Errorf("DisplayURL %q, want %q", ex.DisplayURL, want)
	}
	if want := srv.URL + "/items?q=a%20b&c=%C3%BC&flag&api_key=K1"; ex.URL != want {
		t.Errorf("URL %q, want %q (as sent)", ex.URL, want)
	}
}

// TestDigestChallengeReported checks that digest auth's 401 round trip is
// reported as a request of its own before the one it led to, as newman
// reports it (two requests in the stats, two request lines).
func TestDigestChallengeReported(t *testing.T) {
	rec := &eventLog{}
	sum, _, err := runDigestChallenge(t, rec)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stats.Requests != (Count{2, 0}) || sum.Failed() {
		t.Errorf("requests %+v failures %+v, want 2 requests, none failed", sum.Stats.Requests, sum.Failures)
	}
	if len(sum.OtherResponses) != 1 || sum.OtherResponses[0].Size != len("challenge") {
		t.Errorf("other responses %+v, want the 9-byte challenge", sum.OtherResponses)
	}
	var got []string
	for _, e := range rec.events {
		switch e.Kind {
		case EventSendRequest:
			got = append(got, fmt.Sprintf("challenge %s %d %s", e.Sent.Request.Method, e.Sent.Response.Code, e.Sent.Response.Body))
		case EventRequest:
			got = append(got, fmt.Sprintf("request %d %s", e.Execution.Response.Code, e.Execution.Response.Body))
		}
	}
	if want := "challenge GET 401 challenge|request 200 ok"; strings.Join(got, "|") != want {
		t.Errorf("events %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestScriptSources(t *testing.T) {
	const pre = `{"info":{"name":"h","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},`
	tests := []struct {
		name, js string
		want     []string
	}{
		{"no events", pre + `"item":[{"name":"a","request":{"url":"http://x/"}}]}`, nil},
		{"blank scripts", pre + `"event":[{"listen":"test","script":{"exec":["  ",""]}}],"item":[{"name":"a","event":[{"listen":"prerequest","script":{"exec":[]}}],"request":{"url":"http://x/"}}]}`, nil},
		{"collection script", pre + `"event":[{"listen":"test","script":{"exec":["pm.test('t', function () {})"]}}],"item":[{"name":"a","request":{"url":"http://x/"}}]}`, []string{"pm.test('t', function () {})"}},
		{"deep item script", pre + `"item":[{"name":"f","item":[{"name":"g","item":[{"name":"a","event":[{"listen":"test","script":{"exec":"console.log(1)"}}],"request":{"url":"http://x/"}}]}]}]}`, []string{"console.log(1)"}},
		{"folder and item scripts in order", pre + `"item":[{"name":"f","event":[{"listen":"prerequest","script":{"exec":["x = 1","y = 2"]}}],"item":[{"name":"a","event":[{"listen":"test","script":{"exec":"z = 3"}}],"request":{"url":"http://x/"}}]}]}`, []string{"x = 1\ny = 2", "z = 3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := scriptSources(parseColl(t, tc.js, "")); !slices.Equal(got, tc.want) {
				t.Errorf("scriptSources = %q, want %q", got, tc.want)
			}
		})
	}
}

// runDigestChallenge runs a one-item collection with digest auth against a
// server that first answers 401 with a challenge (body "challenge"), then
// "ok", records the run's events in rec and returns the summary and the
// server's URL.
func runDigestChallenge(t *testing.T, rec *eventLog) (*Summary, string, error) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Digest ") {
			w.Header().Set("WWW-Authenticate", `Digest realm="r", nonce="n", qop="auth"`)
			w.WriteHeader(401)
			w.Write([]byte("challenge"))
			return
		}
		w.Write([]byte("ok"))
	}))
	t.Cleanup(srv.Close)
	js := `{"info":{"name":"d","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"a","request":{"url":"%URL%/d","auth":{"type":"digest","digest":[{"key":"username","value":"u"},{"key":"password","value":"p"}]}}}]}`
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Reporters: []Reporter{rec}})
	return sum, srv.URL, err
}
