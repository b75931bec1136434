package chai

import (
	"encoding/json"
	"github.com/postie-run/postie/scripting/modules/tv4"
	"os"
	"strings"
	"testing"
)

type postmanCase struct {
	Fixture string `json:"fixture"`
	Code    string `json:"code"`
	Error   *struct {
		Name    string `json:"name"`
		Message string `json:"message"`
	} `json:"error"`
}

// TestPostmanAssertionsMatchSandbox compares every Postman assertion case
// with what chai-postman produced in node (testdata/expected_postman.json).
func TestPostmanAssertionsMatchSandbox(t *testing.T) {
	raw, err := os.ReadFile("testdata/expected_postman.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []postmanCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	fixtures, err := os.ReadFile("testdata/postman_fixtures.json")
	if err != nil {
		t.Fatal(err)
	}
	fake, err := os.ReadFile("testdata/fake_response.js")
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, c := range cases {
		rt := newRuntime(t)
		if _, err := rt.RunString("var fixtures = " + string(fixtures) + ";\nvar makeResponse = " + string(fake) + ";\nvar response = makeResponse(fixtures['" + c.Fixture + "']);"); err != nil {
			t.Fatalf("fixture %s: %v", c.Fixture, err)
		}
		name, msg, threw, err := outcome(rt, c.Code)
		if err != nil {
			t.Errorf("[%s] %s\n  could not run: %v", c.Fixture, c.Code, err)
			failed++
			continue
		}
		switch {
		case c.Error == nil && threw:
			t.Errorf("[%s] %s\n  want pass, got %s: %s", c.Fixture, c.Code, name, msg)
			failed++
		case c.Error != nil && !threw:
			t.Errorf("[%s] %s\n  want %s: %s, got pass", c.Fixture, c.Code, c.Error.Name, c.Error.Message)
			failed++
		case c.Error != nil && (name != c.Error.Name || msg != c.Error.Message):
			t.Errorf("[%s] %s\n  want %s: %q\n  got  %s: %q", c.Fixture, c.Code, c.Error.Name, c.Error.Message, name, msg)
			failed++
		}
	}
	t.Logf("%d postman cases, %d match the sandbox exactly", len(cases), len(cases)-failed)
	if !strings.Contains(string(raw), "expected response to have status code 404 but got 200") {
		t.Fatal("expected_postman.json lacks the status message")
	}
}

// TestPostmanRecognisesSDKObjects checks that objects whose constructor
// has a static isResponse/isRequest (as postie's sandbox SDK provides) are
// treated as responses and requests.
func TestPostmanRecognisesSDKObjects(t *testing.T) {
	tests := []struct {
		name, code, want string
	}{
		{"response status", "expect(res).to.have.status(201)", "expected response to have status code 201 but got 200"},
		{"response header", "expect(res).to.have.header('X-Nope')", "expected response to have header with key 'X-Nope'"},
		{"request header", "expect(req).to.have.header('X-Nope')", "expected request to have header with key 'X-Nope'"},
		{"request is not response", "expect(req).to.have.status(200)", "expecting a postman response object but got Request{ headers: Headers{ list: [] } }"},
		{"response passes", "expect(res).to.be.ok; expect(res).to.have.header('a', 'b')", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rt := newRuntime(t)
			_, err := rt.RunString(`
				function Headers(list) { this.list = list; }
				Headers.prototype.has = function (k) { return this.list.some(function (h) { return h.key.toLowerCase() === k.toLowerCase(); }); };
				Headers.prototype.one = function (k) { return this.list.filter(function (h) { return h.key.toLowerCase() === k.toLowerCase(); })[0]; };
				function Response() { this.code = 200; this.status = 'OK'; this.headers = new Headers([{key: 'A', value: 'b'}]); }
				Response.isResponse = function (o) { return o instanceof Response; };
				Response.prototype.reason = function () { return this.status; };
				Response.prototype.details = function () { return {code: this.code}; };
				function Request() { this.headers = new Headers([]); }
				Request.isRequest = function (o) { return o instanceof Request; };
				var res = new Response(), req = new Request();`)
			if err != nil {
				t.Fatal(err)
			}
			_, msg, threw, err := outcome(rt, tc.code)
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == "" {
				if threw {
					t.Fatalf("want pass, got %q", msg)
				}
				return
			}
			if msg != tc.want {
				t.Fatalf("want %q, got %q", tc.want, msg)
			}
		})
	}
}

// TestNewmanMessages replays test scripts whose failures Newman reported
// (testdata/newman/results.jsonl) and expects the same messages.
func TestNewmanMessages(t *testing.T) {
	raw, err := os.ReadFile("testdata/newman/results.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	fake, err := os.ReadFile("testdata/fake_response.js")
	if err != nil {
		t.Fatal(err)
	}
	const body = `{"id": 7, "user": {"name": "ann", "tags": ["a", "b"]}, "ok": true}`
	spec, _ := json.Marshal(map[string]any{
		"code": 200, "status": "OK", "body": body, "responseTime": 4,
		"header": []map[string]string{{"key": "Content-Type", "value": "application/json"}, {"key": "X-Trace", "value": "abc"}},
	})
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var c struct{ Code, Error, Name string }
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(c.Code, "responseTime") {
			continue // depends on the measured time
		}
		rt := newRuntime(t)
		tv4v, err := tv4.Load(rt, compiler)
		if err != nil {
			t.Fatal(err)
		}
		must(t, rt.Set("tv4", tv4v))
		if _, err := rt.RunString("var pm = {expect: expect, response: (" + string(fake) + ")(" + string(spec) + ")};\n" +
			"Object.defineProperty(pm.response, 'to', {get: function () { return expect(this).to; }});"); err != nil {
			t.Fatal(err)
		}
		name, msg, threw, err := outcome(rt, c.Code)
		if err != nil {
			t.Fatalf("%s: %v", c.Code, err)
		}
		if !threw || name != c.Name || msg != c.Error {
			t.Errorf("%s\n  newman %s: %q\n  postie %s: %q (threw %v)", c.Code, c.Name, c.Error, name, msg, threw)
		}
		n++
	}
	if n < 15 {
		t.Fatalf("only %d newman cases", n)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
