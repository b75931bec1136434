package jsonschema

import "testing"

const benchSchema = `{
 "type": "object",
 "required": ["id", "name", "tags", "owner"],
 "properties": {
  "id": {"type": "integer", "minimum": 1},
  "name": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z ]+$"},
  "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true},
  "owner": {"$ref": "#/definitions/person"},
  "status": {"enum": ["active", "inactive"]}
 },
 "additionalProperties": false,
 "definitions": {
  "person": {"type": "object", "required": ["email"], "properties": {"email": {"type": "string"}, "age": {"type": "integer", "minimum": 0}}}
 }
}`

const benchData = `{"id": 7, "name": "Some Name", "tags": ["a", "b", "c"], "owner": {"email": "x@y.z", "age": 30}, "status": "active"}`

// BenchmarkCompile measures compiling a typical response schema.
func BenchmarkCompile(b *testing.B) {
	doc, err := Parse(benchSchema)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := (&Compiler{}).Compile(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidate measures validating a conforming document, in both
// styles, reporting all errors.
func BenchmarkValidate(b *testing.B) {
	doc, err := Parse(benchSchema)
	if err != nil {
		b.Fatal(err)
	}
	s, err := (&Compiler{}).Compile(doc)
	if err != nil {
		b.Fatal(err)
	}
	data, err := Parse(benchData)
	if err != nil {
		b.Fatal(err)
	}
	for _, style := range []struct {
		name  string
		style Style
	}{{"ajv", Ajv}, {"tv4", Tv4}} {
		b.Run(style.name, func(b *testing.B) {
			for b.Loop() {
				if res := s.Validate(data, Options{Style: style.style, AllErrors: true}); !res.Valid() {
					b.Fatalf("unexpected errors: %v", res.Errors)
				}
			}
		})
	}
}
