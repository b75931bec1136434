package vectest

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/dop251/goja"
)

// ReadJSON decodes the JSON file at path into dst, failing t on error.
func ReadJSON(t testing.TB, path string, dst any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// Recorded compares eval(case) with the recorded outcome for each case of
// casesFile (a JSON array) and the same position of wantFile, reporting
// each difference; it returns how many of the cases matched exactly.
func Recorded(t *testing.T, casesFile, wantFile string, eval func(c json.RawMessage) any) (same, of int) {
	t.Helper()
	var cases []json.RawMessage
	var want []any
	ReadJSON(t, casesFile, &cases)
	ReadJSON(t, wantFile, &want)
	if len(cases) != len(want) {
		t.Fatalf("%d cases but %d expectations", len(cases), len(want))
	}
	for i, c := range cases {
		got := eval(c)
		if !reflect.DeepEqual(got, want[i]) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want[i])
			t.Errorf("case %d %s\n  want %s\n  got  %s", i, c, w, g)
			continue
		}
		same++
	}
	return same, len(cases)
}

// APICase is one recorded API scenario: Code evaluates to a value whose
// JSON is Result.
type APICase struct {
	Code   string `json:"code"`
	Result string `json:"result"`
}

// APICases runs each scenario of file (a JSON array of APICase) in a fresh
// runtime from newRuntime and compares the JSON of its value with Result.
func APICases(t *testing.T, file string, newRuntime func(testing.TB) *goja.Runtime) {
	t.Helper()
	var cases []APICase
	ReadJSON(t, file, &cases)
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
