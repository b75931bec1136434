package scripting

import (
	"context"
	"github.com/postie-run/postie/scripting/compiler"
	"slices"
	"strings"
	"testing"
)

// TestLazyResponseParts checks that pm.response's lazily built parts (header
// and cookie lists, the chai to/have/be getters) behave as plain properties.
func TestLazyResponseParts(t *testing.T) {
	tests := []struct{ name, src string }{
		{"own enumerable lists", `pm.expect(Object.keys(pm.response)).to.include.members(['headers', 'cookies'])`},
		{"no hidden own keys", `pm.expect(Object.getOwnPropertySymbols(pm.response)).to.have.lengthOf(0); pm.expect(Object.getOwnPropertyNames(pm.response).filter(function (k) { return k.charAt(0) === '_'; })).to.eql([])`},
		{"headers built from the response", `pm.expect(pm.response.headers.count()).to.equal(4); pm.expect(pm.response.headers.get('X-Multi')).to.equal('b')`},
		{"list built once", `pm.expect(pm.response.headers).to.equal(pm.response.headers)`},
		{"assignable", `pm.response.headers = 5; pm.expect(pm.response.headers).to.equal(5)`},
		{"derived object reads the same lists", `var d = Object.create(pm.response); pm.expect(d.headers.count()).to.equal(4)`},
		{"chai getters", `pm.response.to.have.status(200); pm.response.to.be.ok; pm.response.have.header('X-Multi'); pm.expect(Object.keys(pm.response)).to.not.include('to')`},
		{"empty response", `var r = new (Object.getPrototypeOf(pm.response).constructor)(); pm.expect(r.headers.count()).to.equal(0); pm.expect(r.cookies.count()).to.equal(0)`},
		{"request getters", `pm.request.to.have.header('X-One')`},
	}
	s := New(Options{})
	defer s.Close()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := s.Run(context.Background(), Script{Name: "lazy", Source: `pm.test("t", function () { ` + tc.src + ` });`}, newExec("test"))
			if r.Err != nil {
				t.Fatalf("script error: %v", r.Err)
			}
			if len(r.Tests) != 1 || !r.Tests[0].Passed {
				t.Fatalf("tests %+v", r.Tests)
			}
		})
	}
}

// TestLazyModuleGlobals checks that the globals module Inits define on first
// use (crypto, TextEncoder, Buffer ...) behave as if defined up front.
func TestLazyModuleGlobals(t *testing.T) {
	tests := []struct{ name, src string }{
		{"typeof before use", `pm.expect(typeof TextEncoder).to.equal('function'); pm.expect(typeof crypto).to.equal('object'); pm.expect(typeof Buffer).to.equal('function')`},
		{"in globalThis", `pm.expect('crypto' in globalThis).to.equal(true); pm.expect('structuredClone' in globalThis).to.equal(true)`},
		{"not enumerable", `pm.expect(Object.keys(globalThis)).to.not.include.members(['crypto', 'Buffer', 'TextEncoder'])`},
		{"data properties once used", `crypto.subtle; var d = Object.getOwnPropertyDescriptor(globalThis, 'crypto'); pm.expect(d.writable).to.equal(true); pm.expect(d.enumerable).to.equal(false); pm.expect(d).to.have.property('value')`},
		{"one use defines the module's other globals", `new TextDecoder(); pm.expect(Object.getOwnPropertyDescriptor(globalThis, 'TextEncoder')).to.have.property('value')`},
		{"assignment before use", `crypto = 5; pm.expect(crypto).to.equal(5); pm.expect(typeof SubtleCrypto).to.equal('function')`},
		{"works", `pm.expect(new TextEncoder().encode('hé').length).to.equal(3); pm.expect(Buffer.from('hi').toString('base64')).to.equal('aGk='); pm.expect(crypto.randomUUID()).to.match(/^[0-9a-f-]{36}$/); pm.expect(new DOMException('m', 'NotFoundError').code).to.equal(8)`},
		{"require reaches the same Buffer", `pm.expect(require('buffer').Buffer).to.equal(Buffer)`},
		{"atob stays a legacy global", `pm.expect(typeof structuredClone).to.equal('function'); pm.expect(atob('aGk=')).to.equal('hi')`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New(Options{})
			defer s.Close()
			r := s.Run(context.Background(), Script{Name: "lazy", Source: `pm.test("t", function () { ` + tc.src + ` });`}, newExec("test"))
			if r.Err != nil {
				t.Fatalf("script error: %v", r.Err)
			}
			if len(r.Tests) != 1 || !r.Tests[0].Passed {
				t.Fatalf("tests %+v", r.Tests)
			}
			// only the atob case uses a legacy global, which warns once
			want := 0
			if strings.Contains(tc.src, "atob(") {
				want = 1
			}
			if len(r.Console) != want {
				t.Fatalf("console %+v, want %d entries", r.Console, want)
			}
		})
	}
}

