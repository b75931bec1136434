// Package tv4 provides the "tv4" module (also the legacy global tv4): a
// tv4 1.3 compatible JSON Schema draft-04 validator backed by postie's
// own validator (internal/jsonschema) in its tv4 style.
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

	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/ajv"
	"github.com/postie-run/postie/scripting/modules/internal/jsondoc"
	"github.com/postie-run/postie/scripting/modules/internal/jsonschema"
)

// Module returns the "tv4" module, also exposed as the global tv4.
func Module() modules.Module {
	return modules.Module{Name: "tv4", Globals: []string{"tv4"}, Load: Load}
}

// Load builds the tv4 API object in rt.
func Load(rt *goja.Runtime, _ modules.Compiler) (goja.Value, error) {
	return newAPI(rt), nil
}

// errorCodes are tv4's error codes (a static table: no work at start-up).
var errorCodes = [...]struct {
	name string
	code int
}{
	{"INVALID_TYPE", 0},
	{"ENUM_MISMATCH", 1},
	{"ANY_OF_MISSING", 10},
	{"ONE_OF_MISSING", 11},
	{"ONE_OF_MULTIPLE", 12},
	{"NOT_PASSED", 13},
	{"NUMBER_MULTIPLE_OF", 100},
	{"NUMBER_MINIMUM", 101},
	{"NUMBER_MINIMUM_EXCLUSIVE", 102},
	{"NUMBER_MAXIMUM", 103},
	{"NUMBER_MAXIMUM_EXCLUSIVE", 104},
	{"NUMBER_NOT_A_NUMBER", 105},
	{"STRING_LENGTH_SHORT", 200},
	{"STRING_LENGTH_LONG", 201},
	{"STRING_PATTERN", 202},
	{"OBJECT_PROPERTIES_MINIMUM", 300},
	{"OBJECT_PROPERTIES_MAXIMUM", 301},
	{"OBJECT_REQUIRED", 302},
	{"OBJECT_ADDITIONAL_PROPERTIES", 303},
	{"OBJECT_DEPENDENCY_KEY", 304},
	{"ARRAY_LENGTH_SHORT", 400},
	{"ARRAY_LENGTH_LONG", 401},
	{"ARRAY_UNIQUE", 402},
	{"ARRAY_ADDITIONAL_ITEMS", 403},
	{"FORMAT_CUSTOM", 500},
	{"KEYWORD_CUSTOM", 501},
	{"CIRCULAR_REFERENCE", 600},
	{"UNKNOWN_PROPERTY", 1000},
}

