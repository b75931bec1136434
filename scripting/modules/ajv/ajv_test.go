package ajv

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/dop251/goja"
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
	var cases []json.RawMessage
	var want []any
	for file, dst := range map[string]any{"testdata/cases.json": &cases, "testdata/expected.json": &want} {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	if len(cases) != len(want) {
		t.Fatalf("%d cases but %d expectations", len(cases), len(want))
	}
	same := 0
	for i, c := range cases {
		rt := newRuntime(t)
		got := run(t, rt, `var c = `+string(c)+`; var ajv = new Ajv(c.opts || {}); var valid = ajv.validate(c.schema, c.data);
			JSON.stringify({valid: valid, errors: ajv.errors, text: ajv.errorsText()})`)
		if !reflect.DeepEqual(got, want[i]) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want[i])
			t.Errorf("case %d %s\n  want %s\n  got  %s", i, c, w, g)
			continue
		}
		same++
	}
	t.Logf("%d of %d cases match ajv 6 exactly", same, len(cases))
}

type apiCase struct {
	Code   string `json:"code"`
	Result string `json:"result"`
}

// TestAPIMatchesAjv6 runs API scenarios (compile, addSchema, getSchema,
// errorsText, options, meta-schemas) recorded from ajv 6.12.5.
func TestAPIMatchesAjv6(t *testing.T) {
	raw, err := os.ReadFile("testdata/api_expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []apiCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		rt := newRuntime(t)
		v, err := rt.RunString("JSON.stringify(eval(" + strconv.Quote(c.Code) + "))")
		if err != nil {
			t.Errorf("%s: %v", c.Code, err)
			continue
		}
		var got, want any
		if err := json.Unmarshal([]byte(v.String()), &got); err != nil {
			t.Errorf("%s: bad JSON %s", c.Code, v.String())
			continue
		}
		if err := json.Unmarshal([]byte(c.Result), &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s\n  want %s\n  got  %s", c.Code, c.Result, v.String())
		}
	}
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
