package scripting

import (
	"context"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
)

func v(k string, val any) *environments.Variable { return &environments.Variable{Key: k, Value: val} }

func newExec(event string) *Execution {
	req := &collections.Request{
		URL:    collections.ParseURL("http://{{host}}/api/:id?q=1&r=two"),
		Method: "POST",
		Header: []*collections.Param{{Key: "X-One", Value: "1"}, {Key: "Content-Type", Value: "application/json"}},
		Body:   &collections.Body{Mode: "raw", Raw: `{"a":1}`},
	}
	req.URL.Variables = []*environments.Variable{v("id", "42")}
	ex := &Execution{
		Info:    Info{EventName: event, Iteration: 1, IterationCount: 3, RequestName: "Get thing", RequestID: "req-1"},
		Request: req,
		Vars: &environments.Scopes{
			Globals:     environments.NewList(v("g", "global"), v("shared", "from-globals")),
			Collection:  environments.NewList(v("c", "coll"), v("shared", "from-collection")),
			Environment: environments.NewList(v("host", "example.com"), v("shared", "from-env"), v("num", float64(3))),
			Data:        environments.NewList(v("d", "data"), v("row", float64(7))),
			Local:       environments.NewList(),
		},
		Location:        []string{"Coll", "Folder", "Get thing"},
		EnvironmentName: "Staging",
	}
	if event == "test" {
		ex.Response = &Response{
			Code: 200, Status: "OK",
			Header:       []Header{{"Content-Type", "application/json"}, {"X-Multi", "a"}, {"X-Multi", "b"}, {"Set-Cookie", "sid=abc; Path=/"}},
			Body:         []byte(`{"name":"postie","items":[1,2,3],"nested":{"ok":true}}`),
			ResponseTime: 123 * time.Millisecond, ResponseSize: 55,
			Cookies: []*http.Cookie{{Name: "sid", Value: "abc", Path: "/"}},
		}
	}
	return ex
}

func run(t *testing.T, s *Sandbox, src string, ex *Execution) *Result {
	t.Helper()
	return s.Run(context.Background(), Script{Name: "Coll/Get thing/" + ex.Info.EventName, Source: src, Location: []string{"Coll", "Folder", "Get thing"}}, ex)
}

// requirePassing fails when the script errored or any pm.test failed.
func requirePassing(t *testing.T, res *Result) {
	t.Helper()
	if res.Err != nil {
		t.Fatalf("script error: %v", res.Err)
	}
	for _, tr := range res.Tests {
		if !tr.Passed {
			t.Errorf("test %q failed: %s: %s", tr.Name, tr.ErrorName, tr.Error)
		}
	}
	if len(res.Tests) == 0 {
		t.Errorf("no tests ran")
	}
}

