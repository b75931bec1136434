package scripting

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/eventloop"
	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/xml2js"
)

//go:embed js/sdk.js
var sdkSource string

// sdkRequestSource is the SDK's request side, compiled when a script first
// reads one of its classes (pm.request, Url, VariableList ...).
//
//go:embed js/sdk_request.js
var sdkRequestSource string

//go:embed js/pm.js
var pmSource string

// maxCallStack bounds JavaScript recursion (goja has no default bound).
const maxCallStack = 4000

// vm is one goja runtime with the sandbox globals installed. Like Postman's
// sandbox context it lives for the whole run: each script gets a fresh
// function scope, while implicit globals and prototype changes persist.
type vm struct {
	s      *Sandbox
	rt     *goja.Runtime
	loop   *eventloop.Loop
	begin  goja.Callable
	finish goja.Callable
	sdk    goja.Value
	loaded map[string]goja.Value
	cur    *runState
	chaiFn goja.Value
	// promises of the current run rejected with no handler (yet)
	rejected []*goja.Promise
}

func (s *Sandbox) newVM() (*vm, error) {
	rt := goja.New()
	rt.SetMaxCallStackSize(maxCallStack)
	v := &vm{s: s, rt: rt, loop: eventloop.New(rt), loaded: make(map[string]goja.Value)}
	g := rt.GlobalObject()
	v.loop.Install(g)
	rt.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) {
		if v.cur == nil {
			return
		}
		if op == goja.PromiseRejectionReject {
			v.rejected = append(v.rejected, p)
			return
		}
		for i, q := range v.rejected {
			if q == p {
				v.rejected = append(v.rejected[:i], v.rejected[i+1:]...)
				break
			}
		}
	})
	if err := v.installBase(); err != nil {
		return nil, err
	}
	// Module Init hooks: intrinsics now, globals (crypto, TextEncoder,
	// Buffer ...) on first use.
	names := make([]string, 0, len(s.mods))
	for n := range s.mods {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		m := s.mods[n]
		switch {
		case m.Init == nil:
		case len(m.InitGlobals) > 0:
			v.lazyInit(n, m)
		default:
			if err := m.Init(rt, s.comp); err != nil {
				return nil, fmt.Errorf("initialising module %s: %w", n, err)
			}
		}
	}
	// Lazy globals of modules (_, CryptoJS, tv4, cheerio ...).
	for _, n := range names {
		m := s.mods[n]
		for _, gname := range m.Globals {
			v.lazyGlobal(gname, n)
		}
	}
	sdkProg, err := s.comp.Compile("postman-collection.js", sdkSource)
	if err != nil {
		return nil, fmt.Errorf("compiling sdk: %w", err)
	}
	sdkFactory, err := rt.RunProgram(sdkProg)
	if err != nil {
		return nil, fmt.Errorf("running sdk: %w", err)
	}
	mk, _ := goja.AssertFunction(sdkFactory)
	if v.sdk, err = mk(goja.Undefined(), rt.ToValue(v.sdkPart)); err != nil {
		return nil, fmt.Errorf("setting up sdk: %w", err)
	}
	v.installNative()
	pmProg, err := s.comp.Compile("pm.js", pmSource)
	if err != nil {
		return nil, fmt.Errorf("compiling pm api: %w", err)
	}
	factory, err := rt.RunProgram(pmProg)
	if err != nil {
		return nil, fmt.Errorf("running pm api: %w", err)
	}
	fn, _ := goja.AssertFunction(factory)
	hooks, err := fn(goja.Undefined(), v.hostObject(), v.sdk, g)
	if err != nil {
		return nil, fmt.Errorf("setting up pm api: %w", err)
	}
	ho := hooks.ToObject(rt)
	v.begin, _ = goja.AssertFunction(ho.Get("begin"))
	v.finish, _ = goja.AssertFunction(ho.Get("finish"))
	v.chaiFn = rt.ToValue(func() goja.Value {
		c, err := v.require("chai")
		if err != nil {
			return goja.Undefined()
		}
		return c
	})
	return v, nil
}

// sdkPart compiles and runs the SDK part sdk.js asks for by name and
// returns its factory.
func (v *vm) sdkPart(name string) (goja.Value, error) {
	if name != sdkRequestName {
		return nil, fmt.Errorf("sdk: no part %q", name)
	}
	prog, err := v.s.comp.Compile(name, sdkRequestSource)
	if err != nil {
		return nil, fmt.Errorf("compiling sdk part %s: %w", name, err)
	}
	return v.rt.RunProgram(prog)
}

// sdkRequestName is the name sdk.js loads its request side by.
const sdkRequestName = "postman-collection-request.js"

