package runner

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/scripting"
)

// needSandbox skips while the scripting package is still a stub.
func needSandbox(t testing.TB) {
	t.Helper()
	ok := func() (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		sb := scripting.New(scripting.Options{})
		defer sb.Close()
		sb.Run(context.Background(), scripting.Script{Source: "1"}, &scripting.Execution{Vars: &environments.Scopes{}})
		return true
	}()
	if !ok {
		t.Skip("scripting.Sandbox.Run is not implemented yet")
	}
}

// consoleLines returns the console output of a run, in order.
func consoleLines(rec *eventLog) []string {
	var out []string
	for _, e := range rec.events {
		if e.Kind == EventConsole {
			out = append(out, e.Console.Text)
		}
	}
	return out
}

func ev(listen, src string) string {
	return fmt.Sprintf(`{"listen":%q,"script":{"exec":[%q]}}`, listen, src)
}

func TestScriptOrderAndFolderScope(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	js := `{"info":{"name":"s","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"event":[` + ev("prerequest", "console.log('coll pre')") + `,` + ev("test", "console.log('coll test')") + `],
	"item":[{"name":"F","event":[` + ev("prerequest", "console.log('F pre'); pm.variables.set('seg', 'fromF')") + `,` + ev("test", "console.log('F test')") + `],
	  "item":[{"name":"G","event":[` + ev("prerequest", "console.log('G pre')") + `],
	    "item":[{"name":"r","event":[` + ev("prerequest", "console.log('r pre')") + `,` + ev("test", "console.log('r test', pm.response.code)") + `],
	      "request":{"url":"%URL%/{{seg}}"}}]}]}]}`
	rec := &eventLog{}
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Folders: []string{"G"}, Reporters: []Reporter{rec}})
	if err != nil {
		t.Fatal(err)
	}
	// console text is formatted as newman prints it (strings quoted).
	want := []string{"'coll pre'", "'F pre'", "'G pre'", "'r pre'", "'coll test'", "'F test'", "'r test', 200"}
	if got := consoleLines(rec); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("script order\n got %q\nwant %q", got, want)
	}
	if got := srv.got(); len(got) != 1 || got[0] != "GET /fromF" {
		t.Errorf("requests %v (a parent folder's pre-request variable must apply with --folder)", got)
	}
	if sum.Stats.PrerequestScripts.Total != 4 || sum.Stats.TestScripts.Total != 3 || sum.Stats.Scripts.Total != 7 {
		t.Errorf("stats %+v", sum.Stats)
	}
}

