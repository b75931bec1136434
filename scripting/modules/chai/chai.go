// Package chai is postie's chai 4 compatible assertion library (the engine
// behind pm.expect and require('chai')) with Postman's response and request
// assertions (chai-postman) installed.
//
// The library is written in JavaScript (chai.js, postman.js) from chai's and
// chai-postman's documented behaviour; failure messages and value
// inspection follow chai 4.4.1 and loupe 2.3, the versions Postman's sandbox
// bundles. testdata/expected.json holds real chai's outcome for each of the
// 631 snippets in testdata/cases.txt (607 failing), expected_postman.json
// chai-postman's for 133 response assertions, and testdata/newman what
// Newman itself reported; the tests compare every message word for word.
//
// Postman assertions need a postman-collection shaped Response/Request:
// recognised by _postman_propertyName or a static isResponse/isRequest on
// the constructor, with code, status, reason(), details().code, headers
// (has, one), text(), json() (throwing a JSONError for invalid JSON, whose
// first message line is reported), size() {body, header} and responseTime.
//
// For speed in goja the library departs from chai's internals where no
// result or message can tell: one Proxy at the end of the prototype chain
// reports invalid properties (chai proxies every assertion and method), and
// the functions addMethod makes share a second one; each chain word hands
// on its flags copy-on-write, as layers whose prototype is the frozen
// earlier flags (so Object.keys(a.__flags) lists only the newest layer);
// and messages that inspect values are built only when an assertion fails.
//
// goja cannot keep compiled programs between processes, so what Load
// compiles and runs is kept to what a typical passing Postman test needs:
// chai.js (the assertion machinery, the chain words and flags, ok and the
// other value properties, exist, equal, eql for identical and primitive
// values, property, expect, use and util) and postman.js (status, header,
// ok, json and the postman* properties), the two Sources lists. The rest is
// in parts compiled through the same Compiler and run on first use, by
// name:
//
//   - chai-assertions.js (chai_assertions.js): the other common assertions
//     (a/an, include, empty, above/least/below/most, length, match, oneOf);
//   - chai-inspect.js: value inspection, failure messages and operators,
//     expectTypes, "Did you mean" suggestions — what a failing assertion
//     needs;
//   - chai-deepeql.js: deep-eql for values that are neither identical nor
//     primitive (eql decides those itself);
//   - chai-more.js: the rarely used assertions (within, instanceOf, keys,
//     throw, respondTo, satisfy, closeTo, members, change/increase/decrease,
//     by, string, ownPropertyDescriptor, arguments, extensible, sealed,
//     frozen, finite), nested paths, check-error, the overwrite functions
//     and proxify;
//   - chai-assert.js: the assert interface, built when chai.assert is first
//     read (until then chai.assert is an accessor that then becomes chai's
//     plain data property);
//   - chai-postman-more.js (postman_more.js): the status-class and
//     status-name properties, statusCode, statusReason, withBody, body,
//     jsonBody, responseTime, responseSize and jsonSchema; ajv is loaded
//     on the first jsonSchema assertion.
//
// The core registers every name in chai's order, as functions that call
// into their part, so property order, "Did you mean" suggestions and
// plugins overwriting them behave as before. TestLazyParts lists which
// parts typical scripts load; TestColdLoad (CHAI_COLD=N) times Load in
// fresh processes.
//
// Known gaps: should-style assertions are not provided, the assert
// interface covers the commonly used functions only, Promise values inspect
// as "Promise{…}" whatever their state, and AssertionError stacks are
// goja's, not V8's.
package chai

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/ajv"
)

//go:embed chai.js
var chaiSource string

//go:embed postman.js
var postmanSource string

//go:embed chai_assertions.js
var assertionsSource string

//go:embed chai_inspect.js
var inspectSource string

//go:embed chai_deepeql.js
var deepEqlSource string

//go:embed chai_more.js
var moreSource string

//go:embed chai_assert.js
var assertSource string

//go:embed postman_more.js
var postmanMoreSource string

// lazyParts are the sources Load leaves for first use, by the names
// chai.js and postman.js load them by.
var lazyParts = map[string]*string{
	"chai-assertions.js":   &assertionsSource,
	"chai-inspect.js":      &inspectSource,
	"chai-deepeql.js":      &deepEqlSource,
	"chai-more.js":         &moreSource,
	"chai-assert.js":       &assertSource,
	"chai-postman-more.js": &postmanMoreSource,
}

// Module returns the "chai" module; its exports are chai with the Postman
// plugin installed.
func Module() modules.Module {
	return modules.Module{Name: "chai", Load: Load}
}

