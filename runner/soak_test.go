package runner

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// rssKB returns the process's peak (VmHWM) and current (VmRSS) resident
// set sizes from /proc/self/status, 0 where unavailable.
func rssKB() (peak, cur int) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n, _ := strconv.Atoi(f[1])
		switch f[0] {
		case "VmHWM:":
			peak = n
		case "VmRSS:":
			cur = n
		}
	}
	return
}

// memReporter samples memory every `every` items.
type memReporter struct {
	every, items int
	samples      []string
	heap         []uint64
}

func (m *memReporter) Event(e Event) {
	if e.Kind != EventItem {
		return
	}
	m.items++
	if m.items%m.every == 0 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak, cur := rssKB()
		m.heap = append(m.heap, ms.HeapAlloc)
		m.samples = append(m.samples, fmt.Sprintf("%6d requests: heap live %5.1f MiB, RSS %5.1f MiB (peak %5.1f MiB)",
			m.items, float64(ms.HeapAlloc)/(1<<20), float64(cur)/1024, float64(peak)/1024))
	}
}

func (m *memReporter) Done(*Summary) error { return nil }

// TestSoak runs requests with pre-request and test scripts against a local
// server and samples memory. CI runs 1,000; POSTIE_SOAK=10000 runs the long
// version. The live heap after N requests is dominated by the Summary, which
// keeps every execution (request, response body, results) for the
// reporters: it grows with the run by design; this test bounds the growth
// per request so a leak (sandbox state, goroutines, connections) shows.
func TestSoak(t *testing.T) {
	needSandbox(t)
	n := 1000
	if s := os.Getenv("POSTIE_SOAK"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	body := strings.Repeat(`{"id":1,"name":"item","tags":["a","b","c"]},`, 20)
	body = `{"items":[` + strings.TrimSuffix(body, ",") + `]}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	js := `{"info":{"name":"soak"},"item":[{"name":"r","event":[` +
		ev("prerequest", "pm.variables.set('n', (pm.variables.get('n') || 0) + 1); pm.request.headers.add({key: 'X-N', value: String(pm.info.iteration)})") + `,` +
		ev("test", "const j = pm.response.json(); pm.test('items', () => pm.expect(j.items).to.have.lengthOf(20)); pm.environment.set('last', j.items[0].name)") +
		`],"request":{"url":"%URL%/soak?i={{$randomInt}}"}}]}`
	for _, tc := range []struct {
		name   string
		retain Retention
		// maxPer bounds live-heap growth per request: with RetainAll the
		// Summary keeps each execution in full (bodies, headers); with
		// RetainFailures a passed one keeps only timings and sizes.
		maxPer float64
	}{
		{"all", RetainAll, 64 << 10},
		{"failures", RetainFailures, 1 << 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mr := &memReporter{every: max(n/10, 1)}
			peak0, _ := rssKB()
			sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), IterationCount: n, Reporters: []Reporter{mr}, Retain: tc.retain})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("RSS peak before the run %.1f MiB", float64(peak0)/1024)
			for _, s := range mr.samples {
				t.Log(s)
			}
			if len(sum.Failures) > 0 {
				t.Fatalf("%d failures, first %+v", len(sum.Failures), sum.Failures[0])
			}
			if sum.Stats.Assertions.Total != n {
				t.Fatalf("assertions %d, want %d", sum.Stats.Assertions.Total, n)
			}
			if len(sum.Executions) != n {
				t.Fatalf("%d executions, want %d", len(sum.Executions), n)
			}
			last := sum.Executions[n-1]
			if last.Response == nil || last.Response.Code != 200 || last.Response.ResponseSize != len(body) {
				t.Fatalf("last execution's response %+v, want 200 with size %d", last.Response, len(body))
			}
			if kept := len(last.Response.Body) > 0; kept != (tc.retain == RetainAll) {
				t.Errorf("response body kept = %v with retention %q", kept, tc.name)
			}
			// growth per request between the first and last sample
			if len(mr.heap) >= 2 {
				first, last := mr.heap[0], mr.heap[len(mr.heap)-1]
				per := (float64(last) - float64(first)) / float64(n-mr.every)
				t.Logf("live heap growth: %.0f bytes per request", per)
				if per > tc.maxPer {
					t.Errorf("live heap grows %.0f bytes per request (bound %.0f): something besides the summary is kept", per, tc.maxPer)
				}
			}
		})
	}
}

// TestRetainFailures checks what RetainFailures keeps: a failed execution in
// full, a passed one reduced to status, timings and sizes.
func TestRetainFailures(t *testing.T) {
	needSandbox(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Path", r.URL.Path)
		fmt.Fprint(w, "body of "+r.URL.Path)
	}))
	defer srv.Close()
	js := `{"info":{"name":"retain"},"item":[` +
		`{"name":"pass","event":[` + ev("test", "pm.test('ok', () => pm.response.to.have.status(200))") + `],"request":{"url":"%URL%/pass","method":"POST","body":{"mode":"raw","raw":"hello"}}},` +
		`{"name":"fail","event":[` + ev("test", "pm.test('no', () => pm.response.to.have.status(404))") + `],"request":{"url":"%URL%/fail","method":"POST","body":{"mode":"raw","raw":"hello"}}}]}`
	for _, tc := range []struct {
		name       string
		retain     Retention
		passedBody bool
	}{
		{"all", RetainAll, true},
		{"failures", RetainFailures, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Retain: tc.retain})
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.Executions) != 2 || len(sum.Failures) != 1 {
				t.Fatalf("%d executions, %d failures", len(sum.Executions), len(sum.Failures))
			}
			pass, fail := sum.Executions[0], sum.Executions[1]
			if sum.Failures[0].Execution != fail {
				t.Fatalf("failure points at %v", sum.Failures[0].Execution.Path)
			}
			if string(fail.Response.Body) != "body of /fail" || len(fail.RequestBody) == 0 || len(fail.Test) != 1 || len(fail.Response.Header) == 0 {
				t.Errorf("failed execution not kept in full: %+v", fail)
			}
			if pass.Response.Code != 200 || pass.Response.ResponseSize != len("body of /pass") || pass.Request.Method != "POST" || !strings.HasSuffix(pass.URL, "/pass") {
				t.Errorf("passed execution lost its status, size, method or URL: %+v %+v", pass, pass.Response)
			}
			kept := len(pass.Response.Body) > 0 && len(pass.RequestBody) > 0 && len(pass.Response.Header) > 0 && len(pass.Test) == 1
			if kept != tc.passedBody {
				t.Errorf("passed execution kept in full = %v, want %v", kept, tc.passedBody)
			}
		})
	}
}
