package runner

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
)

// hitServer records "METHOD URI" of every request.
type hitServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits []string
	hook func(w http.ResponseWriter, r *http.Request) bool // true: handled
}

func newHitServer(t *testing.T) *hitServer {
	t.Helper()
	h := &hitServer{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.hits = append(h.hits, r.Method+" "+r.RequestURI)
		hook := h.hook
		h.mu.Unlock()
		if hook != nil && hook(w, r) {
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"path":%q}`, r.URL.Path)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hitServer) got() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.hits...)
}

// parseColl parses collection JSON with {{URL}} replaced by base.
func parseColl(t testing.TB, js, base string) *collections.Collection {
	t.Helper()
	c, err := collections.Parse([]byte(strings.ReplaceAll(js, "%URL%", base)), "test.json")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// eventLog is a Reporter that keeps the event kinds.
type eventLog struct {
	mu     sync.Mutex
	events []Event
	done   *Summary
}

func (r *eventLog) Event(e Event) {
	r.mu.Lock()
	r.events = append(r.events, e)
	r.mu.Unlock()
}

func (r *eventLog) Done(s *Summary) error { r.done = s; return nil }

func (r *eventLog) kinds() string {
	var ks []string
	for _, e := range r.events {
		ks = append(ks, string(e.Kind))
	}
	return strings.Join(ks, ",")
}

const nestedColl = `{"info":{"name":"nested","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"variable":[{"key":"cv","value":"coll"},{"key":"p","value":"coll"}],
"item":[
 {"name":"top","request":{"method":"GET","url":"%URL%/top?p={{p}}"}},
 {"name":"F1","id":"f1-id","item":[
   {"name":"a","request":{"method":"GET","url":"%URL%/a"}},
   {"name":"F2","item":[{"name":"deep","id":"deep-id","request":{"method":"POST","url":"%URL%/deep/{{cv}}"}}]}
 ]},
 {"name":"last","request":{"method":"GET","url":"%URL%/last"}}
]}`

func TestOrderAndFolders(t *testing.T) {
	srv := newHitServer(t)
	tests := []struct {
		name    string
		folders []string
		want    []string
		err     string
	}{
		{"all depth first", nil, []string{"GET /top?p=coll", "GET /a", "POST /deep/coll", "GET /last"}, ""},
		{"folder by name", []string{"F1"}, []string{"GET /a", "POST /deep/coll"}, ""},
		{"folder by id at depth", []string{"deep-id"}, []string{"POST /deep/coll"}, ""},
		{"nested folder by name", []string{"F2"}, []string{"POST /deep/coll"}, ""},
		{"several run in collection order", []string{"last", "f1-id"}, []string{"GET /a", "POST /deep/coll", "GET /last"}, ""},
		{"nested entry point adds nothing", []string{"deep-id", "F1", "F1"}, []string{"GET /a", "POST /deep/coll"}, ""},
		{"one of several missing", []string{"F1", "nope"}, nil, "Invalid entrypoint"},
		{"missing", []string{"nope"}, nil, `Unable to find a folder or request: "nope"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv.mu.Lock()
			srv.hits = nil
			srv.mu.Unlock()
			sum, err := Run(context.Background(), Options{Collection: parseColl(t, nestedColl, srv.URL), Folders: tc.folders})
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := srv.got(); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("requests %v, want %v", got, tc.want)
			}
			if sum.Stats.Requests.Total != len(tc.want) || sum.Failed() {
				t.Errorf("stats %+v failures %+v", sum.Stats, sum.Failures)
			}
		})
	}
}

