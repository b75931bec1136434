package ajv

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/postie-run/postie/scripting/modules/internal/jsondoc"
)

// Failure is one schema violation found by Validate, in evaluation order.
type Failure struct {
	// Kind is the validator's description of the failed keyword.
	Kind jsonschema.ErrorKind
	// Instance is the location of the failing value in the data.
	Instance []string
	// SchemaPointer is the JSON pointer, within its schema document, of the
	// schema object holding the failed keyword ("" for the root).
	SchemaPointer string
	// Document is the URL of the schema document holding the keyword.
	Document string
	// PropertyName is set for failures of a propertyNames subschema: the
	// property name that failed.
	PropertyName string
	// Sub holds, for anyOf/oneOf/propertyNames, the failures of the
	// branches (with Options.Nest they are not also listed before it).
	Sub []Failure
}

// Options tune how Validate reports failures.
type Options struct {
	// FirstOnly stops at the first failure, as ajv without allErrors and
	// tv4.validate do; a failed anyOf/oneOf keeps the first failure of
	// each branch.
	FirstOnly bool
	// Rank orders keywords of one schema object (default: ajv 6's order).
	Rank map[string]int
	// PropertiesInDataOrder orders failures under "properties" by the data's
	// key order (tv4) instead of the schema's (ajv).
	PropertiesInDataOrder bool
	// StopAfter lists keywords whose failure ends the schema object's
	// evaluation (tv4 returns on these).
	StopAfter map[string]bool
	// Nest reports branch failures only inside Sub.
	Nest bool
	// ThroughRefs reports failures inside a "$ref"'d schema at the
	// referencing location (tv4) instead of the referenced one (ajv).
	ThroughRefs bool
	// AfterType also reports, after a "type" failure, the failures of the
	// schema object's other keywords, as ajv with allErrors does.
	AfterType bool

	// synth maps failures split off a "required" failure (ajv checks
	// required properties that have a subschema along with "properties")
	// to the schema URL they belong to.
	synth map[*jsonschema.ValidationError]string
}

// Keyword is the failed keyword's name, e.g. "required".
func (f Failure) Keyword() string {
	p := f.Kind.KeywordPath()
	if len(p) == 0 {
		return ""
	}
	return p[0]
}

// Value is a decoded JSON value with the key order of each of its objects
// (Go maps forget it; ajv and tv4 report errors in that order).
type Value struct {
	Doc   any
	Order Order
}

// Order maps the JSON pointer of every object in a value to its keys in
// source order.
type Order map[string][]string

// Index is the position of key in the object at ptr, or len(keys) when
// unknown.
func (o Order) Index(ptr, key string) int {
	keys := o[ptr]
	for i, k := range keys {
		if k == key {
			return i
		}
	}
	return len(keys)
}

