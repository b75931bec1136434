package uuid

import (
	"regexp"
	"testing"

	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

// TestVectors checks expressions recorded from the uuid npm package 9.x
// under node (testdata/cases.txt -> testdata/vectors.json).
func TestVectors(t *testing.T) {
	vectest.Run(t, Module(), "uuid", "testdata/vectors.json", "")
}

var v4re = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// TestPostmanCallingStyles covers the shapes Postman's bundled shim offers:
// require('uuid')() and require('uuid').v4().
func TestPostmanCallingStyles(t *testing.T) {
	rt := vectest.NewRuntime(t, Module(), "uuid")
	seen := map[string]bool{}
	for _, js := range []string{`uuid()`, `uuid.v4()`, `uuid()`, `uuid.v4()`} {
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
