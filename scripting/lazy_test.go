package scripting

import (
	"context"
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