// Pointer renders path as a JSON pointer.
func Pointer(path []string) string {
	var b strings.Builder
	for _, t := range path {
		b.WriteString("/" + strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

func keyOrder(text string) Order {
	order := Order{}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var walk func(ptr string) error
	walk = func(ptr string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			keys := []string{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				k, _ := kt.(string)
				keys = append(keys, k)
				if err := walk(ptr + Pointer([]string{k})); err != nil {
					return err
				}
			}
			order[ptr] = keys
			_, err = dec.Token()
			return err
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(ptr + "/" + strconv.Itoa(i)); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		}
		return nil
	}
	_ = walk("")
	return order
}

// At returns the value at JSON pointer ptr in v.
func (v Value) At(ptr string) (any, bool) {
	cur := v.Doc
	if ptr == "" {
		return cur, true
	}
	for _, raw := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok := strings.ReplaceAll(strings.ReplaceAll(raw, "~1", "/"), "~0", "~")
		switch t := cur.(type) {
		case map[string]any:
			next, ok := t[tok]
			if !ok {
				return nil, false
			}
			cur = next
		case []any:
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(t) {
				return nil, false
			}
			cur = t[n]
		default:
			return nil, false
		}
	}
	return cur, true
}

// Schemas compiles JSON schemas (held as values decoded from JSON) against
// a set of named documents.
type Schemas struct {
	Draft *jsonschema.Draft
	// Formats makes "format" an assertion, as ajv does.
	Formats bool
	// Extra are custom formats to register.
	Extra []*jsonschema.Format
	// Regexp compiles "pattern"/"patternProperties" (default: Go's regexp).
	Regexp jsonschema.RegexpEngine
	docs   map[string]Value
	order  []string
}

// Add registers doc under uri so "$ref" can reach it.
func (s *Schemas) Add(uri string, doc Value) {
	if s.docs == nil {
		s.docs = map[string]Value{}
	}
	if _, ok := s.docs[uri]; !ok {
		s.order = append(s.order, uri)
	}
	s.docs[uri] = doc
}

// Doc returns the document added under uri.
func (s *Schemas) Doc(uri string) (Value, bool) {
	d, ok := s.docs[uri]
	return d, ok
}

// Remove forgets the document added under uri.
func (s *Schemas) Remove(uri string) {
	delete(s.docs, uri)
	for i, u := range s.order {
		if u == uri {
			s.order = append(s.order[:i], s.order[i+1:]...)
			break
		}
	}
}

// RootURL is the URL the schema being compiled is registered under.
const rootURL = "urn:postie:schema:root"

// Compiled is a compiled schema.
type Compiled struct {
	Schema *jsonschema.Schema
	// Source is the schema as given.
	Source Value
	from   Schemas
}

// Compile compiles doc, a decoded JSON schema.
func (s *Schemas) Compile(doc Value) (*Compiled, error) {
	c := jsonschema.NewCompiler()
	if s.Draft != nil {
		c.DefaultDraft(s.Draft)
	}
	if s.Formats {
		c.AssertFormat()
	}
	for _, f := range s.Extra {
		c.RegisterFormat(f)
	}
	if s.Regexp != nil {
		c.UseRegexpEngine(s.Regexp)
	}
	c.UseLoader(noLoader{})
	for _, uri := range s.order {
		if err := c.AddResource(uri, s.docs[uri].Doc); err != nil {
			return nil, fmt.Errorf("adding schema %s: %w", uri, err)
		}
	}
	if err := c.AddResource(rootURL, doc.Doc); err != nil {
		return nil, fmt.Errorf("adding schema: %w", err)
	}
	sch, err := c.Compile(rootURL)
	if err != nil {
		return nil, fmt.Errorf("compiling schema: %w", err)
	}
	return &Compiled{Schema: sch, Source: doc, from: *s}, nil
}

type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("can't resolve reference %s", url)
}

// Validate validates data (decoded JSON) and returns its failures, nil
// when valid. With firstOnly it stops, as ajv without allErrors does, at
// the first failure; a failed anyOf/oneOf then still reports the first
// failure of each branch before itself.
func (c *Compiled) Validate(data Value, firstOnly bool) []Failure {
	return c.ValidateWith(data, Options{FirstOnly: firstOnly})
}

// ValidateWith validates data reporting failures as opts says.
func (c *Compiled) ValidateWith(data Value, opts Options) []Failure {
	if opts.Rank == nil {
		opts.Rank = rank
	}
	firstOnly := opts.FirstOnly
	err := c.Schema.Validate(data.Doc)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Failure{{Kind: &kind.Schema{Location: err.Error()}}}
	}
	opts.synth = map[*jsonschema.ValidationError]string{}
	units := c.collect(ve, data, &opts)
	if firstOnly && len(units) > 1 {
		units = units[:1]
	}
	var out []Failure
	for _, u := range units {
		out = append(out, u...)
	}
	if opts.AfterType && !firstOnly {
		out = c.afterType(data, out, opts)
	}
	return out
}

// afterType re-validates with the failed "type" keywords removed and
// inserts, after each type failure, the failures of the rest of that
// schema object for that value.
func (c *Compiled) afterType(data Value, fails []Failure, opts Options) []Failure {
	removed := map[string]bool{}
	for round := 0; round < 8; round++ {
		fresh := map[string]bool{}
		for _, f := range fails {
			if _, ok := f.Kind.(*kind.Type); ok && f.Document == rootURL && !removed[f.SchemaPointer] {
				fresh[f.SchemaPointer] = true
			}
		}
		if len(fresh) == 0 {
			return fails
		}
		for p := range fresh {
			removed[p] = true
		}
		doc := Value{Doc: withoutType(c.Source.Doc, "", removed), Order: c.Source.Order}
		from := c.from
		again, err := from.Compile(doc)
		if err != nil {
			return fails
		}
		sub := opts
		sub.AfterType = false
		more := again.ValidateWith(data, sub)
		var out []Failure
		for _, f := range fails {
			out = append(out, f)
			if _, ok := f.Kind.(*kind.Type); !ok || !fresh[f.SchemaPointer] || f.Document != rootURL {
				continue
			}
			for _, m := range more {
				if m.Document == rootURL && (m.SchemaPointer == f.SchemaPointer || strings.HasPrefix(m.SchemaPointer, f.SchemaPointer+"/")) && hasPrefix(m.Instance, f.Instance) {
					out = append(out, m)
				}
			}
		}
		fails = out
	}
	return fails
}

