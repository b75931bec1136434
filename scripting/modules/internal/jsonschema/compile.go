package jsonschema

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Draft is a JSON Schema draft.
type Draft int

// The supported drafts.
const (
	Draft4 Draft = 4
	Draft6 Draft = 6
	Draft7 Draft = 7
)

// Regexp is a compiled "pattern" or "patternProperties" expression.
type Regexp interface {
	MatchString(s string) bool
}

// Compiler compiles schemas that may refer to the documents added to it.
type Compiler struct {
	// Draft says which keywords exist and what they mean (default Draft7).
	Draft Draft
	// Formats are the asserted formats: a check returns nil when the value
	// conforms. Formats not listed are not checked.
	Formats map[string]func(v any) error
	// Regexp compiles patterns (default: Go's regexp package).
	Regexp func(pattern string) (Regexp, error)
	// SkipMissingRefs makes unresolvable "$ref"s pass, recording their
	// document URL in Result.Missing (tv4), instead of failing to compile.
	SkipMissingRefs bool

	docs map[string]Doc
}

// MissingRefError reports a "$ref" that resolves to no known schema.
type MissingRefError struct {
	Ref  string // the reference as written
	Base string // the base URI it was resolved against
}

func (e *MissingRefError) Error() string {
	return fmt.Sprintf("can't resolve reference %s from id %s#", e.Ref, e.Base)
}

// AddDocument registers doc under uri so "$ref"s can reach it.
func (c *Compiler) AddDocument(uri string, doc Doc) {
	if c.docs == nil {
		c.docs = map[string]Doc{}
	}
	c.docs[stripFragment(uri)] = doc
}

// RemoveDocument forgets the document registered under uri.
func (c *Compiler) RemoveDocument(uri string) {
	delete(c.docs, stripFragment(uri))
}

// Document returns the document registered under uri.
func (c *Compiler) Document(uri string) (Doc, bool) {
	d, ok := c.docs[stripFragment(uri)]
	return d, ok
}

// Schema is a compiled schema, ready to validate documents.
type Schema struct {
	root  *schema
	draft Draft
}

type num struct {
	f   float64
	raw any // as written, for error parameters
}

type namedSchema struct {
	name string
	s    *schema
}

type patternSchema struct {
	src string
	re  Regexp
	s   *schema
}

type dependency struct {
	name     string
	required []string // array form
	s        *schema  // schema form
}

// schema is one compiled schema object (or boolean schema).
type schema struct {
	doc string // registration key of the document holding it ("" root)
	ptr string // its JSON pointer in that document

	boolean *bool

	hasRef     bool // has a "$ref": ref is its target, or nil when missing
	ref        *schema
	refText    string // the $ref as written
	refMissing string // document URL of an unresolved ref (SkipMissingRefs)
	plain      bool   // contains no "$ref" at any depth

	types     []string
	typeArray bool

	enum     []any
	hasEnum  bool
	constVal any
	hasConst bool

	multipleOf, maximum, minimum, exclusiveMaximum, exclusiveMinimum *num
	exclusiveMaxBool, exclusiveMinBool                               bool // draft 4

	maxLength, minLength, maxItems, minItems, maxProperties, minProperties int
	pattern                                                                Regexp
	patternSrc                                                             string
	format                                                                 string
	formatCheck                                                            func(any) error

	items           *schema
	itemsTuple      []*schema
	hasTuple        bool
	additionalItems *schema
	contains        *schema
	uniqueItems     bool

	required             []string
	properties           []namedSchema
	propertyIndex        map[string]*schema
	patternProperties    []patternSchema
	additionalProperties *schema
	dependencies         []dependency
	propertyNames        *schema

	allOf, anyOf, oneOf []*schema
	not                 *schema
	ifS, thenS, elseS   *schema

	keys map[string]bool // keywords present
}

type compiling struct {
	c      *Compiler
	root   Doc
	byLoc  map[string]*schema // doc#ptr -> compiled
	ids    map[string]loc     // absolute id URL -> location
	idsFor map[string]bool    // documents indexed
}