// installBase sets up require, console and removes what a sandbox must not have.
func (v *vm) installBase() error {
	rt := v.rt
	g := rt.GlobalObject()
	_ = g.Set("require", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		val, err := v.require(name)
		if err != nil {
			panic(v.jsError("Error", err.Error()))
		}
		return val
	})
	con := rt.NewObject()
	for _, level := range []string{"log", "info", "warn", "error", "debug"} {
		level := level
		_ = con.Set(level, func(call goja.FunctionCall) goja.Value {
			v.console(level, call.Arguments)
			return goja.Undefined()
		})
	}
	_ = con.Set("clear", func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	_ = g.Set("console", con)
	// legacy xml2Json(xml): xml2js's explicitArray=false conversion
	// Like Postman's proxied legacy globals it warns once per script, when called.
	_ = g.Set("xml2Json", func(call goja.FunctionCall) goja.Value {
		v.warnLegacyOnce("xml2Json", "require('xml2js')")
		return xml2js.ToJSON(rt, call.Argument(0).String())
	})
	// Bound string growth: a memory bomb through repeat/padStart/padEnd ends
	// with V8's RangeError instead of an allocation the process cannot survive.
	guard, err := v.s.comp.Compile("postie:guards.js", guardSource)
	if err == nil {
		_, err = rt.RunProgram(guard)
	}
	if err != nil {
		return fmt.Errorf("installing guards: %w", err)
	}
	return nil
}