func hasPrefix(path, prefix []string) bool {
	if len(path) < len(prefix) {
		return false
	}
	for i := range prefix {
		if path[i] != prefix[i] {
			return false
		}
	}
	return true
}

// withoutType copies v without the "type" of the schema objects at the
// given pointers.
func withoutType(v any, ptr string, at map[string]bool) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			if k == "type" && at[ptr] {
				continue
			}
			out[k] = withoutType(e, ptr+Pointer([]string{k}), at)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = withoutType(e, ptr+"/"+strconv.Itoa(i), at)
		}
		return out
	}
	return v
}

// rank orders sibling failures as ajv evaluates keywords.
var rank = map[string]int{
	"$ref": 0, "type": 1,
	"maximum": 10, "exclusiveMaximum": 10, "minimum": 11, "exclusiveMinimum": 11, "multipleOf": 12,
	"maxLength": 20, "minLength": 21, "pattern": 22, "format": 23,
	"maxItems": 30, "minItems": 31, "items": 32, "additionalItems": 32, "contains": 33, "uniqueItems": 34,
	"maxProperties": 40, "minProperties": 41, "required": 42, "dependencies": 43, "dependentRequired": 43,
	"propertyNames": 44, "additionalProperties": 45, "properties": 46, "patternProperties": 47,
	"const": 50, "enum": 51, "not": 52, "anyOf": 53, "oneOf": 54, "allOf": 55, "if": 56, "then": 56, "else": 56,
}

// fragment returns the JSON pointer in url's fragment, percent-decoded.
func fragment(u string) string {
	i := strings.IndexByte(u, '#')
	if i < 0 {
		return ""
	}
	toks := strings.Split(u[i+1:], "/")
	for j, t := range toks {
		if d, err := url.PathUnescape(t); err == nil {
			toks[j] = d
		}
	}
	return strings.Join(toks, "/")
}

// EncodeFragment percent-encodes each token of a JSON pointer as
// JavaScript's encodeURIComponent does (ajv's schemaPath).
func EncodeFragment(ptr string) string {
	toks := strings.Split(ptr, "/")
	for i, t := range toks {
		var b strings.Builder
		for _, c := range []byte(t) {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0 {
				b.WriteByte(c)
			} else {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		}
		toks[i] = b.String()
	}
	return strings.Join(toks, "/")
}

// keyRank ranks a failure by the keyword that produced it in the schema
// object parent is at: the kind's keyword, or for failures inside a
// subschema the keyword leading to it (properties, items, ...).
func keyRank(rank map[string]int, parent string, e *jsonschema.ValidationError) int {
	kw := ""
	child := fragment(e.SchemaURL)
	if rest, ok := strings.CutPrefix(child, parent+"/"); ok && child != parent {
		kw, _, _ = strings.Cut(rest, "/")
	} else if p := e.ErrorKind.KeywordPath(); len(p) > 0 {
		kw = p[0]
	}
	if r, ok := rank[kw]; ok {
		return r
	}
	return 60
}

// collect flattens e into units: a unit is one failure, or a failed
// anyOf/oneOf/propertyNames with the failures of its branches.
func (c *Compiled) collect(e *jsonschema.ValidationError, data Value, opts *Options) [][]Failure {
	causes := c.order(e, append([]*jsonschema.ValidationError(nil), e.Causes...), data, opts)
	firstOnly := opts.FirstOnly
	switch k := e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf, *kind.PropertyNames:
		var unit []Failure
		for _, cause := range causes {
			sub := c.collect(cause, data, opts)
			if firstOnly && len(sub) > 1 {
				sub = sub[:1]
			}
			for _, u := range sub {
				if pn, ok := k.(*kind.PropertyNames); ok {
					for i := range u {
						u[i].PropertyName = pn.Property
					}
				}
				unit = append(unit, u...)
			}
		}
		self := leaf(e, opts)
		self.Sub = unit
		if opts.Nest {
			return [][]Failure{{self}}
		}
		return [][]Failure{append(unit, self)}
	case *kind.Contains:
		return [][]Failure{{leaf(e, opts)}}
	}
	if len(causes) == 0 {
		return [][]Failure{{leaf(e, opts)}}
	}
	var out [][]Failure
	for _, cause := range causes {
		out = append(out, c.collect(cause, data, opts)...)
	}
	if ref, ok := e.ErrorKind.(*kind.Reference); ok && opts.ThroughRefs {
		from, to := fragment(ref.URL), fragment(e.SchemaURL)
		for _, u := range out {
			rebase(u, from, to)
		}
	}
	return out
}

