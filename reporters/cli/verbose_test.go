package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

func TestRequestTarget(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://127.0.0.1:8080/echo?a=1&b=%20x", "/echo?a=1&b=%20x"},
		{"http://example.com", "/"},
		{"http://example.com?q=1", "/?q=1"},
		{"https://user:pw@example.com:8443/a/b#frag", "/a/b"},
		{"example.com/x", "/x"},
	}
	for _, tc := range tests {
		if got := requestTarget(tc.in); got != tc.want {
			t.Errorf("requestTarget(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestVerboseRequest checks --verbose's request size (Newman's: request
// line, headers and body) and the space Newman prints after the request
// body's box.
func TestVerboseRequest(t *testing.T) {
	tests := []struct {
		name    string
		method  string
		url     string
		headers []scripting.Header
		body    string
		want    []string
	}{
		// "GET / HTTP/X.X\r\n\r\n" is 18, the Accept header 6+3+4
		{"no path, no body", "GET", "http://h", []scripting.Header{{Key: "Accept", Value: "*/*"}}, "",
			[]string{"★ 31B↑ "}},
		// "POST /echo?a=1 HTTP/X.X\r\n\r\n" is 27, the Content-Type header 12+10+4, body 5
		{"body", "POST", "http://h:1/echo?a=1", []scripting.Header{{Key: "Content-Type", Value: "text/plain"}}, "hello",
			[]string{"★ 58B↑ ", "  ┌ ↑ raw ★ 5B\n  │ hello\n  └ \n"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := &runner.Execution{
				Request:        &collections.Request{Method: tc.method, URL: collections.ParseURL(tc.url), Body: &collections.Body{Mode: "raw"}},
				URL:            tc.url,
				RequestHeaders: tc.headers,
				RequestBody:    []byte(tc.body),
				Response:       &scripting.Response{Code: 200, Status: "OK", Body: []byte("ok")},
			}
			var buf bytes.Buffer
			r := New(&buf, Options{Verbose: true, NoSummary: true})
			r.Event(runner.Event{Kind: runner.EventRequest, Execution: x})
			if err := r.Done(&runner.Summary{}); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, strings.ReplaceAll(buf.String(), " ", "·"))
				}
			}
		})
	}
}
