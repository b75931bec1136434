// Package tv4 provides the "tv4" module (also the legacy global tv4): a
// tv4 1.3 compatible JSON Schema draft-04 validator backed by
// santhosh-tekuri/jsonschema through package ajv's helpers.
//
// Supported: validate(data, schema) with tv4.error / tv4.missing / tv4.valid,
// validateResult, validateMultiple, addSchema(uri, schema) and
// addSchema(schemaWithId), getSchema, getSchemaUris, dropSchemas, reset,
// addFormat (custom format functions returning an error string), freshApi
// and errorCodes. Errors carry tv4's message, code, params, dataPath and
// schemaPath for type, enum, numeric, string, array, object, anyOf, oneOf
// and not keywords, in tv4's order.
//
// Unresolvable "$ref"s are reported in "missing" and the referring
// subschemas are skipped, as tv4 does.
//
// Gaps: checkRecursive, banUnknownProperties, defineKeyword, languages and
// setErrorReporter are not supported; errors are ValidationError-named
// Error objects without tv4's prefixWith method.
package tv4

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/ajv"
	"github.com/postie-run/postie/scripting/modules/internal/jsondoc"
)

// Module returns the "tv4" module, also exposed as the global tv4.
func Module() modules.Module {
	return modules.Module{Name: "tv4", Globals: []string{"tv4"}, Load: Load}
}

// Load builds the tv4 API object in rt.
func Load(rt *goja.Runtime, _ modules.Compiler) (goja.Value, error) {
	return newAPI(rt), nil
}

// Error codes as tv4 numbers them.
var errorCodes = map[string]int{
	"INVALID_TYPE": 0, "ENUM_MISMATCH": 1, "ANY_OF_MISSING": 10, "ONE_OF_MISSING": 11, "ONE_OF_MULTIPLE": 12, "NOT_PASSED": 13,
	"NUMBER_MULTIPLE_OF": 100, "NUMBER_MINIMUM": 101, "NUMBER_MINIMUM_EXCLUSIVE": 102, "NUMBER_MAXIMUM": 103,
	"NUMBER_MAXIMUM_EXCLUSIVE": 104, "NUMBER_NOT_A_NUMBER": 105,
	"STRING_LENGTH_SHORT": 200, "STRING_LENGTH_LONG": 201, "STRING_PATTERN": 202,
	"OBJECT_PROPERTIES_MINIMUM": 300, "OBJECT_PROPERTIES_MAXIMUM": 301, "OBJECT_REQUIRED": 302,
	"OBJECT_ADDITIONAL_PROPERTIES": 303, "OBJECT_DEPENDENCY_KEY": 304,
	"ARRAY_LENGTH_SHORT": 400, "ARRAY_LENGTH_LONG": 401, "ARRAY_UNIQUE": 402, "ARRAY_ADDITIONAL_ITEMS": 403,
	"FORMAT_CUSTOM": 500, "KEYWORD_CUSTOM": 501, "CIRCULAR_REFERENCE": 600, "UNKNOWN_PROPERTY": 1000,
}

// tv4's keyword evaluation order within one schema object.
var tv4Rank = map[string]int{
	"$ref": 0, "type": 1, "enum": 2,
	"multipleOf": 10, "minimum": 11, "exclusiveMinimum": 11, "maximum": 12, "exclusiveMaximum": 12,
	"minLength": 20, "maxLength": 20, "pattern": 21,
	"minItems": 30, "maxItems": 30, "uniqueItems": 31, "items": 32, "additionalItems": 32,
	"minProperties": 40, "maxProperties": 40, "required": 41,
	"properties": 42, "patternProperties": 42, "additionalProperties": 42, "dependencies": 43,
	"allOf": 50, "anyOf": 51, "oneOf": 52, "not": 53, "format": 60,
}