// rebase rewrites schema pointers below from to be below to.
func rebase(fails []Failure, from, to string) {
	for i := range fails {
		if rest, ok := strings.CutPrefix(fails[i].SchemaPointer, from); ok && (rest == "" || rest[0] == '/') {
			fails[i].SchemaPointer = to + rest
		}
		rebase(fails[i].Sub, from, to)
	}
}

// order sorts e's causes as ajv evaluates them: by keyword, then for
// "properties" in the schema's property order, otherwise in the data's
// key or index order.
func (c *Compiled) order(e *jsonschema.ValidationError, causes []*jsonschema.ValidationError, data Value, opts *Options) []*jsonschema.ValidationError {
	parent := fragment(e.SchemaURL)
	if !opts.PropertiesInDataOrder {
		causes = c.splitRequired(parent, causes, opts)
	}
	depth := len(e.InstanceLocation)
	// key orders failures of equal keyword rank: by the schema's property
	// order along "properties" (ajv), then by the data's key/index order.
	key := func(x *jsonschema.ValidationError) []int {
		var k []int
		child := fragment(x.SchemaURL)
		if rest, ok := strings.CutPrefix(child, parent+"/"); ok && !opts.PropertiesInDataOrder && strings.HasPrefix(x.SchemaURL, rootURL) {
			toks := strings.Split(rest, "/")
			cur := parent
			for i := 0; i < len(toks); i++ {
				if toks[i] == "properties" && i+1 < len(toks) {
					name := strings.ReplaceAll(strings.ReplaceAll(toks[i+1], "~1", "/"), "~0", "~")
					k = append(k, c.Source.Order.Index(cur+"/properties", name))
					cur += "/properties/" + toks[i+1]
					i++
					continue
				}
				cur += "/" + toks[i]
			}
		}
		k = append(k, -1) // separates the schema part from the data part
		for d := depth; d < len(x.InstanceLocation); d++ {
			at := x.InstanceLocation[:d]
			tok := x.InstanceLocation[d]
			if _, isArr := jsondoc.At(data.Doc, at).([]any); isArr {
				n, _ := strconv.Atoi(tok)
				k = append(k, n)
				continue
			}
			k = append(k, data.Order.Index(Pointer(at), tok))
		}
		return k
	}
	less := func(a, b []int) bool {
		for i := 0; i < len(a) && i < len(b); i++ {
			if a[i] != b[i] {
				return a[i] < b[i]
			}
		}
		return len(a) < len(b)
	}
	sort.SliceStable(causes, func(i, j int) bool {
		ri, rj := keyRank(opts.Rank, parent, causes[i]), keyRank(opts.Rank, parent, causes[j])
		if ri != rj {
			return ri < rj
		}
		return less(key(causes[i]), key(causes[j]))
	})
	for i, x := range causes {
		if fragment(x.SchemaURL) != parent {
			continue
		}
		if p := x.ErrorKind.KeywordPath(); len(p) > 0 && opts.StopAfter[p[0]] {
			return causes[:i+1]
		}
	}
	return causes
}

