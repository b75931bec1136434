// Package webcrypto provides the global Web Crypto object `crypto`:
// randomUUID, getRandomValues and crypto.subtle (digest, importKey,
// exportKey, sign, verify, generateKey for HMAC, RSASSA-PKCS1-v1_5, RSA-PSS
// and ECDSA), backed by Go's crypto packages. subtle methods return promises
// that settle through the runtime's job queue.
package webcrypto

import (
	"crypto/rand"
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
	"github.com/google/uuid"
	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/encoding"
)

//go:embed webcrypto.js
var glueSrc string

// Module returns the webcrypto module: its Init defines the global crypto
// (on first use).
func Module() modules.Module {
	return modules.Module{
		Name:        "postie:webcrypto",
		Init:        Init,
		InitGlobals: []string{"crypto", "Crypto", "SubtleCrypto", "CryptoKey"},
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			return rt.Get("crypto"), nil
		},
	}
}

// Init defines the global crypto object in rt unless one exists.
func Init(rt *goja.Runtime, c modules.Compiler) error {
	prog, err := c.Compile("postie:webcrypto.js", glueSrc)
	if err != nil {
		return fmt.Errorf("compiling webcrypto glue: %w", err)
	}
	fv, err := rt.RunProgram(prog)
	if err != nil {
		return fmt.Errorf("running webcrypto glue: %w", err)
	}
	setup, ok := goja.AssertFunction(fv)
	if !ok {
		return fmt.Errorf("webcrypto glue did not return a function")
	}
	n := &natives{rt: rt}
	if _, err := setup(goja.Undefined(), n.object()); err != nil {
		return fmt.Errorf("setting up crypto: %w", err)
	}
	return nil
}

type natives struct {
	rt    *goja.Runtime
	mkErr goja.Callable // mkErr(name, message) -> DOMException
}

// opError is a WebCrypto failure with its DOMException name.
type opError struct{ name, msg string }

func (e *opError) Error() string { return e.name + ": " + e.msg }

func errf(name, format string, args ...any) *opError {
	return &opError{name: name, msg: fmt.Sprintf(format, args...)}
}

// throw panics with a DOMException (or TypeError) for err.
func (n *natives) throw(err error) {
	oe, ok := err.(*opError)
	if !ok {
		oe = &opError{name: "OperationError", msg: err.Error()}
	}
	if oe.name == "TypeError" {
		panic(n.rt.NewTypeError(oe.msg))
	}
	v, cerr := n.mkErr(goja.Undefined(), n.rt.ToValue(oe.name), n.rt.ToValue(oe.msg))
	if cerr != nil {
		panic(cerr)
	}
	panic(v)
}

func (n *natives) object() *goja.Object {
	rt := n.rt
	o := rt.NewObject()
	set := func(name string, f func(goja.FunctionCall) goja.Value) { _ = o.Set(name, f) }
	set("setErrorMaker", func(call goja.FunctionCall) goja.Value {
		n.mkErr, _ = goja.AssertFunction(call.Argument(0))
		return goja.Undefined()
	})
	set("randomUUID", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(uuid.NewString())
	})
	set("fillRandom", func(call goja.FunctionCall) goja.Value {
		_, _ = rand.Read(encoding.BufferSource(rt, call.Argument(0)))
		return goja.Undefined()
	})
	set("digest", func(call goja.FunctionCall) goja.Value {
		h, err := hashByName(call.Argument(0).String())
		if err != nil {
			n.throw(err)
		}
		d := h.New()
		d.Write(n.data(call.Argument(1)))
		return rt.ToValue(rt.NewArrayBuffer(d.Sum(nil)))
	})
	set("importKey", func(call goja.FunctionCall) goja.Value {
		k, err := importKey(rt, call.Argument(0).String(), call.Argument(1), algParams(rt, call.Argument(2)))
		if err != nil {
			n.throw(err)
		}
		return n.keyResult(k)
	})
	set("exportKey", func(call goja.FunctionCall) goja.Value {
		k := handle(call.Argument(1))
		v, err := exportKey(rt, call.Argument(0).String(), k)
		if err != nil {
			n.throw(err)
		}
		return v
	})
	set("sign", func(call goja.FunctionCall) goja.Value {
		sig, err := sign(algParams(rt, call.Argument(0)), handle(call.Argument(1)), n.data(call.Argument(2)))
		if err != nil {
			n.throw(err)
		}
		return rt.ToValue(rt.NewArrayBuffer(sig))
	})
	set("verify", func(call goja.FunctionCall) goja.Value {
		ok, err := verify(algParams(rt, call.Argument(0)), handle(call.Argument(1)), n.data(call.Argument(2)), n.data(call.Argument(3)))
		if err != nil {
			n.throw(err)
		}
		return rt.ToValue(ok)
	})
	set("generateKey", func(call goja.FunctionCall) goja.Value {
		priv, pub, err := generateKey(algParams(rt, call.Argument(0)))
		if err != nil {
			n.throw(err)
		}
		if pub == nil {
			return n.keyResult(priv)
		}
		out := rt.NewObject()
		_ = out.Set("privateKey", n.keyResult(priv))
		_ = out.Set("publicKey", n.keyResult(pub))
		return out
	})
	return o
}

// keyResult is what the glue turns into a CryptoKey: {handle, type, algorithm}.
func (n *natives) keyResult(k *key) goja.Value {
	o := n.rt.NewObject()
	_ = o.Set("handle", k)
	_ = o.Set("type", k.typ)
	_ = o.Set("algorithm", k.algorithm())
	return o
}

func handle(v goja.Value) *key {
	if v == nil {
		return nil
	}
	k, _ := v.Export().(*key)
	return k
}

// data returns the bytes of a BufferSource argument (copied), or throws.
func (n *natives) data(v goja.Value) []byte {
	if !encoding.IsBufferSource(v) {
		n.throw(errf("TypeError", "Failed to execute on 'SubtleCrypto': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'."))
	}
	return append([]byte(nil), encoding.BufferSource(n.rt, v)...)
}