type loc struct {
	doc  string
	ptr  string
	base string
}

// Compile compiles root, which may refer to itself and to the added
// documents.
func (c *Compiler) Compile(root Doc) (*Schema, error) {
	draft := c.Draft
	if draft == 0 {
		draft = Draft7
	}
	cc := &compiling{c: c, root: root, byLoc: map[string]*schema{}, ids: map[string]loc{}, idsFor: map[string]bool{}}
	cc.index("")
	s, err := cc.compile(draft, "", "", rootBase(draft, root.Value))
	if err != nil {
		return nil, err
	}
	return &Schema{root: s, draft: draft}, nil
}

func rootBase(draft Draft, v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	id, _ := m[idKey(draft)].(string)
	if strings.HasPrefix(id, "#") {
		return ""
	}
	return stripFragment(id)
}

func idKey(d Draft) string {
	if d == Draft4 {
		return "id"
	}
	return "$id"
}

func (cc *compiling) doc(key string) (Doc, bool) {
	if key == "" {
		return cc.root, true
	}
	d, ok := cc.c.docs[key]
	return d, ok
}

func (cc *compiling) draft() Draft {
	if cc.c.Draft == 0 {
		return Draft7
	}
	return cc.c.Draft
}

// index records the ids of document key's schema objects.
func (cc *compiling) index(key string) {
	if cc.idsFor[key] {
		return
	}
	cc.idsFor[key] = true
	d, ok := cc.doc(key)
	if !ok {
		return
	}
	cc.indexAt(d.Value, key, "", key)
}

func (cc *compiling) indexAt(v any, doc, ptr, base string) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	if id, ok := m[idKey(cc.draft())].(string); ok && id != "" {
		abs := resolve(base, id)
		if strings.HasPrefix(id, "#") {
			cc.ids[abs] = loc{doc, ptr, base}
		} else {
			base = stripFragment(abs)
			cc.ids[base] = loc{doc, ptr, base}
		}
	}
	for k, sub := range m {
		switch k {
		case "enum", "const", "default", "examples", "required":
			continue
		case "properties", "patternProperties", "definitions", "dependencies":
			if mm, ok := sub.(map[string]any); ok {
				for name, e := range mm {
					cc.indexAt(e, doc, ptr+Pointer(k, name), base)
				}
			}
		case "items", "allOf", "anyOf", "oneOf":
			if arr, ok := sub.([]any); ok {
				for i, e := range arr {
					cc.indexAt(e, doc, ptr+Pointer(k, strconv.Itoa(i)), base)
				}
			} else {
				cc.indexAt(sub, doc, ptr+Pointer(k), base)
			}
		default:
			cc.indexAt(sub, doc, ptr+Pointer(k), base)
		}
	}
}

func stripFragment(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		return u[:i]
	}
	return u
}

// resolve resolves ref against base as a URI reference.
func resolve(base, ref string) string {
	if strings.HasPrefix(ref, "#") {
		return stripFragment(base) + ref
	}
	r, err := url.Parse(ref)
	if err != nil || r.IsAbs() || base == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil || b.Opaque != "" || !b.IsAbs() {
		return ref
	}
	return b.ResolveReference(r).String()
}

