package environments

import (
	"regexp"
	"testing"
)

// TestCSVInt checks csvInt against Newman's pattern /^(-|\+)?([1-9]+[0-9]*)$/.
func TestCSVInt(t *testing.T) {
	re := regexp.MustCompile(`^(-|\+)?([1-9]+[0-9]*)$`)
	for _, s := range []string{
		"", "0", "1", "10", "-7", "+7", "+-7", "--7", "-", "+", "07", "-07", "1.5", "1e3", " 1", "1 ",
		"123456789012345678901234567890", "12a", "1\n", "٣", "+0", "9",
	} {
		if got, want := csvInt(s), re.MatchString(s); got != want {
			t.Errorf("csvInt(%q) = %v, want %v", s, got, want)
		}
	}
}