// TestPMAPI runs scripts that check pm members with pm.test/pm.expect.
func TestPMAPI(t *testing.T) {
	tests := []struct {
		name, event, src string
	}{
		{"info", "test", `pm.test("info", function(){
			pm.expect(pm.info.eventName).to.equal("test");
			pm.expect(pm.info.iteration).to.equal(1);
			pm.expect(pm.info.iterationCount).to.equal(3);
			pm.expect(pm.info.requestName).to.equal("Get thing");
			pm.expect(pm.info.requestId).to.equal("req-1");
		})`},
		{"variable scopes", "test", `pm.test("scopes", function(){
			pm.expect(pm.globals.get("g")).to.equal("global");
			pm.expect(pm.collectionVariables.get("c")).to.equal("coll");
			pm.expect(pm.environment.get("host")).to.equal("example.com");
			pm.expect(pm.environment.get("num")).to.equal(3);
			pm.expect(pm.iterationData.get("d")).to.equal("data");
			pm.expect(pm.variables.get("shared")).to.equal("from-env");
			pm.expect(pm.variables.get("row")).to.equal(7);
			pm.expect(pm.environment.has("host")).to.be.true;
			pm.expect(pm.environment.has("nope")).to.be.false;
			pm.expect(pm.environment.get("nope")).to.be.undefined;
			pm.expect(pm.globals.toObject()).to.eql({g: "global", shared: "from-globals"});
			pm.expect(pm.variables.replaceIn("{{host}}/{{c}}/{{missing}}")).to.equal("example.com/coll/{{missing}}");
			pm.expect(pm.environment.toJSON().values.length).to.equal(3);
			pm.expect(pm.iterationData.toObject()).to.eql({d: "data", row: 7});
			pm.expect(pm.environment.values.count()).to.equal(3);
			pm.expect(pm.environment.name).to.equal("Staging");
		})`},
		{"request", "prerequest", `pm.test("request", function(){
			var r = pm.request;
			pm.expect(r.method).to.equal("POST");
			pm.expect(r.url.toString()).to.equal("http://{{host}}/api/42?q=1&r=two"); // path variables substituted, as the SDK does
			pm.expect(r.url.getHost()).to.equal("{{host}}");
			pm.expect(r.url.getPath()).to.equal("/api/42");
			pm.expect(r.url.getPath(true)).to.equal("/api/:id");
			pm.expect(r.url.getQueryString()).to.equal("q=1&r=two");
			pm.expect(r.url.query.get("r")).to.equal("two");
			pm.expect(r.url.query.has("q")).to.be.true;
			pm.expect(r.url.query.count()).to.equal(2);
			pm.expect(r.url.query.toObject()).to.eql({q: "1", r: "two"});
			pm.expect(r.url.query.idx(0).key).to.equal("q");
			pm.expect(r.url.query.map(function(p){ return p.key }).join()).to.equal("q,r");
			pm.expect(r.url.query.filter(function(p){ return p.key === "r" }).length).to.equal(1);
			pm.expect(r.headers.get("x-one")).to.equal("1");
			pm.expect(r.headers.has("CONTENT-TYPE")).to.be.true;
			pm.expect(r.headers.toObject()).to.eql({"x-one": "1", "content-type": "application/json"});
			pm.expect(r.body.mode).to.equal("raw");
			pm.expect(r.body.raw).to.equal('{"a":1}');
			pm.expect(r.body.toString()).to.equal('{"a":1}');
			pm.expect(r.toJSON().method).to.equal("POST");
			pm.expect(r.getHeaders()).to.eql({"X-One": "1", "Content-Type": "application/json"});
			pm.expect(pm.request.to).to.be.an("object");
		})`},
		{"response", "test", `pm.test("response", function(){
			var r = pm.response;
			pm.expect(r.code).to.equal(200);
			pm.expect(r.status).to.equal("OK");
			pm.expect(r.reason()).to.equal("OK");
			pm.expect(r.responseTime).to.equal(123);
			pm.expect(r.responseSize).to.equal(55);
			pm.expect(r.text()).to.contain("postie");
			pm.expect(r.json().items).to.eql([1,2,3]);
			pm.expect(r.headers.get("content-type")).to.equal("application/json");
			pm.expect(r.headers.get("X-Multi")).to.equal("b");
			pm.expect(r.headers.toObject()["x-multi"]).to.eql(["a","b"]);
			pm.expect(r.size().body).to.equal(55);
			pm.response.to.have.status(200);
			pm.response.to.be.ok;
			pm.response.to.have.header("Content-Type");
			pm.response.to.have.jsonBody("name", "postie");
			pm.expect(pm.cookies.get("sid")).to.equal("abc");
			pm.expect(pm.cookies.has("sid")).to.be.true;
			pm.expect(pm.cookies.toObject()).to.eql({sid: "abc"});
			pm.expect(JSON.parse("\ufeff[1]")).to.eql([1]);
		})`},
		{"test forms", "test", `
			pm.test("no fn");
			pm.test.skip("skipped", function(){ throw new Error("no") });
			pm.test("chain", function(){}).test("chained", function(){});
			pm.test("index", function(){ pm.expect(pm.test.index()).to.be.a("number") });
		`},
		{"postman-collection module", "test", `pm.test("sdk", function(){
			var sdk = require("postman-collection");
			var u = new sdk.Url("https://user:pw@a.b.com:8080/x/y?k=v&flag#frag");
			pm.expect(u.protocol).to.equal("https");
			pm.expect(u.auth.user).to.equal("user");
			pm.expect(u.port).to.equal("8080");
			pm.expect(u.getHost()).to.equal("a.b.com");
			pm.expect(u.hash).to.equal("frag");
			pm.expect(u.query.get("flag")).to.equal(""); // as newman 6.2.2 (a null value reads as "")
			pm.expect(u.toString()).to.equal("https://user:pw@a.b.com:8080/x/y?k=v&flag#frag");
			var h = new sdk.Header("Accept: text/plain");
			pm.expect(h.key).to.equal("Accept");
			pm.expect(h.value).to.equal("text/plain");
			var l = new sdk.PropertyList(sdk.QueryParam, null, "a=1&b=2");
			l.upsert({key: "a", value: "9"});
			l.remove("b");
			pm.expect(l.toString()).to.equal("a=9");
			var req = new sdk.Request({url: "http://x.com/p", method: "put", header: {A: "b"}});
			pm.expect(req.method).to.equal("PUT");
			pm.expect(req.headers.get("a")).to.equal("b");
			var res = new sdk.Response({code: 404, body: "nope"});
			pm.expect(res.reason()).to.equal("Not Found");
			var sc = new sdk.VariableScope({values: [{key: "x", value: "1"}]});
			pm.expect(sc.replaceIn("{{x}}!")).to.equal("1!");
		})`},
	}
	s := New(Options{})
	defer s.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requirePassing(t, run(t, s, tt.src, newExec(tt.event)))
		})
	}
}

func TestTestFailureMessages(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	res := run(t, s, `
		pm.test("undefined read", function(){ var o; o.y });
		pm.test("not a function", function(){ var obj = {};
			obj.nope() });
		pm.test("assertion", function(){ pm.expect(404).to.equal(200) });
		pm.test("string thrown", function(){ throw "plain" });
		pm.test("done with error", function(done){ done(new TypeError("cb")) });
	`, newExec("test"))
	want := []struct{ name, errName, msg string }{
		{"undefined read", "TypeError", "Cannot read properties of undefined (reading 'y')"},
		{"not a function", "TypeError", "obj.nope is not a function"},
		{"assertion", "AssertionError", "expected 404 to equal 200"},
		{"string thrown", "Error", "plain"},
		{"done with error", "TypeError", "cb"},
	}
	if len(res.Tests) != len(want) {
		t.Fatalf("tests %+v", res.Tests)
	}
	for i, w := range want {
		got := res.Tests[i]
		if got.Name != w.name || got.Passed || got.ErrorName != w.errName || got.Error != w.msg {
			t.Errorf("got %+v, want %+v", got, w)
		}
	}
}