// splitRequired moves missing required properties that have a subschema
// under "properties" to that property's place, where ajv reports them.
func (c *Compiled) splitRequired(parent string, causes []*jsonschema.ValidationError, opts *Options) []*jsonschema.ValidationError {
	var out []*jsonschema.ValidationError
	for _, x := range causes {
		req, ok := x.ErrorKind.(*kind.Required)
		if !ok || fragment(x.SchemaURL) != parent || !strings.HasPrefix(x.SchemaURL, rootURL+"#") {
			out = append(out, x)
			continue
		}
		var own []string
		for _, m := range req.Missing {
			sub, ok := c.Source.At(parent + "/properties" + Pointer([]string{m}))
			if !ok || !hasRules(sub) {
				own = append(own, m)
				continue
			}
			y := &jsonschema.ValidationError{
				SchemaURL:        rootURL + "#" + parent + "/properties" + Pointer([]string{m}),
				InstanceLocation: x.InstanceLocation,
				ErrorKind:        &kind.Required{Missing: []string{m}},
			}
			opts.synth[y] = x.SchemaURL
			out = append(out, y)
		}
		if len(own) > 0 {
			out = append(out, &jsonschema.ValidationError{SchemaURL: x.SchemaURL, InstanceLocation: x.InstanceLocation, ErrorKind: &kind.Required{Missing: own}})
		}
	}
	return out
}

// hasRules reports whether a subschema constrains anything.
func hasRules(v any) bool {
	switch t := v.(type) {
	case bool:
		return !t
	case map[string]any:
		return len(t) > 0
	}
	return false
}

func leaf(e *jsonschema.ValidationError, opts *Options) Failure {
	u := e.SchemaURL
	if orig, ok := opts.synth[e]; ok {
		u = orig
	}
	doc, _, _ := strings.Cut(u, "#")
	return Failure{Kind: e.ErrorKind, Instance: e.InstanceLocation, SchemaPointer: fragment(u), Document: doc}
}

// JSRegexp returns a regexp engine using rt's RegExp, so patterns mean
// what they mean in JavaScript (lookaheads, backreferences, \d, ...).
func JSRegexp(rt *goja.Runtime) jsonschema.RegexpEngine {
	return func(pattern string) (jsonschema.Regexp, error) {
		ctor, ok := goja.AssertConstructor(rt.Get("RegExp"))
		if !ok {
			return nil, fmt.Errorf("RegExp is not a constructor")
		}
		re, err := ctor(nil, rt.ToValue(pattern))
		if err != nil {
			return nil, fmt.Errorf("invalid pattern %q: %w", pattern, err)
		}
		test, ok := goja.AssertFunction(re.Get("test"))
		if !ok {
			return nil, fmt.Errorf("RegExp has no test method")
		}
		return &jsRegexp{src: pattern, re: re, test: test, rt: rt}, nil
	}
}

type jsRegexp struct {
	src  string
	re   *goja.Object
	test goja.Callable
	rt   *goja.Runtime
}

func (r *jsRegexp) String() string { return r.src }

func (r *jsRegexp) MatchString(s string) bool {
	v, err := r.test(r.re, r.rt.ToValue(s))
	return err == nil && v.ToBoolean()
}

// Decode turns a JavaScript value into decoded JSON via JSON.stringify.
func Decode(rt *goja.Runtime, v goja.Value) (Value, error) {
	if v == nil || goja.IsUndefined(v) {
		return Value{}, nil
	}
	stringify, ok := goja.AssertFunction(rt.Get("JSON").ToObject(rt).Get("stringify"))
	if !ok {
		return Value{}, fmt.Errorf("JSON.stringify is not a function")
	}
	s, err := stringify(goja.Undefined(), v)
	if err != nil {
		return Value{}, err
	}
	if goja.IsUndefined(s) {
		return Value{}, nil
	}
	text := s.String()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(text))
	if err != nil {
		return Value{}, fmt.Errorf("decoding value: %w", err)
	}
	return Value{Doc: doc, Order: keyOrder(text)}, nil
}

// isIndex reports whether token addresses an array element when walking
// data along path.
func indexSteps(data any, path []string) []bool {
	out := make([]bool, len(path))
	cur := data
	for i, tok := range path {
		switch v := cur.(type) {
		case []any:
			out[i] = true
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(v) {
				cur = nil
				continue
			}
			cur = v[n]
		case map[string]any:
			cur = v[tok]
		default:
			cur = nil
		}
	}
	return out
}
