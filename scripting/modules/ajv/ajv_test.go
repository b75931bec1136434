package ajv

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

type nopCompiler struct{}

func (nopCompiler) Compile(name, src string) (*goja.Program, error) {
	return goja.Compile(name, src, false)
}

func newRuntime(t testing.TB) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	ctor, err := Module().Load(rt, nopCompiler{})
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.Set("Ajv", ctor); err != nil {
		t.Fatal(err)
	}
	return rt
}

func run(t *testing.T, rt *goja.Runtime, code string) any {
	t.Helper()
	v, err := rt.RunString(code)
	if err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	var out any
	if err := json.Unmarshal([]byte(v.String()), &out); err != nil {
		t.Fatalf("%s: decoding %s: %v", code, v.String(), err)
	}
	return out
}

// TestMatchesAjv6 compares errors with ajv 6.12.5's for testdata/cases.json.
func TestMatchesAjv6(t *testing.T) {
	same, of := vectest.Recorded(t, "testdata/cases.json", "testdata/expected.json", func(c json.RawMessage) any {
		return run(t, newRuntime(t), `var c = `+string(c)+`; var ajv = new Ajv(c.opts || {}); var valid = ajv.validate(c.schema, c.data);
			JSON.stringify({valid: valid, errors: ajv.errors, text: ajv.errorsText()})`)
	})
	t.Logf("%d of %d cases match ajv 6 exactly", same, of)
}

// TestAPIMatchesAjv6 runs API scenarios (compile, addSchema, getSchema,
// errorsText, options, meta-schemas) recorded from ajv 6.12.5.
func TestAPIMatchesAjv6(t *testing.T) {
	vectest.APICases(t, "testdata/api_expected.json", newRuntime)
}

// TestFormatsMatchAjv6 checks every built-in format's verdict on sample
// strings against ajv 6.12.5 (testdata/formats_expected.json).
func TestFormatsMatchAjv6(t *testing.T) {
	var samples map[string][]string
	var want map[string][]bool
	for file, dst := range map[string]any{"testdata/formats.json": &samples, "testdata/formats_expected.json": &want} {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	rt := newRuntime(t)
	for format, values := range samples {
		for i, v := range values {
			q, _ := json.Marshal(v)
			got, err := rt.RunString(`new Ajv().validate({format: '` + format + `'}, ` + string(q) + `)`)
			if err != nil {
				t.Errorf("%s %s: %v", format, q, err)
				continue
			}
			if got.ToBoolean() != want[format][i] {
				t.Errorf("format %s, %s: want %v, got %v", format, q, want[format][i], got.ToBoolean())
			}
		}
	}
}