func TestVariableChanges(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	ex := newExec("test")
	res := run(t, s, `
		pm.environment.set("newEnv", "e1");
		pm.environment.set("num", 10);
		pm.globals.set("obj", {a: [1, 2]});
		pm.globals.unset("g");
		pm.collectionVariables.set("c", true);
		pm.variables.set("local", "l");
		pm.collectionVariables.clear();
		pm.collectionVariables.set("after", "x");
		postman.setEnvironmentVariable("legacy", 5);
		postman.setGlobalVariable("lg", "v");
		postman.clearGlobalVariable("shared");
	`, ex)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	checks := []struct {
		list *environments.List
		key  string
		want any
		ok   bool
	}{
		{ex.Vars.Environment, "newEnv", "e1", true},
		{ex.Vars.Environment, "num", float64(10), true},
		{ex.Vars.Environment, "legacy", "5", true},
		{ex.Vars.Globals, "g", nil, false},
		{ex.Vars.Globals, "lg", "v", true},
		{ex.Vars.Globals, "shared", nil, false},
		{ex.Vars.Collection, "c", nil, false},
		{ex.Vars.Collection, "after", "x", true},
		{ex.Vars.Local, "local", "l", true},
	}
	for _, c := range checks {
		got, ok := c.list.Get(c.key)
		if ok != c.ok || (ok && fmt.Sprint(got) != fmt.Sprint(c.want)) {
			t.Errorf("%s = %v (%v), want %v (%v)", c.key, got, ok, c.want, c.ok)
		}
	}
	obj, _ := ex.Vars.Globals.Get("obj")
	if fmt.Sprint(obj) != "map[a:[1 2]]" {
		t.Errorf("obj = %#v", obj)
	}
}

