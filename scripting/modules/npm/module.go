package npm

import (
	"context"
	"net/http"
	"time"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

// ModuleName is the module pm.require delegates "npm:" specifiers to.
const ModuleName = "npm-loader"

// fetchTimeout bounds registry traffic of one require when no context is given.
const fetchTimeout = 2 * time.Minute

// Module returns the "npm-loader" module: its exports are a function
// (spec, {cacheDir, offline, execution}) returning the package's
// module.exports. Package instances are shared by the calls of one
// execution; when "execution" (any value identifying one script run, as
// Postman evaluates packages afresh per run) changes, they are re-evaluated.
// Built-in modules required inside packages resolve through the runtime's
// global require; other bare names load as npm dependencies.
func Module() modules.Module { return ModuleWith(Config{}) }

// Config configures the npm-loader module.
type Config struct {
	// Context returns the context registry requests use (the run's); nil
	// means a fresh context bounded by a timeout per require.
	Context func() context.Context
	// Registry is the registry base URL (DefaultRegistry when empty).
	Registry string
	// Client performs registry requests (http.DefaultClient when nil).
	Client *http.Client
}

// ModuleWith is Module configured by cfg.
func ModuleWith(cfg Config) modules.Module {
	ctx := cfg.Context
	return modules.Module{
		Name: ModuleName,
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			type key struct {
				cache   string
				offline bool
			}
			loaders := map[key]*Loader{}
			var lastExec goja.Value
			return rt.ToValue(func(call goja.FunctionCall) goja.Value {
				spec := call.Argument(0).String()
				k := key{}
				if o, ok := call.Argument(1).(*goja.Object); ok {
					if ex := o.Get("execution"); ex != nil && !goja.IsUndefined(ex) {
						if lastExec != nil && !ex.StrictEquals(lastExec) {
							for _, l := range loaders {
								l.Forget(rt)
							}
						}
						lastExec = ex
					}
					if v := o.Get("cacheDir"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
						k.cache = v.String()
					}
					if v := o.Get("offline"); v != nil {
						k.offline = v.ToBoolean()
					}
				}
				l := loaders[k]
				if l == nil {
					l = &Loader{Cache: k.cache, Offline: k.offline, Registry: cfg.Registry, Client: cfg.Client, Builtin: globalRequire}
					loaders[k] = l
				}
				var cx context.Context
				cancel := func() {}
				if ctx != nil {
					cx = ctx()
				} else {
					cx, cancel = context.WithTimeout(context.Background(), fetchTimeout)
				}
				defer cancel()
				v, err := l.Require(cx, rt, c, spec)
				if err != nil {
					panic(rt.NewGoError(err))
				}
				return v
			}), nil
		},
	}
}

// globalRequire resolves built-in modules through the runtime's require.
func globalRequire(rt *goja.Runtime, name string) (v goja.Value, ok bool, err error) {
	req, isFn := goja.AssertFunction(rt.GlobalObject().Get("require"))
	if !isFn {
		return nil, false, nil
	}
	res, callErr := req(goja.Undefined(), rt.ToValue(name))
	if callErr != nil {
		// Not a built-in: the caller tries npm dependencies next.
		return nil, false, nil
	}
	return res, true, nil
}
