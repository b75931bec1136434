package compiler

import (
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
)

func TestCompileCachesBySource(t *testing.T) {
	c := New(0)
	tests := []struct {
		name, src string
		wantErr   bool
	}{
		{"a", "1+1", false},
		{"b", "var x = ;", true},
		{"c", "function f(){ return 3 } f()", false},
	}
	for _, tt := range tests {
		p1, err1 := c.Compile(tt.name, tt.src)
		p2, err2 := c.Compile("other", tt.src)
		if (err1 != nil) != tt.wantErr || (err2 != nil) != tt.wantErr {
			t.Fatalf("%s: err %v / %v, wantErr %v", tt.name, err1, err2, tt.wantErr)
		}
		if p1 != p2 {
			t.Errorf("%s: second compile returned a different program", tt.name)
		}
	}
	if c.Len() != len(tests) {
		t.Errorf("Len = %d, want %d", c.Len(), len(tests))
	}
	rt := goja.New()
	p, _ := c.Compile("c", "function f(){ return 3 } f()")
	v, err := rt.RunProgram(p)
	if err != nil || v.ToInteger() != 3 {
		t.Fatalf("run: %v %v", v, err)
	}
}

func TestCompileBoundedAndConcurrent(t *testing.T) {
	c := New(4)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if _, err := c.Compile("x", string(rune('a'+i%20))+"=1"); err != nil {
					t.Error(err)
				}
			}
		}(g)
	}
	wg.Wait()
	if c.Len() > 4 {
		t.Errorf("cache grew to %d entries, max 4", c.Len())
	}
}

func BenchmarkCompileCached(b *testing.B) {
	c := New(0)
	src := "pm.test('status', function(){ pm.response.to.have.status(200) })"
	for i := 0; i < b.N; i++ {
		if _, err := c.Compile("s", src); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCompileOnceInFlight checks that concurrent and warmed compiles of one
// source share a single program (the source is compiled once).
func TestCompileOnceInFlight(t *testing.T) {
	for _, tc := range []struct {
		name string
		warm bool
	}{{"concurrent", false}, {"warmed", true}} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(0)
			src := "var big = [" + strings.Repeat("{a: 1, b: [2, 3]},", 2000) + "]; big.length"
			if tc.warm {
				c.Warm([2]string{"big.js", src}, [2]string{"bad.js", "var x = ;"})
			}
			progs := make([]*goja.Program, 8)
			var wg sync.WaitGroup
			for i := range progs {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					p, err := c.Compile("big.js", src)
					if err != nil {
						t.Error(err)
					}
					progs[i] = p
				}(i)
			}
			wg.Wait()
			for i, p := range progs {
				if p == nil || p != progs[0] {
					t.Fatalf("call %d got program %p, call 0 got %p: compiled more than once", i, p, progs[0])
				}
			}
			if _, err := c.Compile("bad.js", "var x = ;"); err == nil {
				t.Error("syntax error not reported")
			}
		})
	}
}
