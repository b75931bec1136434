package encoding

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

func newRT(t *testing.T) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	if err := Init(rt, vectest.Compiler{}); err != nil {
		t.Fatal(err)
	}
	return rt
}

// Expected values recorded from Newman 6 (postman-sandbox 4.7.1) scripts.
func TestAtobBtoaMatchNewman(t *testing.T) {
	rt := newRT(t)
	cases := []struct{ js, want string }{
		{`atob("YWJj")`, "abc"}, {`atob("YWJ")`, "ab"}, {`atob("YW")`, "a"}, {`atob("Y")`, ""},
		{`atob("")`, ""}, {`atob("YQ==")`, "a"}, {`atob("YQ=")`, "a"}, {`atob("YQ=x")`, "a"},
		{`atob("Y=Q")`, ""}, {`atob("YW Jj")`, "abc"}, {`atob("YW\nJj")`, "abc"},
		{`atob("-_8")`, "\u00fb\u00ff"}, {`atob("+/8")`, "\u00fb\u00ff"}, {`atob("!!!")`, ""},
		{`atob("YWJj====YWJj")`, "abc"}, {`atob("YQ==YQ==")`, "a"}, {`atob("YWJjZA")`, "abcd"},
		{`atob("Y WJ jZA==")`, "abcd"}, {`atob("\u00e9YQ")`, "a"}, {`atob("YWJjZ")`, "abc"},
		{`atob("YWJjZ=")`, "abc"}, {`atob("AAAAA")`, "\x00\x00\x00"}, {`atob("/w")`, "\u00ff"},
		{`atob("/w=")`, "\u00ff"}, {`atob("//8")`, "\u00ff\u00ff"}, {`atob("aGVsbG8gd29ybGQ")`, "hello world"},
		{`atob("  aGk=  ")`, "hi"}, {`atob("a\u0000GVsbG8")`, "hello"},
		{`btoa("")`, ""}, {`btoa("abc")`, "YWJj"}, {`btoa("\u0100\u00ff\u20ac")`, "AP+s"},
		{`btoa("hello world")`, "aGVsbG8gd29ybGQ="}, {`btoa("\u00e9t\u00e9")`, "6XTp"},
		{`btoa("\ud83d\ude00")`, "PQA="}, {`btoa("\ud83d")`, "PQ=="}, {`btoa(12)`, "MTI="}, {`btoa(true)`, "dHJ1ZQ=="},
		{`btoa({})`, "W29iamVjdCBPYmplY3Rd"},
		{`(function(){try{btoa(undefined)}catch(e){return e.name+": "+e.message}})()`, "TypeError: Cannot read properties of undefined (reading 'toString')"},
		{`(function(){try{atob(undefined)}catch(e){return e.name+": "+e.message}})()`, "TypeError: The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type undefined"},
	}
	for _, c := range cases {
		v, err := rt.RunString(c.js)
		if err != nil {
			t.Errorf("%s: %v", c.js, err)
			continue
		}
		if got := v.String(); got != c.want {
			t.Errorf("%s = %q, want %q", c.js, got, c.want)
		}
	}
}

