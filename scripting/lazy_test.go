package scripting

import (
	"context"
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
