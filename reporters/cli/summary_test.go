package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// TestSummaryCountsSentRequests checks that the summary's data received and
// response times include the run's other responses (pm.sendRequest calls,
// auth challenges), as Newman's (its transfer and timing totals count every
// response, a script's too).
func TestSummaryCountsSentRequests(t *testing.T) {
	res := func(body int, ms int) *scripting.Response {
		return &scripting.Response{Code: 200, Status: "OK", Body: bytes.Repeat([]byte("x"), body), ResponseTime: time.Duration(ms) * time.Millisecond}
	}
	other := func(body int, ms int) runner.ResponseFigure {
		return runner.ResponseFigure{Size: body, Time: time.Duration(ms) * time.Millisecond}
	}
	tests := []struct {
		name          string
		items         []*scripting.Response
		others        []runner.ResponseFigure
		received, avg string
	}{
		{"items only", []*scripting.Response{res(300, 10), res(100, 30)}, nil,
			"total data received: 400B (approx)", "average response time: 20ms [min: 10ms, max: 30ms, s.d.: 10ms]"},
		{"other responses counted", []*scripting.Response{res(300, 10)}, []runner.ResponseFigure{other(424, 20), other(295, 60)},
			"total data received: 1.02kB (approx)", "average response time: 30ms [min: 10ms, max: 60ms, s.d.: 21ms]"},
		{"only other responses", nil, []runner.ResponseFigure{other(50, 4)},
			"total data received: 50B (approx)", "average response time: 4ms [min: 4ms, max: 4ms, s.d.: 0µs]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &runner.Summary{Iterations: 1, OtherResponses: tc.others}
			for _, r := range tc.items {
				s.Executions = append(s.Executions, &runner.Execution{Response: r})
			}
			var buf bytes.Buffer
			r := New(&buf, Options{})
			if err := r.Done(s); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{tc.received, tc.avg} {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("output lacks %q:\n%s", want, buf.String())
				}
			}
			_, _, _, _, received := ResponseTimes(s)
			if got := FormatSize(received); !strings.Contains(tc.received, got) {
				t.Errorf("ResponseTimes received %s, want as in %q", got, tc.received)
			}
		})
	}
}
