package xml2js

import (
	"os"
	"regexp"
	"testing"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

func TestXML2JSVectors(t *testing.T) {
	setup, err := os.ReadFile("testdata/setup.js")
	if err != nil {
		t.Fatal(err)
	}
	vectest.Run(t, Module(), "xml2js", "testdata/xml2js.json", string(setup))
}

func TestToJSON(t *testing.T) {
	tests := []struct {
		name, xml, want string
	}{
		// Output recorded from newman 6's xml2Json for the same document.
		{"newman", `<r><a x="1"> t </a><b>1</b><b>2</b><e/><w>  </w></r>`, `{"r":{"a":{"_":"t","$":{"x":"1"}},"b":["1","2"],"e":"","w":"  "}}`},
		{"empty", `<r/>`, `{"r":""}`},
		{"blank", ``, `null`},
		{"invalid", `<r><a></r>`, `undefined`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := goja.New()
			v := ToJSON(rt, tt.xml)
			if goja.IsUndefined(v) {
				if tt.want != "undefined" {
					t.Fatalf("got undefined, want %s", tt.want)
				}
				return
			}
			_ = rt.Set("v", v)
			got, err := rt.RunString("JSON.stringify(v)")
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func BenchmarkToJSON(b *testing.B) {
	rt := goja.New()
	doc := `<?xml version="1.0"?><Envelope><Body><List>` +
		`<Item id="1"><Name>a</Name><Price>1.5</Price></Item><Item id="2"><Name>b</Name><Price>2.5</Price></Item>` +
		`</List></Body></Envelope>`
	for b.Loop() {
		ToJSON(rt, doc)
	}
}

// TestIsBlank checks isBlank against the regexp it replaces, ^\s*$.
func TestIsBlank(t *testing.T) {
	re := regexp.MustCompile(`^\s*$`)
	for _, s := range []string{"", " ", "\t\n\f\r ", " x ", "\v", "\u00a0", "\n\n", "a", " \n"} {
		if got, want := isBlank(s), re.MatchString(s); got != want {
			t.Errorf("isBlank(%q) = %v, want %v", s, got, want)
		}
	}
}