// Keywords on whose failure tv4 stops evaluating the schema object.
var tv4Stop = map[string]bool{
	"type": true, "enum": true, "multipleOf": true, "minimum": true, "exclusiveMinimum": true,
	"maximum": true, "exclusiveMaximum": true, "minLength": true, "maxLength": true, "pattern": true,
	"anyOf": true, "oneOf": true, "not": true, "format": true,
}

type api struct {
	rt       *goja.Runtime
	obj      *goja.Object
	schemas  ajv.Schemas
	uris     []string
	formats  map[string]goja.Callable
	errProto *goja.Object
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func newAPI(rt *goja.Runtime) *goja.Object {
	a := &api{rt: rt, obj: rt.NewObject(), formats: map[string]goja.Callable{}}
	a.schemas = ajv.Schemas{Draft: jsonschema.Draft4, Regexp: ajv.JSRegexp(rt)}
	a.errProto = rt.NewObject()
	must(a.errProto.SetPrototype(rt.Get("Error").ToObject(rt).Get("prototype").ToObject(rt)))
	must(a.errProto.Set("name", "ValidationError"))
	o := a.obj
	must(o.Set("error", goja.Null()))
	must(o.Set("missing", rt.NewArray()))
	must(o.Set("valid", true))
	codes := rt.NewObject()
	for k, v := range errorCodes {
		must(codes.Set(k, v))
	}
	must(o.Set("errorCodes", codes))
	must(o.Set("validate", func(data, schema goja.Value) bool {
		res := a.run(data, schema, false)
		must(o.Set("error", res.Get("error")))
		must(o.Set("missing", res.Get("missing")))
		must(o.Set("valid", res.Get("valid")))
		return res.Get("valid").ToBoolean()
	}))
	must(o.Set("validateResult", func(data, schema goja.Value) *goja.Object {
		res := a.run(data, schema, false)
		must(res.Set("toString", func(call goja.FunctionCall) goja.Value {
			this := call.This.ToObject(rt)
			if this.Get("valid").ToBoolean() {
				return rt.ToValue("valid")
			}
			return this.Get("error").ToObject(rt).Get("message")
		}))
		return res
	}))
	must(o.Set("validateMultiple", func(data, schema goja.Value) *goja.Object {
		return a.run(data, schema, true)
	}))
	must(o.Set("addSchema", func(call goja.FunctionCall) goja.Value {
		uri, schema := call.Argument(0), call.Argument(1)
		if _, ok := uri.Export().(string); !ok {
			schema, uri = uri, goja.Undefined()
		}
		doc, err := ajv.Decode(rt, schema)
		if err != nil {
			panic(ajv.JSError(rt, fmt.Sprintf("tv4.addSchema: %v", err)))
		}
		id := ""
		if !goja.IsUndefined(uri) {
			id = uri.String()
		} else if m, ok := doc.Doc.(map[string]any); ok {
			id, _ = m["id"].(string)
		}
		if id == "" {
			return rt.ToValue(false)
		}
		id = strings.TrimSuffix(id, "#")
		a.schemas.Add(id, doc)
		a.uris = append(a.uris, id)
		return rt.ToValue(true)
	}))
	must(o.Set("getSchema", func(uri string) goja.Value {
		doc, ok := a.schemas.Doc(strings.TrimSuffix(uri, "#"))
		if !ok {
			return goja.Undefined()
		}
		return rt.ToValue(jsondoc.Plain(doc.Doc))
	}))
	must(o.Set("getSchemaUris", func() goja.Value {
		out := make([]any, len(a.uris))
		for i, u := range a.uris {
			out[i] = u
		}
		return rt.NewArray(out...)
	}))
	drop := func() {
		for _, u := range a.uris {
			a.schemas.Remove(u)
		}
		a.uris = nil
	}
	must(o.Set("dropSchemas", drop))
	must(o.Set("reset", func() {
		drop()
		a.formats = map[string]goja.Callable{}
	}))
	must(o.Set("addFormat", func(call goja.FunctionCall) goja.Value {
		if m, ok := call.Argument(0).(*goja.Object); ok && call.Argument(1) == goja.Undefined() {
			for _, k := range m.Keys() {
				if fn, ok := goja.AssertFunction(m.Get(k)); ok {
					a.formats[k] = fn
				}
			}
			return goja.Undefined()
		}
		if fn, ok := goja.AssertFunction(call.Argument(1)); ok {
			a.formats[call.Argument(0).String()] = fn
		}
		return goja.Undefined()
	}))
	must(o.Set("freshApi", func() *goja.Object { return newAPI(rt) }))
	must(o.Set("defineKeyword", func() { panic(ajv.JSError(rt, "tv4.defineKeyword is not supported by postie")) }))
	return o
}

// formatError carries a custom format's message.
type formatError struct{ msg string }

func (e *formatError) Error() string { return e.msg }

func (a *api) run(data, schema goja.Value, multiple bool) *goja.Object {
	rt := a.rt
	res := rt.NewObject()
	doc, err := ajv.Decode(rt, schema)
	if err != nil {
		panic(ajv.JSError(rt, fmt.Sprintf("tv4: %v", err)))
	}
	val, err := ajv.Decode(rt, data)
	if err != nil {
		panic(ajv.JSError(rt, fmt.Sprintf("tv4: %v", err)))
	}
	doc.Doc = withoutUnknownFormats(doc.Doc, a.formats)
	schemas := a.schemas
	schemas.Formats = true
	schemas.Extra = a.formatCheckers()
	// tv4 skips the parts of a schema whose $ref it cannot resolve and
	// reports their URIs in "missing".
	missing := []any{}
	var compiled *ajv.Compiled
	for attempt := 0; ; attempt++ {
		compiled, err = schemas.Compile(doc)
		if err == nil {
			break
		}
		var le *jsonschema.LoadURLError
		if !errors.As(err, &le) || attempt > 20 {
			panic(ajv.JSError(rt, fmt.Sprintf("tv4: %v", err)))
		}
		missing = append(missing, le.URL)
		var replaced bool
		doc.Doc, replaced = dropRefs(doc.Doc, le.URL)
		if !replaced {
			compiled = nil
			break
		}
	}
	var fails []ajv.Failure
	if compiled != nil {
		fails = compiled.ValidateWith(val, ajv.Options{
			FirstOnly: !multiple, Rank: tv4Rank, PropertiesInDataOrder: true, StopAfter: tv4Stop, Nest: true, ThroughRefs: true,
		})
	}
	errs := a.errors(fails, doc, val, multiple)
	valid := len(errs) == 0
	if multiple {
		list := make([]any, len(errs))
		for i, e := range errs {
			list[i] = e
		}
		must(res.Set("errors", rt.NewArray(list...)))
	} else if valid {
		must(res.Set("error", goja.Null()))
	} else {
		must(res.Set("error", errs[0]))
	}
	must(res.Set("missing", rt.NewArray(missing...)))
	must(res.Set("valid", valid))
	return res
}

func (a *api) formatCheckers() []*jsonschema.Format {
	var out []*jsonschema.Format
	for name, fn := range a.formats {
		fn := fn
		out = append(out, &jsonschema.Format{Name: name, Validate: func(v any) error {
			r, err := fn(goja.Undefined(), a.rt.ToValue(jsondoc.Plain(v)))
			if err != nil {
				return &formatError{msg: err.Error()}
			}
			switch x := r.Export().(type) {
			case string:
				return &formatError{msg: x}
			case int64, float64:
				return &formatError{msg: fmt.Sprint(x)}
			}
			if o, ok := r.(*goja.Object); ok {
				m := o.Get("message")
				if m == nil || goja.IsUndefined(m) {
					return &formatError{msg: "?"}
				}
				return &formatError{msg: m.String()}
			}
			return nil
		}})
	}
	return out
}

// dropRefs replaces every {"$ref": url...} with an empty schema.
func dropRefs(v any, url string) (any, bool) {
	switch t := v.(type) {
	case map[string]any:
		if ref, ok := t["$ref"].(string); ok {
			base, _, _ := strings.Cut(ref, "#")
			if base == url || strings.HasSuffix(url, base) && base != "" {
				return map[string]any{}, true
			}
		}
		out := make(map[string]any, len(t))
		found := false
		for k, e := range t {
			var r bool
			out[k], r = dropRefs(e, url)
			found = found || r
		}
		return out, found
	case []any:
		out := make([]any, len(t))
		found := false
		for i, e := range t {
			var r bool
			out[i], r = dropRefs(e, url)
			found = found || r
		}
		return out, found
	}
	return v, false
}

// withoutUnknownFormats drops "format" keywords tv4 has no validator for
// (tv4 asserts only formats added with addFormat).
func withoutUnknownFormats(v any, known map[string]goja.Callable) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			if s, ok := e.(string); ok && k == "format" {
				if _, ok := known[s]; !ok {
					continue
				}
			}
			if k == "enum" || k == "default" || k == "const" || k == "examples" {
				out[k] = e
				continue
			}
			out[k] = withoutUnknownFormats(e, known)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = withoutUnknownFormats(e, known)
		}
		return out
	}
	return v
}

