package runner

import (
	"context"
	"strings"
	"testing"
)

// TestConsoleAndAssertionsInterleaved checks that a script's console
// entries and test results reach reporters in the order they happened (by
// Seq), as newman prints them, not all console lines first.
func TestConsoleAndAssertionsInterleaved(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	cases := []struct {
		name, src string
		want      []string
	}{
		{"log between tests", "console.log('a'); pm.test('t1', function(){}); console.log('b'); pm.test('t2', function(){ pm.expect(1).to.equal(2) }); console.warn('c')",
			[]string{"console 'a'", "test t1", "console 'b'", "test t2", "console 'c'"}},
		{"tests only", "pm.test('t1', function(){}); pm.test('t2', function(){})",
			[]string{"test t1", "test t2"}},
		{"console only", "console.log(1); console.log(2)",
			[]string{"console 1", "console 2"}},
		{"logs inside a test", "pm.test('t1', function(){ console.log('in') }); console.log('after')",
			[]string{"console 'in'", "test t1", "console 'after'"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			js := `{"info":{"name":"o","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
			"item":[{"name":"r","event":[` + ev("test", tc.src) + `],"request":{"url":"%URL%/x"}}]}`
			rec := &eventLog{}
			if _, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Reporters: []Reporter{rec}}); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range rec.events {
				switch e.Kind {
				case EventConsole:
					got = append(got, "console "+e.Console.Text)
				case EventAssertion:
					got = append(got, "test "+e.Test.Name)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("event order\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}
