// Package ajv provides the "ajv" module: an Ajv 6 compatible JSON Schema
// validator (the version Postman's sandbox bundles) backed by postie's
// own validator (internal/jsonschema), plus the Go helpers tv4 shares.
//
// Supported: new Ajv(opts) with allErrors and jsonPointers, compile(schema)
// returning a validate function whose .errors hold ajv 6 error objects
// {keyword, dataPath, schemaPath, params, message}, validate(schemaOrKey,
// data) with ajv.errors, addSchema, getSchema, removeSchema, errorsText,
// addFormat (RegExp, pattern string, function or {validate}). Schemas are
// draft-07; like ajv 6 without added meta-schemas, any other "$schema"
// (draft-04, draft-06, 2019-09) throws 'no schema with key or ref "..."'
// and an unknown "format" throws 'unknown format "..." is used in schema
// at path "..."'. The built-in formats follow ajv 6's fast mode; "pattern"
// uses JavaScript RegExp semantics. Errors come in ajv's order (keyword
// rule order, then the schema's property order), verified against ajv
// 6.12.5 in testdata.
//
// Gaps: addKeyword and addMetaSchema are not supported (addMetaSchema is
// ignored), options other than allErrors/jsonPointers are ignored and
// undefined data validates as null.
package ajv

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/internal/jsondoc"
	"github.com/postie-run/postie/scripting/modules/internal/jsonschema"
)

// Module returns the "ajv" module; its export is the Ajv constructor.
func Module() modules.Module {
	return modules.Module{Name: "ajv", Load: Load}
}

// Load returns a new Ajv constructor for rt.
func Load(rt *goja.Runtime, _ modules.Compiler) (goja.Value, error) {
	ctor := rt.ToValue(func(call goja.ConstructorCall) *goja.Object {
		inst := &instance{rt: rt, schemas: jsonschema.Compiler{Draft: jsonschema.Draft7, Regexp: JSRegexp(rt)}, formats: ajvFormats(rt)}
		if opts, ok := call.Argument(0).(*goja.Object); ok {
			inst.allErrors = opts.Get("allErrors") != nil && opts.Get("allErrors").ToBoolean()
			inst.jsonPointers = opts.Get("jsonPointers") != nil && opts.Get("jsonPointers").ToBoolean()
		}
		inst.bind(call.This)
		return nil
	})
	return ctor, nil
}

type instance struct {
	rt           *goja.Runtime
	allErrors    bool
	jsonPointers bool
	schemas      jsonschema.Compiler
	keys         map[string]*goja.Object // key -> validate function
	self         *goja.Object
	formats      map[string]func(string) bool
}

func (in *instance) throw(format string, args ...any) {
	panic(JSError(in.rt, fmt.Sprintf(format, args...)))
}

func (in *instance) bind(obj *goja.Object) {
	in.self = obj
	in.keys = map[string]*goja.Object{}
	must(obj.Set("errors", goja.Null()))
	must(obj.Set("compile", func(schema goja.Value) *goja.Object { return in.compile(schema) }))
	must(obj.Set("validate", func(schema, data goja.Value) bool {
		var fn *goja.Object
		if s, ok := schema.Export().(string); ok {
			fn = in.keys[s]
			if fn == nil {
				in.throw("no schema with key or ref \"%s\"", s)
			}
		} else {
			fn = in.compile(schema)
		}
		call, _ := goja.AssertFunction(fn)
		res, err := call(goja.Undefined(), data)
		if err != nil {
			panic(err)
		}
		must(obj.Set("errors", fn.Get("errors")))
		return res.ToBoolean()
	}))
	must(obj.Set("addSchema", func(schema goja.Value, key goja.Value) *goja.Object {
		if arr, ok := schema.(*goja.Object); ok && arr.ClassName() == "Array" {
			for _, k := range arr.Keys() {
				in.addSchema(arr.Get(k), goja.Undefined())
			}
			return obj
		}
		in.addSchema(schema, key)
		return obj
	}))
	must(obj.Set("getSchema", func(key string) goja.Value {
		if fn, ok := in.keys[key]; ok {
			return fn
		}
		return goja.Undefined()
	}))
	must(obj.Set("removeSchema", func(key string) *goja.Object {
		delete(in.keys, key)
		in.schemas.RemoveDocument(key)
		return obj
	}))
	must(obj.Set("errorsText", func(call goja.FunctionCall) goja.Value {
		errs := call.Argument(0)
		if goja.IsUndefined(errs) {
			errs = obj.Get("errors")
		}
		sep, dataVar := ", ", "data"
		if o, ok := call.Argument(1).(*goja.Object); ok {
			if v := o.Get("separator"); v != nil && !goja.IsUndefined(v) {
				sep = v.String()
			}
			if v := o.Get("dataVar"); v != nil && !goja.IsUndefined(v) {
				dataVar = v.String()
			}
		}
		return in.rt.ToValue(ErrorsText(in.rt, errs, sep, dataVar))
	}))
	must(obj.Set("addFormat", func(name string, format goja.Value) *goja.Object {
		in.formats[name] = in.customFormat(format)
		return obj
	}))
	must(obj.Set("addMetaSchema", func() *goja.Object { return obj }))
	must(obj.Set("validateSchema", func() bool { return true }))
	must(obj.Set("addKeyword", func() { in.throw("ajv: addKeyword is not supported by postie") }))
}

