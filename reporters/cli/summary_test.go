package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// TestSummaryCountsSentRequests checks that the summary's data received and
// response times include the responses to pm.sendRequest calls, as Newman's
// (its transfer and timing totals count every response, a script's too).
func TestSummaryCountsSentRequests(t *testing.T) {
	res := func(body int, ms int) *scripting.Response {
		return &scripting.Response{Code: 200, Status: "OK", Body: bytes.Repeat([]byte("x"), body), ResponseTime: time.Duration(ms) * time.Millisecond}
	}
	sent := func(r *scripting.Response, err error) runner.Event {
		return runner.Event{Kind: runner.EventSendRequest, Execution: &runner.Execution{}, Sent: &scripting.SentRequest{
			Request:  &collections.Request{Method: "GET", URL: collections.ParseURL("http://127.0.0.1:1/x")},
			Response: r, Err: err,
		}}
	}
	tests := []struct {
		name          string
		items         []*scripting.Response
		events        []runner.Event
		received, avg string
	}{
		{"items only", []*scripting.Response{res(300, 10), res(100, 30)}, nil,
			"total data received: 400B (approx)", "average response time: 20ms [min: 10ms, max: 30ms, s.d.: 10ms]"},
		{"sent responses counted", []*scripting.Response{res(300, 10)}, []runner.Event{sent(res(424, 20), nil), sent(res(295, 60), nil)},
			"total data received: 1.02kB (approx)", "average response time: 30ms [min: 10ms, max: 60ms, s.d.: 21ms]"},
		{"failed sendRequest not counted", []*scripting.Response{res(300, 10)}, []runner.Event{sent(nil, errTest("connect ECONNREFUSED 127.0.0.1:1"))},
			"total data received: 300B (approx)", "average response time: 10ms [min: 10ms, max: 10ms, s.d.: 0µs]"},
		{"only sent responses", nil, []runner.Event{sent(res(50, 4), nil)},
			"total data received: 50B (approx)", "average response time: 4ms [min: 4ms, max: 4ms, s.d.: 0µs]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &runner.Summary{Iterations: 1}
			for _, r := range tc.items {
				s.Executions = append(s.Executions, &runner.Execution{Response: r})
			}
			var buf bytes.Buffer
			r := New(&buf, Options{})
			for _, e := range tc.events {
				r.Event(e)
			}
			if err := r.Done(s); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{tc.received, tc.avg} {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("output lacks %q:\n%s", want, buf.String())
				}
			}
		})
	}
}
