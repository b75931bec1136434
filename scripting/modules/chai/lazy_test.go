package chai

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// recordingCompiler compiles through the package's test compiler and
// records the names of the programs asked for.
type recordingCompiler struct{ names []string }

func (r *recordingCompiler) Compile(name, src string) (*goja.Program, error) {
	r.names = append(r.names, name)
	return compiler.Compile(name, src)
}

// TestLazyParts checks which parts of the library each script makes Load
// compile on first use: none for the assertions a passing Postman test
// typically makes, the inspection part for a failure, and so on.
func TestLazyParts(t *testing.T) {
	fake, err := os.ReadFile("testdata/fake_response.js")
	if err != nil {
		t.Fatal(err)
	}
	const spec = `{"code": 200, "status": "OK", "body": "{\"id\": 7}", "responseTime": 5, "header": [{"key": "Content-Type", "value": "application/json"}]}`
	tests := []struct {
		name, code string
		want       []string // parts compiled after Load, in order
	}{
		{"status", `expect(response).to.have.status(200)`, nil},
		{"postman assertions", `expect(response).to.have.status(200); expect(response).to.have.header('Content-Type');
			expect(response).to.be.ok; expect(response).to.be.json; expect(response).to.not.have.header('X-None');
			expect(response).to.have.header('Content-Type', 'application/json'); expect(response).to.be.postmanResponse`, nil},
		{"chain words and flags", `expect(response).to.be.an; expect(1).to.not.deep.nested.own.ordered.any.all.be.been.is.and.has.have.with.that.which.at.of.same.but.does.still.also`, nil},
		{"typical passing", `expect(response).to.have.status(200); expect(1).to.equal(1); expect({a: 1}).to.have.property('a');
			expect(5).to.eql(5); expect('x').to.eql('x'); expect(response).to.have.header('Content-Type'); expect(response).to.be.ok;
			expect(response).to.be.json; expect(response.json().id).to.equal(7); expect(1).to.exist; expect(true).to.be.true;
			expect(null).to.be.null; expect({a: {b: 1}}).to.have.own.property('a'); expect(1).to.not.equal(2);
			expect({a: 1}).to.have.property('a', 1); expect({a: 1}).to.have.deep.property('a', 1); expect(0).to.not.be.ok`, nil},
		{"other common assertions", `expect([1, 2]).to.include(2); expect('abc').to.include('b'); expect({a: 1, b: 2}).to.include({a: 1});
			expect(120).to.be.below(200); expect('abc').to.be.a('string'); expect([1]).to.have.lengthOf(1);
			expect(201).to.be.oneOf([200, 201]); expect('abc').to.match(/b/); expect([]).to.be.empty;
			expect(response.json()).to.be.an('object')`, []string{"chai-assertions.js"}},
		{"deep equality", `expect({a: [1]}).to.eql({a: [1]})`, []string{"chai-deepeql.js"}},
		{"failing equal", `try { expect(1).to.equal(2); } catch (e) {}`, []string{"chai-inspect.js"}},
		{"failing status", `try { expect(response).to.have.status(404); } catch (e) {}`, []string{"chai-inspect.js"}},
		{"invalid property", `try { expect(1).to.be.tru; } catch (e) {}`, []string{"chai-inspect.js"}},
		{"rare assertion", `expect(1).to.be.within(0, 2)`, []string{"chai-more.js"}},
		{"keys", `expect({a: 1}).to.have.all.keys('a')`, []string{"chai-more.js"}},
		{"nested property", `expect({a: {b: 1}}).to.have.nested.property('a.b')`, []string{"chai-more.js"}},
		{"assert interface", `chai.assert.equal(1, 1)`, []string{"chai-assert.js"}},
		{"rare postman assertion", `expect(response).to.have.jsonBody('id')`, []string{"chai-postman-more.js"}},
		{"response time", `expect(response).to.have.responseTime.below(100)`, []string{"chai-postman-more.js", "chai-assertions.js"}},
		{"json schema", `expect(response).to.have.jsonSchema({type: 'object'})`, []string{"chai-postman-more.js"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recordingCompiler{}
			rt := goja.New()
			exports, err := Load(rt, rec)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rec.names, []string{"chai.js", "chai-postman.js"}) {
				t.Fatalf("Load compiled %v, want chai.js and chai-postman.js", rec.names)
			}
			must(t, rt.Set("chai", exports))
			must(t, rt.Set("expect", exports.ToObject(rt).Get("expect")))
			if _, err := rt.RunString("var response = (" + string(fake) + ")(" + spec + ");"); err != nil {
				t.Fatal(err)
			}
			rec.names = nil
			if _, err := rt.RunString(tc.code); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rec.names, tc.want) {
				t.Errorf("compiled %v, want %v", rec.names, tc.want)
			}
		})
	}
}

