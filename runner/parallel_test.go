package runner

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
)

// dataRows returns n iteration rows {"id": i}.
func dataRows(n int) []*environments.List {
	rows := make([]*environments.List, n)
	for i := range rows {
		rows[i] = environments.NewList(environments.NewVariable("id", strconv.Itoa(i), ""))
	}
	return rows
}

// parallelServer answers /slow?id=N after a delay that makes early ids
// finish last, sets cookie it=<id> on /set and echoes the Cookie header on
// /echo.
func parallelServer(t testing.TB, base time.Duration) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.Atoi(r.URL.Query().Get("id"))
		switch r.URL.Path {
		case "/slow":
			time.Sleep(base + time.Duration(20-id%20)*time.Millisecond/4)
		case "/set":
			http.SetCookie(w, &http.Cookie{Name: "it", Value: strconv.Itoa(id), Path: "/"})
		case "/echo":
			fmt.Fprint(w, r.Header.Get("Cookie"))
			return
		}
		fmt.Fprintf(w, `{"id":%d}`, id)
	}))
	t.Cleanup(srv.Close)
	return srv
}

const parallelColl = `{"info":{"name":"par","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"variable":[{"key":"cv","value":"0"}],
"item":[
 {"name":"set","request":{"method":"GET","url":"%URL%/set?id={{id}}"}},
 {"name":"slow","request":{"method":"GET","url":"%URL%/slow?id={{id}}","header":[{"key":"X-Base","value":"b"}]},
  "event":[{"listen":"prerequest","script":{"exec":[
   "pm.request.headers.add({key: 'X-It', value: String(pm.iterationData.get('id'))});",
   "pm.request.headers.upsert({key: 'X-Base', value: 'it' + pm.iterationData.get('id')});",
   "pm.request.url.query.add('extra=' + pm.iterationData.get('id'));"
  ]}},{"listen":"test","script":{"exec":[
   "pm.test('request changes are this iteration own', function () { pm.expect(pm.request.headers.get('X-It')).to.equal(String(pm.iterationData.get('id'))); pm.expect(pm.request.headers.get('X-Base')).to.equal('it' + pm.iterationData.get('id')); pm.expect(pm.request.url.toString()).to.include('extra=' + pm.iterationData.get('id')); pm.expect(pm.request.headers.filter(function (h) { return h.key === 'X-It'; }).length).to.equal(1); });",
   "console.log('it ' + pm.info.iteration + ' ' + pm.info.iterationCount + ' ' + pm.iterationData.get('id'));",
   "pm.test('counter starts fresh', function () { pm.expect(pm.environment.get('count')).to.equal('0'); pm.expect(pm.globals.get('seen')).to.equal(undefined); pm.expect(pm.collectionVariables.get('cv')).to.equal('0'); });",
   "pm.environment.set('count', String(Number(pm.environment.get('count')) + 1));",
   "pm.globals.set('seen', pm.iterationData.get('id'));",
   "pm.collectionVariables.set('cv', pm.iterationData.get('id'));",
   "pm.test('fails at the failing id', function () { pm.expect(pm.iterationData.get('id')).to.not.equal(pm.environment.get('failAt')); });"
  ]}}]},
 {"name":"echo","request":{"method":"GET","url":"%URL%/echo?id={{id}}"},
  "event":[{"listen":"test","script":{"exec":[
   "pm.test('own cookie', function () { pm.expect(pm.response.text()).to.include('it=' + pm.iterationData.get('id')); pm.expect(pm.response.text()).to.include('pre=1'); });"
  ]}}]}
]}`

