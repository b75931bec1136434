// Package xml2js provides the "xml2js" module (xml2js 0.4 API: parseString,
// Parser, Builder, processors) with a Go XML parser, and the Go backend of
// Postman's legacy xml2Json(xml) global.
package xml2js

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

//go:embed xml2js.js
var source string

// Module returns the "xml2js" module.
func Module() modules.Module {
	return modules.Module{
		Name: "xml2js",
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			prg, err := c.Compile("xml2js.js", source)
			if err != nil {
				return nil, fmt.Errorf("compiling xml2js.js: %w", err)
			}
			mk, err := rt.RunProgram(prg)
			if err != nil {
				return nil, fmt.Errorf("running xml2js.js: %w", err)
			}
			fn, ok := goja.AssertFunction(mk)
			if !ok {
				return nil, fmt.Errorf("xml2js.js: not a function")
			}
			v, err := fn(goja.Undefined(), rt.ToValue(nativeParse(rt)))
			if err != nil {
				return nil, fmt.Errorf("building xml2js: %w", err)
			}
			return v, nil
		},
	}
}

// ToJSON implements Postman's legacy xml2Json(xml) global: xml2js with
// explicitArray false, trim true, mergeAttrs false. Like Postman it returns
// undefined when the XML does not parse.
func ToJSON(rt *goja.Runtime, xml string) goja.Value {
	v, err := Parse(rt, xml, PostmanOptions())
	if err != nil {
		return goja.Undefined()
	}
	return v
}

// nativeParse is the (xml, options) function the JS wrapper calls.
func nativeParse(rt *goja.Runtime) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		src := call.Argument(0).String()
		opts, err := optionsFrom(rt, call.Argument(1))
		if err != nil {
			panic(rt.NewGoError(err))
		}
		v, err := Parse(rt, src, opts)
		if err != nil {
			if jsErr, ok := err.(*goja.Exception); ok {
				panic(jsErr)
			}
			panic(rt.NewGoError(err))
		}
		return v
	}
}

func optionsFrom(rt *goja.Runtime, v goja.Value) (Options, error) {
	o := DefaultOptions()
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return o, nil
	}
	obj := v.ToObject(rt)
	flag := func(name string, dst *bool) {
		if x := obj.Get(name); x != nil && !goja.IsUndefined(x) {
			*dst = x.ToBoolean()
		}
	}
	flag("explicitArray", &o.ExplicitArray)
	flag("ignoreAttrs", &o.IgnoreAttrs)
	flag("mergeAttrs", &o.MergeAttrs)
	flag("explicitRoot", &o.ExplicitRoot)
	flag("explicitCharkey", &o.ExplicitCharkey)
	flag("trim", &o.Trim)
	flag("normalize", &o.Normalize)
	flag("normalizeTags", &o.NormalizeTags)
	if x := obj.Get("attrkey"); x != nil && !goja.IsUndefined(x) {
		o.AttrKey = x.String()
	}
	if x := obj.Get("charkey"); x != nil && !goja.IsUndefined(x) {
		o.CharKey = x.String()
	}
	if x := obj.Get("emptyTag"); x != nil && !goja.IsUndefined(x) {
		o.EmptyTag = x
	}
	procs := func(name string) ([]goja.Callable, error) {
		x := obj.Get(name)
		if x == nil || goja.IsUndefined(x) || goja.IsNull(x) {
			return nil, nil
		}
		var out []goja.Callable
		arr := x.ToObject(rt)
		n := int(arr.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			f, ok := goja.AssertFunction(arr.Get(fmt.Sprint(i)))
			if !ok {
				return nil, fmt.Errorf("xml2js: %s[%d] is not a function", name, i)
			}
			out = append(out, f)
		}
		return out, nil
	}
	var err error
	if o.TagNameProcessors, err = procs("tagNameProcessors"); err != nil {
		return o, err
	}
	if o.AttrNameProcessors, err = procs("attrNameProcessors"); err != nil {
		return o, err
	}
	if o.AttrValueProcessors, err = procs("attrValueProcessors"); err != nil {
		return o, err
	}
	if o.ValueProcessors, err = procs("valueProcessors"); err != nil {
		return o, err
	}
	return o, nil
}