func TestSetNextRequestAndSkip(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	item := func(name, id, pre, test string) string {
		return fmt.Sprintf(`{"name":%q,"id":%q,"event":[%s,%s],"request":{"url":"%%URL%%/%s"}}`, name, id, ev("prerequest", pre), ev("test", test), name)
	}
	tests := []struct {
		name  string
		items []string
		max   int
		want  []string
		fail  string
	}{
		{"jump forward by name", []string{item("a", "ia", "", "postman.setNextRequest('c')"), item("b", "ib", "", ""), item("c", "ic", "", "")},
			0, []string{"/a", "/c"}, ""},
		{"jump back by id with a counter", []string{
			item("a", "ia", "", ""),
			item("b", "ib", "", "var n=(pm.environment.get('n')||0)+1; pm.environment.set('n', n); if (n<3) pm.execution.setNextRequest('ia')"),
			item("c", "ic", "", "")},
			0, []string{"/a", "/b", "/a", "/b", "/a", "/b", "/c"}, ""},
		{"null stops the iteration", []string{item("a", "ia", "", "postman.setNextRequest(null)"), item("b", "ib", "", "")},
			0, []string{"/a"}, ""},
		{"unknown name ends the iteration", []string{item("a", "ia", "postman.setNextRequest('nope')", ""), item("b", "ib", "", "")},
			0, []string{"/a"}, ""},
		{"set in pre-request", []string{item("a", "ia", "postman.setNextRequest('c')", ""), item("b", "ib", "", ""), item("c", "ic", "", "")},
			0, []string{"/a", "/c"}, ""},
		{"skipRequest skips sending and tests", []string{item("a", "ia", "pm.execution.skipRequest()", "pm.environment.set('ran', 1)"), item("b", "ib", "", "")},
			0, []string{"/b"}, ""},
		{"loop guard", []string{item("a", "ia", "", "postman.setNextRequest('a')")},
			5, []string{"/a", "/a", "/a", "/a", "/a"}, "setNextRequest loop: more than 5 item runs in iteration 1; stopping the run"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv.mu.Lock()
			srv.hits = nil
			srv.mu.Unlock()
			js := `{"info":{"name":"snr","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[` + strings.Join(tc.items, ",") + `]}`
			sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), MaxExecutions: tc.max})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range srv.got() {
				got = append(got, strings.TrimPrefix(h, "GET "))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("requests %v, want %v", got, tc.want)
			}
			if tc.fail != "" {
				if len(sum.Failures) != 1 || sum.Failures[0].Message != tc.fail {
					t.Errorf("failures %+v", sum.Failures)
				}
			} else if sum.Failed() {
				t.Errorf("failures %+v", sum.Failures)
			}
			if tc.name == "skipRequest skips sending and tests" && (sum.Stats.Prerequests.Total != 2 || sum.Stats.Tests.Total != 1) {
				t.Errorf("phase counts %+v %+v, want newman's 2 prerequests, 1 tests", sum.Stats.Prerequests, sum.Stats.Tests)
			}
			if _, ran := sum.Environment.Values.Get("ran"); ran {
				t.Error("test script ran for a skipped request")
			}
		})
	}
}

func TestAssertionsScriptErrorsAndBail(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	js := `{"info":{"name":"f","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"a","event":[` + ev("test", "pm.test('good', function(){ pm.response.to.have.status(200) }); pm.test('bad', function(){ pm.expect(1).to.equal(2) }); null.x") + `],"request":{"url":"%URL%/a"}},
	{"name":"b","request":{"url":"%URL%/b"}}]}`
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL)})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failures) != 2 {
		t.Fatalf("failures %+v", sum.Failures)
	}
	f0, f1 := sum.Failures[0], sum.Failures[1]
	if f0.Kind != "AssertionError" || f0.Test != "bad" || f0.Message != "expected 1 to equal 2" || f0.At != "assertion:1 in test-script" || f0.Source != "a" {
		t.Errorf("assertion failure %+v", f0)
	}
	if f1.Kind != "TypeError" || f1.At != "test-script" {
		t.Errorf("script failure %+v", f1)
	}
	if sum.Stats.Assertions != (Count{2, 1}) || sum.Stats.TestScripts != (Count{1, 1}) || len(srv.got()) != 2 {
		t.Errorf("stats %+v hits %v", sum.Stats, srv.got())
	}

	srv.hits = nil
	sum, err = Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Bail: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(srv.got()) != 1 || len(sum.Executions) != 1 {
		t.Errorf("bail: hits %v", srv.got())
	}

	// newman --bail adds an AssertionFailure naming the failed test.
	js2 := strings.Replace(js, "; null.x", "", 1)
	sum, err = Run(context.Background(), Options{Collection: parseColl(t, js2, srv.URL), Bail: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failures) != 2 || sum.Failures[1].Kind != "AssertionFailure" || sum.Failures[1].Message != "bad" ||
		sum.Failures[1].At != "test-script:39:17" || sum.Stats.TestScripts != (Count{1, 1}) || len(sum.Executions) != 1 {
		t.Errorf("bail on assertion: failures %+v stats %+v", sum.Failures, sum.Stats)
	}
	// ... and as the test script's error, on its script event (once).
	if len(sum.Executions) == 1 && len(sum.Executions[0].Test) == 1 {
		if e := sum.Executions[0].Test[0].Err; e == nil || e.Name != "AssertionFailure" || e.Message != "bad" {
			t.Errorf("bail on assertion: script error %+v, want AssertionFailure: bad", e)
		}
	}
	// Without --bail the failed assertion is no script error.
	rec := &eventLog{}
	sum, err = Run(context.Background(), Options{Collection: parseColl(t, js2, srv.URL), Reporters: []Reporter{rec}})
	if err != nil {
		t.Fatal(err)
	}
	if e := sum.Executions[0].Test[0].Err; e != nil || sum.Stats.TestScripts != (Count{1, 0}) {
		t.Errorf("no bail: script error %+v stats %+v", e, sum.Stats.TestScripts)
	}
	rec = &eventLog{}
	if _, err = Run(context.Background(), Options{Collection: parseColl(t, js2, srv.URL), Bail: true, Reporters: []Reporter{rec}}); err != nil {
		t.Fatal(err)
	}
	var scriptErrs []string
	for _, e := range rec.events {
		if e.Kind == EventScript && e.Err != nil {
			var se *scripting.ScriptError
			if errors.As(e.Err, &se) {
				scriptErrs = append(scriptErrs, se.Name+": "+se.Message)
			}
		}
	}
	if strings.Join(scriptErrs, "|") != "AssertionFailure: bad" {
		t.Errorf("bail: script events carry %q, want one AssertionFailure: bad", scriptErrs)
	}
}

