package jsonschema

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// Style selects whose evaluation order and stopping rules Validate follows.
type Style int

const (
	// Ajv evaluates as ajv 6 does: keywords grouped by the data type they
	// apply to, "properties" in the schema's order, required properties
	// that have a subschema checked along with "properties".
	Ajv Style = iota
	// Tv4 evaluates as tv4 1.3 does: "type" and "enum" first, object
	// properties in the data's order, some keywords ending their schema
	// object's evaluation even when collecting every error.
	Tv4
)

// Options tune a validation.
type Options struct {
	Style Style
	// AllErrors reports every error (ajv's allErrors, tv4's
	// validateMultiple); otherwise validation stops at the first one, as
	// both libraries do by default (anyOf/oneOf still try every branch).
	AllErrors bool
}

// Step is one step of a path into the validated data.
type Step struct {
	Key     string // property name, or array index in decimal
	Index   bool   // an array element
	Dynamic bool   // a property reached through additionalProperties or patternProperties
}

// Error is one violated keyword.
type Error struct {
	Keyword  string // the keyword, or "false schema"
	Instance []Step // where the failing value is in the data
	Value    any    // the failing value
	// Path is the JSON pointer of the schema object holding the keyword
	// along the evaluation path: "$ref"s are followed but not recorded.
	Path string
	// Document and Pointer locate that schema object: the URI it was
	// added under ("" for the schema being compiled) and its pointer.
	Document, Pointer string
	// Ref is the innermost "$ref" (as written) followed to reach the
	// schema object ("" if none), RefPointer the object's pointer relative
	// to that reference's target, and RefPlain reports whether the target
	// contains no "$ref" (ajv inlines such targets).
	Ref        string
	RefPointer string
	RefPlain   bool

	Types     []string // type: the allowed types as written
	Allowed   []any    // enum: the allowed values; const: the one value
	Limit     any      // numeric keywords: the limit as written; length and count keywords: an int
	Exclusive bool     // draft-04 minimum/maximum made exclusive
	Actual    int      // length and count keywords: the value's length or count
	Pattern   string   // pattern: the expression
	Format    string   // format: its name
	FormatErr error    // format: the check's error
	// Property is the missing property (required, dependencies), the
	// extra one (additionalProperties) or the invalid name (propertyNames).
	Property string
	Index    int // required: the position of Property in the list
	// ViaProperties marks a required property that has a subschema,
	// which ajv checks while applying "properties".
	ViaProperties bool
	Dependent     string   // dependencies: the present property needing others
	Deps          []string // dependencies: every property it needs
	// Pair holds the indexes of two equal items (uniqueItems; ajv: the
	// later item first) or of the first two passing branches (oneOf, with
	// Passing set).
	Pair    [2]int
	Passing bool
	// FailingKeyword is "then" or "else" for an "if" error.
	FailingKeyword string
	// Causes holds the errors of the failed branches of anyOf/oneOf (also
	// when two passed), of the items for contains and of the invalid name
	// for propertyNames.
	Causes []*Error
}

// Result is the outcome of a validation.
type Result struct {
	Errors []*Error
	// Missing lists, in the order met, the documents of "$ref"s that
	// could not be resolved (with Compiler.SkipMissingRefs).
	Missing []string
}

// Valid reports whether there were no errors.
func (r Result) Valid() bool { return len(r.Errors) == 0 }

// Validate validates data against s.
func (s *Schema) Validate(data Doc, opts Options) Result {
	vd := &validator{opts: opts, order: data.Order, active: map[activeKey]bool{}}
	var errs []*Error
	x := at{v: data.Value}
	if opts.Style == Tv4 {
		vd.tv4(s.root, x, &errs)
	} else {
		vd.ajv(s.root, x, &errs)
	}
	return Result{Errors: errs, Missing: vd.missing}
}

type activeKey struct {
	s   *schema
	ptr string
}

