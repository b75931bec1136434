package environments

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadDataWrapsErrors: LoadData's parse errors keep their message
// ("loading iteration data <path>: ...") and unwrap to ParseData's error.
func TestLoadDataWrapsErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, content string }{
		{"invalid JSON", `[{"a":1},`},
		{"wrong JSON type", `[{"a":1}, 5]`},
		{"unterminated CSV quote", "a,b\n\"x,1\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_"))
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadData(p)
			if err == nil {
				t.Fatal("no error")
			}
			if want := "loading iteration data " + p + ": "; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("message %q does not start with %q", err, want)
			}
			_, perr := ParseData([]byte(tc.content), p)
			if inner := errors.Unwrap(err); perr == nil || inner == nil || inner.Error() != perr.Error() {
				t.Errorf("LoadData error %q does not wrap ParseData's %v (unwraps to %v)", err, perr, inner)
			}
		})
	}
}
