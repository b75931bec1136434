package ajv

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
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
}

// Keyword is the failed keyword's name, e.g. "required".
func (f Failure) Keyword() string {
	p := f.Kind.KeywordPath()
	if len(p) == 0 {
		return ""
	}
	return p[0]
}

// Schemas compiles JSON schemas (held as values decoded from JSON) against
// a set of named documents.
type Schemas struct {
	Draft *jsonschema.Draft
	// Formats makes "format" an assertion, as ajv does.
	Formats bool
	docs    map[string]any
	order   []string
}

// Add registers doc under uri so "$ref" can reach it.
func (s *Schemas) Add(uri string, doc any) {
	if s.docs == nil {
		s.docs = map[string]any{}
	}
	if _, ok := s.docs[uri]; !ok {
		s.order = append(s.order, uri)
	}
	s.docs[uri] = doc
}

// Doc returns the document added under uri.
func (s *Schemas) Doc(uri string) (any, bool) {
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

const rootURL = "urn:postie:schema:root"

// Compile compiles doc (the value of a decoded JSON schema).
func (s *Schemas) Compile(doc any) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	if s.Draft != nil {
		c.DefaultDraft(s.Draft)
	}
	if s.Formats {
		c.AssertFormat()
	}
	c.UseLoader(noLoader{})
	for _, uri := range s.order {
		if err := c.AddResource(uri, s.docs[uri]); err != nil {
			return nil, fmt.Errorf("adding schema %s: %w", uri, err)
		}
	}
	if err := c.AddResource(rootURL, doc); err != nil {
		return nil, fmt.Errorf("adding schema: %w", err)
	}
	sch, err := c.Compile(rootURL)
	if err != nil {
		return nil, fmt.Errorf("compiling schema: %w", err)
	}
	return sch, nil
}

type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("can't resolve reference %s", url)
}

// Validate validates data (decoded JSON) and returns its failures, nil
// when valid.
func Validate(sch *jsonschema.Schema, data any) []Failure {
	err := sch.Validate(data)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Failure{{Kind: &kind.Schema{Location: err.Error()}}}
	}
	var out []Failure
	collect(ve, &out)
	return out
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

func keyRank(e *jsonschema.ValidationError) int {
	p := e.ErrorKind.KeywordPath()
	if len(p) == 0 {
		return 0
	}
	if r, ok := rank[p[0]]; ok {
		return r
	}
	return 60
}

func collect(e *jsonschema.ValidationError, out *[]Failure) {
	causes := append([]*jsonschema.ValidationError(nil), e.Causes...)
	sort.SliceStable(causes, func(i, j int) bool { return keyRank(causes[i]) < keyRank(causes[j]) })
	switch e.ErrorKind.(type) {
	case *kind.Group, *kind.AllOf, *kind.Schema, *kind.Reference:
		if len(causes) > 0 {
			for _, c := range causes {
				collect(c, out)
			}
			return
		}
	case *kind.AnyOf, *kind.OneOf:
		for _, c := range causes {
			collect(c, out)
		}
		*out = append(*out, leaf(e))
		return
	}
	if len(causes) > 0 {
		for _, c := range causes {
			collect(c, out)
		}
		return
	}
	*out = append(*out, leaf(e))
}

func leaf(e *jsonschema.ValidationError) Failure {
	ptr := ""
	if i := strings.IndexByte(e.SchemaURL, '#'); i >= 0 {
		ptr = e.SchemaURL[i+1:]
	}
	return Failure{Kind: e.ErrorKind, Instance: e.InstanceLocation, SchemaPointer: ptr}
}

// Decode turns a JavaScript value into decoded JSON via JSON.stringify.
func Decode(rt *goja.Runtime, v goja.Value) (any, error) {
	if v == nil || goja.IsUndefined(v) {
		return nil, nil
	}
	stringify, ok := goja.AssertFunction(rt.Get("JSON").ToObject(rt).Get("stringify"))
	if !ok {
		return nil, fmt.Errorf("JSON.stringify is not a function")
	}
	s, err := stringify(goja.Undefined(), v)
	if err != nil {
		return nil, err
	}
	if goja.IsUndefined(s) {
		return nil, nil
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(s.String()))
	if err != nil {
		return nil, fmt.Errorf("decoding value: %w", err)
	}
	return doc, nil
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
