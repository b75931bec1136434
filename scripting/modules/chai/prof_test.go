package chai

import (
	"os"
	"testing"

	"github.com/dop251/goja"
)

// TestJSProfile writes a goja profile of the script in CHAI_JSPROF, run
// 3000 times with expect, assert and chai as globals, to CHAI_JSPROF_OUT
// (default /tmp/chai.prof); read it with go tool pprof.
func TestJSProfile(t *testing.T) {
	src := os.Getenv("CHAI_JSPROF")
	if src == "" {
		t.Skip("CHAI_JSPROF not set")
	}
	out := os.Getenv("CHAI_JSPROF_OUT")
	if out == "" {
		out = "/tmp/chai.prof"
	}
	rt := newRuntime(t)
	fn, err := rt.RunString("(function () {\n" + src + "\n})")
	if err != nil {
		t.Fatal(err)
	}
	call, _ := goja.AssertFunction(fn)
	if _, err := call(goja.Undefined()); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := goja.StartProfile(f); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3000; i++ {
		if _, err := call(goja.Undefined()); err != nil {
			t.Fatal(err)
		}
	}
	goja.StopProfile()
}
