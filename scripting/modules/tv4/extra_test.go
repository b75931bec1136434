package tv4

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"testing"
)

// TestExtraMatchesTv4 compares validate and validateMultiple with tv4 1.3.0
// for testdata/extra_cases.json: evaluation order, refs, multipleOf
// rounding, UTF-16 lengths, exclusive limits.
func TestExtraMatchesTv4(t *testing.T) {
	var cases []json.RawMessage
	var want []any
	readJSON(t, "testdata/extra_cases.json", &cases)
	readJSON(t, "testdata/extra_expected.json", &want)
	if len(cases) != len(want) {
		t.Fatalf("%d cases, %d expectations", len(cases), len(want))
	}
	for i, c := range cases {
		got := run(t, newRuntime(t), harness+"both("+string(c)+")")
		if !reflect.DeepEqual(got, want[i]) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want[i])
			t.Errorf("case %d %s\n  want %s\n  got  %s", i, c, w, g)
		}
	}
}

// TestExtraAPIMatchesTv4 runs testdata/extra_api_cases.txt (refs into added
// schemas, missing refs, recursion, format errors) recorded from tv4 1.3.0.
func TestExtraAPIMatchesTv4(t *testing.T) {
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