type validator struct {
	opts    Options
	order   Order
	missing []string
	active  map[activeKey]bool
	// composite counts the enclosing ajv composite rules.
	composite int
}

// at is a value being validated: where it is and how it was reached.
type at struct {
	v     any
	steps []Step
	ptr   string // JSON pointer of v in the data
	path  string // evaluation path of the schema object
	// the innermost $ref followed: as written, the length of path when
	// followed, and whether its target contains no $ref
	ref      string
	refAt    int
	refPlain bool
}

func (x at) child(key string, v any, index, dynamic bool, path string) at {
	steps := make([]Step, len(x.steps)+1)
	copy(steps, x.steps)
	steps[len(x.steps)] = Step{Key: key, Index: index, Dynamic: dynamic}
	return at{v: v, steps: steps, ptr: x.ptr + "/" + escapeToken(key), path: path, ref: x.ref, refAt: x.refAt, refPlain: x.refPlain}
}

func (x at) sub(path string) at {
	x.path = path
	return x
}

func (vd *validator) newError(kw string, s *schema, x at) *Error {
	e := &Error{Keyword: kw, Instance: x.steps, Value: x.v, Path: x.path, Document: s.doc, Pointer: s.ptr}
	if x.ref != "" {
		e.Ref, e.RefPointer, e.RefPlain = x.ref, x.path[x.refAt:], x.refPlain
	}
	return e
}

// viaRef validates x against the target of s's "$ref".
func (vd *validator) viaRef(s *schema, x at, out *[]*Error, eval func(*schema, at, *[]*Error) bool) bool {
	if s.ref == nil {
		for _, m := range vd.missing {
			if m == s.refMissing {
				return true
			}
		}
		vd.missing = append(vd.missing, s.refMissing)
		return true
	}
	// A target that is itself a reference stands for that reference's
	// target (its siblings are ignored), as ajv and tv4 resolve chains.
	target := s.ref
	for hops := 0; target.hasRef && target.ref != nil && hops < 64; hops++ {
		target = target.ref
	}
	key := activeKey{target, x.ptr}
	if vd.active[key] {
		return true // a reference cycle that consumes no data
	}
	vd.active[key] = true
	defer delete(vd.active, key)
	x.ref, x.refAt, x.refPlain = s.refText, len(x.path), target.plain
	if !target.plain {
		// ajv compiles such a target as a function of its own, outside
		// any composite rule of the caller.
		outer := vd.composite
		vd.composite = 0
		defer func() { vd.composite = outer }()
	}
	return eval(target, x, out)
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	if _, ok := toFloat(v); ok {
		return "number"
	}
	return ""
}

func typeMatches(types []string, v any) bool {
	t := jsonType(v)
	for _, want := range types {
		if want == t {
			return true
		}
		if want == "integer" && t == "number" {
			f, _ := toFloat(v)
			if f == math.Trunc(f) && !math.IsInf(f, 0) {
				return true
			}
		}
	}
	return false
}

// equal compares JSON values, numbers by value.
func equal(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equal(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case string, bool, nil:
		return a == b
	}
	f, ok1 := toFloat(a)
	g, ok2 := toFloat(b)
	return ok1 && ok2 && f == g
}

func (vd *validator) length(s string) int {
	if vd.opts.Style == Tv4 { // JavaScript's String length: UTF-16 code units
		n := 0
		for _, r := range s {
			if r > 0xFFFF {
				n += 2
			} else {
				n++
			}
		}
		return n
	}
	return utf8.RuneCountInString(s)
}

// Numeric checks, shared by both styles; each returns nil when satisfied.

func (vd *validator) checkMaximum(s *schema, x at, f float64) *Error {
	if s.maximum == nil || f < s.maximum.f || f == s.maximum.f && !s.exclusiveMaxBool {
		return nil
	}
	e := vd.newError("maximum", s, x)
	e.Limit, e.Exclusive = s.maximum.raw, s.exclusiveMaxBool
	return e
}

