package scripting

import (
	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/ajv"
	"github.com/postie-run/postie/scripting/modules/chai"
	"github.com/postie-run/postie/scripting/modules/cheerio"
	"github.com/postie-run/postie/scripting/modules/cryptojs"
	"github.com/postie-run/postie/scripting/modules/csvparse"
	"github.com/postie-run/postie/scripting/modules/encoding"
	"github.com/postie-run/postie/scripting/modules/jsbn"
	"github.com/postie-run/postie/scripting/modules/lodash"
	"github.com/postie-run/postie/scripting/modules/moment"
	"github.com/postie-run/postie/scripting/modules/node"
	"github.com/postie-run/postie/scripting/modules/npm"
	"github.com/postie-run/postie/scripting/modules/tv4"
	"github.com/postie-run/postie/scripting/modules/uuid"
	"github.com/postie-run/postie/scripting/modules/webcrypto"
	"github.com/postie-run/postie/scripting/modules/xml2js"
	// Module packages: add one import line here, e.g.
	// "github.com/postie-run/postie/scripting/modules/chai"
)

// Builtins returns the built-in module index: every module package under
// scripting/modules registers itself here with one line in the list below.
// The sandbox adds its own "postman-collection" module.
//
// Contract (scripting/modules.Module): Name is what require() takes
// ("node:" prefixes resolve to the same module); Load builds the exports at
// most once per runtime, compiling JavaScript through the given Compiler so
// programs are cached per process; Init runs once per runtime before any
// script; each name in Globals becomes a global that loads the module on
// first use (with several Globals, a global whose name is an export of the
// module takes that export). "chai" backs pm.expect and pm.response.to;
// "npm-loader" (exports a function (spec, {cacheDir, offline, execution}))
// backs pm.require("npm:...").
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
		tv4.Module(),          // also the legacy global tv4
		lodash.Module(),       // require('lodash'): lodash 4.17
		lodash.Legacy(),       // "lodash3": the global _ is lodash 3.10 in Postman
		moment.Module(),       // moment 2.30, locale en
		xml2js.Module(),       // xml2js 0.4; xml2js.ToJSON backs the legacy xml2Json global
		csvparse.Module(),     // csv-parse/lib/sync (1.2.4 semantics)
		csvparse.SyncModule(), // csv-parse/sync ({parse})
		cheerio.Module(),      // cheerio 0.22 over goquery
		node.Path(),           // path (POSIX, cwd /)
		node.QueryString(),    // querystring
		node.StringDecoder(),  // string_decoder
		node.Assert(),         // assert (assert@2 messages)
		node.Events(),         // events
		node.Util(),           // util
		node.URL(),            // url (legacy + URL/URLSearchParams)
		node.Buffer(),         // buffer; Init defines the global Buffer
		node.Timers(),         // timers (the sandbox's timer globals)
		node.Punycode(),       // punycode
		npm.Module(),          // npm-loader for pm.require('npm:name@version')
	}
}
