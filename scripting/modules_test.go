package scripting

import (
	"strings"
	"testing"
)

// TestBuiltinModules checks require() of the registered modules and the
// globals Postman's sandbox has, through real scripts.
func TestBuiltinModules(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct{ name, src string }{
		{"postman-collection", `pm.test("m", function(){ pm.expect(require("postman-collection").Url).to.be.a("function") })`},
		{"lodash", `pm.test("m", function(){ var l = require("lodash"); pm.expect(l.chunk([1,2,3], 2)).to.eql([[1,2],[3]]) })`},
		{"global _", `pm.test("m", function(){ pm.expect(_.map([1,2], function(x){ return x * 2 })).to.eql([2,4]) })`},
		{"var _ = require shadows the global", `var _ = require("lodash"); pm.test("m", function(){ pm.expect(_.VERSION).to.match(/^4\./) })`},
		{"CryptoJS", `pm.test("m", function(){ pm.expect(CryptoJS.MD5("a").toString()).to.equal("0cc175b9c0f1b6a831c399e269772661") })`},
		{"crypto-js", `pm.test("m", function(){ pm.expect(require("crypto-js").SHA256("").toString()).to.equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") })`},
		{"atob btoa", `pm.test("m", function(){ pm.expect(btoa("hi")).to.equal("aGk="); pm.expect(atob("aGk=")).to.equal("hi") })`},
		{"moment", `pm.test("m", function(){ pm.expect(require("moment")("2020-01-02").format("YYYY")).to.equal("2020") })`},
		{"uuid", `pm.test("m", function(){ pm.expect(require("uuid").v4()).to.match(/^[0-9a-f-]{36}$/) })`},
		{"xml2Json", `pm.test("m", function(){ pm.expect(xml2Json("<a><b>1</b></a>").a.b).to.equal("1") })`},
		{"tv4", `pm.test("m", function(){ pm.expect(tv4.validate(1, {type: "number"})).to.be.true })`},
		{"cheerio", `pm.test("m", function(){ pm.expect(cheerio.load("<p>x</p>")("p").text()).to.equal("x") })`},
		{"Buffer", `pm.test("m", function(){ pm.expect(Buffer.from("hi").toString("base64")).to.equal("aGk=") })`},
		{"node path", `pm.test("m", function(){ pm.expect(require("path").join("a", "b")).to.equal("a/b") })`},
		{"chai", `pm.test("m", function(){ require("chai").expect(1).to.equal(1) })`},
		{"crypto global", `pm.test("m", function(){ pm.expect(crypto.randomUUID()).to.have.length(36) })`},
		{"pm.require without npm prefix", `pm.test("m", function(){ pm.expect(function(){ pm.require("@team/pkg") }).to.throw("Cannot find package '@team/pkg'") })`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := s.mods[moduleOf(tt.name)]; !ok && moduleOf(tt.name) != "" {
				t.Skipf("module %s is not registered", moduleOf(tt.name))
			}
			requirePassing(t, run(t, s, tt.src, newExec("test")))
		})
	}
}