// lookup finds the schema object an absolute reference names.
func (cc *compiling) lookup(abs, raw string) (loc, bool) {
	docURL, frag, _ := strings.Cut(abs, "#")
	if frag != "" && !strings.HasPrefix(frag, "/") {
		l, ok := cc.ids[abs]
		return l, ok
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	var at loc
	if l, ok := cc.ids[docURL]; ok {
		at = l
	} else if docURL == "" {
		at = loc{doc: "", base: ""}
	} else if _, ok := cc.c.docs[docURL]; ok {
		cc.index(docURL)
		at = loc{doc: docURL, base: docURL}
	} else if rawDoc := stripFragment(raw); rawDoc != docURL {
		if _, ok := cc.c.docs[rawDoc]; !ok {
			return loc{}, false
		}
		cc.index(rawDoc)
		at = loc{doc: rawDoc, base: rawDoc}
	} else {
		return loc{}, false
	}
	d, _ := cc.doc(at.doc)
	if _, ok := At(d.Value, at.ptr+frag); !ok {
		return loc{}, false
	}
	at.ptr += frag
	return at, true
}

func (cc *compiling) compile(draft Draft, doc, ptr, base string) (*schema, error) {
	key := doc + "#" + ptr
	if s, ok := cc.byLoc[key]; ok {
		return s, nil
	}
	d, _ := cc.doc(doc)
	v, ok := At(d.Value, ptr)
	if !ok {
		return nil, fmt.Errorf("no schema at %s#%s", doc, ptr)
	}
	s := &schema{doc: doc, ptr: ptr, maxLength: -1, minLength: -1, maxItems: -1, minItems: -1, maxProperties: -1, minProperties: -1}
	cc.byLoc[key] = s
	if b, ok := v.(bool); ok {
		s.boolean, s.plain = &b, true
		return s, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, &SchemaError{Location: doc + "#" + ptr, Err: errors.New("a schema must be an object or a boolean")}
	}
	if err := cc.fill(draft, s, m, d.Order, base); err != nil {
		var se *SchemaError
		if errors.As(err, &se) {
			return nil, err
		}
		return nil, &SchemaError{Location: doc + "#" + ptr, Err: err}
	}
	return s, nil
}

// SchemaError reports an invalid schema object.
type SchemaError struct {
	Location string // document URI # JSON pointer
	Err      error
}

func (e *SchemaError) Error() string { return "schema at " + e.Location + ": " + e.Err.Error() }

func (e *SchemaError) Unwrap() error { return e.Err }

func isTypeName(n string) bool {
	switch n {
	case "null", "boolean", "object", "array", "number", "integer", "string":
		return true
	}
	return false
}

func toNum(v any) (*num, bool) {
	f, ok := toFloat(v)
	if !ok {
		return nil, false
	}
	return &num{f: f, raw: v}, true
}

func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	}
	return 0, false
}

func toCount(v any) (int, bool) {
	f, ok := toFloat(v)
	if !ok || f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
		return 0, false
	}
	return int(f), true
}

