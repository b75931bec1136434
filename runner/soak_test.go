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
	mr := &memReporter{every: max(n/10, 1)}
	peak0, _ := rssKB()
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), IterationCount: n, Reporters: []Reporter{mr}})
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
	// growth per request between the first and last sample
	if len(mr.heap) >= 2 {
		first, last := mr.heap[0], mr.heap[len(mr.heap)-1]
		per := (float64(last) - float64(first)) / float64(n-mr.every)
		t.Logf("live heap growth: %.0f bytes per request (the Summary keeps each execution)", per)
		if per > 64<<10 {
			t.Errorf("live heap grows %.0f KiB per request: something besides the summary is kept", per/1024)
		}
	}
}