func (vd *validator) checkMinimum(s *schema, x at, f float64) *Error {
	if s.minimum == nil || f > s.minimum.f || f == s.minimum.f && !s.exclusiveMinBool {
		return nil
	}
	e := vd.newError("minimum", s, x)
	e.Limit, e.Exclusive = s.minimum.raw, s.exclusiveMinBool
	return e
}

func (vd *validator) checkExclusiveMaximum(s *schema, x at, f float64) *Error {
	if s.exclusiveMaximum == nil || f < s.exclusiveMaximum.f {
		return nil
	}
	e := vd.newError("exclusiveMaximum", s, x)
	e.Limit = s.exclusiveMaximum.raw
	return e
}

func (vd *validator) checkExclusiveMinimum(s *schema, x at, f float64) *Error {
	if s.exclusiveMinimum == nil || f > s.exclusiveMinimum.f {
		return nil
	}
	e := vd.newError("exclusiveMinimum", s, x)
	e.Limit = s.exclusiveMinimum.raw
	return e
}

// checkMultipleOf divides in floating point, as both libraries do: ajv
// wants a whole quotient; tv4 tolerates a remainder within 2^-51 of a
// whole number (and, as JavaScript's % keeps the sign, any negative one).
func (vd *validator) checkMultipleOf(s *schema, x at, f float64) *Error {
	if s.multipleOf == nil {
		return nil
	}
	q := f / s.multipleOf.f
	if vd.opts.Style == Tv4 {
		const low = 1.0 / (1 << 51)
		if r := math.Mod(q, 1); r < low || r >= 1-low {
			return nil
		}
	} else if q == math.Trunc(q) {
		return nil
	}
	e := vd.newError("multipleOf", s, x)
	e.Limit = s.multipleOf.raw
	return e
}

func (vd *validator) checkCount(kw string, s *schema, x at, limit, n int, max bool) *Error {
	if limit < 0 || max && n <= limit || !max && n >= limit {
		return nil
	}
	e := vd.newError(kw, s, x)
	e.Limit, e.Actual = limit, n
	return e
}

func (vd *validator) checkPattern(s *schema, x at, str string) *Error {
	if s.pattern == nil || s.pattern.MatchString(str) {
		return nil
	}
	e := vd.newError("pattern", s, x)
	e.Pattern = s.patternSrc
	return e
}

func (vd *validator) checkFormat(s *schema, x at) *Error {
	if s.formatCheck == nil {
		return nil
	}
	err := s.formatCheck(x.v)
	if err == nil {
		return nil
	}
	e := vd.newError("format", s, x)
	e.Format, e.FormatErr = s.format, err
	return e
}

func (vd *validator) checkType(s *schema, x at) *Error {
	if len(s.types) == 0 || typeMatches(s.types, x.v) {
		return nil
	}
	e := vd.newError("type", s, x)
	e.Types = s.types
	return e
}

func (vd *validator) checkEnum(s *schema, x at) *Error {
	if !s.hasEnum {
		return nil
	}
	for _, a := range s.enum {
		if equal(a, x.v) {
			return nil
		}
	}
	e := vd.newError("enum", s, x)
	e.Allowed = s.enum
	return e
}

func (vd *validator) checkConst(s *schema, x at) *Error {
	if !s.hasConst || equal(s.constVal, x.v) {
		return nil
	}
	e := vd.newError("const", s, x)
	e.Allowed = []any{s.constVal}
	return e
}

func (vd *validator) requiredError(s *schema, x at, idx int) *Error {
	e := vd.newError("required", s, x)
	e.Property, e.Index = s.required[idx], idx
	return e
}

func (vd *validator) keys(x at, obj map[string]any) []string {
	return vd.order.Keys(x.ptr, obj)
}

func index(i int) string { return strconv.Itoa(i) }

func isNumber(v any) bool {
	_, ok := toFloat(v)
	return ok && jsonType(v) == "number"
}
