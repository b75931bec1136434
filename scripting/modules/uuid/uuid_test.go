package uuid

import (
	"regexp"
	"testing"

	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

var v4re = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// TestPostmanCallingStyles covers the shapes Postman's bundled shim offers:
// require('uuid')() and require('uuid').v4(), arguments ignored.
func TestPostmanCallingStyles(t *testing.T) {
	rt := vectest.NewRuntime(t, Module(), "uuid")
	seen := map[string]bool{}
	for _, js := range []string{`uuid()`, `uuid.v4()`, `uuid()`, `uuid.v4({random: [1,2,3]})`} {
		v, err := rt.RunString(js)
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		s := v.String()
		if !v4re.MatchString(s) {
			t.Errorf("%s = %q, not a v4 uuid", js, s)
		}
		if seen[s] {
			t.Errorf("%s repeated %q", js, s)
		}
		seen[s] = true
	}
}

// TestShimShape checks that only what Postman's shim has is there.
func TestShimShape(t *testing.T) {
	rt := vectest.NewRuntime(t, Module(), "uuid")
	tests := []struct{ js, want string }{
		{`typeof uuid`, "function"},
		{`typeof uuid.v4`, "function"},
		{`typeof uuid.v1`, "undefined"},
		{`typeof uuid.v5`, "undefined"},
		{`typeof uuid.validate`, "undefined"},
		{`try { uuid.v1(); 'no error' } catch (e) { e.constructor.name }`, "TypeError"},
	}
	for _, tt := range tests {
		v, err := rt.RunString(tt.js)
		if err != nil {
			t.Fatalf("%s: %v", tt.js, err)
		}
		if v.String() != tt.want {
			t.Errorf("%s = %q, want %q", tt.js, v.String(), tt.want)
		}
	}
}
