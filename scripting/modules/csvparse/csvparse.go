// Package csvparse provides the "csv-parse/lib/sync" module (csv-parse 1.x's
// synchronous parser, as Postman ships it) and "csv-parse/sync" (csv-parse 4+
// shape: {parse}). csv-parse 4 option names are accepted as aliases.
package csvparse

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

//go:embed csvparse.js
var source string

func load(rt *goja.Runtime, c modules.Compiler, v4 bool) (goja.Value, error) {
	prg, err := c.Compile("csvparse.js", source)
	if err != nil {
		return nil, fmt.Errorf("compiling csvparse.js: %w", err)
	}
	mk, err := rt.RunProgram(prg)
	if err != nil {
		return nil, fmt.Errorf("running csvparse.js: %w", err)
	}
	fn, ok := goja.AssertFunction(mk)
	if !ok {
		return nil, fmt.Errorf("csvparse.js: not a function")
	}
	v, err := fn(goja.Undefined(), rt.ToValue(v4))
	if err != nil {
		return nil, fmt.Errorf("building csv-parse: %w", err)
	}
	return v, nil
}

// Module returns "csv-parse/lib/sync": the exports are the parse function.
func Module() modules.Module {
	return modules.Module{
		Name: "csv-parse/lib/sync",
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) { return load(rt, c, false) },
	}
}

// SyncModule returns "csv-parse/sync": the exports are {parse}.
func SyncModule() modules.Module {
	return modules.Module{
		Name: "csv-parse/sync",
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			fn, err := load(rt, c, true)
			if err != nil {
				return nil, err
			}
			obj := rt.NewObject()
			if err := obj.Set("parse", fn); err != nil {
				return nil, err
			}
			return obj, nil
		},
	}
}
