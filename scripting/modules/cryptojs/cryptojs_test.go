package cryptojs

import (
	"os"
	"testing"

	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

// TestVectors checks expressions whose results were recorded from the real
// crypto-js 3.3.0 under node (testdata/cases.txt -> testdata/vectors.json).
func TestVectors(t *testing.T) {
	setup, err := os.ReadFile("testdata/setup.js")
	if err != nil {
		t.Fatal(err)
	}
	vectest.Run(t, Module(), "CryptoJS", "testdata/vectors.json", string(setup))
}
