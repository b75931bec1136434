package scripting

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/collections"
)

// testOutcome runs src as a test script and returns each pm.test's error
// text ("" when it passed) and the script error, if any.
func testOutcome(t *testing.T, s *Sandbox, src string, ex *Execution) (tests map[string]string, scriptErr string) {
	t.Helper()
	res := run(t, s, src, ex)
	tests = map[string]string{}
	for _, tr := range res.Tests {
		tests[tr.Name] = tr.Error
		if tr.Passed {
			tests[tr.Name] = ""
		}
	}
	if res.Err != nil {
		scriptErr = res.Err.Error()
	}
	return tests, scriptErr
}

// TestNullPropertyRead checks V8's wording for reads of null versus undefined.
func TestNullPropertyRead(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct{ name, src, want string }{
		{"null literal", `pm.test('t', () => { null.x; });`, "Cannot read properties of null (reading 'x')"},
		{"parenthesised null", `pm.test('t', () => { (null).y; });`, "Cannot read properties of null (reading 'y')"},
		{"null bracket", `pm.test('t', () => { null['z']; });`, "Cannot read properties of null (reading 'z')"},
		{"undefined variable", `var o; pm.test('t', () => { o.x; });`, "Cannot read properties of undefined (reading 'x')"},
		{"undefined member", `var o = {}; pm.test('t', () => { o.nullish.x; });`, "Cannot read properties of undefined (reading 'x')"},
		{"identifier ending in null", `var notnull; pm.test('t', () => { notnull.x; });`, "Cannot read properties of undefined (reading 'x')"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, serr := testOutcome(t, s, tt.src, newExec("test"))
			if serr != "" {
				t.Fatalf("script error %s", serr)
			}
			if got["t"] != tt.want {
				t.Errorf("got %q want %q", got["t"], tt.want)
			}
		})
	}
	// null read from the JSON body, directly or through a variable: the
	// path is evaluated again to tell null from undefined
	bodyTests := []struct{ name, src, want string }{
		{"body path", `pm.test('t', () => { pm.response.json().data.id; });`, "Cannot read properties of null (reading 'id')"},
		{"alias json()", "const j = pm.response.json();\npm.test('t', () => { j.data.id; });", "Cannot read properties of null (reading 'id')"},
		{"alias JSON.parse(responseBody)", "var jsonData = JSON.parse(responseBody);\npm.test('t', () => { jsonData.list[0].x; });", "Cannot read properties of null (reading 'x')"},
		{"bracket read", "let j = pm.response.json();\npm.test('t', () => { j['data']['id']; });", "Cannot read properties of null (reading 'id')"},
		{"missing member stays undefined", "const j = pm.response.json();\npm.test('t', () => { j.o.missing.x; });", "Cannot read properties of undefined (reading 'x')"},
		{"other variable stays undefined", "var j = {};\npm.test('t', () => { j.data.id; });", "Cannot read properties of undefined (reading 'id')"},
		{"call in chain not evaluated", "var n = 0; function f() { n++; return {}; }\npm.test('t', () => { f().data.id; });", "Cannot read properties of undefined (reading 'id')"},
	}
	for _, tt := range bodyTests {
		t.Run(tt.name, func(t *testing.T) {
			ex := newExec("test")
			ex.Response.Body = []byte(`{"data":null,"list":[null],"o":{}}`)
			got, serr := testOutcome(t, s, tt.src, ex)
			if serr != "" {
				t.Fatalf("script error %s", serr)
			}
			if got["t"] != tt.want {
				t.Errorf("got %q want %q", got["t"], tt.want)
			}
		})
	}
	ex := newExec("test")
	ex.Response.Body = []byte(`{"data":null}`)
	if res := run(t, s, "var d = pm.response.json();\nd.data.id", ex); res.Err == nil || !strings.Contains(res.Err.Error(), "Cannot read properties of null (reading 'id')") {
		t.Errorf("script error %v", res.Err)
	}
	// outside pm.test the script error carries the same wording
	res := run(t, s, "\nnull.w", newExec("test"))
	if res.Err == nil || !strings.Contains(res.Err.Error(), "Cannot read properties of null (reading 'w')") {
		t.Errorf("script error %v", res.Err)
	}
}