// TestResponseGlobalsOnlyWithResponse checks, as measured with newman 6.2.2,
// that the legacy response globals are not defined in a pre-request script
// (reading one is a ReferenceError; typeof gives 'undefined') and are in a
// test script, alternately in one sandbox.
func TestResponseGlobalsOnlyWithResponse(t *testing.T) {
	pre := `pm.test("t", function () {
		pm.expect(typeof responseBody).to.equal('undefined');
		pm.expect(function () { return responseCode; }).to.throw(ReferenceError, 'responseCode is not defined');
		pm.expect('responseHeaders' in globalThis).to.equal(false);
		pm.expect(typeof postman).to.equal('object');
	});`
	test := `pm.test("t", function () {
		pm.expect(responseBody).to.be.a('string');
		pm.expect(responseCode.code).to.equal(200);
		pm.expect(responseHeaders['Content-Type']).to.equal('application/json');
	});`
	s := New(Options{})
	defer s.Close()
	for i, step := range []struct{ event, src string }{{"prerequest", pre}, {"test", test}, {"prerequest", pre}, {"test", test}} {
		r := s.Run(context.Background(), Script{Name: "g", Source: step.src}, newExec(step.event))
		if r.Err != nil {
			t.Fatalf("step %d (%s): %v", i, step.event, r.Err)
		}
		if len(r.Tests) != 1 || !r.Tests[0].Passed {
			t.Fatalf("step %d (%s): %+v", i, step.event, r.Tests)
		}
	}
}

// TestLazySDKRequestSide checks that the SDK's request side (Url, Request,
// VariableList ...) compiles only when a script first reaches it, and that
// the SDK object looks the same before and after.
func TestLazySDKRequestSide(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	s.comp = compiler.New(0)
	run := func(src string) {
		t.Helper()
		r := s.Run(context.Background(), Script{Name: "sdk", Source: `pm.test("t", function () { ` + src + ` });`}, newExec("test"))
		if r.Err != nil {
			t.Fatalf("%s: script error: %v", src, r.Err)
		}
		if len(r.Tests) != 1 || !r.Tests[0].Passed {
			t.Fatalf("%s: tests %+v", src, r.Tests)
		}
	}
	keys := `['PropertyBase','Property','PropertyList','Header','HeaderList','QueryParam','FormParam','Variable','VariableList','VariableScope','Url','RequestBody','Cookie','CookieList','Request','RequestAuth','Response','replaceIn','parseJSON','rawParse','base64','uuid','contentInfo']`
	response := `pm.response.to.have.status(200); pm.expect(pm.response.headers.count()).to.equal(4); pm.expect(Object.keys(require('postman-collection'))).to.eql(` + keys + `)`
	run(response)
	before := s.comp.Len()
	run(response)
	if got := s.comp.Len(); got != before {
		t.Fatalf("a response-only script compiled %d more programs, want 0", got-before)
	}
	run(`pm.expect(typeof pm.request.url.toString()).to.equal('string')`)
	if got := s.comp.Len(); got != before+2 { // the script and the request side
		t.Fatalf("reading pm.request compiled %d more programs, want 2", got-before)
	}
	for _, src := range []string{
		`var sdk = require('postman-collection'); pm.expect(Object.keys(sdk)).to.eql(` + keys + `)`,
		`var d = Object.getOwnPropertyDescriptor(require('postman-collection'), 'Url'); pm.expect(d.writable && d.enumerable && d.configurable).to.equal(true); pm.expect(d.value.name).to.equal('PostmanUrl')`,
		`var sdk = require('postman-collection'); pm.expect(new sdk.Response({code: 200, originalRequest: {url: 'http://x/a'}}).originalRequest).to.be.an.instanceof(sdk.Request)`,
		`var sdk = require('postman-collection'); pm.expect(new sdk.VariableList(null, [{key: 'a', value: 1}]).get('a')).to.equal(1); pm.expect(sdk.PropertyList.isPropertyList(new sdk.VariableList())).to.equal(true)`,
	} {
		run(src)
	}
}

// TestSDKRequestSideAssignedFirst checks that assigning one of the request
// side's names before any read keeps the assigned value.
func TestSDKRequestSideAssignedFirst(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	r := s.Run(context.Background(), Script{Name: "sdk", Source: `var sdk = require('postman-collection'); sdk.Url = 5;
		pm.test("t", function () { pm.expect(sdk.Url).to.equal(5); pm.expect(sdk.Request.name).to.equal('PostmanRequest'); });`}, newExec("test"))
	if r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
		t.Fatalf("err %v, tests %+v", r.Err, r.Tests)
	}
}

// TestWarmPlan checks which built-in sources Warm compiles ahead for a
// collection's scripts.
func TestWarmPlan(t *testing.T) {
	tests := []struct {
		name    string
		scripts []string
		want    []string // the second list's names; the first is always the same
	}{
		{"no chai, no request", []string{`pm.environment.set('a', 1)`, `console.log(pm.info.iteration)`}, nil},
		{"status test", []string{`pm.test('s', function () { pm.response.to.have.status(200); })`}, []string{"chai.js", "chai-postman.js"}},
		{"common assertion", []string{`pm.expect(pm.response.json().items).to.have.length(3)`}, []string{"chai.js", "chai-postman.js", "chai-assertions.js"}},
		{"request side", []string{`pm.request.headers.add({key: 'a', value: 'b'})`}, []string{sdkRequestName}},
		{"across scripts", []string{`pm.sendRequest('http://x/', function () {})`, `pm.expect(1).to.be.above(0)`}, []string{"chai.js", "chai-postman.js", "chai-assertions.js", sdkRequestName}},
	}
	first := []string{"postie:guards.js", "postman-collection.js", "pm.js"}
	names := func(list [][2]string) []string {
		var out []string
		for _, ns := range list {
			out = append(out, ns[0])
		}
		return out
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := warmPlan(tc.scripts)
			if got := names(plan[0]); !slices.Equal(got, first) {
				t.Errorf("first list %q, want %q", got, first)
			}
			if got := names(plan[1]); !slices.Equal(got, tc.want) {
				t.Errorf("second list %q, want %q", got, tc.want)
			}
		})
	}
}