func (cc *compiling) fill(draft Draft, s *schema, m map[string]any, order Order, base string) error {
	doc, ptr := s.doc, s.ptr
	s.plain = !containsRef(m)
	s.keys = make(map[string]bool, len(m))
	for k := range m {
		s.keys[k] = true
	}
	if id, ok := m[idKey(draft)].(string); ok && id != "" && !strings.HasPrefix(id, "#") {
		base = stripFragment(resolve(base, id))
	}
	sub := func(p ...string) (*schema, error) {
		return cc.compile(draft, doc, ptr+Pointer(p...), base)
	}
	if t, ok := m["type"]; ok {
		switch tv := t.(type) {
		case string:
			s.types = []string{tv}
		case []any:
			s.typeArray = true
			for _, e := range tv {
				n, ok := e.(string)
				if !ok {
					return fmt.Errorf("type must be a string or an array of strings")
				}
				s.types = append(s.types, n)
			}
		default:
			return fmt.Errorf("type must be a string or an array of strings")
		}
		for _, n := range s.types {
			if !isTypeName(n) {
				return fmt.Errorf("unknown type %q", n)
			}
		}
	}
	if ref, ok := m["$ref"]; ok {
		r, ok := ref.(string)
		if !ok {
			return fmt.Errorf("$ref must be a string")
		}
		s.refText, s.hasRef = r, true
		abs := resolve(base, r)
		at, found := cc.lookup(abs, r)
		if !found {
			if cc.c.SkipMissingRefs {
				s.refMissing = stripFragment(abs)
				return nil
			}
			return &MissingRefError{Ref: r, Base: base}
		}
		t, err := cc.compile(draft, at.doc, at.ptr, at.base)
		if err != nil {
			return err
		}
		s.ref = t
		return nil // draft 4 to 7: siblings of $ref are ignored (but see ajv's type)
	}
	if e, ok := m["enum"]; ok {
		arr, ok := e.([]any)
		if !ok {
			return fmt.Errorf("enum must be an array")
		}
		s.enum, s.hasEnum = arr, true
	}
	if c, ok := m["const"]; ok && draft >= Draft6 {
		s.constVal, s.hasConst = c, true
	}
	for _, kw := range []struct {
		name string
		dst  **num
	}{{"multipleOf", &s.multipleOf}, {"maximum", &s.maximum}, {"minimum", &s.minimum}} {
		if v, ok := m[kw.name]; ok {
			n, ok := toNum(v)
			if !ok {
				return fmt.Errorf("%s must be a number", kw.name)
			}
			if kw.name == "multipleOf" && n.f <= 0 {
				return fmt.Errorf("multipleOf must be greater than 0")
			}
			*kw.dst = n
		}
	}
	for _, kw := range []struct {
		name string
		dst  **num
		flag *bool
	}{{"exclusiveMaximum", &s.exclusiveMaximum, &s.exclusiveMaxBool}, {"exclusiveMinimum", &s.exclusiveMinimum, &s.exclusiveMinBool}} {
		v, ok := m[kw.name]
		if !ok {
			continue
		}
		if draft == Draft4 {
			b, ok := v.(bool)
			if !ok {
				return fmt.Errorf("%s must be a boolean in draft 4", kw.name)
			}
			*kw.flag = b
			continue
		}
		n, ok := toNum(v)
		if !ok {
			return fmt.Errorf("%s must be a number", kw.name)
		}
		*kw.dst = n
	}
	for _, kw := range []struct {
		name string
		dst  *int
	}{{"maxLength", &s.maxLength}, {"minLength", &s.minLength}, {"maxItems", &s.maxItems}, {"minItems", &s.minItems}, {"maxProperties", &s.maxProperties}, {"minProperties", &s.minProperties}} {
		if v, ok := m[kw.name]; ok {
			n, ok := toCount(v)
			if !ok {
				return fmt.Errorf("%s must be a non-negative integer", kw.name)
			}
			*kw.dst = n
		}
	}
	if p, ok := m["pattern"]; ok {
		src, ok := p.(string)
		if !ok {
			return fmt.Errorf("pattern must be a string")
		}
		re, err := cc.regexp(src)
		if err != nil {
			return err
		}
		s.pattern, s.patternSrc = re, src
	}
	if f, ok := m["format"].(string); ok {
		if check, ok := cc.c.Formats[f]; ok {
			s.format, s.formatCheck = f, check
		}
	}
	if it, ok := m["items"]; ok {
		if arr, ok := it.([]any); ok {
			s.hasTuple = true
			for i := range arr {
				t, err := sub("items", strconv.Itoa(i))
				if err != nil {
					return err
				}
				s.itemsTuple = append(s.itemsTuple, t)
			}
		} else {
			t, err := sub("items")
			if err != nil {
				return err
			}
			s.items = t
		}
	}
	single := []struct {
		name string
		dst  **schema
		min  Draft
	}{
		{"additionalItems", &s.additionalItems, Draft4}, {"contains", &s.contains, Draft6},
		{"additionalProperties", &s.additionalProperties, Draft4}, {"propertyNames", &s.propertyNames, Draft6},
		{"not", &s.not, Draft4}, {"if", &s.ifS, Draft7}, {"then", &s.thenS, Draft7}, {"else", &s.elseS, Draft7},
	}
	for _, kw := range single {
		if _, ok := m[kw.name]; !ok || draft < kw.min {
			continue
		}
		t, err := sub(kw.name)
		if err != nil {
			return err
		}
		*kw.dst = t
	}
	if u, ok := m["uniqueItems"]; ok {
		b, ok := u.(bool)
		if !ok {
			return fmt.Errorf("uniqueItems must be a boolean")
		}
		s.uniqueItems = b
	}
	if r, ok := m["required"]; ok {
		arr, ok := r.([]any)
		if !ok {
			return fmt.Errorf("required must be an array of strings")
		}
		for _, e := range arr {
			n, ok := e.(string)
			if !ok {
				return fmt.Errorf("required must be an array of strings")
			}
			s.required = append(s.required, n)
		}
	}
	if p, ok := m["properties"]; ok {
		pm, ok := p.(map[string]any)
		if !ok {
			return fmt.Errorf("properties must be an object")
		}
		s.propertyIndex = map[string]*schema{}
		for _, name := range order.Keys(ptr+"/properties", pm) {
			t, err := sub("properties", name)
			if err != nil {
				return err
			}
			s.properties = append(s.properties, namedSchema{name, t})
			s.propertyIndex[name] = t
		}
	}
	if p, ok := m["patternProperties"]; ok {
		pm, ok := p.(map[string]any)
		if !ok {
			return fmt.Errorf("patternProperties must be an object")
		}
		for _, src := range order.Keys(ptr+"/patternProperties", pm) {
			re, err := cc.regexp(src)
			if err != nil {
				return err
			}
			t, err := sub("patternProperties", src)
			if err != nil {
				return err
			}
			s.patternProperties = append(s.patternProperties, patternSchema{src, re, t})
		}
	}
	if d, ok := m["dependencies"]; ok {
		dm, ok := d.(map[string]any)
		if !ok {
			return fmt.Errorf("dependencies must be an object")
		}
		for _, name := range order.Keys(ptr+"/dependencies", dm) {
			dep := dependency{name: name}
			if arr, ok := dm[name].([]any); ok {
				dep.required = []string{}
				for _, e := range arr {
					n, ok := e.(string)
					if !ok {
						return fmt.Errorf("dependencies/%s must list property names", name)
					}
					dep.required = append(dep.required, n)
				}
			} else {
				t, err := sub("dependencies", name)
				if err != nil {
					return err
				}
				dep.s = t
			}
			s.dependencies = append(s.dependencies, dep)
		}
	}
	for _, kw := range []struct {
		name string
		dst  *[]*schema
	}{{"allOf", &s.allOf}, {"anyOf", &s.anyOf}, {"oneOf", &s.oneOf}} {
		v, ok := m[kw.name]
		if !ok {
			continue
		}
		arr, ok := v.([]any)
		if !ok || len(arr) == 0 {
			return fmt.Errorf("%s must be a non-empty array", kw.name)
		}
		for i := range arr {
			t, err := sub(kw.name, strconv.Itoa(i))
			if err != nil {
				return err
			}
			*kw.dst = append(*kw.dst, t)
		}
	}
	return nil
}