func TestParallelOrderingAndIsolation(t *testing.T) {
	needSandbox(t)
	srv := parallelServer(t, 0)
	const n = 12
	for _, workers := range []int{2, 5} { // 1 is Run: sequential, shared state
		t.Run(fmt.Sprintf("parallel=%d", workers), func(t *testing.T) {
			jar := NewJar()
			u, _ := url.Parse(srv.URL)
			jar.SetCookies(u, []*http.Cookie{{Name: "pre", Value: "1", Path: "/"}})
			rec := &eventLog{}
			env := &environments.File{Name: "e", Values: environments.NewList(environments.NewVariable("count", "0", ""), environments.NewVariable("failAt", "none", ""))}
			sum, err := RunParallel(context.Background(), Options{
				Collection: parseColl(t, parallelColl, srv.URL), Environment: env, Data: dataRows(n),
				Cookies: jar, Reporters: []Reporter{rec},
			}, workers)
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.Failures) != 0 {
				t.Fatalf("failures: %+v", sum.Failures)
			}
			if sum.Iterations != n || len(sum.Executions) != 3*n || sum.Stats.Requests.Total != 3*n || sum.Stats.Assertions.Total != 4*n {
				t.Fatalf("iterations %d executions %d stats %+v", sum.Iterations, len(sum.Executions), sum.Stats)
			}
			for i, ex := range sum.Executions {
				if ex.Iteration != i/3 || !strings.Contains(ex.URL, "id="+strconv.Itoa(i/3)) {
					t.Fatalf("execution %d: iteration %d url %s", i, ex.Iteration, ex.URL)
				}
			}
			// Events: one start, iterations in order, console shows the real
			// iteration number and count, one done.
			var kinds []EventKind
			lastIter := -1
			var console []string
			for _, e := range rec.events {
				kinds = append(kinds, e.Kind)
				if e.Kind == EventBeforeIteration {
					if e.Iteration != lastIter+1 {
						t.Fatalf("beforeIteration %d after %d", e.Iteration, lastIter)
					}
					lastIter = e.Iteration
				}
				if e.Kind == EventConsole {
					console = append(console, e.Console.Text)
				}
			}
			if kinds[0] != EventStart || kinds[len(kinds)-1] != EventDone || strings.Count(fmt.Sprint(kinds), "start") != 1 {
				t.Errorf("event kinds: %v", kinds)
			}
			for i, c := range console {
				if want := fmt.Sprintf("'it %d %d %d'", i, n, i); c != want {
					t.Errorf("console %d = %q, want %q", i, c, want)
				}
			}
			// Final state: the last iteration's.
			if v, _ := sum.Environment.Values.Get("count"); v != "1" {
				t.Errorf("final count %v, want 1 (each iteration starts from its own copy)", v)
			}
			if v, _ := sum.Globals.Values.Get("seen"); v != strconv.Itoa(n-1) {
				t.Errorf("final globals seen %v", v)
			}
			if cv := environments.NewList(sum.Collection.Variables...); fmt.Sprint(must(cv.Get("cv"))) != strconv.Itoa(n-1) {
				t.Errorf("final collection variable cv %v", must(cv.Get("cv")))
			}
			if got := cookieValue(sum.Cookies, srv.URL, "it"); got != strconv.Itoa(n-1) {
				t.Errorf("final jar it=%q", got)
			}
			// The caller's inputs are untouched.
			if v, _ := env.Values.Get("count"); v != "0" || cookieValue(jar, srv.URL, "it") != "" {
				t.Errorf("input environment or jar changed: count=%v", v)
			}
		})
	}
}

func must(v any, _ bool) any { return v }

