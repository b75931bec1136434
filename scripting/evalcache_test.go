package scripting

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/environments"
)

// genLibrary writes a ~20 KB library in the shape of jsrsasign: top-level
// functions and vars, a read of the caller's `navigator` at load time, a
// global it may shadow (CryptoJS) and mutable state kept in its closure.
func genLibrary() string {
	var b strings.Builder
	b.WriteString("var LIB_APP = navigator.appName;\n")
	b.WriteString("var CryptoJS = CryptoJS || {mine: true};\n")
	b.WriteString("var LIB_COUNTER = 0;\nfunction lib_next() { LIB_COUNTER++; return LIB_COUNTER; }\n")
	b.WriteString("function lib_throw() { var o = null; return o.boom; }\n")
	b.WriteString("var LIB = {sum: function () { var s = 0; for (var i = 0; i < arguments.length; i++) { s += arguments[i]; } return s; }};\n")
	for i := 0; b.Len() < 20<<10; i++ {
		fmt.Fprintf(&b, "function lib_f%d(x) { return (x * %d + %d) %% 1000003; }\n", i, i+1, i*7)
	}
	b.WriteString("'library loaded';\n")
	return b.String()
}

// evalRun runs src with the library in the global variable "lib" and
// returns the names of its pm.test calls (scripts report values that way).
func evalRun(t *testing.T, s *Sandbox, src string) ([]string, *Result) {
	t.Helper()
	ex := newExec("prerequest")
	ex.Vars.Globals = environments.NewList(v("lib", genLibrary()))
	res := s.Run(context.Background(), Script{Name: "evals", Source: src}, ex)
	var names []string
	for _, tr := range res.Tests {
		names = append(names, tr.Name)
	}
	return names, res
}