func TestExportsContinue(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	js := `{"info":{"name":"x","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"variable":[{"key":"cc","value":"0"}],
	"item":[{"name":"count","event":[` + ev("test", "pm.environment.set('n', Number(pm.environment.get('n')||0)+1); pm.globals.set('g', Number(pm.globals.get('g')||0)+10); pm.collectionVariables.set('cc', String(Number(pm.collectionVariables.get('cc'))+100))") + `],
	"request":{"url":"%URL%/n/{{n}}/{{g}}/{{cc}}"}}]}`
	dir := t.TempDir()
	envPath, globPath, collPath := filepath.Join(dir, "env.json"), filepath.Join(dir, "glob.json"), filepath.Join(dir, "coll.json")
	env := &environments.File{ID: "env-id", Name: "My env", Scope: "environment", Values: environments.NewList(environments.NewVariable("n", "0", "default"))}
	opts := Options{Collection: parseColl(t, js, srv.URL), Environment: env, IterationCount: 2}
	for round := 0; round < 2; round++ {
		sum, err := Run(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := sum.Environment.WriteFile(envPath); err != nil {
			t.Fatal(err)
		}
		if err := sum.Globals.WriteFile(globPath); err != nil {
			t.Fatal(err)
		}
		if err := sum.Collection.Save(collPath); err != nil {
			t.Fatal(err)
		}
		e, err := environments.LoadFile(envPath)
		if err != nil {
			t.Fatal(err)
		}
		g, err := environments.LoadFile(globPath)
		if err != nil {
			t.Fatal(err)
		}
		c, err := collections.Load(collPath)
		if err != nil {
			t.Fatal(err)
		}
		if e.ID != "env-id" || e.Name != "My env" {
			t.Errorf("environment metadata lost: %+v", e)
		}
		opts.Environment, opts.Globals, opts.Collection = e, g, c
	}
	want := []string{"GET /n/0/%7B%7Bg%7D%7D/0", "GET /n/1/10/100", "GET /n/2/20/200", "GET /n/3/30/300"}
	if got := srv.got(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("requests\n got %v\nwant %v", got, want)
	}
	if v, _ := opts.Environment.Values.Get("n"); environments.String(v) != "4" {
		t.Errorf("final n = %v", v)
	}
}

func TestFolderAuthInheritance(t *testing.T) {
	srv := newHitServer(t)
	var auths []string
	srv.hook = func(w http.ResponseWriter, r *http.Request) bool {
		srv.mu.Lock()
		auths = append(auths, r.URL.Path+"="+r.Header.Get("Authorization"))
		srv.mu.Unlock()
		return false
	}
	basic := func(u, p string) string {
		return fmt.Sprintf(`{"type":"basic","basic":[{"key":"username","value":%q},{"key":"password","value":%q}]}`, u, p)
	}
	js := `{"info":{"name":"au","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"auth":` + basic("coll", "{{pw}}") + `,"variable":[{"key":"pw","value":"secret"}],
	"item":[{"name":"F","auth":` + basic("folder", "x") + `,"item":[
	   {"name":"inherit","request":{"url":"%URL%/inherit","auth":{"type":"inherit"}}},
	   {"name":"none","request":{"url":"%URL%/none","auth":{"type":"noauth"}}},
	   {"name":"own","request":{"url":"%URL%/own","auth":` + basic("own", "y") + `}}]},
	 {"name":"top","request":{"url":"%URL%/top"}}]}`
	if _, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL)}); err != nil {
		t.Fatal(err)
	}
	b := func(u, p string) string { return "Basic " + base64.StdEncoding.EncodeToString([]byte(u+":"+p)) }
	want := []string{"/inherit=" + b("folder", "x"), "/none=", "/own=" + b("own", "y"), "/top=" + b("coll", "secret")}
	if strings.Join(auths, "|") != strings.Join(want, "|") {
		t.Errorf("auth\n got %v\nwant %v", auths, want)
	}
}

