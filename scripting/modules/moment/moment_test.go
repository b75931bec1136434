package moment

import (
	"os"
	"testing"
	"time"

	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

// The vectors were recorded with TZ=America/New_York (DST transitions
// included), so the tests run in that zone.
func TestMain(m *testing.M) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	time.Local = loc
	os.Exit(m.Run())
}

func TestMomentVectors(t *testing.T) {
	vectest.Run(t, Module(), "moment", "testdata/moment.json", "")
}
