package scripting

import (
	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/ajv"
	"github.com/postie-run/postie/scripting/modules/chai"
	"github.com/postie-run/postie/scripting/modules/cryptojs"
	"github.com/postie-run/postie/scripting/modules/encoding"
	"github.com/postie-run/postie/scripting/modules/jsbn"
	"github.com/postie-run/postie/scripting/modules/tv4"
	"github.com/postie-run/postie/scripting/modules/uuid"
	"github.com/postie-run/postie/scripting/modules/webcrypto"
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
		cryptojs.Module(),
		encoding.Module(), // "atob"; Init defines atob, btoa, TextEncoder, TextDecoder, structuredClone, DOMException
		encoding.BtoaModule(),
		uuid.Module(),
		webcrypto.Module(), // Init defines the global crypto
		jsbn.Module(),      // Init installs the jsbn BigInteger.modPow intrinsic
		chai.Module(),      // chai 4.4 + Postman assertions; pm.expect uses its expect
		ajv.Module(),
		tv4.Module(), // also the legacy global tv4
	}
}