type api struct {
	rt       *goja.Runtime
	obj      *goja.Object
	schemas  jsonschema.Compiler
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
	a.schemas = jsonschema.Compiler{Draft: jsonschema.Draft4, Regexp: ajv.JSRegexp(rt), SkipMissingRefs: true}
	a.errProto = rt.NewObject()
	must(a.errProto.SetPrototype(rt.Get("Error").ToObject(rt).Get("prototype").ToObject(rt)))
	must(a.errProto.Set("name", "ValidationError"))
	o := a.obj
	must(o.Set("error", goja.Null()))
	must(o.Set("missing", rt.NewArray()))
	must(o.Set("valid", true))
	codes := rt.NewObject()
	for _, c := range errorCodes {
		must(codes.Set(c.name, c.code))
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
		} else if m, ok := doc.Value.(map[string]any); ok {
			id, _ = m["id"].(string)
		}
		if id == "" {
			return rt.ToValue(false)
		}
		id = strings.TrimSuffix(id, "#")
		a.schemas.AddDocument(id, doc)
		a.uris = append(a.uris, id)
		return rt.ToValue(true)
	}))
	must(o.Set("getSchema", func(uri string) goja.Value {
		doc, ok := a.schemas.Document(uri)
		if !ok {
			return goja.Undefined()
		}
		return rt.ToValue(jsondoc.Plain(doc.Value))
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
			a.schemas.RemoveDocument(u)
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
	// tv4 asserts only the formats added with addFormat.
	a.schemas.Formats = a.formatCheckers()
	compiled, err := a.schemas.Compile(doc)
	if err != nil {
		panic(ajv.JSError(rt, fmt.Sprintf("tv4: %v", err)))
	}
	// Unresolvable "$ref"s are skipped and reported in "missing".
	result := compiled.Validate(val, jsonschema.Options{Style: jsonschema.Tv4, AllErrors: multiple})
	missing := make([]any, len(result.Missing))
	for i, m := range result.Missing {
		missing[i] = m
	}
	var errs []goja.Value
	for _, e := range convert(result.Errors, val.Order, !multiple) {
		errs = append(errs, a.object(e))
	}
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

// formatCheckers wraps the added formats as validator formats: a check
// fails with the message the format function returned.
func (a *api) formatCheckers() map[string]func(any) error {
	out := make(map[string]func(any) error, len(a.formats))
	for name, fn := range a.formats {
		out[name] = func(v any) error {
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
		}
	}
	return out
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

// template is the message template of an error code.
func template(code int) string {
	switch code {
	case 0:
		return "Invalid type: {type} (expected {expected})"
	case 1:
		return "No enum match for: {value}"
	case 10:
		return `Data does not match any schemas from "anyOf"`
	case 11:
		return `Data does not match any schemas from "oneOf"`
	case 12:
		return `Data is valid against more than one schema from "oneOf": indices {index1} and {index2}`
	case 13:
		return `Data matches schema from "not"`
	case 100:
		return "Value {value} is not a multiple of {multipleOf}"
	case 101:
		return "Value {value} is less than minimum {minimum}"
	case 102:
		return "Value {value} is equal to exclusive minimum {minimum}"
	case 103:
		return "Value {value} is greater than maximum {maximum}"
	case 104:
		return "Value {value} is equal to exclusive maximum {maximum}"
	case 200:
		return "String is too short ({length} chars), minimum {minimum}"
	case 201:
		return "String is too long ({length} chars), maximum {maximum}"
	case 202:
		return "String does not match pattern: {pattern}"
	case 300:
		return "Too few properties defined ({propertyCount}), minimum {minimum}"
	case 301:
		return "Too many properties defined ({propertyCount}), maximum {maximum}"
	case 302:
		return "Missing required property: {key}"
	case 303:
		return "Additional properties not allowed"
	case 304:
		return "Dependency failed - key must exist: {missing} (due to key: {key})"
	case 400:
		return "Array is too short ({length}), minimum {minimum}"
	case 401:
		return "Array is too long ({length}), maximum {maximum}"
	case 402:
		return "Array items are not unique (indices {match1} and {match2})"
	case 403:
		return "Additional items not allowed"
	case 500:
		return "Format validation failed ({message})"
	}
	return ""
}

func (e tv4Error) message() string {
	msg := template(e.code)
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

// stringify renders v, found at ptr in the data, as JSON.stringify does:
// keys in the data's order, no HTML escaping.
func stringify(v any, order jsonschema.Order, ptr string) string {
	var b strings.Builder
	writeJSON(&b, v, order, ptr)
	return b.String()
}

func writeJSON(b *strings.Builder, v any, order jsonschema.Order, ptr string) {
	switch t := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(t))
	case string:
		writeString(b, t)
	case []any:
		b.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, e, order, ptr+"/"+strconv.Itoa(i))
		}
		b.WriteByte(']')
	case map[string]any:
		b.WriteByte('{')
		for i, k := range order.Keys(ptr, t) {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, k)
			b.WriteByte(':')
			writeJSON(b, t[k], order, ptr+jsonschema.Pointer(k))
		}
		b.WriteByte('}')
	default:
		b.WriteString(jsondoc.Text(jsondoc.Plain(v)))
	}
}