func TestPreRequestWriteBack(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		check func(r *collections.Request) string
	}{
		{"untouched request keeps its form", `pm.request.headers.get("x-one")`, func(r *collections.Request) string {
			if len(r.URL.Query) != 2 || r.Method != "POST" || r.Body.Raw != `{"a":1}` {
				return fmt.Sprintf("changed: %+v", r)
			}
			return ""
		}},
		{"headers", `pm.request.headers.add({key: "X-New", value: "n"}); pm.request.headers.upsert({key: "x-one", value: "uno"}); pm.request.removeHeader("content-type"); pm.request.addHeader("X-Two: 2")`,
			func(r *collections.Request) string {
				var got []string
				for _, h := range r.Header {
					got = append(got, h.Key+"="+h.Value)
				}
				if strings.Join(got, ",") != "x-one=uno,X-New=n,X-Two=2" {
					return strings.Join(got, ",")
				}
				return ""
			}},
		{"query and url", `pm.request.url.query.add({key: "added", value: "{{v}}"}); pm.request.url.query.remove("q"); pm.request.addQueryParams("z=26"); pm.request.url.host = ["other", "com"]`,
			func(r *collections.Request) string {
				if s := r.URL.String(); s != "http://other.com/api/42?r=two&added={{v}}&z=26" {
					return s
				}
				return ""
			}},
		{"url replaced by string", `pm.request.url = "https://new.example/p?x=1"`, func(r *collections.Request) string {
			if s := r.URL.String(); s != "https://new.example/p?x=1" || r.URL.Protocol != "https" {
				return s
			}
			return ""
		}},
		{"body raw update", `pm.request.body.update(JSON.stringify({b: 2}))`, func(r *collections.Request) string {
			if r.Body.Mode != "raw" || r.Body.Raw != `{"b":2}` {
				return fmt.Sprintf("%+v", r.Body)
			}
			return ""
		}},
		{"body urlencoded", `pm.request.body.update({mode: "urlencoded", urlencoded: [{key: "a", value: "1"}, {key: "b", value: "2", disabled: true}]})`, func(r *collections.Request) string {
			if r.Body.Mode != "urlencoded" || len(r.Body.URLEncoded) != 2 || !r.Body.URLEncoded[1].Disabled {
				return fmt.Sprintf("%+v", r.Body)
			}
			return ""
		}},
		{"body formdata", `pm.request.body.update({mode: "formdata", formdata: [{key: "f", value: "v", type: "text"}, {key: "up", type: "file", src: "/tmp/x.bin"}]})`, func(r *collections.Request) string {
			fd := r.Body.FormData
			if r.Body.Mode != "formdata" || len(fd) != 2 || fd[0].Key != "f" || fd[0].Value != "v" || fd[1].Type != "file" || len(fd[1].Src) != 1 || fd[1].Src[0] != "/tmp/x.bin" {
				return fmt.Sprintf("%+v", r.Body)
			}
			return ""
		}},
		{"body graphql", `pm.request.body.update({mode: "graphql", graphql: {query: "{ a }", variables: {x: 1}}})`, func(r *collections.Request) string {
			if r.Body.Mode != "graphql" || r.Body.GraphQL == nil || r.Body.GraphQL.Query != "{ a }" || r.Body.GraphQL.Variables != `{"x":1}` {
				return fmt.Sprintf("%+v", r.Body)
			}
			return ""
		}},
		{"body removed", `pm.request.body = undefined`, func(r *collections.Request) string {
			if r.Body != nil {
				return fmt.Sprintf("%+v", r.Body)
			}
			return ""
		}},
		{"query via url.query.upsert and disabled param", `pm.request.url.query.upsert({key: "q", value: "2"}); pm.request.url.query.add({key: "off", value: "x", disabled: true})`, func(r *collections.Request) string {
			if s := r.URL.String(); s != "http://{{host}}/api/42?q=2&r=two" || len(r.URL.Query) != 3 || !r.URL.Query[2].Disabled {
				return s
			}
			return ""
		}},
		{"method and auth", `pm.request.method = "patch"; pm.request.authorizeUsing("bearer", {token: "t0k"})`, func(r *collections.Request) string {
			if r.Method != "patch" || r.Auth == nil || r.Auth.Type != "bearer" || len(r.Auth.Params["bearer"]) != 1 || r.Auth.Params["bearer"][0].Value != "t0k" {
				return fmt.Sprintf("%+v %+v", r.Method, r.Auth)
			}
			return ""
		}},
	}
	s := New(Options{})
	defer s.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := newExec("prerequest")
			res := run(t, s, tt.src, ex)
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			if msg := tt.check(ex.Request); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func TestAsyncAndTimers(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // test names that must pass, in order
		fail      []string // test names that must fail
		console   string
	}{
		{"setTimeout order", `setTimeout(function(){ console.log("b") }, 20); setTimeout(function(){ console.log("a") }, 1); console.log("sync")`, nil, nil, "'sync'|'a'|'b'"},
		{"setInterval cleared", `var n = 0, id = setInterval(function(){ if (++n === 3) { clearInterval(id); console.log(n) } }, 1)`, nil, nil, "3"},
		{"done callback", `pm.test("async ok", function(done){ setTimeout(function(){ pm.expect(1).to.equal(1); done() }, 5) });
			pm.test("async fail", function(done){ setTimeout(function(){ done(new Error("late failure")) }, 5) });`, []string{"async ok"}, []string{"async fail"}, ""},
		{"promise test", `pm.test("promise", async function(){ await new Promise(function(r){ setTimeout(r, 5) }); pm.expect(2).to.equal(3) })`, nil, []string{"promise"}, ""},
		{"async iife", `(async function(){ var v = await Promise.resolve(5); console.log(v) })()`, nil, nil, "5"},
		{"setImmediate", `setImmediate(function(){ console.log("imm") })`, nil, nil, "'imm'"},
		{"handled rejection", `var p = Promise.reject(new Error("x")); setTimeout(function(){ p.catch(function(){ console.log("caught") }) }, 1)`, nil, nil, "'caught'"},
	}
	s := New(Options{Timeout: 2 * time.Second})
	defer s.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, s, tt.src, newExec("test"))
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			status := map[string]bool{}
			for _, tr := range res.Tests {
				status[tr.Name] = tr.Passed
			}
			for _, n := range tt.want {
				if p, ok := status[n]; !ok || !p {
					t.Errorf("test %q: ran %v passed %v", n, ok, p)
				}
			}
			for _, n := range tt.fail {
				if p, ok := status[n]; !ok || p {
					t.Errorf("test %q: ran %v passed %v, want failure", n, ok, p)
				}
			}
			if tt.console != "" {
				var got []string
				for _, c := range res.Console {
					got = append(got, c.Text)
				}
				if strings.Join(got, "|") != tt.console {
					t.Errorf("console %q, want %q", strings.Join(got, "|"), tt.console)
				}
			}
		})
	}
}

func TestSendRequest(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Method", r.Method)
		fmt.Fprintf(w, `{"path":%q,"h":%q}`, r.URL.RequestURI(), r.Header.Get("X-Custom"))
	}))
	defer srv.Close()
	send := func(ctx context.Context, req *collections.Request) (*Response, error) {
		var body string
		if req.Body != nil {
			body = req.Body.Raw
		}
		hr, err := http.NewRequestWithContext(ctx, req.Method, req.URL.String(), strings.NewReader(body))
		if err != nil {
			return nil, err
		}
		for _, h := range req.Header {
			if !h.Disabled {
				hr.Header.Add(h.Key, h.Value)
			}
		}
		resp, err := http.DefaultClient.Do(hr)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		buf := new(strings.Builder)
		_, _ = fmt.Fprint(buf, "")
		b := make([]byte, 4096)
		n, _ := resp.Body.Read(b)
		out := &Response{Code: resp.StatusCode, Status: http.StatusText(resp.StatusCode), Body: b[:n]}
		for k, vs := range resp.Header {
			for _, v := range vs {
				out.Header = append(out.Header, Header{k, v})
			}
		}
		return out, nil
	}
	s := New(Options{Send: send, Timeout: 5 * time.Second})
	defer s.Close()
	tests := []struct{ name, src string }{
		{"callback string url", `pm.sendRequest("` + srv.URL + `/cb?x=1", function(err, res){
			pm.test("cb", function(){ pm.expect(err).to.equal(null); pm.expect(res.code).to.equal(200); pm.expect(res.json().path).to.equal("/cb?x=1"); res.to.have.status(200) });
		})`},
		{"promise object request", `pm.sendRequest({url: "` + srv.URL + `/p", method: "PUT", header: {"X-Custom": "yes"}, body: {mode: "raw", raw: "hi"}}).then(function(res){
			pm.test("promise", function(){ pm.expect(res.headers.get("X-Method")).to.equal("PUT"); pm.expect(res.json().h).to.equal("yes") });
		})`},
		{"await", `(async function(){ var res = await pm.sendRequest({url: "` + srv.URL + `/a", header: [{key: "X-Custom", value: "arr"}]});
			pm.test("await", function(){ pm.expect(res.json().h).to.equal("arr") }) })()`},
		{"error callback", `pm.sendRequest("http://127.0.0.1:1/nothing", function(err, res){
			pm.test("err", function(){ pm.expect(err.code).to.equal("ECONNREFUSED"); pm.expect(Object.keys(res)).to.eql(["id", "_details", "headers", "cookies"]); pm.expect(res.code).to.be.undefined }) })`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requirePassing(t, run(t, s, tt.src, newExec("test")))
		})
	}
}