// Sources returns the name/source pairs Load compiles (the core; the parts
// compiled on first use are not included), for compiling them ahead of use
// (compiler.Warm).
func Sources() [][2]string {
	return [][2]string{{"chai.js", chaiSource}, {"chai-postman.js", postmanSource}}
}

// CommonSources returns the name/source pairs of the part most test
// scripts reach after the core (a/an, include, empty, above/below,
// length, match, oneOf), for compiling ahead of use.
func CommonSources() [][2]string {
	return [][2]string{{"chai-assertions.js", assertionsSource}}
}

// chaiHints are what a script that uses chai contains: pm.expect,
// pm.response.to, should, chai's own names.
var chaiHints = []string{"expect", ".to.", ".to\n", "should", "chai", "assert"}

// commonHints are the assertion names CommonSources defines.
var commonHints = []string{".a(", ".an(", "include", "contain", "empty", "above", "least", "below", "most",
	".gt(", ".gte(", ".lt(", ".lte(", "greaterThan", "lessThan", "length", "match", "oneOf"}

// Uses guesses from a script's text whether it uses chai (usesChai) and the
// part CommonSources holds (usesCommon), to decide what to compile ahead.
// A wrong guess costs only time: what is not compiled ahead compiles on
// first use.
func Uses(src string) (usesChai, usesCommon bool) {
	if !containsAny(src, chaiHints) {
		return false, false
	}
	return true, containsAny(src, commonHints)
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// Load builds chai's exports in rt and installs the Postman assertions.
// Parts of the library are compiled (through c) and run only when first
// used; ajv is loaded on the first jsonSchema assertion.
func Load(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
	loadPart := rt.ToValue(func(name string) (goja.Value, error) { return runPart(rt, c, name) })
	exports, err := runFactory(rt, c, "chai.js", chaiSource, rt.ToValue(hasNoOwnKeys(rt)), loadPart)
	if err != nil {
		return nil, err
	}
	var ajvCtor goja.Value
	loadAjv := rt.ToValue(func() (goja.Value, error) {
		if ajvCtor == nil {
			v, err := ajv.Load(rt, c)
			if err != nil {
				return nil, fmt.Errorf("chai: loading ajv for jsonSchema: %w", err)
			}
			ajvCtor = v
		}
		return ajvCtor, nil
	})
	plugin, err := runFactory(rt, c, "chai-postman.js", postmanSource, loadPart, loadAjv)
	if err != nil {
		return nil, err
	}
	obj := exports.ToObject(rt)
	use, ok := goja.AssertFunction(obj.Get("use"))
	if !ok {
		return nil, fmt.Errorf("chai: exports have no use function")
	}
	if _, err := use(obj, plugin); err != nil {
		return nil, fmt.Errorf("chai: installing postman assertions: %w", err)
	}
	return exports, nil
}

// runPart compiles and runs the lazily loaded part name and returns its
// factory, which the caller (chai.js or postman.js) calls with what the
// part shares with it.
func runPart(rt *goja.Runtime, c modules.Compiler, name string) (goja.Value, error) {
	src, ok := lazyParts[name]
	if !ok {
		return nil, fmt.Errorf("chai: no part %q", name)
	}
	return compileRun(rt, c, name, *src)
}

// hasNoOwnKeys returns the JS function telling whether its argument is an
// object without own enumerable string keys: Object.keys(o).length === 0
// without building the array.
func hasNoOwnKeys(rt *goja.Runtime) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		return rt.ToValue(ok && len(o.Keys()) == 0)
	}
}

// compileRun compiles src, whose completion value is a function, runs it
// and returns that function.
func compileRun(rt *goja.Runtime, c modules.Compiler, name, src string) (goja.Value, error) {
	prog, err := c.Compile(name, src)
	if err != nil {
		return nil, fmt.Errorf("chai: compiling %s: %w", name, err)
	}
	v, err := rt.RunProgram(prog)
	if err != nil {
		return nil, fmt.Errorf("chai: running %s: %w", name, err)
	}
	if _, ok := goja.AssertFunction(v); !ok {
		return nil, fmt.Errorf("chai: %s does not evaluate to a function", name)
	}
	return v, nil
}

// runFactory compiles src, whose completion value is a function, and calls
// it with args.
func runFactory(rt *goja.Runtime, c modules.Compiler, name, src string, args ...goja.Value) (goja.Value, error) {
	v, err := compileRun(rt, c, name, src)
	if err != nil {
		return nil, err
	}
	fn, _ := goja.AssertFunction(v)
	out, err := fn(goja.Undefined(), args...)
	if err != nil {
		return nil, fmt.Errorf("chai: initialising %s: %w", name, err)
	}
	return out, nil
}
