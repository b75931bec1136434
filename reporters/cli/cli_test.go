package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/reporters/internal/fixture"
	"github.com/postie-run/postie/runner"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func render(t *testing.T, iterations int, opts Options) string {
	t.Helper()
	return renderWith(t, iterations, opts, nil)
}

func renderWith(t *testing.T, iterations int, opts Options, mutate func(*runner.Summary)) string {
	t.Helper()
	events, sum := fixture.Sample(iterations)
	if mutate != nil {
		mutate(sum)
	}
	var buf bytes.Buffer
	opts.CollectionName = sum.CollectionName
	opts.Iterations = iterations
	r := New(&buf, opts)
	for _, e := range events {
		r.Event(e)
	}
	if err := r.Done(sum); err != nil {
		t.Fatalf("Done: %v", err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	fixed := func() time.Time { return time.Date(2026, 11, 25, 13, 4, 5, 0, time.UTC) }
	tests := []struct {
		name       string
		iterations int
		opts       Options
	}{
		{"default", 1, Options{}},
		{"ascii-2-iterations", 2, Options{DisableUnicode: true}},
		{"color", 1, Options{Color: true}},
		{"no-summary-no-console", 1, Options{NoSummary: true, NoConsole: true}},
		{"no-failures-no-assertions", 1, Options{NoFailures: true, NoAssertions: true}},
		{"timestamps", 1, Options{ShowTimestamps: true, Now: fixed}},
		{"verbose", 1, Options{Verbose: true}},
		{"terminal-40-columns", 1, Options{Color: true, Width: 40}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.iterations, tc.opts)
			path := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("reading golden file (run with -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run with -update after checking):\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
			}
		})
	}
}

// TestMatchesNewman compares the default output with what newman 6.2.2
// printed for the same run (testdata/newman-sample.txt, captured with
// --color off from a real run; newman's banner and its stray ANSI codes in
// the failure table removed).
func TestMatchesNewman(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "newman-sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := renderWith(t, 1, Options{NoBanner: true}, nil)
	if got != string(want) {
		t.Errorf("output differs from newman's:\n--- got ---\n%s\n--- newman ---\n%s", got, want)
	}
}

func TestSilent(t *testing.T) {
	if got := render(t, 1, Options{Silent: true}); got != "" {
		t.Errorf("silent printed %q", got)
	}
}

// TestVerboseSecrets: --verbose masks secret variable values
// (reporters/mask) in console output unless --reporter-show-secrets; the
// fixture's Authorization header is never printed (Newman's --verbose
// shows no headers).
func TestVerboseSecrets(t *testing.T) {
	tests := []struct {
		name         string
		opts         Options
		want, unwant []string
	}{
		{"headers not printed", Options{Verbose: true},
			[]string{"200 OK * 32ms time"}, []string{"secret123", "Authorization"}},
		{"secret variable values masked", Options{Verbose: true, Secrets: []string{"hello"}},
			[]string{"| '********', 42, { a: 1 }"}, []string{"hello"}},
		{"show secrets", Options{Verbose: true, ShowSecrets: true, Secrets: []string{"hello"}},
			[]string{"'hello', 42"}, []string{"********"}},
		{"not verbose: console as is", Options{Secrets: []string{"hello"}},
			[]string{"'hello', 42"}, []string{"********"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, 1, Options{DisableUnicode: true, Verbose: tc.opts.Verbose, ShowSecrets: tc.opts.ShowSecrets, Secrets: tc.opts.Secrets})
			checkOutput(t, got, tc.want, tc.unwant)
		})
	}
}