func TestEncodingGlobals(t *testing.T) {
	rt := newRT(t)
	cases := []struct{ name, js, want string }{
		{"encode", `Array.from(new TextEncoder().encode("h\u00e9\u20ac\ud83d\ude00")).join()`, "104,195,169,226,130,172,240,159,152,128"},
		{"encode lone surrogate", `Array.from(new TextEncoder().encode("\ud800x")).join()`, "239,191,189,120"},
		{"encoding prop", `new TextEncoder().encoding + "/" + new TextDecoder().encoding + "/" + new TextDecoder("UTF-16").encoding`, "utf-8/utf-8/utf-16le"},
		{"encodeInto", `(function(){var d=new Uint8Array(4);var r=new TextEncoder().encodeInto("a\u20acb",d);return r.read+","+r.written+","+Array.from(d).join()})()`, "2,4,97,226,130,172"},
		{"decode typed", `new TextDecoder().decode(new Uint8Array([104,195,169,240,159,152,128]))`, "h\u00e9\U0001F600"},
		{"decode buffer", `new TextDecoder().decode(new Uint8Array([0,104,105,0]).buffer.slice(1,3))`, "hi"},
		{"decode subarray", `new TextDecoder().decode(new Uint8Array([0,104,105,0]).subarray(1,3))`, "hi"},
		{"decode dataview", `new TextDecoder().decode(new DataView(new Uint8Array([0,104,105,0]).buffer, 1, 2))`, "hi"},
		{"decode bom stripped", `new TextDecoder().decode(new Uint8Array([0xEF,0xBB,0xBF,65])).length`, "1"},
		{"decode bom kept", `new TextDecoder("utf-8",{ignoreBOM:true}).decode(new Uint8Array([0xEF,0xBB,0xBF,65])).charCodeAt(0)`, "65279"},
		{"decode invalid replacement", `new TextDecoder().decode(new Uint8Array([0xE2,0x82,0x41,0xFF,0xF0,0x9F,0x98]))`, "\uFFFDA\uFFFD\uFFFD"},
		{"decode fatal", `(function(){try{new TextDecoder("utf-8",{fatal:true}).decode(new Uint8Array([0xFF]));return "no"}catch(e){return e.name}})()`, "TypeError"},
		{"decode overlong", `new TextDecoder().decode(new Uint8Array([0xC0,0xAF,0xED,0xA0,0x80]))`, "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"decode stream", `(function(){var d=new TextDecoder();return d.decode(new Uint8Array([0xE2,0x82]),{stream:true})+"|"+d.decode(new Uint8Array([0xAC]))})()`, "|\u20ac"},
		{"decode utf16le", `new TextDecoder("utf-16le").decode(new Uint8Array([0x68,0,0x3D,0xD8,0,0xDE]))`, "h\U0001F600"},
		{"bad label", `(function(){try{new TextDecoder("nope")}catch(e){return e.name}})()`, "RangeError"},
		{"decode non buffer", `(function(){try{new TextDecoder().decode("x")}catch(e){return e.name}})()`, "TypeError"},
		{"decode empty", `new TextDecoder().decode()`, ""},
		{"clone deep", `(function(){var o={a:[1,{b:2}],d:new Date(5),m:new Map([["k",{x:1}]]),s:new Set([1,2]),r:/x/gi,u:new Uint8Array([1,2])};var c=structuredClone(o);return [c!==o,c.a[1]!==o.a[1],c.a[1].b,c.d instanceof Date,c.d.getTime(),c.m.get("k").x,c.m.get("k")!==o.m.get("k"),c.s.has(2),c.r.source+c.r.flags,c.u instanceof Uint8Array,c.u[1],c.u.buffer!==o.u.buffer].join()})()`, "true,true,2,true,5,1,true,true,xgi,true,2,true"},
		{"clone cycle", `(function(){var o={};o.self=o;var c=structuredClone(o);return c.self===c&&c!==o})()`, "true"},
		{"clone function", `(function(){try{structuredClone({f:function(){}})}catch(e){return e.name+"/"+(e instanceof DOMException)+"/"+e.code}})()`, "DataCloneError/true/25"},
		{"clone drops proto", `(function(){function C(){this.a=1};C.prototype.z=2;var c=structuredClone(new C());return c.a+","+c.z+","+(Object.getPrototypeOf(c)===Object.prototype)})()`, "1,undefined,true"},
		{"domexception", `(function(){var e=new DOMException("m","InvalidCharacterError");return [e.name,e.message,e.code,e instanceof Error,String(e)].join()})()`, "InvalidCharacterError,m,5,true,InvalidCharacterError: m"},
		{"not enumerable", `Object.keys(this).filter(function(k){return /atob|btoa|Text|structured|DOMEx/.test(k)}).join()`, ""},
	}
	for _, c := range cases {
		v, err := rt.RunString(c.js)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := v.String(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestModulesLoad(t *testing.T) {
	rt := goja.New()
	a, err := Module().Load(rt, vectest.Compiler{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := BtoaModule().Load(rt, vectest.Compiler{})
	if err != nil {
		t.Fatal(err)
	}
	_ = rt.Set("A", a)
	_ = rt.Set("B", b)
	v, err := rt.RunString(`A(B("xyz"))`)
	if err != nil || v.String() != "xyz" {
		t.Fatalf("require('atob')(require('btoa')('xyz')) = %v, %v", v, err)
	}
}
