// Package modules defines the built-in JavaScript modules' common shape. Each
// module lives in its own package below this one and is registered in the
// index in package scripting (builtins.go).
package modules

import "github.com/dop251/goja"

// Module is one built-in module.
type Module struct {
	// Name is what require() takes, e.g. "crypto-js", "lodash", "uuid".
	Name string
	// Globals are global names the sandbox exposes for the module's exports
	// (e.g. "CryptoJS", "_"); they are created lazily on first access.
	Globals []string
	// Load builds the module's exports in rt. It is called at most once per
	// runtime. Modules written in JavaScript compile their source through the
	// Compiler so programs are cached per process.
	Load func(rt *goja.Runtime, c Compiler) (goja.Value, error)
	// Init, if set, runs once per runtime: for globals that must simply
	// exist (crypto, TextEncoder, Buffer) and for native intrinsics (e.g. the
	// jsbn BigInteger modPow hook). Without InitGlobals it runs when the
	// runtime is created, before any script.
	Init func(rt *goja.Runtime, c Compiler) error
	// InitGlobals names the globals Init defines. When set, Init runs on the
	// first use (read or assignment) of any of them instead of when the
	// runtime is created, so a run that never touches them never pays for
	// them. Until then each is a configurable, non-enumerable accessor.
	InitGlobals []string
}

// Compiler compiles and caches JavaScript programs (package scripting/compiler
// implements it).
type Compiler interface {
	Compile(name, src string) (*goja.Program, error)
}
