package cheerio

import (
	"os"
	"testing"

	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

func TestCheerioVectors(t *testing.T) {
	setup, err := os.ReadFile("testdata/setup.js")
	if err != nil {
		t.Fatal(err)
	}
	vectest.Run(t, Module(), "cheerio", "testdata/cheerio.json", string(setup))
}
