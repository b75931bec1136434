package jsonreport

import (
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// The expectations below are newman 6.2.2's, measured with
// `go run ./conformance/cmd/clidiff --report json` over the corpus.

const newmanCollection = `{
	"info": {"_postman_id": "c0ffee00-0000-4000-8000-000000000001", "name": "shape", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "coll-token", "type": "string"}]},
	"item": [
		{"name": "folder", "event": [{"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["1"]}}], "item": [
			{"name": "inner", "request": {"method": "POST", "header": [], "url": "{{echo}}/echo?a=1&flag",
				"body": {"mode": "urlencoded", "urlencoded": [{"key": "k", "value": "v", "type": "text"}]}},
			 "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test('t', () => {})"]}}]}
		]},
		{"name": "never run", "request": {"url": "{{echo}}/other", "header": [{"key": "X-Own", "value": "1"}]},
		 "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": ["2"]}}]}
	]
}`

func shapeSummary(t *testing.T) *runner.Summary {
	t.Helper()
	c, err := collections.Parse([]byte(newmanCollection), "shape.json")
	if err != nil {
		t.Fatal(err)
	}
	inner := c.Items[0].Items[0]
	sent := &collections.Request{Method: "POST", Body: inner.Request.Body,
		URL: &collections.URL{Protocol: "http", Host: []string{"127", "0", "0", "1"}, Port: "8080", Path: []string{"echo"},
			Query: []*collections.Param{{Key: "a", Value: "1"}, {Key: "flag", ValueNull: true}}},
		Header: []*collections.Param{
			{Key: "X-Mine", Value: "m"},
			{Key: "X-Off", Value: "o", Disabled: true},
			{Key: "User-Agent", Value: "PostmanRuntime/7.39.1", Extra: collections.Extra{"system": json.RawMessage("true")}},
		}}
	start := time.UnixMilli(1795600000000)
	mk := func(iter int) *runner.Execution {
		return &runner.Execution{ID: "x" + string(rune('0'+iter)), Item: inner, ItemID: "11111111-1111-4111-8111-111111111111", Position: 0,
			Path: []string{"folder", "inner"}, Iteration: iter, Request: sent, URL: "http://127.0.0.1:8080/echo?a=1&flag",
			RequestHeaders: []scripting.Header{{Key: "X-Mine", Value: "m"}, {Key: "User-Agent", Value: "PostmanRuntime/7.39.1"}},
			Response:       &scripting.Response{Code: 200, Status: "OK", Body: []byte("{}"), Cookies: []*http.Cookie{{Name: "s", Value: "1"}}},
			Prerequest:     []*scripting.Result{{}},
			Test:           []*scripting.Result{{Tests: []scripting.TestResult{{Name: "t", Passed: false, Error: "expected 1 to equal 2"}}}},
		}
	}
	x0, x1 := mk(0), mk(1)
	return &runner.Summary{
		CollectionName: "shape", Start: start, End: start.Add(time.Second), Iterations: 2, ItemCount: 2,
		Executions:  []*runner.Execution{x0, x1},
		Collection:  c,
		Environment: &environments.File{Scope: "environment", Values: environments.NewList()},
		Globals:     &environments.File{ID: "g1", Name: "globals", Scope: "globals", Values: environments.NewList(&environments.Variable{Key: "echo", Value: "http://127.0.0.1:8080", Type: "default"})},
		Failures: []runner.Failure{
			{Execution: x0, Kind: "AssertionError", Message: "expected 1 to equal 2", Test: "t", At: "assertion:0 in test-script"},
			{Execution: x1, Kind: "TypeError", Message: "boom", At: "prerequest-script"},
		},
	}
}

// get walks a decoded JSON value along a dotted path ("run.executions.0.id").
func get(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch t := v.(type) {
		case map[string]any:
			v = t[k]
		case []any:
			i := 0
			for _, c := range k {
				i = i*10 + int(c-'0')
			}
			if i >= len(t) {
				return nil
			}
			v = t[i]
		default:
			return nil
		}
	}
	return v
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func TestNewmanShape(t *testing.T) {
	data, err := Marshal(shapeSummary(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := decode(t, data)
	const isUUID, absent = "<uuid>", "<absent>"
	tests := []struct {
		path string
		want any // a JSON value, isUUID or absent
	}{
		// the collection as postman-collection's toJSON gives it
		{"collection._.postman_id", "c0ffee00-0000-4000-8000-000000000001"},
		{"collection.event", []any{}},
		{"collection.variable", []any{}},
		{"collection.item.0.id", isUUID},
		{"collection.item.0.event.0.script.id", isUUID},
		{"collection.item.0.event.0.script._lastExecutionId", isUUID}, // its item ran
		{"collection.item.0.item.0.id", "11111111-1111-4111-8111-111111111111"},
		{"collection.item.0.item.0.request.url", map[string]any{"host": []any{"{{echo}}"}, "path": []any{"echo"}, "query": []any{map[string]any{"key": "a", "value": "1"}, map[string]any{"key": "flag", "value": nil}}, "variable": []any{}}},
		{"collection.item.0.item.0.request.header", absent},
		{"collection.item.0.item.0.request.body.urlencoded.0", map[string]any{"key": "k", "value": "v"}},
		{"collection.item.0.item.0.event.0.script._lastExecutionId", isUUID},
		{"collection.item.1.event.0.script._lastExecutionId", absent}, // never ran
		{"collection.item.1.request.header.0.key", "X-Own"},
		{"collection.item.1.response", []any{}},
		// executions
		{"run.executions.0.id", "11111111-1111-4111-8111-111111111111"},
		{"run.executions.0.item.id", "11111111-1111-4111-8111-111111111111"},
		{"run.executions.0.cursor", map[string]any{"position": 0.0, "iteration": 0.0, "length": 2.0, "cycles": 2.0, "empty": false, "eof": false, "bof": true, "cr": false, "ref": "x0", "httpRequestId": "x0"}},
		{"run.executions.1.cursor", map[string]any{"position": 0.0, "iteration": 1.0, "length": 2.0, "cycles": 2.0, "cr": true, "ref": "x1", "httpRequestId": "x1"}},
		{"run.executions.0.response.id", isUUID},
		{"run.executions.0.response.cookie", []any{}}, // cookies go to the jar
		{"run.executions.0.request.header", []any{
			map[string]any{"key": "X-Mine", "value": "m"},
			map[string]any{"key": "X-Off", "value": "o", "disabled": true},
			map[string]any{"key": "User-Agent", "value": "PostmanRuntime/7.39.1", "system": true}}},
		{"run.executions.0.request.url", map[string]any{"protocol": "http", "port": "8080", "host": []any{"127", "0", "0", "1"}, "path": []any{"echo"}, "query": []any{map[string]any{"key": "a", "value": "1"}, map[string]any{"key": "flag", "value": nil}}, "variable": []any{}}},
		{"run.executions.0.request.body", map[string]any{"mode": "urlencoded", "urlencoded": []any{map[string]any{"key": "k", "value": "v"}}}},
		{"run.executions.0.request.auth", map[string]any{"type": "bearer", "bearer": []any{map[string]any{"key": "token", "value": "coll-token", "type": "string"}}}},
		// variable scopes: no file, no "_" and a made-up id; "default" is "any"
		{"environment._", absent},
		{"environment.id", isUUID},
		{"globals._.postman_variable_scope", "globals"},
		{"globals.id", "g1"},
		{"globals.values.0.type", "any"},
		// failures: decorated errors, the script's cursor, the item's parent
		{"run.failures.0.error.id", isUUID},
		{"run.failures.0.error.timestamp", 1795600001000.0},
		{"run.failures.0.error.stacktrace", []any{}},
		{"run.failures.0.cursor.bof", true},
		{"run.failures.0.cursor.scriptId", isUUID},
		{"run.failures.0.cursor.execution", isUUID},
		{"run.failures.0.cursor.httpRequestId", "x0"},
		{"run.failures.0.parent.name", "folder"},
		{"run.failures.0.source.id", "11111111-1111-4111-8111-111111111111"},
		{"run.failures.1.error.type", "Error"},
		{"run.failures.1.cursor.execution", absent},
		{"run.failures.1.cursor.httpRequestId", absent}, // before the request
		{"run.failures.1.cursor.cr", true},
	}
	for _, tc := range tests {
		got := get(rep, tc.path)
		switch tc.want {
		case isUUID:
			if s, _ := got.(string); !uuidRE.MatchString(s) {
				t.Errorf("%s = %v, want a uuid", tc.path, got)
			}
		case absent:
			if got != nil {
				t.Errorf("%s = %v, want it absent", tc.path, got)
			}
		default:
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(tc.want)
			if string(g) != string(w) {
				t.Errorf("%s = %s, want %s", tc.path, g, w)
			}
		}
	}
	// one id per item, wherever it is shown
	if a, b := get(rep, "collection.item.0.id"), get(rep, "run.failures.0.parent.id"); a != b {
		t.Errorf("folder id %v in the collection, %v as the failure's parent", a, b)
	}
}

func TestNewmanRequestError(t *testing.T) {
	tests := []struct {
		message string
		want    string // newman's execution.requestError
	}{
		{"connect ECONNREFUSED 127.0.0.1:1", `{"errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"127.0.0.1","port":1}`},
		{"ESOCKETTIMEDOUT", `{"code":"ESOCKETTIMEDOUT","connect":false}`},
		{"getaddrinfo ENOTFOUND nowhere.invalid", `{"errno":-3008,"code":"ENOTFOUND","syscall":"getaddrinfo","hostname":"nowhere.invalid"}`},
		{"self signed certificate", `{"name":"Error","message":"self signed certificate"}`},
	}
	for _, tc := range tests {
		x := &runner.Execution{ID: "e", Path: []string{"r"}, RequestErr: errors.New(tc.message)}
		rep := Build(&runner.Summary{Executions: []*runner.Execution{x}}, Options{})
		got, _ := json.Marshal(rep.Run.Executions[0].RequestError)
		if string(got) != tc.want {
			t.Errorf("%q: requestError %s, want %s", tc.message, got, tc.want)
		}
	}
}

func TestNewmanAuthForm(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"type":"noauth"}`, `{"noauth":[],"type":"noauth"}`},
		// a "string" parameter's value is a string (newman: "true")
		{`{"type":"oauth1","oauth1":[{"key":"addParamsToHeader","value":true,"type":"string"},{"key":"n","value":2,"type":"any"}]}`,
			`{"oauth1":[{"key":"addParamsToHeader","type":"string","value":"true"},{"key":"n","type":"any","value":2}],"type":"oauth1"}`},
	}
	for _, tc := range tests {
		var m map[string]any
		if err := json.Unmarshal([]byte(tc.in), &m); err != nil {
			t.Fatal(err)
		}
		sdkAuth(m)
		if got, _ := json.Marshal(m); string(got) != tc.want {
			t.Errorf("%s -> %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestNewmanRequestFailureSource: newman's source of a request error (the
// corpus's request-error and timeout-request cases) is the item with the
// request as sent and its test scripts not yet run.
func TestNewmanRequestFailureSource(t *testing.T) {
	c, err := collections.Parse([]byte(`{"info": {"name": "r"}, "item": [{"name": "refused",
		"request": {"url": "{{host}}/nothing"},
		"event": [{"listen": "test", "script": {"exec": ["pm.test('not reached', () => {});"]}}]}]}`), "r.json")
	if err != nil {
		t.Fatal(err)
	}
	x := &runner.Execution{ID: "e", Item: c.Items[0], Path: []string{"refused"}, URL: "http://127.0.0.1:1/nothing",
		Request:        &collections.Request{Method: "GET", URL: &collections.URL{Protocol: "http", Host: []string{"127", "0", "0", "1"}, Port: "1", Path: []string{"nothing"}}},
		RequestHeaders: []scripting.Header{{Key: "Host", Value: "127.0.0.1:1"}},
		Test:           []*scripting.Result{{}},
		RequestErr:     errors.New("connect ECONNREFUSED 127.0.0.1:1")}
	s := &runner.Summary{Collection: c, Executions: []*runner.Execution{x}, Failures: []runner.Failure{{Execution: x, Kind: "Error", Message: x.RequestErr.Error(), At: "request"}}}
	data, err := Marshal(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := decode(t, data)
	tests := []struct {
		path string
		want string // JSON
	}{
		{"run.failures.0.source.request.url.host", `["127","0","0","1"]`},
		{"run.failures.0.source.request.header", `[{"key":"Host","value":"127.0.0.1:1"}]`},
		{"run.failures.0.source.event.0.script._lastExecutionId", `null`},
		{"run.executions.0.item.event.0.script._lastExecutionId", `"` + get(rep, "run.executions.0.item.event.0.script._lastExecutionId").(string) + `"`},
		{"run.failures.0.error.code", `"ECONNREFUSED"`},
		{"run.failures.0.error.port", `1`},
	}
	for _, tc := range tests {
		if got, _ := json.Marshal(get(rep, tc.path)); string(got) != tc.want {
			t.Errorf("%s = %s, want %s", tc.path, got, tc.want)
		}
	}
}

// TestNewmanSDKDefaults checks the defaults newman's SDK fills in for a
// collection written without them: a made-up _postman_id and scripts of
// type text/javascript; given values are kept.
func TestNewmanSDKDefaults(t *testing.T) {
	tests := []struct {
		name, info, script string
		wantID, wantType   any // "<uuid>" for any uuid
	}{
		{"absent", `{"name": "d", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}`, `{"exec": ["1"]}`, "<uuid>", "text/javascript"},
		{"given", `{"_postman_id": "c0ffee00-0000-4000-8000-000000000002", "name": "d", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}`, `{"type": "text/x-other", "exec": ["1"]}`, "c0ffee00-0000-4000-8000-000000000002", "text/x-other"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := collections.Parse([]byte(`{"info": `+tc.info+`, "item": [{"name": "a", "request": {"url": "http://x/"}, "event": [{"listen": "test", "script": `+tc.script+`}]}]}`), "d.json")
			if err != nil {
				t.Fatal(err)
			}
			data, err := Marshal(&runner.Summary{Collection: c}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			rep := decode(t, data)
			id := get(rep, "collection.info._postman_id")
			if s, _ := id.(string); tc.wantID == "<uuid>" && !uuidRE.MatchString(s) || tc.wantID != "<uuid>" && id != tc.wantID {
				t.Errorf("_postman_id = %v, want %v", id, tc.wantID)
			}
			if typ := get(rep, "collection.item.0.event.0.script.type"); typ != tc.wantType {
				t.Errorf("script type = %v, want %v", typ, tc.wantType)
			}
		})
	}
}
