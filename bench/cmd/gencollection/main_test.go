package main

import (
	"bytes"
	"testing"

	"github.com/postie-run/postie/collections"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		n      int
		tests  bool
		events int
	}{{1, true, 1}, {25, true, 1}, {3, false, 0}}
	for _, tc := range tests {
		var buf bytes.Buffer
		if err := write(&buf, tc.n, "http://127.0.0.1:9", tc.tests); err != nil {
			t.Fatal(err)
		}
		c, err := collections.Parse(buf.Bytes(), "generated")
		if err != nil {
			t.Fatalf("generated collection does not load: %v", err)
		}
		if len(c.Items) != tc.n {
			t.Fatalf("%d items, want %d", len(c.Items), tc.n)
		}
		last := c.Items[tc.n-1]
		if len(last.Events) != tc.events || last.Request == nil || last.Request.URL.String() == "" {
			t.Errorf("item %+v", last)
		}
	}
}