func (cc *compiling) regexp(src string) (Regexp, error) {
	if cc.c.Regexp != nil {
		re, err := cc.c.Regexp(src)
		if err != nil {
			return nil, fmt.Errorf("invalid pattern %q: %w", src, err)
		}
		return re, nil
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, fmt.Errorf("invalid pattern %q: %w", src, err)
	}
	return re, nil
}

// hasRules reports whether s constrains anything (ajv's schemaHasRules).
func (s *schema) hasRules() bool {
	if s.boolean != nil {
		return !*s.boolean
	}
	for k := range s.keys {
		if isKeyword(k) {
			return true
		}
	}
	return false
}

func isKeyword(k string) bool {
	switch k {
	case "$ref", "type", "enum", "const", "multipleOf", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum",
		"maxLength", "minLength", "pattern", "format", "items", "additionalItems", "contains", "uniqueItems",
		"maxItems", "minItems", "required", "properties", "patternProperties", "additionalProperties",
		"dependencies", "propertyNames", "maxProperties", "minProperties", "allOf", "anyOf", "oneOf", "not",
		"if", "then", "else":
		return true
	}
	return false
}

// containsRef reports whether v has a "$ref" key at any depth.
func containsRef(v any) bool {
	switch t := v.(type) {
	case map[string]any:
		if _, ok := t["$ref"]; ok {
			return true
		}
		for _, e := range t {
			if containsRef(e) {
				return true
			}
		}
	case []any:
		for _, e := range t {
			if containsRef(e) {
				return true
			}
		}
	}
	return false
}
