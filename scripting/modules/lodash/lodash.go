// Package lodash provides the "lodash" module (lodash 4.17 API) and the
// legacy global `_` (lodash 3.10 API, as Postman's sandbox exposes it).
package lodash

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

//go:embed lodash.js
var source string

//go:embed lodash3.js
var source3 string

// Module returns the "lodash" module: require('lodash') is lodash 4.17.
func Module() modules.Module {
	return modules.Module{
		Name: "lodash",
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			return run(rt, c, "lodash.js", source)
		},
	}
}

// Legacy returns the "lodash3" module whose exports are the global `_`:
// Postman's sandbox binds `_` to lodash 3.10, while require('lodash') is 4.
func Legacy() modules.Module {
	return modules.Module{
		Name:    "lodash3",
		Globals: []string{"_"},
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			v4, err := run(rt, c, "lodash.js", source)
			if err != nil {
				return nil, err
			}
			mk, err := run(rt, c, "lodash3.js", source3)
			if err != nil {
				return nil, err
			}
			fn, ok := goja.AssertFunction(mk)
			if !ok {
				return nil, fmt.Errorf("lodash3.js: does not evaluate to a function")
			}
			v, err := fn(goja.Undefined(), v4)
			if err != nil {
				return nil, fmt.Errorf("building lodash 3: %w", err)
			}
			return v, nil
		},
	}
}

func run(rt *goja.Runtime, c modules.Compiler, name, src string) (goja.Value, error) {
	prg, err := c.Compile(name, src)
	if err != nil {
		return nil, fmt.Errorf("compiling %s: %w", name, err)
	}
	v, err := rt.RunProgram(prg)
	if err != nil {
		return nil, fmt.Errorf("running %s: %w", name, err)
	}
	return v, nil
}