func cookieValue(j *Jar, base, name string) string {
	if j == nil {
		return ""
	}
	u, _ := url.Parse(base)
	for _, c := range j.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

func TestParallelBailKeepsSequentialPrefix(t *testing.T) {
	needSandbox(t)
	srv := parallelServer(t, 0)
	env := &environments.File{Values: environments.NewList(environments.NewVariable("count", "0", ""), environments.NewVariable("failAt", "3", ""))}
	u, _ := url.Parse(srv.URL)
	for _, workers := range []int{2, 4} {
		jar := NewJar()
		jar.SetCookies(u, []*http.Cookie{{Name: "pre", Value: "1", Path: "/"}})
		sum, err := RunParallel(context.Background(), Options{
			Collection: parseColl(t, parallelColl, srv.URL), Environment: env, Data: dataRows(10), Bail: true, Cookies: jar,
		}, workers)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Iterations != 4 || len(sum.Failures) == 0 || sum.Failures[0].Execution.Iteration != 3 || sum.Executions[len(sum.Executions)-1].Iteration != 3 {
			t.Errorf("parallel=%d: iterations %d failures %+v", workers, sum.Iterations, sum.Failures)
		}
	}
}

func TestParallelRunTimeoutEndsTheRunOnce(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(40 * time.Millisecond)
	}))
	defer srv.Close()
	coll := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"r","request":"%URL%/r?id={{id}}"}]}`
	sum, err := RunParallel(context.Background(), Options{Collection: parseColl(t, coll, srv.URL), Data: dataRows(40), Timeout: 150 * time.Millisecond}, 4)
	if err != nil {
		t.Fatal(err)
	}
	timeouts := 0
	for _, f := range sum.Failures {
		if f.Message == "callback timed out" {
			timeouts++
		}
	}
	if timeouts != 1 || sum.Iterations >= 40 {
		t.Errorf("iterations %d, %d timeout failures (%+v)", sum.Iterations, timeouts, sum.Failures)
	}
	for i, ex := range sum.Executions {
		if ex.Iteration != i {
			t.Fatalf("execution %d is iteration %d", i, ex.Iteration)
		}
	}
}

func TestShardRangeCoversEveryElementOnce(t *testing.T) {
	for total := 0; total <= 13; total++ {
		for n := 1; n <= 5; n++ {
			seen := make([]int, total)
			for i := 1; i <= n; i++ {
				from, to := ShardRange(total, i, n)
				for k := from; k < to; k++ {
					seen[k]++
				}
			}
			for k, c := range seen {
				if c != 1 {
					t.Fatalf("total %d n %d: element %d in %d shards", total, n, k, c)
				}
			}
		}
	}
}

func TestParseShard(t *testing.T) {
	tests := []struct {
		in   string
		i, n int
		bad  bool
	}{
		{"1/1", 1, 1, false}, {"2/5", 2, 5, false}, {" 3 / 3 ", 3, 3, false},
		{"0/3", 0, 0, true}, {"4/3", 0, 0, true}, {"1/0", 0, 0, true}, {"x/2", 0, 0, true}, {"3", 0, 0, true},
	}
	for _, tc := range tests {
		i, n, err := ParseShard(tc.in)
		if (err != nil) != tc.bad || i != tc.i || n != tc.n {
			t.Errorf("ParseShard(%q) = %d, %d, %v", tc.in, i, n, err)
		}
	}
}

// TestShardRuns runs every shard for n = 1..5 and checks that each request
// (top-level sharding) or iteration (data sharding) ran exactly once.
func TestShardRuns(t *testing.T) {
	var mu sync.Mutex
	var hits []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits = append(hits, r.URL.Path+"?"+r.URL.RawQuery)
		mu.Unlock()
	}))
	defer srv.Close()
	// 4 top-level entries: a folder of two requests and three requests.
	items := `{"name":"folder","item":[{"name":"f1","request":"%URL%/f1"},{"name":"f2","request":"%URL%/f2"}]},` +
		`{"name":"a","request":"%URL%/a"},{"name":"b","request":"%URL%/b"},{"name":"c","request":"%URL%/c?id={{id}}"}`
	coll := `{"info":{"name":"s","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[` + items + `]}`
	tests := []struct {
		name string
		data []*environments.List
		want []string
	}{
		{"top-level items", nil, []string{"/a?", "/b?", "/c?id={{id}}", "/f1?", "/f2?"}},
		{"iterations", dataRows(3), func() []string {
			var w []string
			for i := 0; i < 3; i++ {
				w = append(w, "/a?", "/b?", "/c?id="+strconv.Itoa(i), "/f1?", "/f2?")
			}
			sort.Strings(w)
			return w
		}()},
	}
	for _, tc := range tests {
		for n := 1; n <= 5; n++ {
			mu.Lock()
			hits = nil
			mu.Unlock()
			iters := 0
			for i := 1; i <= n; i++ {
				o, err := ShardOptions(Options{Collection: parseColl(t, coll, srv.URL), Data: tc.data}, i, n)
				if err != nil {
					t.Fatal(err)
				}
				sum, err := RunParallel(context.Background(), o, 2)
				if err != nil {
					t.Fatal(err)
				}
				if tc.data != nil {
					iters += sum.Iterations
					for _, ex := range sum.Executions {
						if want := "id=" + strconv.Itoa(ex.Iteration); ex.Item.Name == "c" && !strings.HasSuffix(ex.URL, want) {
							t.Errorf("shard %d/%d: %s ran with %s", i, n, ex.URL, want)
						}
					}
				}
			}
			mu.Lock()
			got := append([]string(nil), hits...)
			mu.Unlock()
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("%s n=%d: ran %v, want %v", tc.name, n, got, tc.want)
			}
			if tc.data != nil && iters != len(tc.data) {
				t.Errorf("%s n=%d: %d iterations", tc.name, n, iters)
			}
		}
	}
	if _, err := ShardOptions(Options{Collection: &collections.Collection{}, Folders: []string{"x"}}, 1, 2); err == nil {
		t.Error("--shard with --folder accepted")
	}
}