func TestUnsupportedAuthFailsTheRequest(t *testing.T) {
	srv := newHitServer(t)
	js := `{"info":{"name":"au","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"item":[{"name":"r","request":{"url":"%URL%/r","auth":{"type":"bogus","bogus":[{"key":"a","value":"b"}]}}},{"name":"next","request":{"url":"%URL%/next"}}]}`
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL)})
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.got(); len(got) != 1 || got[0] != "GET /next" {
		t.Errorf("requests %v", got)
	}
	if len(sum.Failures) != 1 || sum.Failures[0].At != "request" || !strings.Contains(sum.Failures[0].Message, "bogus") || sum.Stats.Requests != (Count{2, 1}) {
		t.Errorf("failures %+v stats %+v", sum.Failures, sum.Stats)
	}
}

// TestTestScriptSeesRequestAsSent checks pm.request in test scripts against
// what newman 6.2 prints for the same collection.
func TestTestScriptSeesRequestAsSent(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	srv.hook = func(w http.ResponseWriter, r *http.Request) bool {
		http.SetCookie(w, &http.Cookie{Name: "a", Value: "b", Path: "/"})
		return false
	}
	item := func(name, body string) string {
		return `{"name":"` + name + `","event":[` + ev("test", "console.log(pm.request.headers.all().map(function(h){return h.key}).join(','), pm.request.url.toString())") + `],
		"request":{"auth":{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"p"}]},"method":"POST",
		"header":[{"key":"X-A","value":"{{v}}"}],"url":"%URL%/a/{{v}}?q={{v}}","body":` + body + `}}`
	}
	js := `{"info":{"name":"rq","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"variable":[{"key":"v","value":"vv"}],
	"item":[` + item("raw", `{"mode":"raw","raw":"{{v}}"}`) + `,` + item("form", `{"mode":"urlencoded","urlencoded":[{"key":"a","value":"b"}]}`) + `]}`
	rec := &eventLog{}
	if _, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Reporters: []Reporter{rec}}); err != nil {
		t.Fatal(err)
	}
	u := "'" + srv.URL + "/a/vv?q=vv'"
	want := []string{
		"'X-A,Authorization,Content-Type,User-Agent,Accept,Cache-Control,Postman-Token,Host,Accept-Encoding,Connection,Content-Length', " + u,
		"'X-A,Authorization,User-Agent,Accept,Cache-Control,Postman-Token,Host,Accept-Encoding,Connection,Content-Length,Cookie', " + u,
	}
	if got := consoleLines(rec); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pm.request in tests\n got %q\nwant %q", got, want)
	}
}

