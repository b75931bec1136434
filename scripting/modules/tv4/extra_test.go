package tv4

import (
	"encoding/json"
	"testing"

	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

// TestExtraMatchesTv4 compares validate and validateMultiple with tv4 1.3.0
// for testdata/extra_cases.json: evaluation order, refs, multipleOf
// rounding, UTF-16 lengths, exclusive limits.
func TestExtraMatchesTv4(t *testing.T) {
	vectest.Recorded(t, "testdata/extra_cases.json", "testdata/extra_expected.json", func(c json.RawMessage) any {
		return run(t, newRuntime(t), harness+"both("+string(c)+")")
	})
}

// TestExtraAPIMatchesTv4 runs testdata/extra_api_cases.txt (refs into added
// schemas, missing refs, recursion, format errors) recorded from tv4 1.3.0.
func TestExtraAPIMatchesTv4(t *testing.T) {
	vectest.APICases(t, "testdata/extra_api_expected.json", newRuntime)
}