// writeString quotes s as JSON.stringify does.
func writeString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// convert turns validation errors (validated in tv4 style) into tv4
// errors; single is tv4.validate's mode, which prefixes anyOf branch
// errors' schema paths twice.
func convert(fails []*jsonschema.Error, order jsonschema.Order, single bool) []tv4Error {
	out := make([]tv4Error, 0, len(fails))
	for _, f := range fails {
		steps := make([]string, len(f.Instance))
		for i, st := range f.Instance {
			steps[i] = st.Key
		}
		dp := jsonschema.Pointer(steps...)
		base := f.Path
		value := jsondoc.Plain(f.Value)
		limit := jsondoc.Plain(f.Limit)
		add := func(code int, sp string, params ...[2]any) {
			out = append(out, tv4Error{code: code, params: params, dataPath: dp, schemaPath: sp})
		}
		switch f.Keyword {
		case "type":
			add(0, base+"/type", [2]any{"type", jsType(f.Value)}, [2]any{"expected", strings.Join(f.Types, "/")})
		case "enum":
			add(1, base+"/type", [2]any{"value", stringify(f.Value, order, dp)})
		case "multipleOf":
			add(100, base, [2]any{"value", value}, [2]any{"multipleOf", limit})
		case "minimum":
			if f.Exclusive && equalNumbers(f.Value, f.Limit) {
				add(102, base+"/exclusiveMinimum", [2]any{"value", value}, [2]any{"minimum", limit})
			} else {
				add(101, base+"/minimum", [2]any{"value", value}, [2]any{"minimum", limit})
			}
		case "maximum":
			if f.Exclusive && equalNumbers(f.Value, f.Limit) {
				add(104, base+"/exclusiveMaximum", [2]any{"value", value}, [2]any{"maximum", limit})
			} else {
				add(103, base+"/maximum", [2]any{"value", value}, [2]any{"maximum", limit})
			}
		case "minLength":
			add(200, base+"/minLength", [2]any{"length", f.Actual}, [2]any{"minimum", f.Limit})
		case "maxLength":
			add(201, base+"/maxLength", [2]any{"length", f.Actual}, [2]any{"maximum", f.Limit})
		case "pattern":
			add(202, base+"/pattern", [2]any{"pattern", f.Pattern})
		case "minProperties":
			add(300, base+"/minProperties", [2]any{"propertyCount", f.Actual}, [2]any{"minimum", f.Limit})
		case "maxProperties":
			add(301, base+"/maxProperties", [2]any{"propertyCount", f.Actual}, [2]any{"maximum", f.Limit})
		case "required":
			add(302, base+"/required/"+strconv.Itoa(f.Index), [2]any{"key", f.Property})
		case "additionalProperties":
			add(303, base+"/additionalProperties", [2]any{"key", f.Property})
		case "dependencies":
			idx := 0
			for i, d := range f.Deps {
				if d == f.Property {
					idx = i
				}
			}
			add(304, base+jsonschema.Pointer("dependencies", f.Dependent, strconv.Itoa(idx)), [2]any{"key", f.Dependent}, [2]any{"missing", f.Property})
		case "minItems":
			add(400, base+"/minItems", [2]any{"length", f.Actual}, [2]any{"minimum", f.Limit})
		case "maxItems":
			add(401, base+"/maxItems", [2]any{"length", f.Actual}, [2]any{"maximum", f.Limit})
		case "uniqueItems":
			add(402, base+"/uniqueItems", [2]any{"match1", f.Pair[0]}, [2]any{"match2", f.Pair[1]})
		case "additionalItems":
			add(403, base+"/additionalItems")
		case "anyOf":
			sub := convert(f.Causes, order, single)
			if single {
				// tv4.validate prefixes anyOf branch errors, and theirs, twice.
				for i := range sub {
					doublePrefix(&sub[i], base+"/anyOf/")
				}
			}
			out = append(out, tv4Error{code: 10, dataPath: dp, schemaPath: base + "/anyOf", sub: sub})
		case "oneOf":
			if f.Passing {
				add(12, base+"/oneOf", [2]any{"index1", f.Pair[0]}, [2]any{"index2", f.Pair[1]})
			} else {
				out = append(out, tv4Error{code: 11, dataPath: dp, schemaPath: base + "/oneOf", sub: convert(f.Causes, order, single)})
			}
		case "not":
			add(13, base+"/not")
		case "format":
			msg := "?"
			var fe *formatError
			if errors.As(f.FormatErr, &fe) {
				msg = fe.msg
			}
			add(500, base+"/format", [2]any{"message", msg})
		}
	}
	return out
}

// doublePrefix repeats the "<prefix><index>" an error's schema path (and
// its sub-errors') starts with, as tv4.validate does for anyOf branches.
func doublePrefix(e *tv4Error, prefix string) {
	if rest, ok := strings.CutPrefix(e.schemaPath, prefix); ok {
		idx, _, _ := strings.Cut(rest, "/")
		e.schemaPath = prefix + idx + "/anyOf/" + rest
	}
	for i := range e.sub {
		doublePrefix(&e.sub[i], prefix)
	}
}

// equalNumbers compares two JSON numbers by value.
func equalNumbers(a, b any) bool {
	x, err1 := strconv.ParseFloat(jsondoc.Text(a), 64)
	y, err2 := strconv.ParseFloat(jsondoc.Text(b), 64)
	return err1 == nil && err2 == nil && x == y
}