func TestSendRequestSharesJarAndStrictSSLPerItem(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	var cookies []string
	srv.hook = func(w http.ResponseWriter, r *http.Request) bool {
		srv.mu.Lock()
		cookies = append(cookies, r.URL.Path+":"+r.Header.Get("Cookie"))
		srv.mu.Unlock()
		if r.URL.Path == "/login" {
			http.SetCookie(w, &http.Cookie{Name: "sid", Value: "s1", Path: "/"})
			w.Write([]byte(`{"token":"t1"}`))
			return true
		}
		return false
	}
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secure")) }))
	defer tlsSrv.Close()
	pre := `pm.sendRequest('%URL%/login', function (err, res) { if (err) { throw err; } pm.variables.set('tok', res.json().token); });`
	js := `{"info":{"name":"sr","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"main","event":[` + ev("prerequest", pre) + `],"request":{"url":"%URL%/main?t={{tok}}"}},
	{"name":"self-signed","protocolProfileBehavior":{"strictSSL":false},"request":{"url":"` + tlsSrv.URL + `/ok"}},
	{"name":"strict","request":{"url":"` + tlsSrv.URL + `/strict"}}]}`
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL)})
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.got(); strings.Join(got, "|") != "GET /login|GET /main?t=t1" {
		t.Errorf("requests %v", got)
	}
	if strings.Join(cookies, "|") != "/login:|/main:sid=s1" {
		t.Errorf("cookies %v: pm.sendRequest must share the run's jar", cookies)
	}
	if len(sum.Executions) != 3 || sum.Executions[1].Response == nil || string(sum.Executions[1].Response.Body) != "secure" {
		t.Errorf("strictSSL:false item: %+v", sum.Executions[1])
	}
	if len(sum.Failures) != 1 || sum.Failures[0].At != "request" || sum.Failures[0].Message != "self-signed certificate" {
		t.Errorf("failures %+v: the strict item must fail verification", sum.Failures)
	}
}

// newman keeps one local scope (pm.variables.set) for the whole run: a value
// set by one item is seen by the next items and by the next iterations.
func TestLocalVariablesLiveForTheRun(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	js := `{"info":{"name":"l","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"a","event":[` + ev("prerequest", "console.log('a', pm.variables.get('x')); pm.variables.set('x', 'v'+pm.info.iteration)") + `],"request":{"url":"%URL%/a?x={{x}}"}},
	{"name":"b","event":[` + ev("test", "console.log('b', pm.variables.get('x'))") + `],"request":{"url":"%URL%/b?x={{x}}"}}]}`
	tests := []struct {
		name    string
		iters   int
		console []string
		hits    []string
	}{
		{"one iteration", 1, []string{"'a', undefined", "'b', 'v0'"}, []string{"GET /a?x=v0", "GET /b?x=v0"}},
		{"two iterations", 2, []string{"'a', undefined", "'b', 'v0'", "'a', 'v0'", "'b', 'v1'"},
			[]string{"GET /a?x=v0", "GET /b?x=v0", "GET /a?x=v1", "GET /b?x=v1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv.mu.Lock()
			srv.hits = nil
			srv.mu.Unlock()
			rec := &eventLog{}
			if _, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), IterationCount: tc.iters, Reporters: []Reporter{rec}}); err != nil {
				t.Fatal(err)
			}
			if got := consoleLines(rec); strings.Join(got, "|") != strings.Join(tc.console, "|") {
				t.Errorf("console\n got %q\nwant %q", got, tc.console)
			}
			if got := srv.got(); strings.Join(got, "|") != strings.Join(tc.hits, "|") {
				t.Errorf("requests\n got %q\nwant %q", got, tc.hits)
			}
		})
	}
}