// TestSourcesAreWhatLoadCompilesFirst checks that Sources lists the
// programs Load compiles, so that warming them ahead pays off.
func TestSourcesAreWhatLoadCompilesFirst(t *testing.T) {
	rec := &recordingCompiler{}
	if _, err := Load(goja.New(), rec); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range Sources() {
		names = append(names, s[0])
	}
	if !slices.Equal(names, rec.names) {
		t.Fatalf("Sources lists %v, Load compiled %v", names, rec.names)
	}
}

// TestAssertProperty checks that chai.assert, built on first read, looks
// like chai's plain data property before and after, and can be replaced.
func TestAssertProperty(t *testing.T) {
	tests := []struct{ name, code, want string }{
		{"keys in chai's order", `Object.keys(chai).join()`, "version,AssertionError,Assertion,config,util,use,expect,assert"},
		{"data property after read", `var a = chai.assert; var d = Object.getOwnPropertyDescriptor(chai, 'assert');
			[d.value === a, d.writable, d.enumerable, d.configurable, typeof a, typeof a.equal].join()`, "true,true,true,true,function,function"},
		{"same function each read", `chai.assert === chai.assert`, "true"},
		{"assignment before read", `var f = function () {}; chai.assert = f; var d = Object.getOwnPropertyDescriptor(chai, 'assert');
			[chai.assert === f, d.writable, d.enumerable, d.configurable].join()`, "true,true,true,true"},
		{"assert throws AssertionError", `try { chai.assert.equal(1, 2); 'no error' } catch (e) { e.name + ': ' + e.message }`, "AssertionError: expected 1 to equal 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rt := goja.New()
			exports, err := Load(rt, compiler)
			if err != nil {
				t.Fatal(err)
			}
			must(t, rt.Set("chai", exports))
			v, err := rt.RunString(tc.code)
			if err != nil {
				t.Fatal(err)
			}
			if got := v.String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPartsShareOneCompile checks that a second runtime reuses the
// programs of the lazily loaded parts instead of compiling them again.
func TestPartsShareOneCompile(t *testing.T) {
	c := &countingCompiler{programs: map[string]*goja.Program{}}
	for i := 0; i < 2; i++ {
		rt := goja.New()
		exports, err := Load(rt, c)
		if err != nil {
			t.Fatal(err)
		}
		must(t, rt.Set("expect", exports.ToObject(rt).Get("expect")))
		if _, err := rt.RunString(`try { expect({a: [1]}).to.eql({a: [2]}); } catch (e) {}`); err != nil {
			t.Fatal(err)
		}
	}
	if c.compiles != 4 {
		t.Errorf("%d compiles for two runtimes, want 4 (chai.js, chai-postman.js, chai-deepeql.js, chai-inspect.js once each): %s", c.compiles, strings.Join(c.names, " "))
	}
}

// countingCompiler caches programs by source and counts real compiles.
type countingCompiler struct {
	programs map[string]*goja.Program
	compiles int
	names    []string
}

func (c *countingCompiler) Compile(name, src string) (*goja.Program, error) {
	if p, ok := c.programs[src]; ok {
		return p, nil
	}
	p, err := goja.Compile(name, src, false)
	if err != nil {
		return nil, err
	}
	c.compiles++
	c.names = append(c.names, name)
	c.programs[src] = p
	return p, nil
}

// TestLazyAssertionsMatchChai runs assertions, aliases and util functions
// that live in the parts compiled on first use and that cases.txt and
// postman_cases.txt do not reach; outcomes recorded from chai 4.4.1 and
// chai-postman 2.0.1 under node (util.getPathValue is postie's own).
func TestLazyAssertionsMatchChai(t *testing.T) {
	tests := []struct{ code, want string }{
		{"expect({a: 1}).to.haveOwnPropertyDescriptor('a')", ""},
		{"expect({a: 1}).to.haveOwnPropertyDescriptor('b')", "AssertionError: expected { a: 1 } to have an own property descriptor for 'b'"},
		{"expect({f: function () {}}).to.respondsTo('f')", ""},
		{"expect({f: 1}).to.respondsTo('f')", "AssertionError: expected { f: 1 } to respond to 'f'"},
		{"expect(2).to.satisfies(function (n) { return n > 1; })", ""},
		{"expect(1).to.satisfies(function (n) { return n > 1; })", "AssertionError: expected 1 to satisfy [Function]"},
		{"expect([]).to.be.Arguments", "AssertionError: expected [] to be arguments but got Array"},
		{"expect(chai.util.getPathValue({a: {b: [1, 2]}}, 'a.b[1]')).to.equal(2)", ""},
		{"expect(chai.util.getPathInfo({a: {b: 1}}, 'a.c').exists).to.equal(false)", ""},
		{"expect([3, 1, 2].sort(chai.util.compareByInspect)).to.eql([1, 2, 3])", ""},
		{"expect(chai.util.inspect({a: [1, 'b']})).to.equal(\"{ a: [ 1, 'b' ] }\")", ""},
		{"expect(chai.util.objDisplay([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])).to.equal('[ Array(16) ]')", "AssertionError: expected '[ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …(6)…' to equal '[ Array(16) ]'"},
		{"expect(chai.util.checkError.compatibleMessage(new Error('boom'), /oo/)).to.equal(true)", ""},
		{"expect(chai.util.checkError.getConstructorName(TypeError)).to.equal('TypeError')", ""},
		{"chai.util.expectTypes(expect(1), ['string', 'array'])", "AssertionError: object tested must be an array, or a string, but number given"},
		{"expect(chai.util.getMessage(expect(1), [false, 'got #{this}', 'no'])).to.equal('got 1')", ""},
		{"expect(chai.util.getOperator(expect(1), [false, 'expected #{this} to equal #{exp}', 'x', 2])).to.equal('strictEqual')", ""},
		{"chai.Assertion.overwriteMethod('equal', function (_super) { return function (v) { if (v === 'any') return; _super.apply(this, arguments); }; }); expect(1).to.equal('any'); expect(1).to.equal(2)", "AssertionError: expected 1 to equal 2"},
		{"chai.Assertion.overwriteProperty('ok', function (_super) { return function () { if (this._obj === 'meh') return; _super.call(this); }; }); expect('meh').to.be.ok; expect(0).to.be.ok", "AssertionError: expected +0 to be truthy"},
		{"chai.Assertion.overwriteChainableMethod('length', function (_super) { return function (n) { _super.apply(this, arguments); }; }, function (_super) { return function () { _super.call(this); }; }); expect([1, 2]).to.have.length(3)", "AssertionError: expected [ 1, 2 ] to have a length of 3 but got 2"},
		{"var p = chai.util.proxify({a: 1}); p.b", "Error: Invalid Chai property: b. Did you mean \"a\"?"},
		{"var p = chai.util.proxify({a: 1}, 'meth'); p.b", "Error: Invalid Chai property: meth.b. See docs for proper usage of \"meth\"."},
		{"expect(function () {}).to.throw()", "AssertionError: expected [Function] to throw an error"},
		{"expect(5).to.be.closeTo(5.4, 0.5); expect(5).to.be.approximately(6, 0.5)", "AssertionError: expected 5 to be close to 6 +/- 0.5"},
		{"expect([1, 2]).to.have.members([2, 1]); expect([1, 2]).to.have.members([1, 3])", "AssertionError: expected [ 1, 2 ] to have the same members as [ 1, 3 ]"},
		{"var o = {n: 1}; expect(function () { o.n += 2; }).to.increase(o, 'n').by(2); expect(function () { o.n -= 1; }).to.decreases(o, 'n').by(2)", "AssertionError: expected .n to decrease by 2"},
		{"expect(Object.freeze({})).to.be.frozen; expect({}).to.be.sealed", "AssertionError: expected {} to be sealed"},
		{"expect(1).to.be.finite; expect(Infinity).to.be.finite", "AssertionError: expected Infinity to be a finite number"},
		{"expect('hello').to.have.string('ell'); expect('hello').to.have.string('z')", "AssertionError: expected 'hello' to contain 'z'"},
		{"expect([]).to.be.instanceof(Array); expect({}).to.be.instanceOf(Array)", "AssertionError: expected {} to be an instance of Array"},
		{"expect(1).to.throw.lenth", "Error: Invalid Chai property: throw.lenth. See docs for proper usage of \"throw\"."},
		{"expect(1).to.closeTo.length", "Error: Invalid Chai property: closeTo.length. See docs for proper usage of \"closeTo\"."},
		{"expect(1).to.respondTo.zz", "Error: Invalid Chai property: respondTo.zz. See docs for proper usage of \"respondTo\"."},
	}
	for _, tc := range tests {
		rt := newRuntime(t)
		if got := thrown(t, rt, tc.code); got != tc.want {
			t.Errorf("%s\n  got  %q\n  want %q", tc.code, got, tc.want)
		}
	}
}

// TestLazyPostmanAssertionsMatchSandbox does the same for Postman
// assertions split into postman_more.js that postman_cases.txt does not
// reach (fixtures from testdata/postman_fixtures.json).
func TestLazyPostmanAssertionsMatchSandbox(t *testing.T) {
	fixtures, err := os.ReadFile("testdata/postman_fixtures.json")
	if err != nil {
		t.Fatal(err)
	}
	fake, err := os.ReadFile("testdata/fake_response.js")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ fixture, code, want string }{
		{"unauth", "expect(response).to.be.unauthorised", "AssertionError: expected response to have status reason 'UNAUTHORISED' but got 'UNAUTHORIZED'"},
		{"ok", "expect(response).to.be.unauthorised", "AssertionError: expected response to have status reason 'UNAUTHORISED' but got 'OK'"},
		{"ok", "expect(response).to.have.responseSize.above(10)", ""},
		{"ok", "expect(response).to.be.withBody", ""},
		{"ok", "expect(response).to.have.body({id: 8})", "AssertionError: expected response body json to equal { id: 8 } but got { id: 7, …(2) }"},
	}
	for _, tc := range tests {
		rt := newRuntime(t)
		if _, err := rt.RunString("var response = (" + string(fake) + ")((" + string(fixtures) + ")['" + tc.fixture + "']);"); err != nil {
			t.Fatal(err)
		}
		if got := thrown(t, rt, tc.code); got != tc.want {
			t.Errorf("[%s] %s\n  got  %q\n  want %q", tc.fixture, tc.code, got, tc.want)
		}
	}
}

func TestUses(t *testing.T) {
	tests := []struct {
		src              string
		wantChai, common bool
	}{
		{`pm.environment.set('token', pm.response.json().token)`, false, false},
		{`tests['ok'] = responseCode.code === 200`, false, false},
		{`pm.response.to.have.status(200)`, true, false},
		{`pm.expect(pm.response.code).to.eql(200)`, true, false},
		{`pm.expect(body.items).to.have.lengthOf(2)`, true, true},
		{`pm.expect(body.name).to.be.a('string')`, true, true},
		{`pm.expect(body).to.include({id: 1})`, true, true},
		{`var assert = require('chai').assert; assert.isOk(1)`, true, false},
	}
	for _, tc := range tests {
		c, common := Uses(tc.src)
		if c != tc.wantChai || common != tc.common {
			t.Errorf("Uses(%q) = %v, %v; want %v, %v", tc.src, c, common, tc.wantChai, tc.common)
		}
	}
}

// thrown runs code and returns what it threw as "Name: message", or "" when
// it ran through.
func thrown(t *testing.T, rt *goja.Runtime, code string) string {
	t.Helper()
	name, msg, threw, err := outcome(rt, code)
	if err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	if !threw {
		return ""
	}
	return name + ": " + msg
}
