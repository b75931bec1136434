// Package vectest runs JavaScript test vectors (expressions with expected
// JSON results recorded from the real npm packages under node) against a
// module loaded into a bare goja runtime. It is used by module tests only.
package vectest

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

// Vector is one recorded case: JS evaluates to a value whose JSON.stringify
// output (or thrown error message, prefixed "throws: ") is Want.
type Vector struct {
	Name string `json:"name"`
	JS   string `json:"js"`
	Want string `json:"want"`
}

// Compiler is a minimal modules.Compiler backed by goja.Compile.
type Compiler struct{}

// Compile compiles src as a non-strict script.
func (Compiler) Compile(name, src string) (*goja.Program, error) {
	return goja.Compile(name, src, false)
}

// Load reads the vectors file at path.
func Load(t testing.TB, path string) []Vector {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading vectors %s: %v", path, err)
	}
	var vs []Vector
	if err := json.Unmarshal(b, &vs); err != nil {
		t.Fatalf("parsing vectors %s: %v", path, err)
	}
	if len(vs) == 0 {
		t.Fatalf("no vectors in %s", path)
	}
	for _, v := range vs {
		if v.Want == "" {
			t.Fatalf("%s: vector %s (%s) has no expected value", path, v.Name, v.JS)
		}
	}
	return vs
}

// NewRuntime returns a runtime with mod loaded and its exports bound to the
// global variable named bind.
func NewRuntime(t testing.TB, mod modules.Module, bind string) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	if mod.Init != nil {
		if err := mod.Init(rt, Compiler{}); err != nil {
			t.Fatalf("init %s: %v", mod.Name, err)
		}
	}
	v, err := mod.Load(rt, Compiler{})
	if err != nil {
		t.Fatalf("loading %s: %v", mod.Name, err)
	}
	if err := rt.Set(bind, v); err != nil {
		t.Fatal(err)
	}
	return rt
}

// Eval evaluates one vector's expression and renders it as the generator does.
func Eval(rt *goja.Runtime, js string) string {
	v, err := rt.RunString("(function(){ try { var __s = JSON.stringify((" + js + ")); return __s === undefined ? 'undefined' : __s; } catch (e) { return 'throws: ' + (e && e.message); } })()")
	if err != nil {
		return "harness error: " + err.Error()
	}
	return v.String()
}

// Run checks every vector in path against mod bound as bind; setup, if not
// empty, is evaluated first in the same runtime.
func Run(t *testing.T, mod modules.Module, bind, path, setup string) {
	t.Helper()
	vs := Load(t, path)
	rt := NewRuntime(t, mod, bind)
	if setup != "" {
		if _, err := rt.RunString(setup); err != nil {
			t.Fatalf("setup: %v", err)
		}
	}
	for _, v := range vs {
		got := Eval(rt, v.JS)
		if got != v.Want {
			t.Errorf("%s: %s\n got: %s\nwant: %s", v.Name, v.JS, got, v.Want)
		}
	}
}

// CachingCompiler compiles each (name, source) once, as the sandbox's
// compiler does; for benchmarks of module loading.
type CachingCompiler struct{ progs map[string]*goja.Program }

// Compile returns the cached program for name, compiling it on first use.
func (c *CachingCompiler) Compile(name, src string) (*goja.Program, error) {
	if c.progs == nil {
		c.progs = map[string]*goja.Program{}
	}
	if p, ok := c.progs[name]; ok {
		return p, nil
	}
	p, err := goja.Compile(name, src, false)
	if err != nil {
		return nil, err
	}
	c.progs[name] = p
	return p, nil
}
