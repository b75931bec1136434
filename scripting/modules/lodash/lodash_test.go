package lodash

import (
	"testing"

	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

func TestLodash4Vectors(t *testing.T) {
	vectest.Run(t, Module(), "_", "testdata/lodash4.json", "")
}

func TestLodash3Vectors(t *testing.T) {
	vectest.Run(t, Legacy(), "_", "testdata/lodash3.json", "")
}
