package environments

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseEnvironment: ParseFile never panics; accepted files marshal and
// load back with the same variables.
func FuzzParseEnvironment(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.json")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"name":"e","values":[{"key":"a","value":"1","enabled":false},{"key":"a","value":2,"type":"secret"}]}`))
	f.Add([]byte(`[{"key":"k","value":null}]`))
	f.Add([]byte("\xff\xfe{\x00}\x00"))
	f.Add([]byte(`{"values":[{"key":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ef, err := ParseFile(data, "fuzz.json")
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		out, err := json.Marshal(ef)
		if err != nil {
			t.Fatalf("accepted environment does not marshal: %v", err)
		}
		ef2, err := ParseFile(out, "again.json")
		if err != nil {
			t.Fatalf("saved environment does not load back: %v\n%s", err, out)
		}
		out2, _ := json.Marshal(ef2)
		if string(out) != string(out2) {
			t.Fatalf("save/load not stable:\n%s\n%s", out, out2)
		}
	})
}

// FuzzLoadData: CSV and JSON iteration data never panic the parser.
func FuzzLoadData(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n",
		"\ufeffname, value \n\"x,\"\"y\",007\n\n",
		"a\n\"unclosed\n",
		`[{"a":1,"b":[1,2]},{"c":null}]`,
		`{"a":1}`,
		"a;b\r\n1e3;0x10\r\n",
		"\xff\xfea\x00,\x00b\x00\n\x001\x00,\x002\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ParseData(data, "fuzz.csv")
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, r := range rows {
			if r == nil {
				t.Fatal("nil row")
			}
			_ = r.ToObject()
		}
	})
}

// FuzzReplaceIn: substitution never panics, terminates on self- and
// mutually-recursive variables, and leaves text without references alone.
func FuzzReplaceIn(f *testing.F) {
	for _, s := range []string{"{{a}}", "x{{a}}{{b}}y", "{{{{a}}}}", "{{$guid}}-{{$randomInt}}", "{{}}", "{{a}", "}}{{", "{{self}}"} {
		f.Add(s, "{{b}}", "{{self}}{{self}}")
	}
	f.Fuzz(func(t *testing.T, text, a, b string) {
		s := &Scopes{
			Local:       NewList(NewVariable("a", a, "string")),
			Environment: NewList(NewVariable("b", b, "string"), NewVariable("self", "x{{self}}", "string")),
			Dynamics:    NewDynamics(1),
		}
		out := s.ReplaceIn(text)
		if !strings.Contains(text, "{{") && out != text {
			t.Fatalf("text without references changed: %q -> %q", text, out)
		}
		_ = References(text)
	})
}

// TestReplaceInSelfReferenceBounded: a variable referring to itself several
// times grows exponentially per pass; resolution stops at
// MaxSubstitutedLength instead of exhausting memory (found by FuzzReplaceIn).
func TestReplaceInSelfReferenceBounded(t *testing.T) {
	for _, val := range []string{"{{a}}{{a}}", "{{a}}{{a}}{{a}}{{a}}", "xxxxxxxxxxxxxxxx{{a}}{{a}}{{a}}"} {
		s := &Scopes{Environment: NewList(NewVariable("a", val, "string"))}
		out := s.ReplaceIn("<{{a}}>")
		if len(out) > MaxSubstitutedLength {
			t.Fatalf("%q: %d bytes, over the %d bound", val, len(out), MaxSubstitutedLength)
		}
		if !strings.HasPrefix(out, "<") || !strings.HasSuffix(out, ">") {
			t.Fatalf("%q: surrounding text lost", val)
		}
		t.Logf("%q -> %d bytes", val, len(out))
	}
}
