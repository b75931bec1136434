package chai

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// testCompiler compiles and caches programs like the sandbox's compiler.
type testCompiler struct {
	mu    sync.Mutex
	cache map[string]*goja.Program
}

func (c *testCompiler) Compile(name, src string) (*goja.Program, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.cache[name]; ok {
		return p, nil
	}
	p, err := goja.Compile(name, src, false)
	if err != nil {
		return nil, err
	}
	if c.cache == nil {
		c.cache = map[string]*goja.Program{}
	}
	c.cache[name] = p
	return p, nil
}

var compiler = &testCompiler{}

// newRuntime returns a runtime with chai loaded as the global `chai`, plus
// `expect` and `assert`.
func newRuntime(t testing.TB) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	exports, err := Module().Load(rt, compiler)
	if err != nil {
		t.Fatalf("loading chai: %v", err)
	}
	obj := exports.ToObject(rt)
	for name, v := range map[string]goja.Value{"chai": exports, "expect": obj.Get("expect"), "assert": obj.Get("assert")} {
		if err := rt.Set(name, v); err != nil {
			t.Fatal(err)
		}
	}
	return rt
}

// outcome runs code and reports the thrown error's name and message.
func outcome(rt *goja.Runtime, code string) (name, message string, threw bool, err error) {
	fn, err := rt.RunString("(function () {\n" + code + "\n})")
	if err != nil {
		return "", "", false, err
	}
	call, _ := goja.AssertFunction(fn)
	timer := time.AfterFunc(5*time.Second, func() { rt.Interrupt("case ran for 5s") })
	defer timer.Stop()
	_, err = call(goja.Undefined())
	if err == nil {
		return "", "", false, nil
	}
	ex, ok := err.(*goja.Exception)
	if !ok {
		return "", "", false, err
	}
	v := ex.Value()
	o, ok := v.(*goja.Object)
	if !ok {
		return "", v.String(), true, nil
	}
	return o.Get("name").String(), o.Get("message").String(), true, nil
}

type expectedCase struct {
	Code  string `json:"code"`
	Error *struct {
		Name    string `json:"name"`
		Message string `json:"message"`
	} `json:"error"`
}

// TestMatchesChai runs every recorded case and compares with real chai.
func TestMatchesChai(t *testing.T) {
	raw, err := os.ReadFile("testdata/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []expectedCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatalf("parsing testdata/expected.json: %v", err)
	}
	if len(cases) < 150 {
		t.Fatalf("only %d cases", len(cases))
	}
	failed := 0
	shared := newRuntime(t)
	for _, c := range cases {
		// Cases that change chai (config, plugins) get a runtime of their own.
		rt := shared
		if strings.Contains(c.Code, "chai.") {
			rt = newRuntime(t)
		}
		name, msg, threw, err := outcome(rt, c.Code)
		if err != nil {
			t.Errorf("%s\n  could not run: %v", c.Code, err)
			failed++
			continue
		}
		switch {
		case c.Error == nil && threw:
			t.Errorf("%s\n  want pass, got %s: %s", c.Code, name, msg)
			failed++
		case c.Error != nil && !threw:
			t.Errorf("%s\n  want %s: %s, got pass", c.Code, c.Error.Name, c.Error.Message)
			failed++
		case c.Error != nil && (name != c.Error.Name || msg != c.Error.Message):
			t.Errorf("%s\n  want %s: %q\n  got  %s: %q", c.Code, c.Error.Name, c.Error.Message, name, msg)
			failed++
		}
	}
	t.Logf("%d cases, %d match chai exactly", len(cases), len(cases)-failed)
}

// TestFlagIsolation checks that each chain word hands on a copy of the
// flags, as chai does, so that flags set later on one assertion are not seen
// by assertions already derived from it, while a chainable method shares
// its assertion's flags. Outcomes recorded from chai 4.4.1 under node.
func TestFlagIsolation(t *testing.T) {
	cases := []struct{ name, code, want string }{
		{"chain word copies", `var e = expect(1); var t = e.to; t.not; e.to.equal(1);`, ""},
		{"earlier copy unaffected", `var e = expect(1).to; var b = e.be; e.not; b.equal(1);`, ""},
		{"flag set on source reaches later copies", `var e = expect(1).to; e.not; e.be.equal(2);`, ""},
		{"method result unaffected by later flags", `var e = expect([1, 2]).to; var r = e.include(1); e.not; r.and.include(2);`, ""},
		{"chainable shares flags with its assertion", `var e = expect([1]).to; var w = e.include; w.not; e.include(2);`, ""},
		{"property result keeps its object", `var e = expect({a: {b: 1}}).to; var p = e.have.property('a'); e.not; p.that.has.property('b');`, ""},
		{"reused assertion", `var e = expect(5); for (var i = 0; i < 2000; i++) e.to.be.a('number'); e.not.to.be.a('string'); e.to.equal(5);`, "expected 5 to not equal 5"},
		{"reused after not fails", `var e = expect(5); e.not; e.to.equal(5);`, "expected 5 to not equal 5"},
		{"copy taken after flag sees it", `var e = expect({a: 1}); var d = e.deep; var x = d.to; d.not; x.equal({a: 1});`, ""},
	}
	rt := newRuntime(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, msg, threw, err := outcome(rt, c.code)
			if err != nil {
				t.Fatal(err)
			}
			if threw != (c.want != "") || msg != c.want {
				t.Errorf("%s\n  got threw=%v %q, want %q", c.code, threw, msg, c.want)
			}
		})
	}
}