// pm.info.requestId and the legacy request.id are the item's id; an item
// without one gets a uuid that stays the same for the whole run (newman).
func TestRequestIDIsTheItemID(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	js := `{"info":{"name":"id","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"with","id":"item-1","event":[` + ev("test", "console.log(pm.info.requestId, request.id)") + `],"request":{"url":"%URL%/a"}},
	{"name":"without","event":[` + ev("prerequest", "console.log(pm.info.requestId, request.id)") + `,` + ev("test", "console.log(pm.info.requestId)") + `],"request":{"url":"%URL%/b"}}]}`
	rec := &eventLog{}
	if _, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), IterationCount: 2, Reporters: []Reporter{rec}}); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range consoleLines(rec) {
		if !strings.Contains(l, "deprecated") { // the legacy-API warning
			lines = append(lines, l)
		}
	}
	if len(lines) != 6 {
		t.Fatalf("console %q", lines)
	}
	if lines[0] != "'item-1', 'item-1'" || lines[3] != lines[0] {
		t.Errorf("item with an id: %q, %q", lines[0], lines[3])
	}
	gen := strings.Trim(strings.SplitN(lines[1], ", ", 2)[0], "'")
	if len(gen) != 36 || strings.Count(gen, "-") != 4 {
		t.Fatalf("generated id %q is not a uuid (console %q)", gen, lines)
	}
	for _, i := range []int{1, 4} {
		if lines[i] != "'"+gen+"', '"+gen+"'" {
			t.Errorf("pre-request line %d: %q, want the generated id %q twice", i, lines[i], gen)
		}
	}
	for _, i := range []int{2, 5} {
		if lines[i] != "'"+gen+"'" {
			t.Errorf("test line %d: %q, want %q", i, lines[i], gen)
		}
	}
}

// Test scripts see the request as sent (newman-measured): path variables
// substituted and the variable list empty; the URL encoded, without disabled
// query parameters, with its fragment; disabled headers still listed; oauth1's body parameters added
// to an urlencoded body after the user's fields (disabled ones included).
func TestTestScriptSeesSentURLAndSignedBody(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	var gotBody string
	srv.hook = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method == "POST" {
			r.ParseForm()
			gotBody = r.PostForm.Get("oauth_signature")
		}
		return false
	}
	js := `{"info":{"name":"sent","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"variable":[{"key":"v","value":"vv"}],"item":[
	{"name":"pv","event":[` + ev("prerequest", "console.log(pm.request.url.getPath(), JSON.stringify(pm.request.url.variables.toObject()))") + `,` +
		ev("test", "console.log(pm.request.url.getPath(), JSON.stringify(pm.request.url.variables.toObject()))") + `],
	 "request":{"url":{"raw":"%URL%/:id/x?q={{v}}","host":["%URL%"],"path":[":id","x"],"query":[{"key":"q","value":"{{v}}"}],"variable":[{"key":"id","value":"{{v}}"}]}}},
	{"name":"dq","event":[` + ev("test", "console.log(pm.request.url.toString().replace(pm.request.url.getRemote(), ''), pm.request.url.query.all().map(p=>p.key).join(','), pm.request.headers.all().map(h=>h.key+(h.disabled?'(d)':'')).slice(0, 3).join(','))") + `],
	 "request":{"url":{"raw":"%URL%/p?a=1&b=2#frag","host":["%URL%"],"path":["p"],"query":[{"key":"a","value":"1"},{"key":"b","value":"2","disabled":true},{"key":"c","value":"x y"}],"hash":"frag"},
	  "header":[{"key":"X-On","value":"1"},{"key":"X-Off","value":"2","disabled":true}]}},
	{"name":"oa","event":[` + ev("test", "const b = pm.request.body.urlencoded.all(); console.log(b.map(p => p.key).join(','), b[b.length-1].value)") + `],
	 "request":{"method":"POST","url":"%URL%/o","body":{"mode":"urlencoded","urlencoded":[{"key":"f","value":"1"},{"key":"off","value":"x","disabled":true}]},
	  "auth":{"type":"oauth1","oauth1":[{"key":"consumerKey","value":"ck"},{"key":"consumerSecret","value":"cs"},{"key":"signatureMethod","value":"HMAC-SHA1"},
	   {"key":"addParamsToHeader","value":false},{"key":"timestamp","value":"1700000000"},{"key":"nonce","value":"abc"},{"key":"version","value":"1.0"}]}}}]}`
	rec := &eventLog{}
	if _, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Reporters: []Reporter{rec}}); err != nil {
		t.Fatal(err)
	}
	lines := consoleLines(rec)
	if len(lines) != 4 {
		t.Fatalf("console %q", lines)
	}
	want := []string{`'/{{v}}/x', '{"id":"{{v}}"}'`, `'/vv/x', '{}'`, `'http:///p?a=1&c=x%20y#frag', 'a,c', 'X-On,X-Off(d),User-Agent'`}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d: %s, want %s", i, lines[i], w)
		}
	}
	if gotBody == "" {
		t.Fatal("the server got no oauth_signature in the body")
	}
	if w := "'f,off,oauth_consumer_key,oauth_signature_method,oauth_timestamp,oauth_nonce,oauth_version,oauth_signature', '" + gotBody + "'"; lines[3] != w {
		t.Errorf("signed body seen by the test script\n got %s\nwant %s", lines[3], w)
	}
	if got := srv.got(); len(got) != 3 || got[0] != "GET /vv/x?q=vv" {
		t.Errorf("requests %v", got)
	}
}

