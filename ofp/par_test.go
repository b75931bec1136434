package ofp

import (
	"regexp"
	"strings"
	"testing"
)

// TestPKCEChallenge checks pkceChallenge against the pattern it implements.
func TestPKCEChallenge(t *testing.T) {
	re := regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)
	ok := strings.Repeat("aZ09_-", 7) + "x"
	for _, ch := range []string{
		ok, ok[:42], ok + "y", ok[:42] + "+", ok[:42] + "=", ok[:42] + "/", ok[:42] + "\n",
		ok[:41] + "é", "", strings.Repeat(" ", 43),
	} {
		if got, want := pkceChallenge(ch), re.MatchString(ch); got != want {
			t.Errorf("pkceChallenge(%q) = %v, want %v", ch, got, want)
		}
	}
	if !pkceChallenge(ok) {
		t.Errorf("pkceChallenge(%q) = false", ok)
	}
}