// TestSugarStringHas checks Sugar's String#has that Postman's sandbox provides.
func TestSugarStringHas(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct {
		expr string
		want bool
	}{
		{`'/echo?x=1'.has('/echo')`, true},
		{`'jumpy'.has('py')`, true},
		{`'broken'.has(/[a-n]/)`, true},
		{`'broken'.has(/[s-z]/)`, false},
		{`'a.c'.has('.')`, true},
		{`'abc'.has('.')`, false},
		{`'a(b'.has('(')`, true},
		{`'x'.has('y')`, false},
		{`Object.keys(String.prototype).indexOf('has') === -1`, true},
	}
	for _, tt := range tests {
		src := `pm.test('t', () => { var got = ` + tt.expr + `; if (got !== ` + map[bool]string{true: "true", false: "false"}[tt.want] + `) { throw new Error('got ' + got); } });`
		got, serr := testOutcome(t, s, src, newExec("test"))
		if serr != "" || got["t"] != "" {
			t.Errorf("%s: script error %q, test error %q", tt.expr, serr, got["t"])
		}
	}
}

// TestPostmanUUIDShim checks require('uuid') has the shape of Postman's shim.
func TestPostmanUUIDShim(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct{ name, src, want string }{
		{"v4", `const uuid = require('uuid'); pm.test('t', () => { if (!/^[0-9a-f-]{36}$/.test(uuid.v4())) throw new Error('bad'); });`, ""},
		{"callable", `const uuid = require('uuid'); pm.test('t', () => { if (uuid().length !== 36) throw new Error('bad'); });`, ""},
		{"no v1", `const uuid = require('uuid'); pm.test('t', () => uuid.v1());`, "uuid.v1 is not a function"},
	}
	for _, tt := range tests {
		got, serr := testOutcome(t, s, tt.src, newExec("test"))
		if serr != "" || got["t"] != tt.want {
			t.Errorf("%s: script error %q, test error %q, want %q", tt.name, serr, got["t"], tt.want)
		}
	}
}

// TestEmptyResponse checks what scripts see when there is no response: the
// SDK's empty Response, as newman gives after a request error.
func TestEmptyResponse(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	check := func(expr, want string) string {
		return `pm.test(` + "`" + expr + "`" + `, () => { var got = JSON.stringify(` + expr + `); if (got !== ` + "`" + want + "`" + `) { throw new Error('got ' + got); } });`
	}
	tests := []struct{ name, event, src string }{
		{"pm.response keys", "test", check(`Object.keys(pm.response)`, `["id","_details","headers","cookies"]`)},
		{"pm.response members", "test", check(`[pm.response.code, pm.response.status, pm.response.text(), pm.response.responseTime, pm.response.headers.count()]`, `[null,null,null,null,0]`)},
		{"pm.response constructor", "test", check(`pm.response.constructor.name`, `"PostmanResponse"`)},
		{"pm.response.to exists", "test", check(`typeof pm.response.to`, `"object"`)},
		{"json of no body", "test", check(`(function(){ try { pm.response.json(); } catch (e) { return e.name === 'JSONError' && e.message === '"undefined" is not valid JSON'; } })()`, `true`)},
		{"size", "test", check(`pm.response.size()`, `{"body":0,"header":32,"total":32}`)},
		{"dataURI", "test", check(`pm.response.dataURI()`, `"data:text/plain;base64, "`)},
		{"toJSON", "test", check(`Object.keys(pm.response.toJSON())`, `["id","header","cookie"]`)},
		{"legacy responseCode", "test", check(`responseCode`, `{}`)},
		{"legacy responseBody", "test", check(`typeof responseBody`, `"undefined"`)},
		{"legacy responseHeaders", "test", check(`responseHeaders`, `{}`)},
		{"legacy getResponseHeader", "test", check(`typeof postman.getResponseHeader('x')`, `"undefined"`)},
		{"prerequest has none", "prerequest", check(`typeof pm.response`, `"undefined"`)},
		{"sendRequest nothing to request", "test", `pm.sendRequest(undefined, (err, res) => { pm.test('t', () => { if (err.message !== 'sendrequest: nothing to request' || res !== undefined) throw new Error('got ' + err + res); }); });`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := newExec(tt.event)
			ex.Response = nil
			requirePassing(t, run(t, s, tt.src, ex))
		})
	}
}

