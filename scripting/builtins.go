package scripting

import (
	"github.com/postie-run/postie/scripting/modules"
	// Module packages: add one import line here, e.g.
	// "github.com/postie-run/postie/scripting/modules/chai"
)

// Builtins returns the built-in module index: every module package under
// scripting/modules registers itself here with one line in the list below.
// The sandbox adds its own "postman-collection" module.
func Builtins() []modules.Module {
	return []modules.Module{
		// One line per module package, e.g.:
		// chai.Module(),
	}
}