func TestIterationsAndPrecedence(t *testing.T) {
	srv := newHitServer(t)
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "d.csv")
	os.WriteFile(csvPath, []byte("p,d\nrow1,x\nrow2,y\n"), 0o644)
	jsonPath := filepath.Join(dir, "d.json")
	os.WriteFile(jsonPath, []byte(`[{"p":"j1","d":1},{"d":2}]`), 0o644)
	js := `{"info":{"name":"it","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"variable":[{"key":"p","value":"coll"},{"key":"c","value":"conly"}],
	"item":[{"name":"r","request":{"method":"GET","url":"%URL%/r?p={{p}}&c={{c}}&g={{g}}&e={{e}}&d={{d}}"}}]}`
	load := func(p string) []*environments.List {
		l, err := environments.LoadData(p)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	globals := &environments.File{Values: environments.NewList(environments.NewVariable("g", "glob", ""), environments.NewVariable("p", "glob", ""))}
	env := &environments.File{Values: environments.NewList(environments.NewVariable("e", "env", ""), environments.NewVariable("p", "env", ""))}
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{"once without data", Options{}, []string{"GET /r?p=coll&c=conly&g={{g}}&e={{e}}&d={{d}}"}},
		{"globals under collection", Options{Globals: globals}, []string{"GET /r?p=coll&c=conly&g=glob&e={{e}}&d={{d}}"}},
		{"environment over collection", Options{Globals: globals, Environment: env, IterationCount: 2},
			[]string{"GET /r?p=env&c=conly&g=glob&e=env&d={{d}}", "GET /r?p=env&c=conly&g=glob&e=env&d={{d}}"}},
		{"csv data over environment", Options{Environment: env, Data: load(csvPath)},
			[]string{"GET /r?p=row1&c=conly&g={{g}}&e=env&d=x", "GET /r?p=row2&c=conly&g={{g}}&e=env&d=y"}},
		{"json data, -n beyond rows repeats the last", Options{Data: load(jsonPath), IterationCount: 3},
			[]string{"GET /r?p=j1&c=conly&g={{g}}&e={{e}}&d=1", "GET /r?p=coll&c=conly&g={{g}}&e={{e}}&d=2", "GET /r?p=coll&c=conly&g={{g}}&e={{e}}&d=2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv.mu.Lock()
			srv.hits = nil
			srv.mu.Unlock()
			tc.opts.Collection = parseColl(t, js, srv.URL)
			sum, err := Run(context.Background(), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := srv.got()
			for i := range got {
				got[i] = strings.NewReplacer("%7B", "{", "%7D", "}").Replace(got[i])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("requests\n got %v\nwant %v", got, tc.want)
			}
			if sum.Iterations != len(tc.want) || sum.Stats.Iterations.Total != len(tc.want) {
				t.Errorf("iterations %d", sum.Iterations)
			}
		})
	}
}

func TestEventsStatsAndRequestErrors(t *testing.T) {
	srv := newHitServer(t)
	js := `{"info":{"name":"ev","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"item":[{"name":"ok","request":{"method":"GET","url":"%URL%/ok"}},
	{"name":"refused","request":{"method":"GET","url":"http://127.0.0.1:1/x"}},
	{"name":"after","request":{"method":"GET","url":"%URL%/after"}}]}`
	rec := &eventLog{}
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Reporters: []Reporter{rec}})
	if err != nil {
		t.Fatal(err)
	}
	want := "start,beforeIteration,beforeItem,request,item,beforeItem,request,item,beforeItem,request,item,iteration,done"
	if rec.kinds() != want {
		t.Errorf("events\n got %s\nwant %s", rec.kinds(), want)
	}
	if rec.done != sum {
		t.Error("Done did not get the summary")
	}
	if sum.Stats.Requests != (Count{Total: 3, Failed: 1}) || sum.Stats.Items.Total != 3 {
		t.Errorf("stats %+v", sum.Stats)
	}
	if len(sum.Failures) != 1 || sum.Failures[0].Message != "connect ECONNREFUSED 127.0.0.1:1" || sum.Failures[0].At != "request" || sum.Failures[0].Kind != "Error" {
		t.Errorf("failures %+v", sum.Failures)
	}
	if ex := sum.Executions[1]; ex.RequestErr == nil || ex.Response != nil || ex.URL != "http://127.0.0.1:1/x" {
		t.Errorf("errored execution %+v", ex)
	}
	if ex := sum.Executions[0]; ex.Response == nil || ex.Response.Code != 200 || len(ex.RequestHeaders) != 7 || ex.ResponseHeaderSize == 0 {
		t.Errorf("ok execution %+v", ex)
	}

	// --bail stops at the request error.
	srv.hits = nil
	sum, err = Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Bail: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.got(); len(got) != 1 || len(sum.Executions) != 2 {
		t.Errorf("bail: requests %v, executions %d", got, len(sum.Executions))
	}
}