func TestEvalRewriteSemantics(t *testing.T) {
	if len(genLibrary()) < bigEvalSize {
		t.Fatalf("generated library is %d bytes, below the %d threshold", len(genLibrary()), bigEvalSize)
	}
	cases := []struct {
		name, src string
		want      []string
	}{
		{"small eval sees locals", `var a = 2; var r = eval('a + 1'); pm.test('r=' + r);`, []string{"r=3"}},
		{"small eval declares in the caller's scope", `eval('var q = 5'); pm.test('q=' + q + ',' + typeof globalThis.q);`, []string{"q=5,undefined"}},
		{"small eval inside a function sees its locals", `function f(p) { var w = 'in'; return eval('p + w'); } pm.test(f('x'));`, []string{"xin"}},
		{"non-string eval argument", `pm.test('v=' + eval(7) + ',' + eval());`, []string{"v=7,undefined"}},
		{"nested eval", `var n = 4; pm.test('n=' + eval(eval('"n * 2"')));`, []string{"n=8"}},
		{"eval in a string or comment is left alone", "var s = 'eval(1)'; // eval(2)\npm.test(s);", []string{"eval(1)"}},
		{"redeclared eval is not rewritten", `var eval = function (x) { return 'mine:' + x; }; pm.test(eval('a'));`, []string{"mine:a"}},
		{"large eval: library works, sees the caller's navigator",
			`var navigator = {appName: 'Netscape'}, window = {};
eval(pm.globals.get('lib'));
pm.test([LIB_APP, LIB.sum(1, 2, 3), lib_f3(10), lib_next(), lib_next()].join());`,
			[]string{"Netscape,6,61,1,2"}},
		{"large eval: the library's own var shadows a sandbox global in the script",
			`var navigator = {};
eval(pm.globals.get('lib'));
pm.test('mine=' + CryptoJS.mine);`, []string{"mine=true"}},
		{"large eval: sandbox global intact in the next script",
			`pm.test('mine=' + CryptoJS.mine + ',' + typeof CryptoJS.SHA256);`, []string{"mine=undefined,function"}},
		{"large eval: assigns a variable the user declared",
			`var navigator = {}; var lib_next = 'before'; var LIB_APP;
eval(pm.globals.get('lib'));
pm.test(typeof lib_next + ',' + LIB_APP);`, []string{"function,undefined"}},
		{"large eval inside a function", `var navigator = {};
function load() { eval(pm.globals.get('lib')); return lib_f1(1); }
pm.test('f=' + load());`, []string{"f=9"}},
		{"large source closing the wrapper early is eval'd as written (a syntax error)",
			`var pad = new Array(20000).join('x');
try { eval("var p = '" + pad + "'; }); globalThis.escaped = 1; (function(){"); } catch (e) { pm.test(e.name + ',' + typeof escaped); }`,
			[]string{"SyntaxError,undefined"}},
		{"large eval: fresh library state each time", `var navigator = {};
eval(pm.globals.get('lib')); pm.test('c=' + lib_next());`, []string{"c=1"}},
	}
	s := New(Options{})
	defer s.Close()
	for _, c := range cases {
		got, res := evalRun(t, s, c.src)
		if res.Err != nil {
			t.Errorf("%s: %v", c.name, res.Err)
			continue
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestEvalLargeSourceCompiledOnce(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	src := `var navigator = {appName: 'N'}, window = {};
var t0 = Date.now();
eval(pm.globals.get('lib'));
pm.test('ok=' + LIB.sum(lib_f2(1), 1) + ',' + LIB_APP);`
	var cached int
	for i := range 5 {
		start := time.Now()
		got, res := evalRun(t, s, src)
		took := time.Since(start)
		if res.Err != nil {
			t.Fatalf("run %d: %v", i+1, res.Err)
		}
		if len(got) != 1 || got[0] != "ok=18,N" {
			t.Fatalf("run %d: got %q", i+1, got)
		}
		t.Logf("run %d: script with a %d KB eval took %v", i+1, len(genLibrary())>>10, took)
		if i == 1 {
			cached = s.comp.Len()
		}
		if i > 1 && s.comp.Len() != cached {
			t.Errorf("run %d: compiler cache grew from %d to %d entries", i+1, cached, s.comp.Len())
		}
	}
	if s.evals.compiles != 1 {
		t.Errorf("large eval source compiled %d times, want 1", s.evals.compiles)
	}
}

// TestEvalRewriteErrorPositions checks that errors report the same line,
// column and message with the eval rewrite as without it (goja compiling
// the script as written).
func TestEvalRewriteErrorPositions(t *testing.T) {
	cases := []struct{ name, src string }{
		{"after a large eval on line 1", `var navigator = {}; eval(pm.globals.get('lib')); var z; z.foo;`},
		{"after a large eval on line 3", "var navigator = {};\n\n  eval(pm.globals.get('lib')); var z; z.foo;"},
		{"after two evals on one line", "var navigator = {};\neval(pm.globals.get('lib')), eval('1'); missing();"},
		{"after a nested eval", "var navigator = {};\neval(eval('pm.globals.get(\\'lib\\')')); null.q;"},
		{"before an eval on the same line", "var navigator = {};\nmissing(); eval(pm.globals.get('lib'));"},
		{"thrown inside a large eval'd library", "var navigator = {};\neval(pm.globals.get('lib')); lib_throw();"},
		{"thrown inside small eval'd code", "var a = 1;\n  eval('null.x');"},
		{"thrown inside a large eval'd source", "var navigator = {};\n  eval(pm.globals.get('lib') + '\\nnull.y;');"},
		{"syntax error in large eval'd source", "var navigator = {};\n  eval(pm.globals.get('lib') + '\\n)');"},
		{"syntax error in the script itself", "var navigator = {};\n  eval(pm.globals.get('lib')); var = 1;"},
	}
	on, off := New(Options{}), New(Options{})
	off.evals.disabled = true
	defer on.Close()
	defer off.Close()
	for _, c := range cases {
		_, want := evalRun(t, off, c.src)
		_, got := evalRun(t, on, c.src)
		if want.Err == nil || got.Err == nil {
			t.Errorf("%s: errors %v (rewritten), %v (as written); want both", c.name, got.Err, want.Err)
			continue
		}
		if got.Err.Line != want.Err.Line || got.Err.Column != want.Err.Column || got.Err.Message != want.Err.Message {
			t.Errorf("%s: rewritten reports %d:%d %q, as written %d:%d %q", c.name,
				got.Err.Line, got.Err.Column, got.Err.Message, want.Err.Line, want.Err.Column, want.Err.Message)
		}
		if want.Err.Line < 1 {
			t.Errorf("%s: no position in %v", c.name, want.Err)
		}
	}
	if on.evals.compiles == 0 || off.evals.compiles != 0 {
		t.Errorf("large eval compiles: %d with the rewrite, %d without", on.evals.compiles, off.evals.compiles)
	}
}

// BenchmarkEvalLargeSource runs a script that evals the generated library,
// with the compile cache (rewrite) and without it (goja compiling each eval).
func BenchmarkEvalLargeSource(b *testing.B) {
	for _, disabled := range []bool{false, true} {
		name := "cached"
		if disabled {
			name = "uncached"
		}
		b.Run(name, func(b *testing.B) {
			s := New(Options{})
			defer s.Close()
			s.evals.disabled = disabled
			ex := newExec("prerequest")
			ex.Vars.Globals = environments.NewList(v("lib", genLibrary()))
			script := Script{Name: "bench", Source: "var navigator = {};\neval(pm.globals.get('lib'));\nlib_f1(2);"}
			for b.Loop() {
				if res := s.Run(context.Background(), script, ex); res.Err != nil {
					b.Fatal(res.Err)
				}
			}
		})
	}
}
