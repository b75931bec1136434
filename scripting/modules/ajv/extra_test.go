package ajv

import (
	"encoding/json"
	"testing"

	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

// TestExtraMatchesAjv6 compares errors with ajv 6.12.5's for
// testdata/extra_cases.json: propertyNames, dependencies, if/then/else,
// type placement within ajv's rule groups, refs, jsonPointers.
func TestExtraMatchesAjv6(t *testing.T) {
	vectest.Recorded(t, "testdata/extra_cases.json", "testdata/extra_expected.json", func(c json.RawMessage) any {
		return run(t, newRuntime(t), `var c = `+string(c)+`; var ajv = new Ajv(c.opts || {}); var valid = ajv.validate(c.schema, c.data);
			JSON.stringify({valid: valid, errors: ajv.errors, text: ajv.errorsText()})`)
	})
}

// TestExtraAPIMatchesAjv6 runs testdata/extra_api_cases.txt (refs between
// added schemas, ids, recursion, missing refs) recorded from ajv 6.12.5.
func TestExtraAPIMatchesAjv6(t *testing.T) {
	vectest.APICases(t, "testdata/extra_api_expected.json", newRuntime)
}
