package main

import (
	"strings"
	"testing"

	"github.com/postie-run/postie/conformance"
)

func TestCompareJSON(t *testing.T) {
	const echo = "http://127.0.0.1:40123"
	tests := []struct {
		name          string
		newman, post  string
		wantDiff      []string // lines expected in the diff, in order; none: identical
		wantKnownNote bool
	}{
		{"volatile values normalised",
			`{"id":"0de94516-599c-48b5-9b72-58be1a93cc96","run":{"timings":{"started":1795627017377},"executions":[{"response":{"responseTime":40,"header":[{"key":"Date","value":"Wed, 25 Nov 2026 17:16:57 GMT"}]},"request":{"url":{"port":"40123","raw":"http://127.0.0.1:40123/echo"}}}]}}`,
			`{"id":"11111111-2222-4333-8444-555555555555","run":{"timings":{"started":1795627999999},"executions":[{"response":{"responseTime":3,"header":[{"key":"Date","value":"Wed, 25 Nov 2026 17:20:00 GMT"}]},"request":{"url":{"port":"40123","raw":"http://127.0.0.1:40123/echo"}}}]}}`,
			nil, false},
		{"a real difference is kept",
			`{"run":{"stats":{"tests":{"total":1}},"executions":[]}}`,
			`{"run":{"stats":{"tests":{"total":2}},"executions":[],"extra":true}}`,
			[]string{".run.extra: newman (absent) vs postie true", ".run.stats.tests.total: newman 1 vs postie 2"}, false},
		{"a Buffer is compared as text",
			`{"stream":{"type":"Buffer","data":[104,105]}}`, `{"stream":{"type":"Buffer","data":[104,111]}}`,
			[]string{`.stream.text: newman "hi" vs postie "ho"`}, false},
		{"pm.sendRequest copies folded",
			`{"run":{"executions":[{"id":"a","cursor":{"ref":"r"},"request":1},{"id":"a","cursor":{"ref":"r"},"request":2},{"id":"b","cursor":{"ref":"s"},"request":3}]}}`,
			`{"run":{"executions":[{"id":"a","cursor":{"ref":"r"},"request":9},{"id":"b","cursor":{"ref":"s"},"request":3}]}}`,
			nil, true},
	}
	for _, tc := range tests {
		_, _, diff, known := compareJSON(tc.newman, tc.post, conformance.Case{Name: "x"}, echo)
		var lines []string
		if diff != "" {
			lines = strings.Split(diff, "\n")
		}
		if strings.Join(lines, "\n") != strings.Join(tc.wantDiff, "\n") {
			t.Errorf("%s: diff\n%s\nwant\n%s", tc.name, diff, strings.Join(tc.wantDiff, "\n"))
		}
		if (known != "") != tc.wantKnownNote {
			t.Errorf("%s: known note %q", tc.name, known)
		}
	}
}

func TestEchoPlaceholdersRoundTrip(t *testing.T) {
	const echo = "http://127.0.0.1:40123"
	in := `{"url":"http://127.0.0.1:40123/x","host":"127.0.0.1:40123","port":"40123"}`
	stored := echoPlaceholders(echo, false).Replace(in)
	if strings.Contains(stored, "40123") {
		t.Errorf("stored %s still holds the port", stored)
	}
	const next = "http://127.0.0.1:41999"
	want := strings.ReplaceAll(in, "40123", "41999")
	if got := echoPlaceholders(next, true).Replace(stored); got != want {
		t.Errorf("read back %s, want %s", got, want)
	}
}
