package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// TestConsoleBox checks Newman's console boxes: messages in a row share one
// box, which anything else printed closes.
func TestConsoleBox(t *testing.T) {
	log := func(s string) runner.Event {
		return runner.Event{Kind: runner.EventConsole, Console: &scripting.ConsoleEntry{Level: "log", Text: s}}
	}
	pass := runner.Event{Kind: runner.EventAssertion, Execution: &runner.Execution{}, Test: &scripting.TestResult{Name: "t", Passed: true}}
	sent := runner.Event{Kind: runner.EventSendRequest, Execution: &runner.Execution{}, Sent: &scripting.SentRequest{
		Request:  &collections.Request{Method: "POST", URL: collections.ParseURL("http://127.0.0.1:1/x")},
		Response: &scripting.Response{Code: 201, Status: "Created", Body: []byte("ok")},
	}}
	script := runner.Event{Kind: runner.EventScript, Execution: &runner.Execution{}, Script: "test"}
	tests := []struct {
		name   string
		events []runner.Event
		want   string
	}{
		{"one message", []runner.Event{log("a")}, "  ┌\n  │ a\n  └\n"},
		{"messages in a row share a box", []runner.Event{log("a"), log("b"), log("c")}, "  ┌\n  │ a\n  │ b\n  │ c\n  └\n"},
		{"a test line closes the box", []runner.Event{log("a"), pass, log("b")}, "  ┌\n  │ a\n  └\n  ✓  t\n  ┌\n  │ b\n  └\n"},
		{"a sendRequest line closes the box", []runner.Event{log("a"), sent, log("b")}, "  ┌\n  │ a\n  └\n  POST http://127.0.0.1:1/x [201 Created, 26B, 0µs]\n  ┌\n  │ b\n  └\n"},
		{"a silent event leaves it open", []runner.Event{log("a"), script, log("b")}, "  ┌\n  │ a\n  │ b\n  └\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			r := New(&buf, Options{NoSummary: true})
			for _, e := range tc.events {
				r.Event(e)
			}
			if err := r.Done(&runner.Summary{}); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", strings.ReplaceAll(got, " ", "·"), strings.ReplaceAll(tc.want, " ", "·"))
			}
		})
	}
}
