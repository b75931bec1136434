package tv4

import (
	"encoding/json"
	"testing"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
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
	same, of := vectest.Recorded(t, "testdata/cases.json", "testdata/expected.json", func(c json.RawMessage) any {
		return run(t, newRuntime(t), harness+"both("+string(c)+")")
	})
	t.Logf("%d of %d cases match tv4 exactly", same, of)
}

// TestAPIMatchesTv4 runs API scenarios (addSchema, $ref, missing,
// validateResult, addFormat, freshApi) recorded from tv4 1.3.0.
func TestAPIMatchesTv4(t *testing.T) {
	vectest.APICases(t, "testdata/api_expected.json", newRuntime)
}