// BenchmarkParallel200 is the measurement: a 200-iteration
// data-driven run against a server with 20 ms latency, at --parallel 1 and
// 8. Run with: go test ./runner -run '^$' -bench Parallel200 -benchtime 1x
func BenchmarkParallel200(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		fmt.Fprintf(w, `{"id":%q}`, r.URL.Query().Get("id"))
	}))
	defer srv.Close()
	coll := `{"info":{"name":"b","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"r","request":"%URL%/r?id={{id}}","event":[{"listen":"test","script":{"exec":["pm.test('id', function () { pm.expect(pm.response.json().id).to.equal(pm.iterationData.get('id')); });"]}}]}]}`
	for _, workers := range []int{1, 8} {
		b.Run(fmt.Sprintf("parallel=%d", workers), func(b *testing.B) {
			for b.Loop() {
				start := time.Now()
				sum, err := RunParallel(context.Background(), Options{Collection: parseColl(b, coll, srv.URL), Data: dataRows(200)}, workers)
				if err != nil || sum.Iterations != 200 || len(sum.Failures) != 0 {
					b.Fatalf("err %v iterations %d failures %v", err, sum.Iterations, sum.Failures)
				}
				b.Logf("200 iterations, 20 ms latency, --parallel %d: %v", workers, time.Since(start).Round(time.Millisecond))
			}
		})
	}
}

// An item without an id keeps the one generated for the run in every
// iteration, with --parallel as sequentially.
func TestParallelGeneratedItemIDStable(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	js := `{"info":{"name":"pid","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"noid","event":[` + ev("test", "console.log(pm.info.requestId)") + `],"request":{"url":"%URL%/a"}}]}`
	for _, workers := range []int{1, 3} {
		rec := &eventLog{}
		if _, err := RunParallel(context.Background(), Options{Collection: parseColl(t, js, srv.URL), IterationCount: 4, Reporters: []Reporter{rec}}, workers); err != nil {
			t.Fatal(err)
		}
		lines := consoleLines(rec)
		if len(lines) != 4 || len(lines[0]) != 38 {
			t.Fatalf("workers %d: console %q", workers, lines)
		}
		for _, l := range lines[1:] {
			if l != lines[0] {
				t.Errorf("workers %d: request ids differ between iterations: %q", workers, lines)
				break
			}
		}
	}
}