func TestSendRequestTimeout(t *testing.T) {
	started := make(chan struct{}, 1)
	send := func(ctx context.Context, req *collections.Request) (*Response, error) {
		started <- struct{}{}
		<-ctx.Done()
		return nil, ctx.Err()
	}
	s := New(Options{Send: send, Timeout: 100 * time.Millisecond})
	defer s.Close()
	res := run(t, s, `pm.sendRequest("http://127.0.0.1:1/slow", function(err, res){ console.log("late") })`, newExec("test"))
	<-started
	if res.Err == nil || res.Err.Name != "Timeout" || res.Err.Message != "sandbox: asynchronous script execution timeout" {
		t.Fatalf("err = %+v", res.Err)
	}
	if len(res.Console) != 0 {
		t.Errorf("callback ran after the timeout: %+v", res.Console)
	}
	requirePassing(t, run(t, s, `pm.test("next script runs", function(){})`, newExec("test")))
}

func TestExecutionControl(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct {
		name, event, src string
		check            func(*Result) string
	}{
		{"setNextRequest", "test", `pm.execution.setNextRequest("Other")`, func(r *Result) string {
			if r.NextRequest == nil || r.NextRequest.Value != "Other" || r.NextRequest.Stop {
				return fmt.Sprintf("%+v", r.NextRequest)
			}
			return ""
		}},
		{"setNextRequest null", "test", `postman.setNextRequest(null)`, func(r *Result) string {
			if r.NextRequest == nil || !r.NextRequest.Stop {
				return fmt.Sprintf("%+v", r.NextRequest)
			}
			return ""
		}},
		{"skipRequest stops the script", "prerequest", `pm.execution.skipRequest(); console.log("not reached")`, func(r *Result) string {
			if !r.SkipRequest || len(r.Console) != 0 || r.Err != nil {
				return fmt.Sprintf("%+v", r)
			}
			return ""
		}},
		{"skipRequest in test script", "test", `pm.execution.skipRequest()`, func(r *Result) string {
			if r.SkipRequest || r.Err == nil || r.Err.Message != "pm.execution.skipRequest is not a function" {
				return fmt.Sprintf("%+v", r.Err)
			}
			return ""
		}},
		{"location", "test", `console.log(pm.execution.location.join("/"), pm.execution.location.current)`, func(r *Result) string {
			if len(r.Console) != 1 || r.Console[0].Text != "'Coll/Folder/Get thing', 'Get thing'" {
				return fmt.Sprintf("%+v", r.Console)
			}
			return ""
		}},
		{"visualizer", "test", `pm.visualizer.set("<b>{{n}}</b>", {n: 1}, {opt: true})`, func(r *Result) string {
			if r.Visualizer == nil || r.Visualizer.Template != "<b>{{n}}</b>" || fmt.Sprint(r.Visualizer.Data) != "map[n:1]" || fmt.Sprint(r.Visualizer.Options) != "map[opt:true]" {
				return fmt.Sprintf("%+v", r.Visualizer)
			}
			return ""
		}},
		{"visualizer clear", "test", `pm.visualizer.set("x"); pm.visualizer.clear()`, func(r *Result) string {
			if r.Visualizer != nil {
				return "not cleared"
			}
			return ""
		}},
		{"visualizer bad template", "test", `pm.visualizer.set(5)`, func(r *Result) string {
			if r.Err == nil || r.Err.Message != "Invalid template. Template must be of type string, found number" {
				return fmt.Sprintf("%+v", r.Err)
			}
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if msg := tt.check(run(t, s, tt.src, newExec(tt.event))); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func TestLegacyAPI(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	res := run(t, s, `
		tests["code"] = responseCode.code === 200;
		tests["name"] = responseCode.name === "OK";
		tests["body"] = JSON.parse(responseBody).name === "postie";
		tests["headers"] = responseHeaders["Content-Type"] === "application/json";
		tests["time"] = responseTime === 123;
		tests["request"] = request.method === "POST" && request.url.indexOf("/api/") > 0 && request.headers["x-one"] === "1" && request.name === "Get thing";
		tests["iteration"] = iteration === 1;
		tests["environment"] = environment.host === "example.com" && globals.g === "global" && data.d === "data";
		tests["getters"] = postman.getEnvironmentVariable("host") === "example.com" && postman.getGlobalVariable("g") === "global";
		tests["response header"] = postman.getResponseHeader("content-type") === "application/json";
		tests["cookies"] = responseCookies.count() === 1 && responseCookies.length === undefined && postman.getResponseCookie("sid").value === "abc";
		postman.setEnvironmentVariable("host", 8080);
		tests["legacy setter"] = environment.host === "8080" && pm.environment.get("host") === "8080";
		tests["falsy"] = 0;
	`, newExec("test"))
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if len(res.Tests) != 13 {
		t.Fatalf("tests = %+v", res.Tests)
	}
	for _, tr := range res.Tests[:12] {
		if !tr.Passed {
			t.Errorf("%s failed", tr.Name)
		}
	}
	// tests and console entries keep their interleaving
	if res.Console[0].Seq != 0 || res.Tests[0].Seq == 0 {
		t.Errorf("seq: console %d, first test %d", res.Console[0].Seq, res.Tests[0].Seq)
	}
	last := res.Tests[12]
	if last.Passed || last.Error != "expected 0 to be truthy" || last.ErrorName != "AssertionError" {
		t.Errorf("falsy test = %+v", last)
	}
	// deprecation warnings, once per name, as Newman prints them
	var warns []string
	for _, c := range res.Console {
		if c.Level == "warn" {
			warns = append(warns, c.Text)
		}
	}
	want := []string{
		`'Using "responseCode" is deprecated. Use "pm.response.code" instead.'`,
		`'Using "tests" is deprecated. Use "pm.test()" instead.'`,
	}
	if len(warns) < 2 || warns[0] != want[0] || warns[1] != want[1] {
		t.Errorf("warnings = %q", warns)
	}
}

func TestConsoleFormatting(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct{ src, want string }{
		{`console.log("str", 5, true, null, undefined)`, `'str', 5, true, null, undefined`},
		{`console.log({a: 1, s: 'x'})`, `{ a: 1, s: 'x' }`},
		{`console.log([1, 2, 3])`, `[ 1, 2, 3 ]`},
		{`console.log({}, [])`, `{}, []`},
		{`console.log("it's")`, `"it's"`},
		{`console.log('a\nb')`, `'a\nb'`},
		{`console.log({'b-c': 1})`, `{ 'b-c': 1 }`},
		{`console.log(function foo(){})`, `'[Function: foo]'`},
		{`console.log(new Error('x'))`, "{\n  type: 'Error',\n  name: 'Error',\n  message: 'x'\n}"},
		{`console.log(new Date(0))`, `1970-01-01T00:00:00.000Z`},
		{`console.log(pm.info, Object.keys(pm.info))`, `{}, []`},
		{`console.log(/re/g, NaN, -0, 1.5)`, `/re/g, NaN, 0, 1.5`},
		{`console.log(new Map([[1,2]]), new Set([1]))`, `Map(1) { 1 => 2 }, Set(1) { 1 }`},
		{`console.log({a:[{b:{c:{}}}]})`, "{\n  a: [ { b: { c: {} } } ]\n}"},
		{`console.log([1,[2,[3,[4,[5]]]]])`, "[\n  1,\n  [\n    2,\n    [ 3, [ 4, [ 5 ] ] ]\n  ]\n]"},
		{`console.log({longkeyaaaaaaa: 'valuevaluevalue', b: 'valuevaluevalue', c: [1,2,3]})`, "{\n  longkeyaaaaaaa: 'valuevaluevalue',\n  b: 'valuevaluevalue',\n  c: [ 1, 2, 3 ]\n}"},
		{`console.log(Array(120).fill(1))`, "[\n" + strings.Repeat("  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,\n", 8) + "  1, 1, 1, 1,\n  ... 20 more items\n]"},
		{`console.log(['aaaaaaaaaa','bbbbbbbbbbbb','ccccccccccc','ddddddddd','eeeeeeee','ffffff','ggggg'])`, "[\n  'aaaaaaaaaa',\n  'bbbbbbbbbbbb',\n  'ccccccccccc',\n  'ddddddddd',\n  'eeeeeeee',\n  'ffffff',\n  'ggggg'\n]"},
		{`var c = {}; c.self = c; console.log(c)`, `<ref *1> { self: [Circular *1] }`},
		{`console.log(new Proxy([1, 2], {}), Symbol("q"), Buffer.from("ab"))`, `[ 1, 2 ], Symbol(q), <Buffer 61 62>`},
		{`console.log(pm.request.headers)`, "[\n  { key: 'X-One', value: '1' },\n  {\n    key: 'Content-Type',\n    value: 'application/json'\n  }\n]"},
	}
	for _, tt := range tests {
		res := run(t, s, tt.src, newExec("test"))
		if res.Err != nil {
			t.Fatalf("%s: %v", tt.src, res.Err)
		}
		if len(res.Console) != 1 || res.Console[0].Text != tt.want {
			t.Errorf("%s:\n got %+v\nwant %q", tt.src, res.Console, tt.want)
		}
	}
	res := run(t, s, `console.info("i"); console.warn("w"); console.error("e"); console.debug("d")`, newExec("test"))
	var levels []string
	for _, c := range res.Console {
		levels = append(levels, c.Level)
	}
	if strings.Join(levels, ",") != "info,warn,error,debug" {
		t.Errorf("levels %v", levels)
	}
}

func TestScriptErrors(t *testing.T) {
	s := New(Options{Timeout: 300 * time.Millisecond})
	defer s.Close()
	tests := []struct {
		name, src, errName, msg string
		line, col               int
	}{
		{"undefined property", "var a;\n  a.x;", "TypeError", "Cannot read properties of undefined (reading 'x')", 2, 5},
		{"first line column", "var o; o.y", "TypeError", "Cannot read properties of undefined (reading 'y')", 1, 10},
		{"not defined", "\n\nfoo()", "ReferenceError", "foo is not defined", 3, 1},
		{"method not a function", "var o = {a:{}};\no.a.bar()", "TypeError", "o.a.bar is not a function", 2, 0},
		{"syntax unexpected token", "var x = ;", "SyntaxError", "Unexpected token ';'", 1, 9},
		{"syntax identifier", "ok\nfoo bar", "SyntaxError", "Unexpected identifier 'bar'", 2, 5},
		// unbalanced scripts read as V8 reads them inside Postman's wrapper
		// (answers recorded with newman 6.2.2)
		{"syntax unclosed block", "if (true) {", "SyntaxError", "Unexpected token ')'", 1, 0},
		{"syntax unclosed blocks", "function f() {\n  if (x) {\n", "SyntaxError", "Unexpected token ')'", 0, 0},
		{"syntax unclosed test call", "pm.test('x', () => {\n  pm.expect(1).to.eql(1);\n}", "SyntaxError", "missing ) after argument list", 0, 0},
		{"syntax call closed by semicolon", "pm.environment.set('a', 'b';", "SyntaxError", "missing ) after argument list", 1, 0},
		{"syntax missing comma in call", "foo(a, b c, d)", "SyntaxError", "missing ) after argument list", 1, 0},
		{"syntax missing comma in group", "(a b)", "SyntaxError", "Unexpected identifier 'b'", 1, 0},
		{"syntax unclosed object", "var o = {a: 1", "SyntaxError", "Unexpected token ';'", 1, 0},
		{"syntax unclosed array", "[1, 2", "SyntaxError", "Unexpected token ';'", 1, 0},
		{"syntax unclosed comment", "/* note\nx();", "SyntaxError", "Invalid or unexpected token", 0, 0},
		{"syntax extra paren", "pm.test('a', function () {\n  x();\n}));", "SyntaxError", "Unexpected token ')'", 0, 0},
		{"syntax two strings", "console.log('a' 'b')", "SyntaxError", "missing ) after argument list", 1, 0},
		{"top-level await", "await new Promise(function(){})", "SyntaxError", "await is only valid in async functions and the top level bodies of modules", 1, 0},
		{"thrown error", "throw new RangeError('bad')", "RangeError", "bad", 1, 7},
		{"thrown string", "throw 'plain'", "Error", "plain", 1, 0},
		{"assertion outside test", "pm.expect(1).to.equal(2)", "AssertionError", "expected 1 to equal 2", 1, 0},
		{"error in timer", "setTimeout(function(){ var u; u.x }, 1)", "TypeError", "Cannot read properties of undefined (reading 'x')", 1, 0},
		{"unhandled rejection", "Promise.reject(new TypeError('nobody caught me'))", "TypeError", "nobody caught me", 1, 0},
		{"rejected sendRequest promise", "pm.sendRequest('http://127.0.0.1:1/x').then(function(){})", "Error", "pm.sendRequest is not available", 0, 0},
		{"timeout", "while(true){}", "Timeout", "sandbox: synchronous script execution timeout", 0, 0},
		{"async timeout", "setTimeout(function(){}, 100000)", "Timeout", "sandbox: asynchronous script execution timeout", 0, 0},
		{"stack overflow", "(function f(){ f() })()", "RangeError", "Maximum call stack size exceeded", 0, 0},
		{"json parse", `JSON.parse("{bad")`, "JSONError", "Unexpected token 'b' at 1:2\n{bad\n ^", 0, 0},
		{"json bad literal", `JSON.parse('{"a":tru}')`, "JSONError", "Unexpected token 't' at 1:6\n{\"a\":tru}\n     ^", 0, 0},
		{"json truncated", `JSON.parse('[1, 2')`, "JSONError", "Unexpected end of input at 1:6\n[1, 2\n     ^", 0, 0},
		{"response json", `pm.response.text = function(){ return "[1,]" }; pm.response.json()`, "JSONError", "Trailing comma in array at 1:4\n[1,]\n   ^", 0, 0},
		{"memory bomb", `'x'.repeat(1 << 30)`, "RangeError", "Invalid string length", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, s, tt.src, newExec("test"))
			e := res.Err
			if e == nil {
				t.Fatalf("no error; result %+v", res)
			}
			if e.Name != tt.errName || e.Message != tt.msg {
				t.Errorf("got %s: %q, want %s: %q", e.Name, e.Message, tt.errName, tt.msg)
			}
			if tt.line != 0 && e.Line != tt.line {
				t.Errorf("line %d, want %d", e.Line, tt.line)
			}
			if tt.col != 0 && e.Column != tt.col {
				t.Errorf("column %d, want %d", e.Column, tt.col)
			}
			if e.Script != "Coll/Get thing/test" {
				t.Errorf("script %q", e.Script)
			}
		})
	}
	// the sandbox keeps working after a timeout
	requirePassing(t, run(t, s, `pm.test("after", function(){})`, newExec("test")))
}

func TestScopeIsolation(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	steps := []struct{ src, want string }{
		{`var a = 1; b = 2; function f(){}; Object.prototype.foo = 5; const k = 1;`, ""},
		// like Postman: declarations stay in their script; implicit globals and prototype changes persist
		{`console.log(typeof a, typeof b, ({}).foo, typeof f, typeof k)`, `'undefined', 'number', 5, 'undefined', 'undefined'`},
		{`var pm = 1; var require = 2; console.log(pm, require)`, `1, 2`},
		{`console.log(typeof pm.test, typeof require)`, `'function', 'function'`},
		{`return; console.log("no")`, ""},
		{`delete Object.prototype.foo; console.log(({}).foo)`, `undefined`},
	}
	for i, st := range steps {
		res := run(t, s, st.src, newExec("test"))
		if res.Err != nil {
			t.Fatalf("step %d: %v", i, res.Err)
		}
		got := ""
		if len(res.Console) > 0 {
			got = res.Console[0].Text
		}
		if got != st.want {
			t.Errorf("step %d: got %q want %q", i, got, st.want)
		}
	}
}

func TestEscapesRefused(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct{ src, want string }{
		{`require('fs')`, "Cannot find module 'fs'"},
		{`require('child_process')`, "Cannot find module 'child_process'"},
		{`process.exit(1)`, "process is not defined"},
		{`pm.sendRequest.constructor("return process")()`, "process is not defined"},
		{`Function("return this")().process.env`, "Cannot read properties of undefined (reading 'env')"},
		{`require.constructor("return require('os')")()`, "Cannot find module 'os'"},
	}
	for _, tt := range tests {
		res := run(t, s, tt.src, newExec("test"))
		if res.Err == nil || res.Err.Message != tt.want {
			t.Errorf("%s: err %v, want %q", tt.src, res.Err, tt.want)
		}
	}
}

func TestCookieJar(t *testing.T) {
	jar, _ := cookiejar.New(nil)
	ex := newExec("test")
	ex.Cookies = testJar{jar}
	u, _ := url.Parse("http://example.com/")
	jar.SetCookies(u, []*http.Cookie{{Name: "pre", Value: "1"}})
	s := New(Options{})
	defer s.Close()
	res := run(t, s, `
		var jar = pm.cookies.jar();
		jar.set("http://example.com", "made", "here", function(err, c){
			pm.test("set", function(){ pm.expect(err).to.equal(null); pm.expect(c.name).to.equal("made") });
			jar.get("http://example.com", "pre", function(err, val){
				pm.test("get", function(){ pm.expect(val).to.equal("1") });
				jar.getAll("http://example.com", function(err, all){
					pm.test("getAll", function(){ pm.expect(all.count()).to.equal(2); pm.expect(all.get("made")).to.equal("here") });
					jar.unset("http://example.com", "pre", function(err){
						jar.getAll("http://example.com", function(err, all){
							pm.test("unset", function(){ pm.expect(all.map(function(c){return c.name})).to.eql(["made"]) });
							pm.test("bad url throws", function(){ pm.expect(function(){ jar.getAll("", function(){}) }).to.throw(TypeError, "CookieJar.getAll() requires a valid url") });
						});
					});
				});
			});
		});
		pm.test("pm.cookies from jar", function(){ pm.expect(pm.cookies.get("pre")).to.equal("1") });
	`, ex)
	requirePassing(t, res)
	if len(res.Tests) != 6 {
		t.Errorf("tests %+v", res.Tests)
	}
}

type testJar struct{ *cookiejar.Jar }

func (j testJar) Delete(u *url.URL, name string) {
	j.SetCookies(u, []*http.Cookie{{Name: name, Value: "", MaxAge: -1}})
}
func (j testJar) Clear(u *url.URL) {
	for _, c := range j.Cookies(u) {
		j.Delete(u, c.Name)
	}
}

func TestMemoryGuard(t *testing.T) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	s := New(Options{MemoryLimit: ms.HeapAlloc + 64<<20, Timeout: 20 * time.Second})
	defer s.Close()
	res := run(t, s, `var keep = []; while (true) { keep.push(new Array(100000).fill(1)) }`, newExec("test"))
	if res.Err == nil || res.Err.Name != "RangeError" || !strings.Contains(res.Err.Message, "memory use passed") {
		t.Fatalf("err = %v", res.Err)
	}
	runtime.GC()
	requirePassing(t, run(t, s, `pm.test("still works", function(){})`, newExec("test")))
}

// BenchmarkTrivialTestScript measures per-script overhead once warm.
func BenchmarkTrivialTestScript(b *testing.B) {
	s := New(Options{Timeout: time.Second})
	defer s.Close()
	src := `pm.test("Status code is 200", function () { pm.response.to.have.status(200); });`
	ex := newExec("test")
	ctx := context.Background()
	script := Script{Name: "bench", Source: src}
	if r := s.Run(ctx, script, ex); r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
		b.Fatalf("%+v", r)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		s.Run(ctx, script, ex)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}