func TestLegacyLibraryWarnings(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	for i := 0; i < 2; i++ { // once per script, every script
		res := run(t, s, `_.map([1], String); _.map([2], String); var a = atob("aGk=")`, newExec("test"))
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		var got []string
		for _, c := range res.Console {
			got = append(got, c.Text)
		}
		// both quote kinds inside: util.inspect picks backticks
		want := []string{"`Using \"_\" is deprecated. Use \"require('lodash')\" instead.`", "`Using \"atob\" is deprecated. Use \"require('atob')\" instead.`"}
		if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("run %d: console %q", i, got)
		}
	}
	cryptoWarn := "`Using \"CryptoJS\" is deprecated. Use \"require('crypto-js')\" instead.`"
	// measured with newman 6.2.2: naming a legacy library does not warn,
	// using it does
	warnTests := []struct{ name, src, want string }{
		{"xml2Json warns when called", `xml2Json("<a/>"); xml2Json("<b/>")`, "`Using \"xml2Json\" is deprecated. Use \"require('xml2js')\" instead.`"},
		{"typeof does not warn", `if (typeof CryptoJS !== "object" || typeof cheerio !== "function") { throw new Error("typeof") }`, ""},
		{"naming does not warn", `var c = CryptoJS, t = tv4;`, ""},
		{"a held reference warns when used", `var c = CryptoJS; console.log(c.MD5("a").toString().length)`, cryptoWarn + "|32"},
		{"a property read warns", `var e = CryptoJS.enc;`, cryptoWarn},
		{"a call warns", `btoa("a")`, "`Using \"btoa\" is deprecated. Use \"require('btoa')\" instead.`"},
		{"once per script", `CryptoJS.MD5("a"); CryptoJS.SHA1("a"); var x = CryptoJS.enc`, cryptoWarn},
		{"the library itself after the warning", `CryptoJS.MD5("a"); if (CryptoJS !== require("crypto-js")) { throw new Error("not the library") }`, cryptoWarn},
	}
	for _, tt := range warnTests {
		res := run(t, s, tt.src, newExec("test"))
		if res.Err != nil {
			t.Fatalf("%s: %v", tt.name, res.Err)
		}
		var got []string
		for _, c := range res.Console {
			got = append(got, c.Text)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%s: console %q, want %q", tt.name, strings.Join(got, "|"), tt.want)
		}
	}
	res := run(t, s, `var _ = require("lodash"); _.map([1], String)`, newExec("test"))
	if len(res.Console) != 0 {
		t.Errorf("a local _ warned: %+v", res.Console)
	}
}

func moduleOf(name string) string {
	switch name {
	case "lodash", "var _ = require shadows the global":
		return "lodash"
	case "global _":
		return "lodash3"
	case "CryptoJS", "crypto-js":
		return "crypto-js"
	case "moment", "uuid", "tv4", "cheerio", "chai", "path":
		return name
	case "node path":
		return "path"
	case "xml2Json":
		return "xml2js"
	case "Buffer":
		return "buffer"
	}
	return ""
}

func TestTranslateRuntime(t *testing.T) {
	tests := []struct {
		name, msg, line string
		col             int
		want            string
	}{
		{"TypeError", "Cannot read property 'x' of undefined", "", 0, "Cannot read properties of undefined (reading 'x')"},
		{"TypeError", "Cannot read property 'x' of null", "", 0, "Cannot read properties of null (reading 'x')"},
		{"TypeError", "Cannot read property 'foo' of undefined or null", "", 0, "Cannot read properties of undefined (reading 'foo')"},
		{"TypeError", "Object has no member 'bar'", "var o = {a:{}}; o.a.bar()", 17, "o.a.bar is not a function"},
		{"TypeError", "Object has no member 'bar'", "", 0, "bar is not a function"},
		{"TypeError", "Value is not an object: 5", "var a = 5; a()", 13, "a is not a function"},
		{"TypeError", "Cannot convert undefined or null to object", "var s = {}; s.a.b = 1", 13, "Cannot set properties of undefined (setting 'b')"},
		{"RangeError", "toFixed() precision must be between 0 and 100", "", 0, "toFixed() digits argument must be between 0 and 100"},
		{"ReferenceError", "x is not defined", "", 0, "x is not defined"},
	}
	for _, tt := range tests {
		if got := translateRuntime(tt.name, tt.msg, tt.line, tt.col); got != tt.want {
			t.Errorf("%q: got %q want %q", tt.msg, got, tt.want)
		}
	}
}

func TestTranslateSyntax(t *testing.T) {
	tests := []struct {
		msg, line string
		col       int
		want      string
	}{
		{"Unexpected token ;", "var x = ;", 9, "Unexpected token ';'"},
		{"Unexpected identifier", "foo bar", 5, "Unexpected identifier 'bar'"},
		{"Unexpected end of input (and 2 more errors)", "if (", 5, "Unexpected end of input"},
		{"Unexpected identifier", "await x", 7, "await is only valid in async functions and the top level bodies of modules"},
		{"Unexpected token ILLEGAL", "var s = #", 9, "Invalid or unexpected token"},
		{"script.js: Line 1:9 Unexpected token ;", "var x = ;", 9, "Unexpected token ';'"},
	}
	for _, tt := range tests {
		if got := translateSyntax(tt.msg, tt.line, tt.col); got != tt.want {
			t.Errorf("%q: got %q want %q", tt.msg, got, tt.want)
		}
	}
}
