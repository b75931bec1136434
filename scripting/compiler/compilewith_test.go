package compiler

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dop251/goja"
)

func TestCompileWithBuildsOnce(t *testing.T) {
	cases := []struct {
		name, text string
		err        error
	}{
		{"program with aux", "1+2", nil},
		{"build error cached", "broken", errors.New("no")},
	}
	c := New(0)
	for _, tc := range cases {
		var builds atomic.Int32
		build := func() (*goja.Program, any, error) {
			builds.Add(1)
			if tc.err != nil {
				return nil, nil, tc.err
			}
			p, err := goja.Compile("x", tc.text, false)
			return p, "aux:" + tc.text, err
		}
		var wg sync.WaitGroup
		progs := make([]*goja.Program, 4)
		auxes := make([]any, 4)
		errs := make([]error, 4)
		for i := range 4 {
			wg.Go(func() { progs[i], auxes[i], errs[i] = c.CompileWith(tc.text, build) })
		}
		wg.Wait()
		if n := builds.Load(); n != 1 {
			t.Errorf("%s: built %d times, want 1", tc.name, n)
		}
		for i := range 4 {
			if !errors.Is(errs[i], tc.err) || progs[i] != progs[0] {
				t.Errorf("%s: call %d got %v %v, want the shared program and error %v", tc.name, i, progs[i], errs[i], tc.err)
			}
			if tc.err == nil && auxes[i] != "aux:"+tc.text {
				t.Errorf("%s: call %d aux %v", tc.name, i, auxes[i])
			}
		}
	}
	if _, _, err := c.CompileWith("1+2", nil); err != nil { // cached: build is not called
		t.Fatal(err)
	}
}