// TestURLToStringPathVariables checks Url#toString substitutes path
// variables like the SDK (":name" and ":name.suffix"; empty values stay).
func TestURLToStringPathVariables(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct{ name, src, want string }{
		{"segment", `new Url({raw: 'http://h/u/:id/x', host: ['h'], protocol: 'http', path: ['u', ':id', 'x'], variable: [{key: 'id', value: '4 2'}]}).toString()`, "http://h/u/4 2/x"},
		{"suffix", `new Url({host: ['h'], path: [':file.json'], variable: [{key: 'file', value: 'a'}]}).toString()`, "h/a.json"},
		{"empty value kept", `new Url({host: ['h'], path: [':id'], variable: [{key: 'id', value: ''}]}).toString()`, "h/:id"},
		{"unknown kept", `new Url({host: ['h'], path: [':id']}).toString()`, "h/:id"},
		{"toRaw keeps", `new Url({host: ['h'], path: [':id'], variable: [{key: 'id', value: '1'}]}).toRaw(false, true)`, "h/:id"},
		{"pm.request", `pm.request.url.toString()`, "http://{{host}}/api/42?q=1&r=two"},
	}
	for _, tt := range tests {
		src := `var Url = require('postman-collection').Url; pm.test('t', () => { var got = ` + tt.src + `; if (got !== '` + tt.want + `') { throw new Error('got ' + got); } });`
		got, serr := testOutcome(t, s, src, newExec("prerequest"))
		if serr != "" || got["t"] != "" {
			t.Errorf("%s: script error %q, test error %q", tt.name, serr, got["t"])
		}
	}
}

// TestTypedArrayFrom checks %TypedArray%.from with strings and iterables,
// as V8 has it.
func TestTypedArrayFrom(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct{ expr, want string }{
		{`Uint8Array.from(atob('aGk='), c => c.charCodeAt(0)).join()`, "104,105"},
		{`Uint8Array.from('12').join()`, "1,2"},
		{`Int16Array.from('ab', function (c, i) { return this.k + i; }, {k: 5}).join()`, "5,6"},
		{`Float64Array.from(new Set([1.5, 2])).join()`, "1.5,2"},
		{`Uint8Array.from({length: 2, 0: 7, 1: 8}).join()`, "7,8"},
		{`Uint8Array.from(5).length`, "0"},
		{`Uint8Array.from.length`, "1"},
		{`Uint8Array.from('ab') instanceof Uint8Array`, "true"},
		{`(function(){ try { Uint8Array.from(null); return 'no error'; } catch (e) { return e.name; } })()`, "TypeError"},
	}
	for _, tt := range tests {
		src := `pm.test('t', () => { var got = String(` + tt.expr + `); if (got !== '` + tt.want + `') { throw new Error('got ' + got); } });`
		got, serr := testOutcome(t, s, src, newExec("test"))
		if serr != "" || got["t"] != "" {
			t.Errorf("%s: script error %q, test error %q", tt.expr, serr, got["t"])
		}
	}
}

// TestErrorValueTruncated checks a value goja puts in an error message is
// cut short: it may be a secret.
func TestErrorValueTruncated(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	secret := strings.Repeat("S3CRET", 20)
	res := run(t, s, `var k = '`+secret+`'; Symbol.iterator in k;`, newExec("test"))
	if res.Err == nil {
		t.Fatal("no error")
	}
	if msg := res.Err.Error(); strings.Contains(msg, secret[:30]) || !strings.Contains(msg, "…") {
		t.Errorf("message %q repeats the value", msg)
	}
	tests := []struct{ in, want string }{
		{"short", "short"},
		{strings.Repeat("a", 24), strings.Repeat("a", 24)},
		{strings.Repeat("é", 30), strings.Repeat("é", 24) + "…"},
	}
	for _, tt := range tests {
		if got := truncateValue(tt.in); got != tt.want {
			t.Errorf("truncateValue(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSendRequestRefused checks a refused pm.sendRequest hands the callback
// node's plain error object and an empty Response, as newman does.
func TestSendRequestRefused(t *testing.T) {
	send := func(ctx context.Context, r *collections.Request) (*Response, error) {
		req, err := http.NewRequestWithContext(ctx, "GET", "http://127.0.0.1:1/x", nil)
		if err != nil {
			return nil, err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, fmt.Errorf("sending: %w", err)
		}
		resp.Body.Close()
		return &Response{Code: resp.StatusCode}, nil
	}
	s := New(Options{Send: send, Timeout: 5 * time.Second})
	defer s.Close()
	tests := []struct{ name, src string }{
		{"callback", `pm.sendRequest('http://127.0.0.1:1/x', (err, res) => pm.test('t', () => {
			var got = JSON.stringify([err, err instanceof Error, err.message, Object.keys(res)]);
			if (got !== '[{"errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"127.0.0.1","port":1},false,null,["id","_details","headers","cookies"]]') throw new Error(got);
		}));`},
		{"promise", `pm.sendRequest('http://127.0.0.1:1/x').catch(err => pm.test('t', () => { if (err.code !== 'ECONNREFUSED') throw new Error(JSON.stringify(err)); }));`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requirePassing(t, run(t, s, tt.src, newExec("test")))
		})
	}
}
