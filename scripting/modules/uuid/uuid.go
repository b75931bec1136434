// Package uuid provides the "uuid" module as Postman's sandbox bundles it: a
// small shim, callable as require('uuid')() and with a .v4() method, both
// returning a random version 4 UUID and ignoring their arguments. The npm
// package's other members (v1, v3, v5, validate, parse ...) are absent there,
// so they are absent here too: uuid.v1() is "not a function" as in Postman.
package uuid

import (
	"crypto/rand"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

// Module returns the uuid module.
func Module() modules.Module {
	return modules.Module{Name: "uuid", Load: Load}
}

// Load builds the uuid exports in rt.
func Load(rt *goja.Runtime, _ modules.Compiler) (goja.Value, error) {
	gen := func(goja.FunctionCall) goja.Value { return rt.ToValue(NewV4()) }
	fn := rt.ToValue(gen).ToObject(rt)
	_ = fn.Set("v4", gen)
	return fn, nil
}

const hexDigits = "0123456789abcdef"

// NewV4 returns a random version 4 UUID in its lower-case text form.
func NewV4() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	out := make([]byte, 0, 36)
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hexDigits[c>>4], hexDigits[c&0x0f])
	}
	return string(out)
}
