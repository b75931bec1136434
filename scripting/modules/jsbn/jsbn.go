// Package jsbn is a native intrinsic that speeds up Tom Wu's jsbn BigInteger
// (bundled by jsrsasign, node-forge and others) wherever a script defines it:
// modPow runs on Go's math/big.
//
// Detection: Init puts a non-enumerable accessor named "modPow" on
// Object.prototype. An ordinary assignment obj.modPow = f reaches that
// setter only when obj has no own modPow; the setter then defines modPow as
// an ordinary own data property of obj, as the assignment would have. When
// obj is shaped like jsbn's BigInteger.prototype (fromString, modPowInt,
// toString, constructor.prototype === obj), the stored function is wrapped so
// that calls with non-negative BigInteger operands and a modulus above one
// are computed natively via a base-16 round trip; other calls go to the
// original JavaScript method.
package jsbn

import (
	_ "embed"
	"fmt"
	"math/big"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

//go:embed jsbn.js
var glueSrc string

// Module returns the jsbn intrinsic (no require-able name; Init only).
func Module() modules.Module {
	return modules.Module{
		Name: "postie:jsbn",
		Init: Init,
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) { return goja.Undefined(), nil },
	}
}

// Init installs the BigInteger detection hook in rt.
func Init(rt *goja.Runtime, c modules.Compiler) error {
	prog, err := c.Compile("postie:jsbn.js", glueSrc)
	if err != nil {
		return fmt.Errorf("compiling jsbn intrinsic: %w", err)
	}
	fv, err := rt.RunProgram(prog)
	if err != nil {
		return fmt.Errorf("running jsbn intrinsic: %w", err)
	}
	install, ok := goja.AssertFunction(fv)
	if !ok {
		return fmt.Errorf("jsbn intrinsic did not return a function")
	}
	if _, err := install(goja.Undefined(), rt.ToValue(modPowHex)); err != nil {
		return fmt.Errorf("installing jsbn intrinsic: %w", err)
	}
	return nil
}

// modPowHex computes base^exp mod m on base-16 strings. It returns "" (the
// caller then uses the JavaScript method) for inputs it does not cover:
// unparsable numbers, a negative base or exponent, a zero exponent, or a
// modulus below two.
func modPowHex(base, exp, mod string) string {
	var b, e, m big.Int
	if _, ok := b.SetString(base, 16); !ok {
		return ""
	}
	if _, ok := e.SetString(exp, 16); !ok {
		return ""
	}
	if _, ok := m.SetString(mod, 16); !ok {
		return ""
	}
	if b.Sign() < 0 || e.Sign() <= 0 || m.Cmp(big.NewInt(1)) <= 0 {
		return ""
	}
	return new(big.Int).Exp(&b, &e, &m).Text(16)
}
