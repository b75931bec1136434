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
// reports invalid properties (chai proxies every assertion and method);
// each chain word hands on its flags copy-on-write, as layers whose
// prototype is the frozen earlier flags (so Object.keys(a.__flags) lists
// only the newest layer); and messages that inspect values are built only
// when an assertion fails.
//
// Known gaps: should-style assertions are not provided, the assert
// interface covers the commonly used functions only, Promise values inspect
// as "Promise{…}" whatever their state, and AssertionError stacks are
// goja's, not V8's.
package chai

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"

	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/ajv"
)

//go:embed chai.js
var chaiSource string

//go:embed postman.js
var postmanSource string

// Module returns the "chai" module; its exports are chai with the Postman
// plugin installed.
func Module() modules.Module {
	return modules.Module{Name: "chai", Load: Load}
}

// Sources returns the name/source pairs Load compiles, for compiling them
// ahead of use (compiler.Warm).
func Sources() [][2]string {
	return [][2]string{{"chai.js", chaiSource}, {"chai-postman.js", postmanSource}}
}

// Load builds chai's exports in rt and installs the Postman assertions.
func Load(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
	exports, err := runFactory(rt, c, "chai.js", chaiSource, rt.ToValue(hasNoOwnKeys(rt)))
	if err != nil {
		return nil, err
	}
	ajvCtor, err := ajv.Load(rt, c)
	if err != nil {
		return nil, fmt.Errorf("chai: loading ajv for jsonSchema: %w", err)
	}
	plugin, err := runFactory(rt, c, "chai-postman.js", postmanSource, ajvCtor)
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

// hasNoOwnKeys returns the JS function telling whether its argument is an
// object without own enumerable string keys: Object.keys(o).length === 0
// without building the array.
func hasNoOwnKeys(rt *goja.Runtime) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		return rt.ToValue(ok && len(o.Keys()) == 0)
	}
}

// runFactory compiles src, whose completion value is a function, and calls
// it with args.
func runFactory(rt *goja.Runtime, c modules.Compiler, name, src string, args ...goja.Value) (goja.Value, error) {
	prog, err := c.Compile(name, src)
	if err != nil {
		return nil, fmt.Errorf("chai: compiling %s: %w", name, err)
	}
	v, err := rt.RunProgram(prog)
	if err != nil {
		return nil, fmt.Errorf("chai: running %s: %w", name, err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("chai: %s does not evaluate to a function", name)
	}
	out, err := fn(goja.Undefined(), args...)
	if err != nil {
		return nil, fmt.Errorf("chai: initialising %s: %w", name, err)
	}
	return out, nil
}
