package jsonreport

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/reporters/internal/fixture"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// paths collects the key paths of a decoded JSON value, with array
// elements collapsed to "[]".
func paths(v any, prefix string, out map[string]bool) {
	switch t := v.(type) {
	case map[string]any:
		for k, c := range t {
			p := prefix + "." + k
			out[p] = true
			paths(c, p, out)
		}
	case []any:
		for _, c := range t {
			paths(c, prefix+"[]", out)
		}
	}
}

func decode(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	return v
}

func render(t *testing.T, iterations int) []byte {
	t.Helper()
	events, sum := fixture.Sample(iterations)
	var buf bytes.Buffer
	r := New(&buf, Options{})
	for _, e := range events {
		r.Event(e)
	}
	if err := r.Done(sum); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFieldsMatchNewman checks the report against a real newman 6.2.2
// JSON report of the same run (testdata/newman-report.json): every run
// field postie writes exists in newman's report, and every newman run field
// that tools read is present.
func TestFieldsMatchNewman(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "newman-report.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	paths(decode(t, data)["run"], "run", want)
	got := map[string]bool{}
	paths(decode(t, render(t, 1))["run"], "run", got)

	// postie adds the request error's name and message, which Node's
	// JSON.stringify drops from newman's report.
	added := map[string]bool{"run.executions[].requestError.message": true, "run.executions[].requestError.name": true}
	var extra []string
	for p := range got {
		if !want[p] && !added[p] {
			extra = append(extra, p)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("fields newman's report does not have: %v", extra)
	}
	// Newman fields postie does not produce: JavaScript error bookkeeping,
	// the item's full definition, and the parent folder.
	omitted := []string{".checksum", ".timestamp", ".stacktrace", ".scriptId", ".execution", ".parent",
		".item.request", ".item.response", ".item.event", ".source.request", ".source.response", ".source.event",
		"requestError.errno", "requestError.code", "requestError.syscall", "requestError.address", "requestError.port",
		"error.errno", "error.code", "error.syscall", "error.address", "error.port", ".system", ".error.id", "error.type"}
	var missing []string
	for p := range want {
		if got[p] {
			continue
		}
		skip := false
		for _, o := range omitted {
			if strings.Contains(p, o) {
				skip = true
			}
		}
		if !skip {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("newman fields missing from postie's report: %v", missing)
	}
}

func TestTopLevelAndValues(t *testing.T) {
	tests := []struct {
		iterations     int
		executions     int
		failures       int
		assertionsFail int
	}{{1, 4, 4, 2}, {2, 8, 8, 4}}
	for _, tc := range tests {
		var rep struct {
			Collection  map[string]any `json:"collection"`
			Environment map[string]any `json:"environment"`
			Globals     map[string]any `json:"globals"`
			Run         struct {
				Stats      map[string]Stat `json:"stats"`
				Timings    Timings         `json:"timings"`
				Executions []Execution     `json:"executions"`
				Transfers  Transfers       `json:"transfers"`
				Failures   []Failure       `json:"failures"`
				Error      any             `json:"error"`
			} `json:"run"`
		}
		if err := json.Unmarshal(render(t, tc.iterations), &rep); err != nil {
			t.Fatal(err)
		}
		r := rep.Run
		if len(r.Executions) != tc.executions || len(r.Failures) != tc.failures || r.Stats["assertions"].Failed != tc.assertionsFail {
			t.Errorf("%d iterations: %d executions, %d failures, %d failed assertions", tc.iterations, len(r.Executions), len(r.Failures), r.Stats["assertions"].Failed)
		}
		if r.Transfers.ResponseTotal != 382*tc.iterations {
			t.Errorf("responseTotal = %d, want %d", r.Transfers.ResponseTotal, 382*tc.iterations)
		}
		if r.Timings.ResponseMin != 5 || r.Timings.ResponseMax != 32 || r.Timings.Completed-r.Timings.Started != 180 {
			t.Errorf("timings = %+v", r.Timings)
		}
		if int(r.Timings.ResponseSd*1000) != 12498 { // newman: 12.498888839501783
			t.Errorf("responseSd = %v", r.Timings.ResponseSd)
		}
		f := r.Failures[0]
		var source ItemRef
		if err := json.Unmarshal(f.Source, &source); err != nil {
			t.Fatalf("failure source: %v", err)
		}
		if f.At != "assertion:0 in test-script" || f.Error.Name != "AssertionError" || f.Error.Test != "status is 200" || source.Name != "Missing user" {
			t.Errorf("failure[0] = %+v", f)
		}
		if r.Failures[3].At != "request" || r.Failures[2].At != "test-script" {
			t.Errorf("failure at = %q, %q", r.Failures[2].At, r.Failures[3].At)
		}
		x := r.Executions[0]
		body := make([]byte, len(x.Response.Stream.Data))
		for i, v := range x.Response.Stream.Data {
			body[i] = byte(v)
		}
		if x.Response == nil || string(body) != `{"ok":true,"path":"/users/1"}` || x.Request.URL.Port != "8765" {
			t.Errorf("execution[0] = %+v", x)
		}
		if last := r.Executions[len(r.Executions)-1]; last.Cursor.Iteration != tc.iterations-1 || last.Cursor.Position != 3 || last.Cursor.EOF != nil || last.RequestError == nil {
			t.Errorf("last cursor = %+v", last.Cursor)
		}
		var item struct {
			ID      string         `json:"id"`
			Name    string         `json:"name"`
			Request map[string]any `json:"request"`
		}
		if err := json.Unmarshal(x.Item, &item); err != nil || item.Name != "Get user" || item.ID == "" || item.Request["method"] != "GET" {
			t.Errorf("execution[0].item = %s (%v)", x.Item, err)
		}
		if r.Error != nil {
			t.Errorf("run.error = %v", r.Error)
		}
	}
}

func TestStreamIsNodeBuffer(t *testing.T) {
	_, sum := fixture.Sample(1)
	sum.Executions[0].Response.Body = []byte("A\x00\xff")
	sum.Executions[0].Response.ResponseSize = 3
	out, err := json.Marshal(Build(sum, Options{}).Run.Executions[0].Response.Stream)
	if err != nil || string(out) != `{"type":"Buffer","data":[65,0,255]}` {
		t.Errorf("stream = %s, %v", out, err)
	}
}

// TestTransfersCountOtherResponses checks that the report's transfers and
// timings count the run's other responses (pm.sendRequest, auth
// challenges), as newman 6.2.2's do (measured: one item of 29 bytes whose
// scripts send three more requests reports responseTotal 116).
func TestTransfersCountOtherResponses(t *testing.T) {
	s := &runner.Summary{
		Executions:     []*runner.Execution{{Response: &scripting.Response{Code: 200, Body: []byte(strings.Repeat("x", 29)), ResponseTime: 10 * time.Millisecond}}},
		OtherResponses: []runner.ResponseFigure{{Size: 29, Time: 2 * time.Millisecond}, {Size: 58, Time: 30 * time.Millisecond}},
	}
	r := Build(s, Options{}).Run
	if r.Transfers.ResponseTotal != 116 {
		t.Errorf("responseTotal = %d, want 116", r.Transfers.ResponseTotal)
	}
	if r.Timings.ResponseMin != 2 || r.Timings.ResponseMax != 30 || r.Timings.ResponseAverage != 14 {
		t.Errorf("timings = %+v, want min 2, max 30, average 14", r.Timings)
	}
}
