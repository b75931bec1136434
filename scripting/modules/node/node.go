// Package node provides Node.js built-in modules for scripts: path,
// querystring, string_decoder, assert, events, util, url, buffer and timers,
// matching the browser builds Postman's sandbox ships.
package node

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
	gnurl "github.com/dop251/goja_nodejs/url"
	"github.com/postie-run/postie/scripting/modules"
)

var (
	//go:embed path.js
	pathJS string
	//go:embed querystring.js
	querystringJS string
	//go:embed string_decoder.js
	stringDecoderJS string
	//go:embed assert.js
	assertJS string
	//go:embed events.js
	eventsJS string
	//go:embed util.js
	utilJS string
	//go:embed url.js
	urlJS string
	//go:embed buffer_ext.js
	bufferExtJS string
	//go:embed punycode.js
	punycodeJS string
)

// Modules returns every module of this package.
func Modules() []modules.Module {
	return []modules.Module{Path(), QueryString(), StringDecoder(), Assert(), Events(), Util(), URL(), Buffer(), Timers(), Punycode()}
}

func run(rt *goja.Runtime, c modules.Compiler, name, src string) (goja.Value, error) {
	prg, err := c.Compile(name, src)
	if err != nil {
		return nil, fmt.Errorf("compiling %s: %w", name, err)
	}
	v, err := rt.RunProgram(prg)
	if err != nil {
		return nil, fmt.Errorf("running %s: %w", name, err)
	}
	return v, nil
}

// runWith evaluates a script that yields a function and calls it with args.
func runWith(rt *goja.Runtime, c modules.Compiler, name, src string, args ...goja.Value) (goja.Value, error) {
	mk, err := run(rt, c, name, src)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(mk)
	if !ok {
		return nil, fmt.Errorf("%s: not a function", name)
	}
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		return nil, fmt.Errorf("building %s: %w", name, err)
	}
	return v, nil
}

func jsModule(name, file, src string) modules.Module {
	return modules.Module{
		Name: name,
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) { return run(rt, c, file, src) },
	}
}

// Path returns the "path" module (POSIX; cwd is "/").
func Path() modules.Module { return jsModule("path", "path.js", pathJS) }

// QueryString returns the "querystring" module.
func QueryString() modules.Module { return jsModule("querystring", "querystring.js", querystringJS) }

// StringDecoder returns the "string_decoder" module (uses the global Buffer).
func StringDecoder() modules.Module {
	return jsModule("string_decoder", "string_decoder.js", stringDecoderJS)
}

// Punycode returns the "punycode" module (punycode.js 1.4 API).
func Punycode() modules.Module { return jsModule("punycode", "punycode.js", punycodeJS) }

// Events returns the "events" module (EventEmitter).
func Events() modules.Module { return jsModule("events", "events.js", eventsJS) }

// Util returns the "util" module.
func Util() modules.Module { return jsModule("util", "util.js", utilJS) }

// Assert returns the "assert" module with assert@2's messages.
func Assert() modules.Module {
	return modules.Module{
		Name: "assert",
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			util, err := run(rt, c, "util.js", utilJS)
			if err != nil {
				return nil, err
			}
			return runWith(rt, c, "assert.js", assertJS, util)
		},
	}
}

// nativeExports runs a goja_nodejs module loader and returns its exports.
func nativeExports(rt *goja.Runtime, load func(*goja.Runtime, *goja.Object)) *goja.Object {
	module := rt.NewObject()
	exports := rt.NewObject()
	_ = module.Set("exports", exports)
	load(rt, module)
	return module.Get("exports").ToObject(rt)
}

// URL returns the "url" module: legacy parse/format/resolve and WHATWG
// URL/URLSearchParams.
func URL() modules.Module {
	return modules.Module{
		Name: "url",
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			qs, err := run(rt, c, "querystring.js", querystringJS)
			if err != nil {
				return nil, err
			}
			return runWith(rt, c, "url.js", urlJS, nativeExports(rt, gnurl.Require), qs)
		},
	}
}

// Buffer returns the "buffer" module ({Buffer, ...}) from goja_nodejs. Its
// Init makes the global Buffer exist from the start, as in Postman.
func Buffer() modules.Module {
	return modules.Module{
		Name:        "buffer",
		InitGlobals: []string{"Buffer"},
		Init: func(rt *goja.Runtime, c modules.Compiler) error {
			if b := rt.GlobalObject().Get("Buffer"); b != nil && !goja.IsUndefined(b) {
				return nil
			}
			b, err := newBuffer(rt, c)
			if err != nil {
				return err
			}
			return rt.Set("Buffer", b)
		},
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			exports := rt.NewObject()
			b := rt.GlobalObject().Get("Buffer")
			if b == nil || goja.IsUndefined(b) {
				var err error
				if b, err = newBuffer(rt, c); err != nil {
					return nil, err
				}
			}
			_ = exports.Set("Buffer", b)
			_ = exports.Set("kMaxLength", 4294967296)
			return exports, nil
		},
	}
}

// newBuffer builds goja_nodejs's Buffer completed by buffer_ext.js.
func newBuffer(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
	return runWith(rt, c, "buffer_ext.js", bufferExtJS, nativeExports(rt, buffer.Require).Get("Buffer"))
}

// Timers returns the "timers" module: the sandbox's own timer globals.
func Timers() modules.Module {
	return modules.Module{
		Name: "timers",
		Load: func(rt *goja.Runtime, _ modules.Compiler) (goja.Value, error) {
			obj := rt.NewObject()
			for _, name := range []string{"setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate"} {
				if v := rt.GlobalObject().Get(name); v != nil {
					_ = obj.Set(name, v)
				}
			}
			return obj, nil
		},
	}
}