// jsType is typeof as tv4 reports it (null and array split out).
func jsType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case string:
		return "string"
	case bool:
		return "boolean"
	}
	return "number"
}

type tv4Error struct {
	code       int
	params     [][2]any
	dataPath   string
	schemaPath string
	sub        []tv4Error
}

var templates = map[int]string{
	0: "Invalid type: {type} (expected {expected})", 1: "No enum match for: {value}",
	10: `Data does not match any schemas from "anyOf"`, 11: `Data does not match any schemas from "oneOf"`,
	12:  `Data is valid against more than one schema from "oneOf": indices {index1} and {index2}`,
	13:  `Data matches schema from "not"`,
	100: "Value {value} is not a multiple of {multipleOf}", 101: "Value {value} is less than minimum {minimum}",
	102: "Value {value} is equal to exclusive minimum {minimum}", 103: "Value {value} is greater than maximum {maximum}",
	104: "Value {value} is equal to exclusive maximum {maximum}",
	200: "String is too short ({length} chars), minimum {minimum}", 201: "String is too long ({length} chars), maximum {maximum}",
	202: "String does not match pattern: {pattern}",
	300: "Too few properties defined ({propertyCount}), minimum {minimum}", 301: "Too many properties defined ({propertyCount}), maximum {maximum}",
	302: "Missing required property: {key}", 303: "Additional properties not allowed",
	304: "Dependency failed - key must exist: {missing} (due to key: {key})",
	400: "Array is too short ({length}), minimum {minimum}", 401: "Array is too long ({length}), maximum {maximum}",
	402: "Array items are not unique (indices {match1} and {match2})", 403: "Additional items not allowed",
	500: "Format validation failed ({message})",
}