func TestFormatDuration(t *testing.T) {
	// Expected values printed by newman's own formatter.
	tests := []struct {
		ms   float64
		want string
	}{
		{0, "0µs"}, {0.5, "500µs"}, {1, "1ms"}, {35.7, "35ms"}, {999, "999ms"}, {1997, "1997ms"},
		{1998, "1.9s"}, {2000, "2s"}, {2500, "2.5s"}, {59999, "59.9s"}, {60000, "1m"},
		{61234, "1m 1.2s"}, {3600000, "1h"}, {7265000, "2h 1m 5s"},
	}
	for _, tc := range tests {
		d := time.Duration(tc.ms * float64(time.Millisecond))
		if got := FormatDuration(d); got != tc.want {
			t.Errorf("FormatDuration(%vms) = %q, want %q", tc.ms, got, tc.want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	// Expected values printed by newman's own formatter.
	tests := []struct {
		n    int
		want string
	}{
		{0, "0B"}, {1, "1B"}, {999, "999B"}, {1000, "1kB"}, {1024, "1.02kB"}, {1234, "1.23kB"},
		{1500, "1.5kB"}, {12345, "12.35kB"}, {999999, "1MB"}, {1000000, "1MB"}, {1234567, "1.23MB"}, {5e9, "5GB"},
	}
	for _, tc := range tests {
		if got := FormatSize(tc.n); got != tc.want {
			t.Errorf("FormatSize(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestWrapLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "  | "},
		{"line1\nline2  x", "  | line1\n  | line2  x"},
		{"a\n\nb", "  | a\n  | b"},
		{strings.Repeat("x", 120), "  | " + strings.Repeat("x", 54) + "\n  | " + strings.Repeat("x", 54) + "\n  | " + strings.Repeat("x", 12)},
	}
	for _, tc := range tests {
		if got := wrapLines(tc.in, "  | ", 54); got != tc.want {
			t.Errorf("wrapLines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFailureAt(t *testing.T) {
	_, sum := fixture.Sample(1)
	tests := []struct {
		f    runner.Failure
		want string
	}{
		{sum.Failures[0], "assertion:0 in test-script"},
		{sum.Failures[2], "test-script"},
		{sum.Failures[3], "request"},
		{runner.Failure{Kind: "Error", Message: "callback timed out", At: "run"}, "run"},
		{runner.Failure{Execution: sum.Failures[0].Execution, Kind: "AssertionError", Test: "status is 200", At: "assertion:3 in prerequest-script"}, "assertion:3 in prerequest-script"},
	}
	for _, tc := range tests {
		if got := FailureAt(tc.f); got != tc.want {
			t.Errorf("FailureAt(%+v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}

func TestProgress(t *testing.T) {
	events, sum := fixture.Sample(1)
	var buf bytes.Buffer
	p := NewProgress(&buf, 4)
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p.now = func() time.Time { clock = clock.Add(60 * time.Millisecond); return clock }
	for _, e := range events {
		p.Event(e)
	}
	if err := p.Done(sum); err != nil {
		t.Fatal(err)
	}
	// Requests finish at 60, 120, 180, 240ms: lines drawn at the 1st and 3rd (100ms apart at most).
	want := "\r\x1b[K  1/4 requests, 0 failed\r\x1b[K  3/4 requests, 0 failed\r\x1b[K"
	if got := buf.String(); got != want {
		t.Errorf("progress output %q, want %q", got, want)
	}
}

func TestWordWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"expected 200 to equal 201", 10, "expected\n200 to\nequal 201"},
		{"abcdefghijkl", 5, "abcde\nfghij\nkl"},
		{"a b\nc", 10, "a b\nc"},
		{"", 5, ""},
	}
	for _, tc := range tests {
		if got := wordWrap(tc.in, tc.width); got != tc.want {
			t.Errorf("wordWrap(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

// checkOutput reports each of want that got lacks and each of unwant it
// has (spaces shown as · in the lacking case, to see padding).
func checkOutput(t *testing.T, got string, want, unwant []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, strings.ReplaceAll(got, " ", "·"))
		}
	}
	for _, u := range unwant {
		if strings.Contains(got, u) {
			t.Errorf("output has %q:\n%s", u, got)
		}
	}
}
