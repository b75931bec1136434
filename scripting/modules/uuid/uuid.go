// Package uuid provides the "uuid" module: callable as require('uuid')() like
// Postman's bundled shim (a v4 generator with .v4), plus the uuid npm
// package's (version 9) v1, v3, v4, v5, validate, version, parse, stringify
// and NIL.
package uuid

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

//go:embed uuid.js
var glueSrc string

// Module returns the uuid module.
func Module() modules.Module {
	return modules.Module{Name: "uuid", Load: Load}
}

// Load builds the uuid exports in rt.
func Load(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
	prog, err := c.Compile("postie:uuid.js", glueSrc)
	if err != nil {
		return nil, fmt.Errorf("compiling uuid glue: %w", err)
	}
	fv, err := rt.RunProgram(prog)
	if err != nil {
		return nil, fmt.Errorf("running uuid glue: %w", err)
	}
	factory, ok := goja.AssertFunction(fv)
	if !ok {
		return nil, fmt.Errorf("uuid glue did not return a function")
	}
	natives := rt.NewObject()
	_ = natives.Set("random", func(call goja.FunctionCall) goja.Value {
		b := make([]byte, call.Argument(0).ToInteger())
		_, _ = rand.Read(b)
		return byteArray(rt, b)
	})
	hashFn := func(sum func([]byte) []byte) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			var in []byte
			if err := rt.ExportTo(call.Argument(0), &in); err != nil {
				panic(rt.NewTypeError("hash input: " + err.Error()))
			}
			return byteArray(rt, sum(in))
		}
	}
	_ = natives.Set("md5", hashFn(func(b []byte) []byte { s := md5.Sum(b); return s[:] }))
	_ = natives.Set("sha1", hashFn(func(b []byte) []byte { s := sha1.Sum(b); return s[:] }))
	v, err := factory(goja.Undefined(), natives)
	if err != nil {
		return nil, fmt.Errorf("building uuid: %w", err)
	}
	return v, nil
}

func byteArray(rt *goja.Runtime, b []byte) goja.Value {
	items := make([]interface{}, len(b))
	for i, c := range b {
		items[i] = int64(c)
	}
	return rt.NewArray(items...)
}
