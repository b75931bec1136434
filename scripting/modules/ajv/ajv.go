// Package ajv provides the "ajv" module: an Ajv 6 compatible JSON Schema
// validator (the version Postman's sandbox bundles) backed by
// santhosh-tekuri/jsonschema, plus the Go helpers tv4 and chai's
// jsonSchema assertion share.
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
// ignored), options other than allErrors/jsonPointers are ignored,
// undefined data validates as null, and error order inside anyOf/oneOf
// branches with several failing keywords may differ from ajv's.
package ajv

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/internal/jsondoc"
)

// Module returns the "ajv" module; its export is the Ajv constructor.
func Module() modules.Module {
	return modules.Module{Name: "ajv", Load: Load}
}

// Load returns a new Ajv constructor for rt.
func Load(rt *goja.Runtime, _ modules.Compiler) (goja.Value, error) {
	ctor := rt.ToValue(func(call goja.ConstructorCall) *goja.Object {
		inst := &instance{rt: rt, schemas: Schemas{Draft: jsonschema.Draft7, Formats: true, Regexp: JSRegexp(rt)}, formats: ajvFormats(rt)}
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
	schemas      Schemas
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
		in.schemas.Remove(key)
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
	} else if m, ok := doc.Doc.(map[string]any); ok {
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
	in.schemas.Add(schemaURI(uri), doc)
	in.keys[id] = in.compileDoc(doc)
	if uri != id {
		in.keys[uri] = in.keys[id]
	}
}

const keyPrefix = "urn:postie:key:"

// schemaURI makes a bare key usable as a resource URL.
func schemaURI(key string) string {
	if strings.Contains(key, ":") {
		return key
	}
	return keyPrefix + key
}

func (in *instance) compile(schema goja.Value) *goja.Object {
	doc, err := Decode(in.rt, schema)
	if err != nil {
		in.throw("ajv: compile: %v", err)
	}
	return in.compileDoc(doc)
}

// ajv 6 knows only the draft-07 meta-schema unless others are added.
var knownMeta = map[string]bool{
	"http://json-schema.org/draft-07/schema#": true,
	"http://json-schema.org/draft-07/schema":  true,
	"http://json-schema.org/schema#":          true,
}

func (in *instance) compileDoc(doc Value) *goja.Object {
	if m, ok := doc.Doc.(map[string]any); ok {
		if meta, ok := m["$schema"].(string); ok {
			if !knownMeta[meta] {
				in.throw("no schema with key or ref \"%s\"", meta)
			}
			trimmed := make(map[string]any, len(m))
			for k, v := range m {
				if k != "$schema" {
					trimmed[k] = v
				}
			}
			doc.Doc = trimmed
		}
	}
	if name, ptr, found := unknownFormat(doc, func(f string) bool { _, ok := in.formats[f]; return ok }); found {
		in.throw("unknown format \"%s\" is used in schema at path \"#%s\"", name, ptr)
	}
	in.schemas.Extra = stringFormats(in.formats)
	sch, err := in.schemas.Compile(doc)
	if err != nil {
		in.throw("ajv: %v", err)
	}
	var fn *goja.Object
	fn = in.rt.ToValue(func(data goja.Value) bool {
		val, err := Decode(in.rt, data)
		if err != nil {
			in.throw("ajv: %v", err)
		}
		fails := sch.ValidateWith(val, Options{FirstOnly: !in.allErrors, AfterType: true})
		if len(fails) == 0 {
			must(fn.Set("errors", goja.Null()))
			return true
		}
		must(fn.Set("errors", in.errorObjects(fails, sch.Source, val)))
		return false
	}).ToObject(in.rt)
	must(fn.Set("errors", goja.Null()))
	must(fn.Set("schema", in.rt.ToValue(jsondoc.Plain(doc.Doc))))
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

func (in *instance) errorObjects(fails []Failure, schema, data Value) goja.Value {
	errs := Errors(fails, schema, data, in.allErrors, in.jsonPointers)
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

var identifier = regexp.MustCompile(`^[a-zA-Z_$][a-zA-Z0-9_$]*$`)

// DataPath renders an instance location as ajv 6 does: ".a[0]['b-c']",
// or "/a/0/b-c" with jsonPointers. schemaPtr is the failing schema's
// pointer: names reached through additionalProperties or patternProperties
// render as ['name'] as ajv's generated code does.
func DataPath(path []string, data any, schemaPtr string, pointers bool) string {
	var b strings.Builder
	idx := indexSteps(data, path)
	dynamic := dynamicSteps(schemaPtr, len(path))
	for i, tok := range path {
		switch {
		case pointers:
			b.WriteString("/" + strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1"))
		case idx[i]:
			b.WriteString("[" + tok + "]")
		case identifier.MatchString(tok) && !dynamic[i]:
			b.WriteString("." + tok)
		default:
			b.WriteString("['" + strings.ReplaceAll(strings.ReplaceAll(tok, `\`, `\\`), "'", `\'`) + "']")
		}
	}
	return b.String()
}

// dynamicSteps reports, per instance step, whether the schema reached it
// through additionalProperties/patternProperties. It is only attempted
// when the schema pointer accounts for every step.
func dynamicSteps(schemaPtr string, n int) []bool {
	out := make([]bool, n)
	toks := strings.Split(strings.TrimPrefix(schemaPtr, "/"), "/")
	var steps []bool
	for i := 0; i < len(toks); i++ {
		switch toks[i] {
		case "properties":
			steps = append(steps, false)
			i++
		case "patternProperties":
			steps = append(steps, true)
			i++
		case "additionalProperties":
			steps = append(steps, true)
		case "items":
			steps = append(steps, false)
			if i+1 < len(toks) {
				if _, err := strconv.Atoi(toks[i+1]); err == nil {
					i++
				}
			}
		case "additionalItems", "contains":
			steps = append(steps, false)
		case "definitions", "$defs", "dependencies", "dependentSchemas":
			i++
		}
	}
	if len(steps) == n {
		copy(out, steps)
	}
	return out
}

// accessor renders a property name as ajv 6 does in required errors
// without allErrors: .name or ['name'].
func accessor(name string) string {
	if identifier.MatchString(name) {
		return "." + name
	}
	return "['" + strings.ReplaceAll(name, "'", `\'`) + "']"
}

// Errors converts failures (from Validate with firstOnly = !allErrors)
// into ajv 6 errors.
func Errors(fails []Failure, schema, dataV Value, allErrors, pointers bool) []Error {
	var out []Error
	data := dataV.Doc
	for _, f := range fails {
		dp := DataPath(f.Instance, data, f.SchemaPointer, pointers)
		doc := f.Document
		if doc == rootURL || strings.HasPrefix(doc, keyPrefix) {
			doc = ""
		}
		ptr := EncodeFragment(f.SchemaPointer)
		sp := doc + "#" + ptr + "/" + strings.Join(f.Kind.KeywordPath(), "/")
		add := func(kw, msg string, params ...[2]any) {
			out = append(out, Error{Keyword: kw, DataPath: dp, SchemaPath: sp, Params: params, Message: msg, PropertyName: f.PropertyName})
		}
		switch k := f.Kind.(type) {
		case *kind.Type:
			want := k.Want
			if at, ok := schema.At(f.SchemaPointer + "/type"); ok {
				if list, ok := at.([]any); ok && len(list) == len(want) {
					want = make([]string, len(list))
					for i, e := range list {
						want[i] = fmt.Sprint(e)
					}
				}
			}
			t := strings.Join(want, ",")
			add("type", "should be "+t, [2]any{"type", t})
		case *kind.Required:
			sp = doc + "#" + ptr + "/required"
			for _, m := range k.Missing {
				if !allErrors {
					m = accessor(m)
				}
				add("required", "should have required property '"+m+"'", [2]any{"missingProperty", m})
				if !allErrors {
					break
				}
			}
		case *kind.Enum:
			add("enum", "should be equal to one of the allowed values", [2]any{"allowedValues", jsondoc.Plain(k.Want)})
		case *kind.Const:
			add("const", "should be equal to constant", [2]any{"allowedValue", jsondoc.Plain(k.Want)})
		case *kind.Minimum:
			n := jsondoc.Rat(k.Want)
			add("minimum", "should be >= "+jsondoc.Text(n), [2]any{"comparison", ">="}, [2]any{"limit", n}, [2]any{"exclusive", false})
		case *kind.Maximum:
			n := jsondoc.Rat(k.Want)
			add("maximum", "should be <= "+jsondoc.Text(n), [2]any{"comparison", "<="}, [2]any{"limit", n}, [2]any{"exclusive", false})
		case *kind.ExclusiveMinimum:
			n := jsondoc.Rat(k.Want)
			add("exclusiveMinimum", "should be > "+jsondoc.Text(n), [2]any{"comparison", ">"}, [2]any{"limit", n}, [2]any{"exclusive", true})
		case *kind.ExclusiveMaximum:
			n := jsondoc.Rat(k.Want)
			add("exclusiveMaximum", "should be < "+jsondoc.Text(n), [2]any{"comparison", "<"}, [2]any{"limit", n}, [2]any{"exclusive", true})
		case *kind.MultipleOf:
			n := jsondoc.Rat(k.Want)
			add("multipleOf", "should be multiple of "+jsondoc.Text(n), [2]any{"multipleOf", n})
		case *kind.MinLength:
			add("minLength", fmt.Sprintf("should NOT be shorter than %d characters", k.Want), [2]any{"limit", k.Want})
		case *kind.MaxLength:
			add("maxLength", fmt.Sprintf("should NOT be longer than %d characters", k.Want), [2]any{"limit", k.Want})
		case *kind.MinItems:
			add("minItems", fmt.Sprintf("should NOT have fewer than %d items", k.Want), [2]any{"limit", k.Want})
		case *kind.MaxItems:
			add("maxItems", fmt.Sprintf("should NOT have more than %d items", k.Want), [2]any{"limit", k.Want})
		case *kind.AdditionalItems:
			limit := k.Count
			if arr, ok := jsondoc.At(data, f.Instance).([]any); ok {
				limit = len(arr) - k.Count
			}
			add("additionalItems", fmt.Sprintf("should NOT have more than %d items", limit), [2]any{"limit", limit})
		case *kind.MinProperties:
			add("minProperties", fmt.Sprintf("should NOT have fewer than %d properties", k.Want), [2]any{"limit", k.Want})
		case *kind.MaxProperties:
			add("maxProperties", fmt.Sprintf("should NOT have more than %d properties", k.Want), [2]any{"limit", k.Want})
		case *kind.Pattern:
			add("pattern", `should match pattern "`+k.Want+`"`, [2]any{"pattern", k.Want})
		case *kind.Format:
			add("format", `should match format "`+k.Want+`"`, [2]any{"format", k.Want})
		case *kind.AdditionalProperties:
			props := append([]string(nil), k.Properties...)
			ptr := Pointer(f.Instance)
			sort.SliceStable(props, func(i, j int) bool { return dataV.Order.Index(ptr, props[i]) < dataV.Order.Index(ptr, props[j]) })
			for _, p := range props {
				add("additionalProperties", "should NOT have additional properties", [2]any{"additionalProperty", p})
				if !allErrors {
					break
				}
			}
		case *kind.UniqueItems:
			i, j := k.Duplicates[1], k.Duplicates[0]
			add("uniqueItems", fmt.Sprintf("should NOT have duplicate items (items ## %d and %d are identical)", j, i), [2]any{"i", i}, [2]any{"j", j})
		case *kind.Dependency:
			sp = doc + "#" + ptr + "/dependencies"
			for _, m := range k.Missing {
				mp := m
				if !allErrors {
					mp = accessor(m)
				}
				add("dependencies", "should have property "+m+" when property "+k.Prop+" is present",
					[2]any{"property", k.Prop}, [2]any{"missingProperty", mp}, [2]any{"depsCount", len(k.Missing)}, [2]any{"deps", strings.Join(k.Missing, ", ")})
				if !allErrors {
					break
				}
			}
		case *kind.DependentRequired:
			for _, m := range k.Missing {
				add("dependentRequired", "should have property "+m+" when property "+k.Prop+" is present",
					[2]any{"property", k.Prop}, [2]any{"missingProperty", m}, [2]any{"depsCount", len(k.Missing)}, [2]any{"deps", strings.Join(k.Missing, ", ")})
			}
		case *kind.PropertyNames:
			if strings.HasSuffix(f.SchemaPointer, "/propertyNames") {
				sp = doc + "#" + ptr
			}
			add("propertyNames", "property name '"+k.Property+"' is invalid", [2]any{"propertyName", k.Property})
		case *kind.Contains:
			add("contains", "should contain a valid item")
		case *kind.AnyOf:
			add("anyOf", "should match some schema in anyOf")
		case *kind.OneOf:
			var passing any
			if len(k.Subschemas) > 1 {
				passing = k.Subschemas
			}
			add("oneOf", "should match exactly one schema in oneOf", [2]any{"passingSchemas", passing})
		case *kind.Not:
			sp = doc + "#" + ptr + "/not"
			add("not", "should NOT be valid")
		case *kind.FalseSchema:
			sp = doc + "#" + ptr + "/false schema"
			add("false schema", "boolean schema is false")
		default:
			kw := f.Keyword()
			add(kw, "should match \""+kw+"\" schema", [2]any{"failingKeyword", kw})
		}
	}
	return out
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
