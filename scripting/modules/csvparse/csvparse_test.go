package csvparse

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

func TestCSVParseVectors(t *testing.T) {
	vectest.Run(t, Module(), "parse", "testdata/csv.json", "")
}

// csv4.json was recorded with csv-parse 4's lib/sync, the API shape of
// csv-parse/sync.
func TestSyncModuleVectors(t *testing.T) {
	vectest.Run(t, SyncModule(), "m", "testdata/csv4.json", "var parse = m.parse;")
}

func TestSyncModuleShape(t *testing.T) {
	rt := vectest.NewRuntime(t, SyncModule(), "m")
	v, err := rt.RunString(`JSON.stringify(m.parse('a,b\n1,2', {columns: true, skip_empty_lines: true}))`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.String(), `[{"a":"1","b":"2"}]`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	_ = goja.Undefined()
}