func TestCancellationAndTimeout(t *testing.T) {
	srv := newHitServer(t)
	js := `{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"item":[{"name":"one","request":{"url":"%URL%/one"}},{"name":"slow","request":{"url":"%URL%/slow"}},{"name":"three","request":{"url":"%URL%/three"}}]}`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv.hook = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/one" {
			cancel() // SIGINT while the first request is in flight
		}
		if r.URL.Path == "/slow" {
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
			}
		}
		return false
	}
	sum, err := Run(ctx, Options{Collection: parseColl(t, js, srv.URL), IterationCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || len(srv.got()) != 1 || sum.Executions[0].Response == nil {
		t.Errorf("interrupted %v, hits %v", sum.Interrupted, srv.got())
	}

	srv.hits = nil
	sum, err = Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	last := sum.Failures[len(sum.Failures)-1]
	if last.Message != "callback timed out" || sum.Interrupted || len(srv.got()) != 2 {
		t.Errorf("run timeout: failures %+v hits %v", sum.Failures, srv.got())
	}
}

func TestMissingVariablesHookAndDelay(t *testing.T) {
	srv := newHitServer(t)
	js := `{"info":{"name":"m","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"auth":{"type":"bearer","bearer":[{"key":"token","value":"{{access}}"}]},
	"item":[{"name":"one","request":{"url":"%URL%/{{code}}","header":[{"key":"X-T","value":"{{tok}}"}]}},{"name":"two","request":{"url":"%URL%/{{code}}"}}]}`
	var bearer []string
	srv.hook = func(w http.ResponseWriter, r *http.Request) bool {
		srv.mu.Lock()
		bearer = append(bearer, r.Header.Get("Authorization"))
		srv.mu.Unlock()
		return false
	}
	var asked [][]string
	hook := func(ctx context.Context, item *collections.Item, names []string, vars *environments.Scopes) error {
		asked = append(asked, names)
		vars.Environment.Set("code", "c0de", "")
		vars.Environment.Set("tok", "t", "")
		vars.Environment.Set("access", "a1", "")
		return nil
	}
	start := time.Now()
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), MissingVariables: hook, Delay: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 1 || strings.Join(asked[0], ",") != "code,tok,access" {
		t.Errorf("asked %v", asked)
	}
	if strings.Join(bearer, "|") != "Bearer a1|Bearer a1" {
		t.Errorf("inherited bearer auth sent %v", bearer)
	}
	if got := srv.got(); strings.Join(got, "|") != "GET /c0de|GET /c0de" {
		t.Errorf("requests %v", got)
	}
	if v, _ := sum.Environment.Values.Get("code"); v != "c0de" {
		t.Errorf("environment export lacks the hook's value: %v", v)
	}
	if time.Since(start) < 100*time.Millisecond { // 50ms before each of the two items
		t.Error("no delay between requests")
	}
}

func TestMissingBodyFilesWarnAndSend(t *testing.T) {
	var bodies []string
	srv := newHitServer(t)
	srv.hook = func(w http.ResponseWriter, r *http.Request) bool {
		b := make([]byte, 4096)
		n, _ := r.Body.Read(b)
		srv.mu.Lock()
		bodies = append(bodies, r.Header.Get("Content-Length")+":"+strconv.Itoa(strings.Count(string(b[:n]), "Content-Disposition")))
		srv.mu.Unlock()
		return false
	}
	js := `{"info":{"name":"mf","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"form","request":{"method":"POST","url":"%URL%/fd","body":{"mode":"formdata","formdata":[{"key":"a","value":"1"},{"key":"f","type":"file","src":"missing.txt"}]}}},
	{"name":"file","request":{"method":"POST","url":"%URL%/fi","body":{"mode":"file","file":{"src":"missing.bin"}}}}]}`
	rec := &eventLog{}
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Reporters: []Reporter{rec}, WorkingDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"'Form param `f`, file load error: \"missing.txt\", no such file'", "'Binary file load error: \"missing.bin\", no such file'"}
	if got := consoleLines(rec); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("console %q, want %q", got, want)
	}
	if sum.Failed() || len(srv.got()) != 2 {
		t.Errorf("failures %+v hits %v", sum.Failures, srv.got())
	}
	if len(bodies) != 2 || !strings.HasSuffix(bodies[0], ":1") || bodies[1] != "0:0" {
		t.Errorf("bodies %v: the form must keep only field a, the file body must be empty", bodies)
	}
}
