package environments

import (
	"encoding/binary"
	"regexp"
	"testing"
	"unicode/utf16"
)

// TestBadEnvironmentFiles: encodings newman accepts load; bad files fail
// naming the file and place.
func TestBadEnvironmentFiles(t *testing.T) {
	good := `{"name":"e","values":[{"key":"a","value":"1","enabled":true},{"key":"a","value":"2"},{"key":"b","value":"x","disabled":true}]}`
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"UTF-8 BOM", append([]byte("\xef\xbb\xbf"), good...), ""},
		{"UTF-16LE", utf16With(good, false), ""},
		{"UTF-16BE", utf16With(good, true), ""},
		{"truncated", []byte(good[:30]), `env\.json.*line 1`},
		{"invalid", []byte("{\n \"values\": [\n  {\"key\": \"a\",, }\n ]\n}"), `env\.json.*line 3`},
		{"values not an array", []byte(`{"name":"e","values":{"a":1}}`), `env\.json.*values`},
		{"a value not an object", []byte(`{"name":"e","values":[{"key":"a"}, 7]}`), `env\.json.*values.*1|env\.json.*object`},
		{"empty", []byte(""), `env\.json`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ParseFile(tc.data, "env.json")
			if tc.want == "" {
				if err != nil {
					t.Fatalf("newman accepts this; got %v", err)
				}
				// duplicates kept in order, the disabled one not looked up
				if f.Values.Len() != 3 {
					t.Errorf("%d variables, want 3", f.Values.Len())
				}
				if v, _ := f.Values.Get("b"); v != nil {
					t.Errorf("disabled variable b resolved to %v", v)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted; want error matching %q", tc.want)
			}
			t.Logf("%s", err)
			if !regexp.MustCompile(`(?s)` + tc.want).MatchString(err.Error()) {
				t.Errorf("error %q does not match %q", err, tc.want)
			}
		})
	}
}

// TestBadDataFiles: CSV and JSON iteration data in every encoding newman
// accepts, and bad files failing with the file and place.
func TestBadDataFiles(t *testing.T) {
	csv := "name,n\nalice,1\nbob,2\n"
	cases := []struct {
		name string
		data []byte
		rows int
		want string
	}{
		{"CSV BOM", append([]byte("\xef\xbb\xbf"), csv...), 2, ""},
		{"CSV UTF-16LE", utf16With(csv, false), 2, ""},
		{"CSV UTF-16BE", utf16With(csv, true), 2, ""},
		{"JSON BOM", append([]byte("\xef\xbb\xbf"), `[{"a":1}]`...), 1, ""},
		{"JSON UTF-16LE", utf16With(`[{"a":1},{"a":2}]`, false), 2, ""},
		{"JSON truncated", []byte(`[{"a":1},{"a"`), 0, `data\.csv.*line 1`},
		{"JSON not an array", []byte(`{"a":1}`), 0, `data\.csv.*array`},
		{"JSON row not an object", []byte(`[{"a":1}, 3]`), 0, `data\.csv.*item 1`},
		{"CSV unclosed quote", []byte("a,b\n\"x,1\n"), 0, `data\.csv`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := ParseData(tc.data, "data.csv")
			if tc.want == "" {
				if err != nil {
					t.Fatalf("newman accepts this; got %v", err)
				}
				if len(rows) != tc.rows {
					t.Errorf("%d rows, want %d", len(rows), tc.rows)
				}
				if tc.rows == 2 && !rows[0].Has("name") && !rows[0].Has("a") {
					t.Errorf("first column name lost (BOM kept?): %v", rows[0].ToObject())
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted (%d rows); want error matching %q", len(rows), tc.want)
			}
			t.Logf("%s", err)
			if !regexp.MustCompile(`(?s)` + tc.want).MatchString(err.Error()) {
				t.Errorf("error %q does not match %q", err, tc.want)
			}
		})
	}
}

// utf16With encodes s as UTF-16 with a byte order mark.
func utf16With(s string, bigEndian bool) []byte {
	u := utf16.Encode([]rune(s))
	out := make([]byte, 2+2*len(u))
	if bigEndian {
		out[0], out[1] = 0xFE, 0xFF
	} else {
		out[0], out[1] = 0xFF, 0xFE
	}
	for i, c := range u {
		if bigEndian {
			binary.BigEndian.PutUint16(out[2+2*i:], c)
		} else {
			binary.LittleEndian.PutUint16(out[2+2*i:], c)
		}
	}
	return out
}