func (e tv4Error) message() string {
	msg := templates[e.code]
	for _, kv := range e.params {
		msg = strings.ReplaceAll(msg, "{"+kv[0].(string)+"}", paramText(kv[1]))
	}
	return msg
}

func paramText(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case int, int64, float64, json.Number:
		return jsondoc.Text(t)
	}
	return fmt.Sprint(v)
}

func (a *api) errors(fails []ajv.Failure, schema, data ajv.Value, multiple bool) []goja.Value {
	var out []goja.Value
	for _, e := range convert(fails, schema, data, multiple, !multiple) {
		out = append(out, a.object(e))
	}
	return out
}

func (a *api) object(e tv4Error) goja.Value {
	rt := a.rt
	o := rt.NewObject()
	must(o.SetPrototype(a.errProto))
	must(o.Set("message", e.message()))
	p := rt.NewObject()
	for _, kv := range e.params {
		must(p.Set(kv[0].(string), kv[1]))
	}
	must(o.Set("params", p))
	must(o.Set("code", e.code))
	must(o.Set("dataPath", e.dataPath))
	must(o.Set("schemaPath", e.schemaPath))
	if e.sub == nil {
		must(o.Set("subErrors", goja.Null()))
	} else {
		subs := make([]any, len(e.sub))
		for i, s := range e.sub {
			subs[i] = a.object(s)
		}
		must(o.Set("subErrors", rt.NewArray(subs...)))
	}
	// tv4 captures the stack of an Error made before the message is set.
	must(o.Set("stack", "Error"))
	return o
}