// lazyInit defines module m's InitGlobals as accessors that run its Init on
// the first read or assignment of any of them. The accessors are removed
// before Init runs, so Init sees the globals as absent and defines them.
func (v *vm) lazyInit(name string, m modules.Module) {
	rt := v.rt
	g := rt.GlobalObject()
	done := false
	initOnce := func() {
		if done {
			return
		}
		done = true
		for _, gn := range m.InitGlobals {
			_ = g.Delete(gn)
		}
		if err := m.Init(rt, v.s.comp); err != nil {
			panic(v.jsError("Error", fmt.Sprintf("initialising module %s: %v", name, err)))
		}
	}
	for _, gn := range m.InitGlobals {
		getter := rt.ToValue(func(goja.FunctionCall) goja.Value {
			initOnce()
			return g.Get(gn)
		})
		setter := rt.ToValue(func(call goja.FunctionCall) goja.Value {
			initOnce()
			_ = g.Set(gn, call.Argument(0))
			return goja.Undefined()
		})
		_ = g.DefineAccessorProperty(gn, getter, setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// maxStringLength mirrors V8's string length limit (2^29 - 24 UTF-16 units).
const maxStringLength = 1<<29 - 24

var guardSource = fmt.Sprintf(`(function(){
  var max = %d, P = String.prototype;
  ['repeat','padStart','padEnd'].forEach(function(name){
    var orig = P[name];
    Object.defineProperty(P, name, {configurable: true, writable: true, value: function(n){
      var len = String(this).length, want = name === 'repeat' ? len * Math.floor(Number(n)) : Number(n);
      if (want > max) { throw new RangeError('Invalid string length'); }
      return orig.apply(this, arguments);
    }});
  });
  // %%TypedArray%%.from takes any iterable or array-like, strings included
  // (Uint8Array.from(atob(b64), c => c.charCodeAt(0))); goja wants an object.
  var TA = Object.getPrototypeOf(Int8Array), taFrom = TA.from;
  Object.defineProperty(TA, 'from', {configurable: true, writable: true, value: function from(source) {
    var args = Array.prototype.slice.call(arguments);
    if (source !== null && source !== undefined && typeof source !== 'object' && typeof source !== 'function') {
      args[0] = Array.from(source);
    }
    return taFrom.apply(this, args);
  }});
  // Postman's sandbox loads Sugar, whose String#has(find) is common in legacy
  // tests: find is a RegExp or a literal string.
  Object.defineProperty(P, 'has', {configurable: true, writable: true, value: function has(find){
    if (!(find instanceof RegExp)) { find = String(find).replace(/([\\/'*+?|()\[\]{}.^$])/g, '\\$1'); }
    return String(this).search(find) !== -1;
  }});
})()`, maxStringLength)

// legacyGlobalAlternatives are the module globals Postman's sandbox warns
// about (once per script) when a script uses them.
var legacyGlobalAlternatives = map[string]string{
	"_": "require('lodash')", "CryptoJS": "require('crypto-js')", "atob": "require('atob')",
	"btoa": "require('btoa')", "tv4": "require('ajv')", "cheerio": "require('cheerio')",
}

// lazyGlobal defines global name as an accessor that loads module mod on
// first use. Legacy library globals stay accessors: as in Postman, a script
// that reads one gets a proxy that logs the deprecation warning (once per
// script) when the library is used (a property read or assignment, a
// call), not when it is merely named (typeof _, var x = CryptoJS). Once the
// script has been warned the global reads as the library itself.
// Assigning the global replaces it with a plain value.
func (v *vm) lazyGlobal(name, mod string) {
	rt := v.rt
	g := rt.GlobalObject()
	alt, legacy := legacyGlobalAlternatives[name]
	var cached, proxy goja.Value
	getter := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		if cached == nil {
			val, err := v.globalOf(name, mod)
			if err != nil {
				panic(v.jsError("Error", err.Error()))
			}
			cached = val
			if !legacy {
				_ = g.DefineDataProperty(name, val, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			}
		}
		if !legacy || v.cur == nil || v.cur.warned[name] {
			return cached
		}
		if proxy == nil {
			proxy = v.warningProxy(cached, func() { v.warnLegacyOnce(name, alt) })
		}
		return proxy
	})
	setter := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		_ = g.DefineDataProperty(name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return goja.Undefined()
	})
	_ = g.DefineAccessorProperty(name, getter, setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// warningProxy wraps target (an object or function) in a proxy that calls
// warn before any property read or assignment, call or construction, then
// does it on target. Other values are returned as they are.
func (v *vm) warningProxy(target goja.Value, warn func()) goja.Value {
	obj, ok := target.(*goja.Object)
	if !ok {
		return target
	}
	fn, _ := goja.AssertFunction(obj)
	ctor, _ := goja.AssertConstructor(obj)
	cfg := &goja.ProxyTrapConfig{
		Get:    func(t *goja.Object, p string, _ goja.Value) goja.Value { warn(); return t.Get(p) },
		GetIdx: func(t *goja.Object, i int, _ goja.Value) goja.Value { warn(); return t.Get(strconv.Itoa(i)) },
		GetSym: func(t *goja.Object, p *goja.Symbol, _ goja.Value) goja.Value { warn(); return t.GetSymbol(p) },
		Set: func(t *goja.Object, p string, val goja.Value, _ goja.Value) bool {
			warn()
			return t.Set(p, val) == nil
		},
	}
	if fn != nil {
		cfg.Apply = func(_ *goja.Object, this goja.Value, args []goja.Value) goja.Value {
			warn()
			res, err := fn(this, args...)
			if err != nil {
				panic(err)
			}
			return res
		}
	}
	if ctor != nil {
		cfg.Construct = func(_ *goja.Object, args []goja.Value, newTarget *goja.Object) *goja.Object {
			warn()
			res, err := ctor(newTarget, args...)
			if err != nil {
				panic(err)
			}
			return res
		}
	}
	return v.rt.ToValue(v.rt.NewProxy(obj, cfg))
}

// warnLegacyOnce logs Postman's deprecation warning for legacy global name
// the first time the current script uses it.
func (v *vm) warnLegacyOnce(name, alt string) {
	if v.cur == nil || v.cur.warned[name] {
		return
	}
	if v.cur.warned == nil {
		v.cur.warned = map[string]bool{}
	}
	v.cur.warned[name] = true
	v.console("warn", []goja.Value{v.rt.ToValue("Using \"" + name + "\" is deprecated. Use \"" + alt + "\" instead.")})
}

// globalOf returns the value of a module's global: the module's exports, or
// the export of the same name when the exports object has one (a module
// may expose several globals, e.g. atob and btoa).
func (v *vm) globalOf(name, mod string) (goja.Value, error) {
	exp, err := v.require(mod)
	if err != nil {
		return nil, err
	}
	if len(v.s.mods[mod].Globals) > 1 {
		if o, ok := exp.(*goja.Object); ok {
			if x := o.Get(name); x != nil && !goja.IsUndefined(x) {
				return x, nil
			}
		}
	}
	return exp, nil
}

// require returns a built-in module's exports.
func (v *vm) require(name string) (goja.Value, error) {
	if val, ok := v.loaded[name]; ok {
		return val, nil
	}
	if name == "postman-collection" {
		v.loaded[name] = v.sdk
		return v.sdk, nil
	}
	m, ok := v.s.mods[name]
	if !ok {
		if strings.HasPrefix(name, "node:") {
			if m2, ok2 := v.s.mods[strings.TrimPrefix(name, "node:")]; ok2 {
				m, ok = m2, true
			}
		}
	}
	if !ok || m.Load == nil {
		return nil, fmt.Errorf("Cannot find module '%s'", name)
	}
	val, err := m.Load(v.rt, v.s.comp)
	if err != nil {
		return nil, fmt.Errorf("loading module '%s': %w", name, err)
	}
	v.loaded[name] = val
	return val, nil
}

// jsError makes a JavaScript error object of the given constructor name.
func (v *vm) jsError(ctor, msg string) *goja.Object {
	c, ok := goja.AssertConstructor(v.rt.GlobalObject().Get(ctor))
	if !ok {
		return v.rt.NewGoError(fmt.Errorf("%s", msg))
	}
	o, err := c(nil, v.rt.ToValue(msg))
	if err != nil {
		return v.rt.NewGoError(fmt.Errorf("%s", msg))
	}
	return o
}
