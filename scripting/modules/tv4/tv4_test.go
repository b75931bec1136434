package tv4

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/dop251/goja"
)

func newRuntime(t testing.TB) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	v, err := Module().Load(rt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.Set("tv4", v); err != nil {
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
		t.Fatalf("decoding %s: %v", v.String(), err)
	}
	return out
}

const harness = `
function clean(e) {
  if (!e) return e;
  return { message: e.message, code: e.code, params: e.params, dataPath: e.dataPath, schemaPath: e.schemaPath, subErrors: e.subErrors && e.subErrors.map(clean) };
}
function both(c) {
  var api = tv4.freshApi();
  var valid = api.validate(c.data, c.schema);
  var single = { valid: valid, error: clean(api.error), missing: api.missing };
  var m = api.validateMultiple(c.data, c.schema);
  return JSON.stringify({ single: single, multiple: { valid: m.valid, errors: m.errors.map(clean), missing: m.missing } });
}
`

// TestMatchesTv4 compares validate and validateMultiple with tv4 1.3.0
// for testdata/cases.json.
func TestMatchesTv4(t *testing.T) {
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
		t.Fatalf("%d cases, %d expectations", len(cases), len(want))
	}
	same := 0
	for i, c := range cases {
		rt := newRuntime(t)
		got := run(t, rt, harness+"both("+string(c)+")")
		if !reflect.DeepEqual(got, want[i]) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want[i])
			t.Errorf("case %d %s\n  want %s\n  got  %s", i, c, w, g)
			continue
		}
		same++
	}
	t.Logf("%d of %d cases match tv4 exactly", same, len(cases))
}

type apiCase struct {
	Code   string `json:"code"`
	Result string `json:"result"`
}

// TestAPIMatchesTv4 runs API scenarios (addSchema, $ref, missing,
// validateResult, addFormat, freshApi) recorded from tv4 1.3.0.
func TestAPIMatchesTv4(t *testing.T) {
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