// convert turns failures into tv4 errors. multiple expands per-key
// failures (required, additionalProperties, ...); first keeps only the
// first error.
func convert(fails []ajv.Failure, schema, dataV ajv.Value, multiple, first bool) []tv4Error {
	var out []tv4Error
	data := dataV.Doc
	for _, f := range fails {
		dp := ajv.Pointer(f.Instance)
		base := f.SchemaPointer
		add := func(code int, sp string, params ...[2]any) {
			out = append(out, tv4Error{code: code, params: params, dataPath: dp, schemaPath: sp})
		}
		at := jsondoc.At(data, f.Instance)
		switch k := f.Kind.(type) {
		case *kind.Type:
			want := k.Want
			if raw, ok := schema.At(base + "/type"); ok {
				switch t := raw.(type) {
				case []any:
					want = want[:0:0]
					for _, x := range t {
						want = append(want, fmt.Sprint(x))
					}
				case string:
					want = []string{t}
				}
			}
			add(0, base+"/type", [2]any{"type", jsType(at)}, [2]any{"expected", strings.Join(want, "/")})
		case *kind.Enum:
			b, _ := json.Marshal(at)
			add(1, base+"/type", [2]any{"value", string(b)})
		case *kind.MultipleOf:
			add(100, base, [2]any{"value", jsondoc.Plain(at)}, [2]any{"multipleOf", jsondoc.Rat(k.Want)})
		case *kind.Minimum:
			add(101, base+"/minimum", [2]any{"value", jsondoc.Plain(at)}, [2]any{"minimum", jsondoc.Rat(k.Want)})
		case *kind.ExclusiveMinimum:
			if k.Got.Cmp(k.Want) < 0 {
				add(101, base+"/minimum", [2]any{"value", jsondoc.Plain(at)}, [2]any{"minimum", jsondoc.Rat(k.Want)})
			} else {
				add(102, base+"/exclusiveMinimum", [2]any{"value", jsondoc.Plain(at)}, [2]any{"minimum", jsondoc.Rat(k.Want)})
			}
		case *kind.Maximum:
			add(103, base+"/maximum", [2]any{"value", jsondoc.Plain(at)}, [2]any{"maximum", jsondoc.Rat(k.Want)})
		case *kind.ExclusiveMaximum:
			if k.Got.Cmp(k.Want) > 0 {
				add(103, base+"/maximum", [2]any{"value", jsondoc.Plain(at)}, [2]any{"maximum", jsondoc.Rat(k.Want)})
			} else {
				add(104, base+"/exclusiveMaximum", [2]any{"value", jsondoc.Plain(at)}, [2]any{"maximum", jsondoc.Rat(k.Want)})
			}
		case *kind.MinLength:
			add(200, base+"/minLength", [2]any{"length", k.Got}, [2]any{"minimum", k.Want})
		case *kind.MaxLength:
			add(201, base+"/maxLength", [2]any{"length", k.Got}, [2]any{"maximum", k.Want})
		case *kind.Pattern:
			add(202, base+"/pattern", [2]any{"pattern", k.Want})
		case *kind.MinProperties:
			add(300, base+"/minProperties", [2]any{"propertyCount", k.Got}, [2]any{"minimum", k.Want})
		case *kind.MaxProperties:
			add(301, base+"/maxProperties", [2]any{"propertyCount", k.Got}, [2]any{"maximum", k.Want})
		case *kind.Required:
			req, _ := schema.At(base + "/required")
			list, _ := req.([]any)
			for _, m := range k.Missing {
				idx := 0
				for i, x := range list {
					if x == m {
						idx = i
					}
				}
				add(302, base+"/required/"+strconv.Itoa(idx), [2]any{"key", m})
				if !multiple {
					break
				}
			}
		case *kind.AdditionalProperties:
			ptr := ajv.Pointer(f.Instance)
			props := append([]string(nil), k.Properties...)
			sortByOrder(props, dataV.Order, ptr)
			for _, p := range props {
				out = append(out, tv4Error{code: 303, params: [][2]any{{"key", p}}, dataPath: dp + ajv.Pointer([]string{p}), schemaPath: base + "/additionalProperties"})
				if !multiple {
					break
				}
			}
		case *kind.Dependency:
			for i, m := range k.Missing {
				sp := base + "/dependencies/" + k.Prop
				if raw, ok := schema.At(sp); ok {
					if list, ok := raw.([]any); ok {
						for j, x := range list {
							if x == m {
								i = j
							}
						}
						sp += "/" + strconv.Itoa(i)
					}
				}
				add(304, sp, [2]any{"key", k.Prop}, [2]any{"missing", m})
				if !multiple {
					break
				}
			}
		case *kind.MinItems:
			add(400, base+"/minItems", [2]any{"length", k.Got}, [2]any{"minimum", k.Want})
		case *kind.MaxItems:
			add(401, base+"/maxItems", [2]any{"length", k.Got}, [2]any{"maximum", k.Want})
		case *kind.UniqueItems:
			add(402, base+"/uniqueItems", [2]any{"match1", k.Duplicates[0]}, [2]any{"match2", k.Duplicates[1]})
		case *kind.AdditionalItems:
			arr, _ := at.([]any)
			for i := len(arr) - k.Count; i < len(arr); i++ {
				out = append(out, tv4Error{code: 403, dataPath: dp + "/" + strconv.Itoa(i), schemaPath: base + "/additionalItems"})
				if !multiple {
					break
				}
			}
		case *kind.AnyOf:
			sub := nonNil(convert(f.Sub, schema, dataV, multiple, false))
			if !multiple {
				// tv4.validate prefixes anyOf branch errors twice.
				for i := range sub {
					prefix := base + "/anyOf/"
					if rest, ok := strings.CutPrefix(sub[i].schemaPath, prefix); ok {
						idx, _, _ := strings.Cut(rest, "/")
						sub[i].schemaPath = prefix + idx + "/anyOf/" + rest
					}
				}
			}
			out = append(out, tv4Error{code: 10, dataPath: dp, schemaPath: base + "/anyOf", sub: sub})
		case *kind.OneOf:
			if len(k.Subschemas) > 1 {
				add(12, base+"/oneOf", [2]any{"index1", k.Subschemas[0]}, [2]any{"index2", k.Subschemas[1]})
			} else {
				out = append(out, tv4Error{code: 11, dataPath: dp, schemaPath: base + "/oneOf", sub: nonNil(convert(f.Sub, schema, dataV, multiple, false))})
			}
		case *kind.Not:
			add(13, base+"/not")
		case *kind.Format:
			msg := "?"
			var fe *formatError
			if errors.As(k.Err, &fe) {
				msg = fe.msg
			}
			add(500, base+"/format", [2]any{"message", msg})
		default:
			continue
		}
		if first && len(out) > 0 {
			return out[:1]
		}
	}
	return out
}

func nonNil(e []tv4Error) []tv4Error {
	if e == nil {
		return []tv4Error{}
	}
	return e
}

func sortByOrder(keys []string, order ajv.Order, ptr string) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && order.Index(ptr, keys[j]) < order.Index(ptr, keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}
