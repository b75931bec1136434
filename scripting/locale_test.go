package scripting

import "testing"

// TestNumberToLocaleString compares with node 20's answers (full ICU).
func TestNumberToLocaleString(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct{ expr, want string }{
		{"(1234.5).toLocaleString()", "1,234.5"},
		{"(1234.5).toLocaleString('en-US')", "1,234.5"},
		{"(1234567.891).toLocaleString('de-DE')", "1.234.567,891"},
		{"(-1234.5).toLocaleString('fr-FR')", "-1\u202f234,5"},
		{"(1234.5678).toLocaleString()", "1,234.568"},
		{"(1.0005).toLocaleString()", "1.001"},
		{"(2.5).toLocaleString('en-US', {maximumFractionDigits: 0})", "3"},
		{"(0.5).toLocaleString('en', {minimumFractionDigits: 2, maximumFractionDigits: 2})", "0.50"},
		{"(12).toLocaleString(undefined, {minimumFractionDigits: 2})", "12.00"},
		{"(9.9999).toLocaleString()", "10"},
		{"(1e21).toLocaleString()", "1,000,000,000,000,000,000,000"},
		{"(-0).toLocaleString()", "-0"},
		{"NaN.toLocaleString()", "NaN"},
		{"Infinity.toLocaleString()", "∞"},
		{"new Number(1000).toLocaleString(['en-GB'])", "1,000"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			res := run(t, s, "console.log(String("+tt.expr+"));", newExec("test"))
			if res.Err != nil {
				t.Fatalf("script error: %v", res.Err)
			}
			if len(res.Console) != 1 || res.Console[0].Text != "'"+tt.want+"'" {
				t.Errorf("got %v want '%s'", res.Console, tt.want)
			}
		})
	}
}
