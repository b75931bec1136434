// Package moment provides the "moment" module: a moment 2.30-compatible date
// library (English locale only; local time is the process's time zone).
package moment

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

//go:embed moment.js
var source string

// Module returns the "moment" module.
func Module() modules.Module {
	return modules.Module{
		Name: "moment",
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			prg, err := c.Compile("moment.js", source)
			if err != nil {
				return nil, fmt.Errorf("compiling moment.js: %w", err)
			}
			v, err := rt.RunProgram(prg)
			if err != nil {
				return nil, fmt.Errorf("running moment.js: %w", err)
			}
			return v, nil
		},
	}
}