// JSError makes a JavaScript Error with message; panicking with it
// inside a Go function called from JavaScript throws it.
func JSError(rt *goja.Runtime, message string) goja.Value {
	ctor, _ := goja.AssertConstructor(rt.Get("Error"))
	obj, err := ctor(nil, rt.ToValue(message))
	if err != nil {
		return rt.NewGoError(fmt.Errorf("%s", message))
	}
	return obj
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func (in *instance) addSchema(schema, key goja.Value) {
	doc, err := Decode(in.rt, schema)
	if err != nil {
		in.throw("ajv: addSchema: %v", err)
	}
	id := ""
	if key != nil && !goja.IsUndefined(key) && !goja.IsNull(key) {
		id = key.String()
	} else if m, ok := doc.Value.(map[string]any); ok {
		if s, ok := m["$id"].(string); ok {
			id = s
		} else if s, ok := m["id"].(string); ok {
			id = s
		}
	}
	if id == "" {
		in.throw("ajv: addSchema: schema has no $id and no key was given")
	}
	uri := strings.TrimSuffix(id, "#")
	in.schemas.AddDocument(uri, doc)
	in.keys[id] = in.compileDoc(doc)
	if uri != id {
		in.keys[uri] = in.keys[id]
	}
}

func (in *instance) compile(schema goja.Value) *goja.Object {
	doc, err := Decode(in.rt, schema)
	if err != nil {
		in.throw("ajv: compile: %v", err)
	}
	return in.compileDoc(doc)
}

// knownMeta reports whether ajv 6 knows the meta-schema uri: only
// draft-07's unless others are added.
func knownMeta(uri string) bool {
	switch uri {
	case "http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-07/schema", "http://json-schema.org/schema#":
		return true
	}
	return false
}

func (in *instance) compileDoc(doc jsonschema.Doc) *goja.Object {
	if m, ok := doc.Value.(map[string]any); ok {
		if meta, ok := m["$schema"].(string); ok {
			if !knownMeta(meta) {
				in.throw("no schema with key or ref \"%s\"", meta)
			}
			trimmed := make(map[string]any, len(m))
			for k, v := range m {
				if k != "$schema" {
					trimmed[k] = v
				}
			}
			doc.Value = trimmed
		}
	}
	if name, ptr, found := unknownFormat(doc, func(f string) bool { _, ok := in.formats[f]; return ok }); found {
		in.throw("unknown format \"%s\" is used in schema at path \"#%s\"", name, ptr)
	}
	in.schemas.Formats = stringFormats(in.formats)
	sch, err := in.schemas.Compile(doc)
	if err != nil {
		var missing *jsonschema.MissingRefError
		if errors.As(err, &missing) {
			in.throw("%s", missing.Error())
		}
		in.throw("ajv: %v", err)
	}
	var fn *goja.Object
	fn = in.rt.ToValue(func(data goja.Value) bool {
		val, err := Decode(in.rt, data)
		if err != nil {
			in.throw("ajv: %v", err)
		}
		res := sch.Validate(val, jsonschema.Options{Style: jsonschema.Ajv, AllErrors: in.allErrors})
		if res.Valid() {
			must(fn.Set("errors", goja.Null()))
			return true
		}
		must(fn.Set("errors", in.errorObjects(res.Errors)))
		return false
	}).ToObject(in.rt)
	must(fn.Set("errors", goja.Null()))
	must(fn.Set("schema", in.rt.ToValue(jsondoc.Plain(doc.Value))))
	return fn
}

// customFormat turns an addFormat argument (RegExp, pattern string,
// function or {validate}) into a check.
func (in *instance) customFormat(format goja.Value) func(string) bool {
	rt := in.rt
	if o, ok := format.(*goja.Object); ok && o.ClassName() == "Object" {
		if v := o.Get("validate"); v != nil {
			format = v
		}
	}
	if fn, ok := goja.AssertFunction(format); ok {
		return func(s string) bool {
			r, err := fn(goja.Undefined(), rt.ToValue(s))
			return err == nil && r.ToBoolean()
		}
	}
	re := format
	if _, ok := format.Export().(string); ok {
		ctor, _ := goja.AssertConstructor(rt.Get("RegExp"))
		v, err := ctor(nil, format)
		if err != nil {
			in.throw("ajv: addFormat: %v", err)
		}
		re = v
	}
	test, ok := goja.AssertFunction(re.ToObject(rt).Get("test"))
	if !ok {
		in.throw("ajv: addFormat: unsupported format definition")
	}
	return func(s string) bool {
		r, err := test(re, rt.ToValue(s))
		return err == nil && r.ToBoolean()
	}
}

// Error is one ajv 6 error object.
type Error struct {
	Keyword    string
	DataPath   string
	SchemaPath string
	Params     [][2]any // ordered key/value pairs
	Message    string
	// PropertyName is the failing name under propertyNames ("" otherwise).
	PropertyName string
}

func (in *instance) errorObjects(fails []*jsonschema.Error) goja.Value {
	errs := Errors(fails, in.allErrors, in.jsonPointers)
	arr := make([]any, len(errs))
	for i, e := range errs {
		o := in.rt.NewObject()
		must(o.Set("keyword", e.Keyword))
		must(o.Set("dataPath", e.DataPath))
		must(o.Set("schemaPath", e.SchemaPath))
		p := in.rt.NewObject()
		for _, kv := range e.Params {
			must(p.Set(kv[0].(string), kv[1]))
		}
		must(o.Set("params", p))
		must(o.Set("message", e.Message))
		if e.PropertyName != "" {
			must(o.Set("propertyName", e.PropertyName))
		}
		arr[i] = o
	}
	return in.rt.NewArray(arr...)
}

// isIdentifier reports whether name is a JavaScript identifier ajv writes
// with dot notation.
func isIdentifier(name string) bool {
	if name == "" {
		return false
	}
	for i, c := range name {
		switch {
		case c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return true
}

// DataPath renders an instance location as ajv 6 does: ".a[0]['b-c']",
// or "/a/0/b-c" with jsonPointers. Properties reached through
// additionalProperties or patternProperties render as ['name'], as ajv's
// generated code does.
func DataPath(path []jsonschema.Step, pointers bool) string {
	var b strings.Builder
	for _, st := range path {
		switch {
		case pointers:
			b.WriteString(jsonschema.Pointer(st.Key))
		case st.Index:
			b.WriteString("[" + st.Key + "]")
		case isIdentifier(st.Key) && !st.Dynamic:
			b.WriteString("." + st.Key)
		default:
			b.WriteString("['" + strings.ReplaceAll(strings.ReplaceAll(st.Key, `\`, `\\`), "'", `\'`) + "']")
		}
	}
	return b.String()
}

// accessor renders a property name as ajv 6 does in required and
// dependencies errors without allErrors: .name or ['name'].
func accessor(name string) string {
	if isIdentifier(name) {
		return "." + name
	}
	return "['" + strings.ReplaceAll(strings.ReplaceAll(name, `\`, `\\`), "'", `\'`) + "']"
}

// schemaPath renders where the failed keyword is as ajv 6 does: from the
// compiled schema's root, or from the innermost "$ref" followed: ajv
// inlines a target without "$ref"s, starting the path with the reference
// as written, and compiles any other target as a root of its own ("#").
func schemaPath(f *jsonschema.Error) string {
	if f.Ref == "" {
		return "#" + EncodeFragment(f.Pointer) + "/" + f.Keyword
	}
	base := "#"
	if f.RefPlain {
		base = f.Ref
	}
	return base + EncodeFragment(f.RefPointer) + "/" + f.Keyword
}

// Errors converts validation errors (validated in ajv style) into ajv 6
// errors, flattening anyOf/oneOf/propertyNames causes before their error.
func Errors(fails []*jsonschema.Error, allErrors, pointers bool) []Error {
	var out []Error
	for _, f := range fails {
		causes := Errors(f.Causes, allErrors, pointers)
		if f.Keyword == "propertyNames" {
			for i := range causes {
				causes[i].PropertyName = f.Property
			}
		}
		out = append(out, causes...)
		out = append(out, convert(f, allErrors, pointers))
	}
	return out
}

func convert(f *jsonschema.Error, allErrors, pointers bool) Error {
	e := Error{
		Keyword:    f.Keyword,
		DataPath:   DataPath(f.Instance, pointers),
		SchemaPath: schemaPath(f),
	}
	params := func(kv ...[2]any) { e.Params = kv }
	limit := func() any { return jsondoc.Plain(f.Limit) }
	missing := func() string {
		if allErrors || pointers {
			return f.Property
		}
		return accessor(f.Property)
	}
	switch f.Keyword {
	case "type":
		t := strings.Join(f.Types, ",")
		params([2]any{"type", t})
		e.Message = "should be " + t
	case "required":
		m := f.Property
		if !f.ViaProperties {
			m = missing()
		}
		params([2]any{"missingProperty", m})
		e.Message = "should have required property '" + m + "'"
	case "enum":
		params([2]any{"allowedValues", jsondoc.Plain(f.Allowed)})
		e.Message = "should be equal to one of the allowed values"
	case "const":
		params([2]any{"allowedValue", jsondoc.Plain(f.Allowed[0])})
		e.Message = "should be equal to constant"
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		op := map[string]string{"minimum": ">=", "maximum": "<=", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}[f.Keyword]
		exclusive := strings.HasPrefix(f.Keyword, "exclusive") || f.Exclusive
		if f.Exclusive {
			op = op[:1]
		}
		params([2]any{"comparison", op}, [2]any{"limit", limit()}, [2]any{"exclusive", exclusive})
		e.Message = "should be " + op + " " + jsondoc.Text(limit())
	case "multipleOf":
		params([2]any{"multipleOf", limit()})
		e.Message = "should be multiple of " + jsondoc.Text(limit())
	case "minLength", "maxLength":
		params([2]any{"limit", f.Limit})
		e.Message = fmt.Sprintf("should NOT be %s than %d characters", map[bool]string{true: "longer", false: "shorter"}[f.Keyword == "maxLength"], f.Limit)
	case "minItems", "maxItems", "additionalItems":
		params([2]any{"limit", f.Limit})
		e.Message = fmt.Sprintf("should NOT have %s than %d items", map[bool]string{true: "fewer", false: "more"}[f.Keyword == "minItems"], f.Limit)
	case "minProperties", "maxProperties":
		params([2]any{"limit", f.Limit})
		e.Message = fmt.Sprintf("should NOT have %s than %d properties", map[bool]string{true: "fewer", false: "more"}[f.Keyword == "minProperties"], f.Limit)
	case "pattern":
		params([2]any{"pattern", f.Pattern})
		e.Message = `should match pattern "` + f.Pattern + `"`
	case "format":
		params([2]any{"format", f.Format})
		e.Message = `should match format "` + f.Format + `"`
	case "additionalProperties":
		params([2]any{"additionalProperty", f.Property})
		e.Message = "should NOT have additional properties"
	case "uniqueItems":
		i, j := f.Pair[0], f.Pair[1]
		params([2]any{"i", i}, [2]any{"j", j})
		e.Message = fmt.Sprintf("should NOT have duplicate items (items ## %d and %d are identical)", j, i)
	case "dependencies":
		deps := strings.Join(f.Deps, ", ")
		params([2]any{"property", f.Dependent}, [2]any{"missingProperty", missing()}, [2]any{"depsCount", len(f.Deps)}, [2]any{"deps", deps})
		noun := "property "
		if len(f.Deps) != 1 {
			noun = "properties "
		}
		e.Message = "should have " + noun + deps + " when property " + f.Dependent + " is present"
	case "propertyNames":
		params([2]any{"propertyName", f.Property})
		e.Message = "property name '" + f.Property + "' is invalid"
	case "contains":
		e.Message = "should contain a valid item"
	case "anyOf":
		e.Message = "should match some schema in anyOf"
	case "oneOf":
		var passing any
		if f.Passing {
			passing = []any{f.Pair[0], f.Pair[1]}
		}
		params([2]any{"passingSchemas", passing})
		e.Message = "should match exactly one schema in oneOf"
	case "not":
		e.Message = "should NOT be valid"
	case "if":
		params([2]any{"failingKeyword", f.FailingKeyword})
		e.Message = `should match "` + f.FailingKeyword + `" schema`
	case "false schema":
		e.Message = "boolean schema is false"
	}
	return e
}

// ErrorsText renders errors as ajv.errorsText does.
func ErrorsText(rt *goja.Runtime, errs goja.Value, sep, dataVar string) string {
	o, ok := errs.(*goja.Object)
	if !ok || goja.IsNull(errs) {
		return "No errors"
	}
	keys := o.Keys()
	if len(keys) == 0 {
		return "No errors"
	}
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		e := o.Get(k).ToObject(rt)
		parts = append(parts, dataVar+e.Get("dataPath").String()+" "+e.Get("message").String())
	}
	return strings.Join(parts, sep)
}
