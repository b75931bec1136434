package ajv

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"testing"
)

// TestExtraMatchesAjv6 compares errors with ajv 6.12.5's for
// testdata/extra_cases.json: propertyNames, dependencies, if/then/else,
// type placement within ajv's rule groups, refs, jsonPointers.
func TestExtraMatchesAjv6(t *testing.T) {
	var cases []json.RawMessage
	var want []any
	readJSON(t, "testdata/extra_cases.json", &cases)
	readJSON(t, "testdata/extra_expected.json", &want)
	if len(cases) != len(want) {
		t.Fatalf("%d cases but %d expectations", len(cases), len(want))
	}
	for i, c := range cases {
		got := run(t, newRuntime(t), `var c = `+string(c)+`; var ajv = new Ajv(c.opts || {}); var valid = ajv.validate(c.schema, c.data);
			JSON.stringify({valid: valid, errors: ajv.errors, text: ajv.errorsText()})`)
		if !reflect.DeepEqual(got, want[i]) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want[i])
			t.Errorf("case %d %s\n  want %s\n  got  %s", i, c, w, g)
		}
	}
}

// TestExtraAPIMatchesAjv6 runs testdata/extra_api_cases.txt (refs between
// added schemas, ids, recursion, missing refs) recorded from ajv 6.12.5.
func TestExtraAPIMatchesAjv6(t *testing.T) {
	var cases []apiCase
	readJSON(t, "testdata/extra_api_expected.json", &cases)
	for _, c := range cases {
		v, err := newRuntime(t).RunString("JSON.stringify(eval(" + strconv.Quote(c.Code) + "))")
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

func readJSON(t *testing.T, file string, dst any) {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}
