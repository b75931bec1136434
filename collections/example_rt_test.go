package collections

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestRoundTripExamples round-trips the real collections under examples/.
func TestRoundTripExamples(t *testing.T) {
	files, _ := filepath.Glob("../examples/*/*.postman_collection.json")
	if len(files) == 0 {
		t.Skip("no example collections")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			orig, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			c, err := Load(f)
			if err != nil {
				t.Fatal(err)
			}
			out, err := c.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(decodeAny(t, orig), decodeAny(t, out)) {
				t.Fatal("round trip differs")
			}
		})
	}
}
