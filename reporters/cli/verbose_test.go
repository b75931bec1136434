package cli

import (
	"bytes"
	"testing"
	"time"

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

// verboseOutput prints one item's request with --verbose.
func verboseOutput(t *testing.T, opts Options, x *runner.Execution) string {
	t.Helper()
	var buf bytes.Buffer
	opts.Verbose, opts.NoSummary = true, true
	r := New(&buf, opts)
	r.Event(runner.Event{Kind: runner.EventRequest, Execution: x})
	if err := r.Done(&runner.Summary{}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func params(kv ...string) []*collections.Param {
	var out []*collections.Param
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, &collections.Param{Key: kv[i], Value: kv[i+1]})
	}
	return out
}

// TestVerboseRequest checks --verbose's request figures and body box as
// Newman's: the size is the request line, the enabled headers and the
// body (its Content-Length when sent, else its text); the header count
// includes disabled headers; the box shows the SDK's text of the body (a
// raw body's, an urlencoded body's fields, nothing for formdata and file)
// and is followed by a space.
func TestVerboseRequest(t *testing.T) {
	disabled := &collections.Param{Key: "X-Off", Value: "no", Disabled: true}
	tests := []struct {
		name         string
		method, url  string
		headers      []*collections.Param
		body         *collections.Body
		want, unwant []string
	}{
		// "GET / HTTP/X.X\r\n\r\n" is 18, the Accept header 6+3+4
		{"no path, no body", "GET", "http://h", params("Accept", "*/*"), nil,
			[]string{"★ 31B↑ ", "★ 1↑ "}, []string{"┌ ↑"}},
		{"disabled header counted, not sized", "GET", "http://h", append(params("Accept", "*/*"), disabled), nil,
			[]string{"★ 31B↑ ", "★ 2↑ "}, nil},
		// "POST /echo?a=1 HTTP/X.X\r\n\r\n" is 27, the Content-Type header 12+10+4, body 5
		{"raw body without Content-Length", "POST", "http://h:1/echo?a=1", params("Content-Type", "text/plain"),
			&collections.Body{Mode: "raw", Raw: "hello"},
			[]string{"★ 58B↑ ", "  ┌ ↑ raw ★ 5B\n  │ hello\n  └ \n"}, nil},
		// "POST /echo HTTP/X.X\r\n\r\n" is 23, Content-Length 14+3+4
		{"formdata: Content-Length, no text", "POST", "http://h/echo", params("Content-Length", "577"),
			&collections.Body{Mode: "formdata", FormData: []*collections.FormParam{{Key: "a", Value: "b"}}},
			[]string{"★ 621B↑ ", "  ┌ ↑ formdata ★ 577B\n  │ \n  └ \n"}, nil},
		// newman 6.2.2, body-get-pruning's "disabled body": 4 bytes shown, none counted
		{"disabled body sends Content-Length 0", "POST", "http://h/echo", params("Content-Length", "0"),
			&collections.Body{Mode: "raw", Raw: "nope", Disabled: true},
			[]string{"★ 42B↑ ", "  ┌ ↑ raw ★ 4B\n  │ nope\n  └ \n"}, nil},
		// newman 6.2.2, body-urlencoded: the fields joined, "&" escaped, not encoded
		{"urlencoded fields", "POST", "http://h/echo", params("Content-Length", "92"),
			&collections.Body{Mode: "urlencoded", URLEncoded: append(params("name", "Ada Lovelace", "special", "a&b=c/d?e+f %"), disabled)},
			[]string{"  ┌ ↑ urlencoded ★ 92B\n  │ name=Ada Lovelace&special=a%26b=c/d?e+f %\n  └ \n"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := &runner.Execution{
				Request:  &collections.Request{Method: tc.method, URL: collections.ParseURL(tc.url), Header: tc.headers, Body: tc.body},
				URL:      tc.url,
				Response: &scripting.Response{Code: 200, Status: "OK", Body: []byte("ok")},
			}
			got := verboseOutput(t, Options{}, x)
			checkOutput(t, got, tc.want, tc.unwant)
		})
	}
}

// TestVerboseLayout compares whole --verbose blocks with newman 6.2.2's
// (methods and sendrequest-callback of the conformance corpus, --color off):
// no header boxes, the response's content info, the timing phases.
func TestVerboseLayout(t *testing.T) {
	ms := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
	wire := []scripting.Header{{Key: "User-Agent", Value: "PostmanRuntime/7.39.1"}, {Key: "Accept", Value: "*/*"},
		{Key: "Cache-Control", Value: "no-cache"}, {Key: "Postman-Token", Value: "6f1c5d0e-8a4b-4d3c-9e2f-1a2b3c4d5e6f"},
		{Key: "Host", Value: "127.0.0.1:34603"}, {Key: "Accept-Encoding", Value: "gzip, deflate, br"}, {Key: "Connection", Value: "keep-alive"}}
	jsonHead := []scripting.Header{{Key: "Content-Type", Value: "application/json; charset=utf-8"},
		{Key: "Date", Value: "Wed, 25 Nov 2026 12:40:15 GMT"}, {Key: "Content-Length", Value: "24"}}
	tests := []struct {
		name string
		x    *runner.Execution
		want string
	}{
		{"HEAD: no body", &runner.Execution{
			Request:            &collections.Request{Method: "HEAD", URL: collections.ParseURL("http://127.0.0.1:34603/echo")},
			URL:                "http://127.0.0.1:34603/echo",
			RequestHeaders:     wire,
			Response:           &scripting.Response{Code: 200, Status: "OK", Header: jsonHead, ResponseTime: ms(2.4)},
			ResponseHeaderSize: 124,
			Timings:            &runner.Timings{Prepare: ms(0.741), Wait: ms(0.265), FirstByte: ms(0.678), Download: ms(0.814), Process: ms(0.053), Total: ms(2.6)},
		}, "  HEAD http://127.0.0.1:34603/echo  \n" +
			"  200 OK ★ 2ms time ★ 232B↑ 124B↓ size ★ 7↑ 3↓ headers ★ 0 cookies\n" +
			"  ↓ application/json ★ text ★ json ★ utf8\n" +
			"\n" +
			"  prepare   wait    dns-lookup   tcp-handshake   transfer-start   download   process   total \n" +
			"  741µs     265µs   (cache)      (cache)         678µs            814µs      53µs      2ms   \n" +
			"\n"},
		{"body and a new connection", &runner.Execution{
			Request:        &collections.Request{Method: "GET", URL: collections.ParseURL("http://127.0.0.1:34603/echo")},
			URL:            "http://127.0.0.1:34603/echo",
			RequestHeaders: wire,
			Response: &scripting.Response{Code: 200, Status: "OK", Header: jsonHead, Body: []byte(`{"a":1,"path":"/echo"}`),
				ResponseTime: ms(106), ResponseSize: 24},
			ResponseHeaderSize: 124,
			Timings:            &runner.Timings{Prepare: ms(28), Wait: ms(39), TCP: ms(1.2), FirstByte: ms(12), Download: ms(51), Process: ms(0.398), Total: ms(134)},
		}, "  GET http://127.0.0.1:34603/echo  \n" +
			"  200 OK ★ 106ms time ★ 231B↑ 148B↓ size ★ 7↑ 3↓ headers ★ 0 cookies\n" +
			"  ┌ ↓ application/json ★ text ★ json ★ utf8 ★ 22B\n" +
			"  │ {\"a\":1,\"path\":\"/echo\"}\n" +
			"  └\n" +
			"  prepare   wait   dns-lookup   tcp-handshake   transfer-start   download   process   total \n" +
			"  28ms      39ms   (cache)      1ms             12ms             51ms       398µs     134ms \n" +
			"\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := verboseOutput(t, Options{}, tc.x); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestPhaseTable checks the timing table against rows newman 6.2.2 printed
// (columns as wide as their widest cell, "(cache)" for phases that did not
// happen) and the TLS column, which appears only after a handshake.
func TestPhaseTable(t *testing.T) {
	ms := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
	tests := []struct {
		name string
		t    runner.Timings
		want string
	}{
		{"new connection to an IP", runner.Timings{Prepare: ms(19), Wait: ms(13), TCP: ms(1), FirstByte: ms(3), Download: ms(25), Process: ms(0.548), Total: ms(63)},
			"  prepare   wait   dns-lookup   tcp-handshake   transfer-start   download   process   total \n" +
				"  19ms      13ms   (cache)      1ms             3ms              25ms       548µs     63ms  \n"},
		{"reused connection", runner.Timings{Prepare: ms(5), Wait: ms(0.89), FirstByte: ms(7), Download: ms(1), Process: ms(0.078), Total: ms(15)},
			"  prepare   wait    dns-lookup   tcp-handshake   transfer-start   download   process   total \n" +
				"  5ms       890µs   (cache)      (cache)         7ms              1ms        78µs      15ms  \n"},
		{"TLS and DNS", runner.Timings{Prepare: ms(2), Wait: ms(1), DNS: ms(4), TCP: ms(30), TLS: ms(61), FirstByte: ms(120), Download: ms(3), Process: ms(1), Total: ms(222)},
			"  prepare   wait   dns-lookup   tcp-handshake   ssl-handshake   transfer-start   download   process   total \n" +
				"  2ms       1ms    4ms          30ms            61ms            120ms            3ms        1ms       222ms \n"},
	}
	r := New(&bytes.Buffer{}, Options{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := r.phaseTable(&tc.t); got != tc.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tc.want)
			}
		})
	}
}

// TestContentInfo checks the response summary against what
// postman-collection's Response.contentInfo() gives for the same
// Content-Type (measured with newman 6.2.2's copy).
func TestContentInfo(t *testing.T) {
	tests := []struct {
		types []string // Content-Type headers, in order
		body  string
		want  string
	}{
		{[]string{"application/json; charset=utf-8"}, "", "application/json|text|json|utf8"},
		{[]string{"Application/JSON ; Charset = \"UTF-8\""}, "", "application/json|text|json|utf8"},
		{[]string{"text/html; charset=ISO-8859-1"}, "", "text/html|text|html|iso-8859-1"},
		{[]string{"text/plain"}, "", "text/plain|text|plain|utf8"},
		{[]string{"text/csv"}, "", "text/csv|text|plain|utf8"},
		{[]string{"application/xml"}, "", "application/xml|text|xml|utf8"},
		{[]string{"application/problem+json"}, "", "application/problem+json|text|json|utf8"},
		{[]string{"application/vnd.api+json"}, "", "application/vnd.api+json|text|json|utf8"},
		{[]string{"application/javascript"}, "", "application/javascript|text|script|utf8"},
		{[]string{"application/x-www-form-urlencoded"}, "", "application/x-www-form-urlencoded|text|plain|utf8"},
		{[]string{"application/octet-stream"}, "", "application/octet-stream|application|raw|utf8"},
		{[]string{"application/font-woff"}, "", "application/font-woff|application|raw|utf8"},
		{[]string{"multipart/form-data; boundary=x"}, "", "multipart/form-data|multipart|raw|utf8"},
		{[]string{"message/rfc822"}, "", "message/rfc822|message|raw|utf8"},
		{[]string{"image/png"}, "", "image/png|image|image|utf8"},
		{[]string{"video/mp4"}, "", "video/mp4|video|video|utf8"},
		{[]string{"random/abc"}, "", "random/abc|unknown|raw|utf8"},
		{[]string{"foo"}, "", "foo|unknown|raw|utf8"},
		{[]string{"text/plain", "application/json"}, "", "application/json|text|json|utf8"},
		{nil, "hello", "text/plain|text|plain|utf8"},
		{nil, "\x89PNG\r\n\x1a\n....", "image/png|image|image|utf8"},
	}
	for _, tc := range tests {
		res := &scripting.Response{Body: []byte(tc.body)}
		for _, ct := range tc.types {
			res.Header = append(res.Header, scripting.Header{Key: "Content-Type", Value: ct})
		}
		if got := contentSummary(responseContentInfo(res), "|"); got != tc.want {
			t.Errorf("contentInfo(%q) = %q, want %q", tc.types, got, tc.want)
		}
	}
}

// TestVerboseSentRequest checks that a pm.sendRequest call (or an auth
// challenge) gets a whole --verbose block, as in Newman, from what the
// runner recorded of it on the wire; without that record, only the figures
// the response gives.
func TestVerboseSentRequest(t *testing.T) {
	sent := &scripting.SentRequest{
		Request:  &collections.Request{Method: "POST", URL: collections.ParseURL("http://h/echo"), Body: &collections.Body{Mode: "raw", Raw: `{"a":1}`}},
		Response: &scripting.Response{Code: 200, Status: "OK", Body: []byte("ok"), ResponseTime: 17 * time.Millisecond},
	}
	tests := []struct {
		name         string
		xc           *runner.Exchange
		want, unwant []string
	}{
		// request: "POST /echo HTTP/X.X\r\n\r\n" 23, headers 4+1+4 and
		// 14+1+4, body 7; response: "HTTP/X.X 200 OK\r\n\r\n" 19, body 2
		{"recorded", &runner.Exchange{Header: []scripting.Header{{Key: "Host", Value: "h"}, {Key: "Content-Length", Value: "7"}}, Href: "http://h/echo",
			Timings: &runner.Timings{Prepare: time.Millisecond, Total: 2 * time.Millisecond}},
			[]string{"  POST http://h/echo  \n  200 OK ★ 17ms time ★ 58B↑ 21B↓ size ★ 2↑ 0↓ headers ★ 0 cookies\n",
				"  ┌ ↑ raw ★ 7B\n  │ {\"a\":1}\n  └ \n", "  ┌ ↓ text/plain ★ text ★ plain ★ utf8 ★ 2B\n", "  prepare   wait"}, nil},
		{"not recorded", nil,
			[]string{"  200 OK ★ 17ms time ★ 30B↑ 21B↓ size ★ 0↑ 0↓ headers ★ 0 cookies\n", "  ┌ ↑ raw ★ 7B\n"}, []string{"prepare"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			r := New(&buf, Options{Verbose: true, NoSummary: true})
			r.Event(runner.Event{Kind: runner.EventSendRequest, Sent: sent, Exchange: tc.xc})
			if err := r.Done(&runner.Summary{}); err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			checkOutput(t, got, tc.want, tc.unwant)
		})
	}
}

// TestVerboseSummary checks the phase averages Newman adds to the summary
// with --verbose (first byte; DNS only when a lookup happened), over the
// items' responses and the others. auth-apikey's run printed first bytes of
// 2ms and 7ms as "4ms [min: 2ms, max: 7ms, s.d.: 2ms]".
func TestVerboseSummary(t *testing.T) {
	ms := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
	item := func(firstByte, dns float64) *runner.Execution {
		return &runner.Execution{Response: &scripting.Response{Code: 200, ResponseTime: ms(10)},
			Timings: &runner.Timings{FirstByte: ms(firstByte), DNS: ms(dns)}}
	}
	tests := []struct {
		name         string
		verbose      bool
		items        []*runner.Execution
		others       []runner.ResponseFigure
		want, unwant []string
	}{
		{"items", true, []*runner.Execution{item(2, 0), item(7, 0)}, nil,
			[]string{"│ average first byte time: 4ms [min: 2ms, max: 7ms, s.d.: 2ms]"}, []string{"DNS"}},
		{"with other responses and a lookup", true, []*runner.Execution{item(12, 3)},
			[]runner.ResponseFigure{{Time: ms(5), Timings: &runner.Timings{FirstByte: ms(9)}}, {Time: ms(5), Timings: &runner.Timings{FirstByte: ms(13)}}},
			[]string{"average DNS lookup time: 3ms [min: 3ms, max: 3ms, s.d.: 0µs]", "average first byte time: 11ms [min: 9ms, max: 13ms, s.d.: 1ms]"}, nil},
		{"not verbose", false, []*runner.Execution{item(2, 1)}, nil, nil, []string{"first byte", "DNS"}},
		{"no timings", true, []*runner.Execution{{Response: &scripting.Response{Code: 200, ResponseTime: ms(10)}}}, nil,
			[]string{"average response time"}, []string{"first byte"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			r := New(&buf, Options{Verbose: tc.verbose})
			if err := r.Done(&runner.Summary{Iterations: 1, Executions: tc.items, OtherResponses: tc.others}); err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			checkOutput(t, got, tc.want, tc.unwant)
		})
	}
}

// TestVerboseMasking: --verbose masks secrets in the request line and the
// bodies unless ShowSecrets.
func TestVerboseMasking(t *testing.T) {
	x := &runner.Execution{
		Request: &collections.Request{Method: "POST", URL: collections.ParseURL("http://h/echo?api_key=K1"),
			Body: &collections.Body{Mode: "raw", Raw: `{"password":"pw-K1"}`}},
		URL:      "http://h/echo?api_key=K1",
		Response: &scripting.Response{Code: 200, Status: "OK", Body: []byte(`{"token":"K1"}`)},
	}
	tests := []struct {
		name         string
		opts         Options
		want, unwant []string
	}{
		{"masked", Options{Secrets: []string{"K1"}}, []string{"api_key=********", `"token":"********"`}, []string{"K1"}},
		{"shown", Options{Secrets: []string{"K1"}, ShowSecrets: true}, []string{"api_key=K1", `"token":"K1"`}, []string{"********"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := verboseOutput(t, tc.opts, x)
			checkOutput(t, got, tc.want, tc.unwant)
		})
	}
}