// TestSendRequestReportedAsRequests checks that pm.sendRequest calls count
// and report as requests, as in Newman: a request line each (in order with
// the script's console output and tests), a request failure when one gets no
// response, and so a failed run.
func TestSendRequestReportedAsRequests(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	refused := httptest.NewServer(http.NotFoundHandler())
	refusedURL := refused.URL
	refused.Close()
	pre := `console.log('before'); pm.sendRequest('%URL%/side', function (err, res) { console.log('pre', res.code); });`
	test := `pm.test('main ok', function () { pm.response.to.have.status(200); }); pm.sendRequest({url: '` + refusedURL + `/gone', method: 'POST'}, function (err) { console.log('refused', err.code); });`
	js := `{"info":{"name":"sr","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"a","event":[` + ev("prerequest", pre) + `,` + ev("test", test) + `],"request":{"url":"%URL%/main"}}]}`
	rec := &eventLog{}
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Reporters: []Reporter{rec}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stats.Requests != (Count{3, 1}) {
		t.Errorf("requests %+v, want 3 executed (item + 2 sendRequest), 1 failed", sum.Stats.Requests)
	}
	if len(sum.Failures) != 1 || sum.Failures[0].Kind != "Error" || sum.Failures[0].At != "request" || !strings.Contains(sum.Failures[0].Message, "ECONNREFUSED") || sum.Failures[0].Source != "a" {
		t.Errorf("failures %+v, want the refused sendRequest", sum.Failures)
	}
	if !sum.Failed() {
		t.Error("a run whose sendRequest failed must fail (exit 1), as in Newman")
	}
	// the answered sendRequest counts in the run's timings and transfers,
	// the refused one does not
	if len(sum.OtherResponses) != 1 || sum.OtherResponses[0].Size != len(`{"path":"/side"}`) || sum.OtherResponses[0].Time <= 0 {
		t.Errorf("other responses %+v, want /side's", sum.OtherResponses)
	}
	var got []string
	for _, e := range rec.events {
		switch e.Kind {
		case EventSendRequest:
			s := "send " + e.Script + " " + e.Sent.Request.Method + " " + e.Sent.Request.URL.String()
			if e.Err != nil {
				s += " err"
			} else {
				s += " " + strconv.Itoa(e.Sent.Response.Code)
			}
			got = append(got, s)
		case EventConsole:
			got = append(got, "console "+e.Console.Text)
		case EventRequest:
			got = append(got, "request")
		case EventAssertion:
			got = append(got, "test "+e.Test.Name)
		}
	}
	want := []string{
		"console 'before'",
		"send prerequest GET " + srv.URL + "/side 200",
		"console 'pre', 200",
		"request",
		"test main ok",
		"send test POST " + refusedURL + "/gone err",
		"console 'refused', 'ECONNREFUSED'",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSentHeadersMarkedSystem checks that in a test script the headers the
// runtime added carry system: true and the request's own headers do not, as
// newman shows them.
func TestSentHeadersMarkedSystem(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	test := `var sys = {}; pm.request.headers.each(function (h) { sys[h.key] = h.system === true; });
		pm.test('system flags', function () {
			pm.expect(sys).to.include({'X-Own': false, 'Accept': false, 'User-Agent': true, 'Postman-Token': true, 'Host': true, 'Authorization': true});
		});`
	js := `{"info":{"name":"h","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"a","event":[` + ev("test", test) + `],"request":{"url":"%URL%/h","auth":{"type":"bearer","bearer":[{"key":"token","value":"t"}]},
	"header":[{"key":"X-Own","value":"1"},{"key":"Accept","value":"text/plain"}]}}]}`
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed() || sum.Stats.Assertions != (Count{1, 0}) {
		t.Errorf("failures %+v stats %+v", sum.Failures, sum.Stats.Assertions)
	}
}

// TestFailureAtCallIndex checks that a failed test's "assertion:N" is its
// place among the script's pm.test calls, not the order tests finished in
// (measured with newman 6.2.2: the second call, finishing first, is
// assertion:1).
func TestFailureAtCallIndex(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	test := `pm.test('slow', function (done) { setTimeout(done, 20); });
		pm.test('fast', function (done) { setTimeout(function () { done(new Error('x')); }, 1); });`
	js := `{"info":{"name":"i","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"a","event":[` + ev("test", test) + `],"request":{"url":"%URL%/a"}}]}`
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL)})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failures) != 1 || sum.Failures[0].At != "assertion:1 in test-script" || sum.Failures[0].Test != "fast" {
		t.Errorf("failures %+v, want fast at assertion:1 in test-script", sum.Failures)
	}
}

