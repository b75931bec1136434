package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/postie-run/postie/runner"
)

// TestFailureSource checks the "inside" line of the failure list: the item's
// path, except for failed requests (an item's or a pm.sendRequest's), which
// Newman shows with an empty name.
func TestFailureSource(t *testing.T) {
	x := &runner.Execution{Path: []string{"folder", "item"}}
	tests := []struct {
		name string
		f    runner.Failure
		want string
	}{
		{"assertion", runner.Failure{Execution: x, Kind: "AssertionError", Test: "t", Message: "expected 1 to equal 2", At: "assertion:0 in test-script", Source: "folder / item"}, `inside "folder / item"`},
		{"script error", runner.Failure{Execution: x, Kind: "ReferenceError", Message: "foo is not defined", At: "test-script", Source: "folder / item"}, `inside "folder / item"`},
		{"item request", runner.Failure{Execution: &runner.Execution{Path: x.Path, RequestErr: errTest("connect ECONNREFUSED 127.0.0.1:1")}, Kind: "Error", Message: "connect ECONNREFUSED 127.0.0.1:1", At: "request", Source: "folder / item"}, `inside ""`},
		{"sendRequest", runner.Failure{Execution: x, Kind: "Error", Message: "ESOCKETTIMEDOUT", At: "request", Source: "folder / item"}, `inside ""`},
		{"request derived from the execution", runner.Failure{Execution: &runner.Execution{Path: x.Path, RequestErr: errTest("boom")}, Kind: "RequestError", Message: "boom", Source: "folder / item"}, `inside ""`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			r := New(&buf, Options{NoSummary: true})
			if err := r.Done(&runner.Summary{Iterations: 1, Failures: []runner.Failure{tc.f}}); err != nil {
				t.Fatal(err)
			}
			var inside string
			for _, l := range strings.Split(buf.String(), "\n") {
				if i := strings.Index(l, "inside "); i >= 0 {
					inside = strings.TrimRight(l[i:], " ")
				}
			}
			if inside != tc.want {
				t.Errorf("got %q, want %q in\n%s", inside, tc.want, buf.String())
			}
		})
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }
