package scripting

import (
	"context"
	"fmt"
	"testing"

	"github.com/postie-run/postie/collections"
)

// TestSDKMatchesPostmanCollection pins postman-collection behaviours found
// different when measured against newman 6.2.2 (each src passes there).
func TestSDKMatchesPostmanCollection(t *testing.T) {
	tests := []struct{ name, src string }{
		{"query key without value reads ''", `var r = new (require('postman-collection').Request)('http://x/?a&b=1&c=');
			pm.expect(r.url.query.toObject()).to.eql({a: '', b: '1', c: ''});
			pm.expect(r.url.query.get('a')).to.equal('');
			pm.expect(r.url.query.all()[0].value).to.equal(null);
			pm.expect(r.url.getQueryString()).to.equal('a&b=1&c=')`},
		{"auth parameters", `pm.expect(pm.request.auth.type).to.equal('bearer');
			pm.expect(pm.request.auth.parameters().toObject()).to.eql({token: 'abc'});
			pm.expect(pm.request.auth.parameters().get('token')).to.equal('abc');
			pm.expect(pm.request.auth.bearer.count()).to.equal(1)`},
		{"auth class", `var sdk = require('postman-collection'); pm.expect(pm.request.auth).to.be.an.instanceof(sdk.RequestAuth);
			pm.expect(sdk.RequestAuth.isValidType('type')).to.equal(false);
			pm.expect(function () { pm.request.auth.current(); }).to.throw('discontinued')`},
		{"auth toJSON keeps the collection shape", `pm.expect(JSON.parse(JSON.stringify(pm.request.auth))).to.eql({type: 'bearer', bearer: [{key: 'token', value: 'abc', type: 'string'}]})`},
		{"auth use and clear", `var a = pm.request.auth; a.use('basic', {username: 'u'}); pm.expect(a.type).to.equal('basic');
			pm.expect(a.parameters().get('username')).to.equal('u'); a.update({password: 'p'});
			pm.expect(a.parameters().toObject()).to.eql({username: 'u', password: 'p'});
			a.clear('bearer'); pm.expect(a.bearer).to.equal(undefined)`},
	}
	s := New(Options{})
	defer s.Close()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := newExec("test")
			ex.Request.Auth = &collections.Auth{Type: "bearer", Params: map[string][]*collections.AuthParam{"bearer": {{Key: "token", Value: "abc", Type: "string"}}}}
			r := s.Run(context.Background(), Script{Name: "sdk", Source: `pm.test("t", function () { ` + tc.src + ` });`}, ex)
			if r.Err != nil {
				t.Fatalf("script error: %v", r.Err)
			}
			if len(r.Tests) != 1 || !r.Tests[0].Passed {
				t.Fatalf("tests %+v", r.Tests)
			}
		})
	}
}

// TestAuthorizeUsing checks what a pre-request script's auth changes leave
// on the request the runner sends.
func TestAuthorizeUsing(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"by type and object", `pm.request.authorizeUsing('basic', {username: 'u', password: 'p'})`, `basic username=u password=p`},
		{"by type and list", `pm.request.authorizeUsing('bearer', [{key: 'token', value: 't'}])`, `bearer token=t`},
		{"by auth object", `pm.request.authorizeUsing({type: 'apikey', apikey: [{key: 'key', value: 'k'}, {key: 'value', value: 'v'}]})`, `apikey key=k value=v`},
		{"parameters edited in place", `pm.request.authorizeUsing('bearer', {token: 'a'}); pm.request.auth.parameters().upsert({key: 'token', value: 'b'})`, `bearer token=b`},
		{"removed", `pm.request.authorizeUsing('bearer', {token: 'a'}); pm.request.authorizeUsing(null)`, `none`},
	}
	s := New(Options{})
	defer s.Close()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := newExec("prerequest")
			res := run(t, s, tc.src, ex)
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			got := "none"
			if a := ex.Request.Auth; a != nil {
				got = a.Type
				for _, p := range a.Params[a.Type] {
					got += fmt.Sprintf(" %s=%v", p.Key, p.Value)
				}
			}
			if got != tc.want {
				t.Errorf("auth %q, want %q", got, tc.want)
			}
		})
	}
}