// TestAssertionOutsideTestAt checks the "at" of a chai assertion failing
// outside pm.test, as newman 6.2.2 prints it: the script's line plus one
// and the column of the method's name or of a getter's '.'; other errors
// have no position.
func TestAssertionOutsideTestAt(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	tests := []struct{ listen, src, want string }{
		{"test", `pm.response.to.have.status(201);`, "test-script:2:21"},
		{"test", "var x = 1;\n\n    pm.response.to.have.status(201);", "test-script:4:25"},
		{"test", `pm.expect(false).to.be.true;`, "test-script:2:23"},
		{"test", `pm.response.to.be.ok; pm.response.to.have.header('X-Nope');`, "test-script:2:43"},
		{"test", "function check() {\n  pm.expect(1).to.equal(3);\n}\ncheck();", "test-script:3:19"},
		{"test", "pm.expect(1)\n  .to\n  .equal(4);", "test-script:4:4"},
		{"prerequest", `pm.expect(1).to.eql(2);`, "prerequest-script:2:17"},
		{"test", "var a = 1;\nthrow new Error('boom');", "test-script"},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			js := `{"info":{"name":"at","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
			{"name":"a","event":[` + ev(tc.listen, tc.src) + `],"request":{"url":"%URL%/a"}}]}`
			sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL)})
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.Failures) != 1 || sum.Failures[0].At != tc.want {
				t.Errorf("failures %+v, want one at %q", sum.Failures, tc.want)
			}
		})
	}
}
