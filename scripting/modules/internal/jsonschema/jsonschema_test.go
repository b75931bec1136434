package jsonschema

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func mustParse(t *testing.T, text string) Doc {
	t.Helper()
	d, err := Parse(text)
	if err != nil {
		t.Fatalf("parse %s: %v", text, err)
	}
	return d
}

// render describes an error compactly: keyword, instance pointer, schema
// location, evaluation path and the keyword's details.
func render(e *Error) string {
	keys := make([]string, len(e.Instance))
	for i, s := range e.Instance {
		keys[i] = s.Key
	}
	out := fmt.Sprintf("%s %s %s#%s path=%s", e.Keyword, Pointer(keys...), e.Document, e.Pointer, e.Path)
	var details []string
	if e.Types != nil {
		details = append(details, "types="+strings.Join(e.Types, ","))
	}
	if e.Limit != nil {
		details = append(details, fmt.Sprintf("limit=%v", e.Limit))
	}
	if e.Exclusive {
		details = append(details, "exclusive")
	}
	if e.Property != "" {
		details = append(details, "prop="+e.Property)
	}
	if e.Keyword == "uniqueItems" || e.Passing {
		details = append(details, fmt.Sprintf("pair=%v", e.Pair))
	}
	if e.FailingKeyword != "" {
		details = append(details, "failing="+e.FailingKeyword)
	}
	if e.ViaProperties {
		details = append(details, "viaProperties")
	}
	if len(details) > 0 {
		out += " " + strings.Join(details, " ")
	}
	for _, c := range e.Causes {
		out += " {" + render(c) + "}"
	}
	return out
}

type validationCase struct {
	name   string
	draft  Draft
	style  Style
	all    bool
	schema string
	data   string
	want   []string
}

func runCases(t *testing.T, cases []validationCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			comp := &Compiler{Draft: c.draft}
			s, err := comp.Compile(mustParse(t, c.schema))
			if err != nil {
				t.Fatalf("compile: %v", err)
			}
			res := s.Validate(mustParse(t, c.data), Options{Style: c.style, AllErrors: c.all})
			got := []string{}
			for _, e := range res.Errors {
				got = append(got, render(e))
			}
			want := c.want
			if want == nil {
				want = []string{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("schema %s, data %s\n got  %q\n want %q", c.schema, c.data, got, want)
			}
			if res.Valid() != (len(want) == 0) {
				t.Errorf("Valid() = %v with %d errors", res.Valid(), len(want))
			}
		})
	}
}

func TestKeywords(t *testing.T) {
	runCases(t, []validationCase{
		{name: "type ok", schema: `{"type":"string"}`, data: `"x"`},
		{name: "type", schema: `{"type":"string"}`, data: `1`, want: []string{"type  # path= types=string"}},
		{name: "type list", schema: `{"type":["string","null"]}`, data: `true`, want: []string{"type  # path= types=string,null"}},
		{name: "integer accepts 1.0", schema: `{"type":"integer"}`, data: `1.0`},
		{name: "integer rejects 1.5", schema: `{"type":"integer"}`, data: `1.5`, want: []string{"type  # path= types=integer"}},
		{name: "enum deep", schema: `{"enum":[1,{"a":[1,2]}]}`, data: `{"a":[1,2.0]}`},
		{name: "enum", schema: `{"enum":["a"]}`, data: `"b"`, want: []string{"enum  # path="}},
		{name: "const", schema: `{"const":{"a":1}}`, data: `{"a":2}`, want: []string{"const  # path="}},
		{name: "minimum", schema: `{"minimum":3}`, data: `2`, want: []string{"minimum  # path= limit=3"}},
		{name: "maximum equal ok", schema: `{"maximum":3}`, data: `3`},
		{name: "exclusiveMaximum number", schema: `{"exclusiveMaximum":3}`, data: `3`, want: []string{"exclusiveMaximum  # path= limit=3"}},
		{name: "exclusiveMinimum number", schema: `{"exclusiveMinimum":3}`, data: `3.5`},
		{name: "multipleOf", schema: `{"multipleOf":2}`, data: `3`, want: []string{"multipleOf  # path= limit=2"}},
		{name: "multipleOf float ajv", schema: `{"multipleOf":0.5}`, data: `2.5`},
		{name: "minLength code points", schema: `{"minLength":2}`, data: `"😀"`, want: []string{"minLength  # path= limit=2"}},
		{name: "maxLength", schema: `{"maxLength":2}`, data: `"abc"`, want: []string{"maxLength  # path= limit=2"}},
		{name: "pattern", schema: `{"pattern":"^a+$"}`, data: `"b"`, want: []string{"pattern  # path="}},
		{name: "pattern ignores numbers", schema: `{"pattern":"^a+$"}`, data: `1`},
		{name: "minItems", schema: `{"minItems":2}`, data: `[1]`, want: []string{"minItems  # path= limit=2"}},
		{name: "maxItems", schema: `{"maxItems":1}`, data: `[1,2]`, want: []string{"maxItems  # path= limit=1"}},
		{name: "uniqueItems ajv pair", schema: `{"uniqueItems":true}`, data: `[1,2,1,2]`, want: []string{"uniqueItems  # path= pair=[3 1]"}},
		{name: "uniqueItems scalar items from the end", schema: `{"items":{"type":"number"},"uniqueItems":true}`, data: `[1,2,1]`, want: []string{"uniqueItems  # path= pair=[0 2]"}},
		{name: "uniqueItems scalar items ignore other types", schema: `{"items":{"type":"null"},"uniqueItems":true}`, data: `[[],[]]`,
			want: []string{"type /0 #/items path=/items types=null"}},
		{name: "uniqueItems typed strings and numbers differ", schema: `{"items":{"type":["string","number"]},"uniqueItems":true}`, data: `["1",1]`},
		{name: "uniqueItems numbers by value", schema: `{"uniqueItems":true}`, data: `[1,1.0]`, want: []string{"uniqueItems  # path= pair=[1 0]"}},
		{name: "items", schema: `{"items":{"type":"string"}}`, data: `["a",1]`, want: []string{"type /1 #/items path=/items types=string"}},
		{name: "items tuple and additionalItems false", schema: `{"items":[{}],"additionalItems":false}`, data: `[1,2]`, want: []string{"additionalItems  # path= limit=1"}},
		{name: "additionalItems schema", schema: `{"items":[{}],"additionalItems":{"type":"string"}}`, data: `[1,2]`, want: []string{"type /1 #/additionalItems path=/additionalItems types=string"}},
		{name: "contains", schema: `{"contains":{"type":"string"}}`, data: `[1]`, want: []string{"contains  # path="}},
		{name: "contains ok", schema: `{"contains":{"type":"string"}}`, data: `[1,"a"]`},
		{name: "minProperties", schema: `{"minProperties":2}`, data: `{"a":1}`, want: []string{"minProperties  # path= limit=2"}},
		{name: "maxProperties", schema: `{"maxProperties":0}`, data: `{"a":1}`, want: []string{"maxProperties  # path= limit=0"}},
		{name: "required first only", schema: `{"required":["a","b"]}`, data: `{}`, want: []string{"required  # path= prop=a"}},
		{name: "required all", all: true, schema: `{"required":["a","b"]}`, data: `{}`, want: []string{"required  # path= prop=a", "required  # path= prop=b"}},
		{name: "required with property schema", all: true, schema: `{"required":["b","a"],"properties":{"a":{"type":"string"},"c":{"type":"string"}}}`, data: `{"c":1}`,
			want: []string{"required  # path= prop=b", "required  # path= prop=a viaProperties", "type /c #/properties/c path=/properties/c types=string"}},
		{name: "properties in schema order", all: true, schema: `{"properties":{"b":{"type":"string"},"a":{"type":"string"}}}`, data: `{"a":1,"b":2}`,
			want: []string{"type /b #/properties/b path=/properties/b types=string", "type /a #/properties/a path=/properties/a types=string"}},
		{name: "additionalProperties false in data order", all: true, schema: `{"properties":{"a":{}},"additionalProperties":false}`, data: `{"c":1,"a":1,"b":2}`,
			want: []string{"additionalProperties  # path= prop=c", "additionalProperties  # path= prop=b"}},
		{name: "additionalProperties schema", schema: `{"patternProperties":{"^x":{}},"additionalProperties":{"type":"number"}}`, data: `{"x1":"s","y":"s"}`,
			want: []string{"type /y #/additionalProperties path=/additionalProperties types=number"}},
		{name: "patternProperties", schema: `{"patternProperties":{"^x-":{"type":"string"}}}`, data: `{"x-a":1}`, want: []string{"type /x-a #/patternProperties/^x- path=/patternProperties/^x- types=string"}},
		{name: "dependencies array", schema: `{"dependencies":{"a":["b","c"]}}`, data: `{"a":1,"c":1}`, want: []string{"dependencies  # path= prop=b"}},
		{name: "dependencies schema", schema: `{"dependencies":{"a":{"required":["b"]}}}`, data: `{"a":1}`, want: []string{"required  #/dependencies/a path=/dependencies/a prop=b"}},
		{name: "propertyNames", schema: `{"propertyNames":{"maxLength":2}}`, data: `{"abc":1}`,
			want: []string{"propertyNames  # path= prop=abc {maxLength  #/propertyNames path=/propertyNames limit=2}"}},
		{name: "anyOf", schema: `{"anyOf":[{"type":"string"},{"minimum":3}]}`, data: `1`,
			want: []string{"anyOf  # path= {type  #/anyOf/0 path=/anyOf/0 types=string} {minimum  #/anyOf/1 path=/anyOf/1 limit=3}"}},
		{name: "anyOf ok", schema: `{"anyOf":[{"type":"string"},{"minimum":3}]}`, data: `4`},
		{name: "oneOf two pass", schema: `{"oneOf":[{"type":"number"},{"minimum":3},{}]}`, data: `5`, want: []string{"oneOf  # path= pair=[0 1]"}},
		{name: "oneOf none", schema: `{"oneOf":[{"type":"string"}]}`, data: `5`, want: []string{"oneOf  # path= {type  #/oneOf/0 path=/oneOf/0 types=string}"}},
		{name: "oneOf exactly one", schema: `{"oneOf":[{"type":"string"},{"type":"number"}]}`, data: `5`},
		{name: "not", schema: `{"not":{"type":"number"}}`, data: `5`, want: []string{"not  # path="}},
		{name: "allOf all errors", all: true, schema: `{"allOf":[{"minimum":5},{"maximum":1}]}`, data: `3`,
			want: []string{"minimum  #/allOf/0 path=/allOf/0 limit=5", "maximum  #/allOf/1 path=/allOf/1 limit=1"}},
		{name: "if then first only", schema: `{"if":{"minimum":0},"then":{"multipleOf":2},"else":{"const":-1}}`, data: `3`,
			want: []string{"multipleOf  #/then path=/then limit=2"}},
		{name: "if then all errors", all: true, schema: `{"if":{"minimum":0},"then":{"multipleOf":2}}`, data: `3`,
			want: []string{"multipleOf  #/then path=/then limit=2", "if  # path= failing=then"}},
		{name: "if else inside anyOf", schema: `{"anyOf":[{"if":{"minimum":0},"else":{"const":-1}}]}`, data: `-2`,
			want: []string{"anyOf  # path= {const  #/anyOf/0/else path=/anyOf/0/else} {if  #/anyOf/0 path=/anyOf/0 failing=else}"}},
		{name: "if then failure ends the evaluation", schema: `{"properties":{"a":{"if":{"type":"number"},"then":{"minimum":5}},"b":{"type":"string"}}}`, data: `{"a":1,"b":2}`,
			want: []string{"minimum /a #/properties/a/then path=/properties/a/then limit=5"}},
		{name: "ajv non-inlined ref target leaves the composite rule", schema: `{"anyOf":[{"$ref":"#/definitions/d"}],"definitions":{"d":{"if":{"type":"number"},"then":{"minimum":5},"properties":{"x":{"$ref":"#/definitions/d"}}}}}`, data: `1`,
			want: []string{"anyOf  # path= {minimum  #/definitions/d/then path=/anyOf/0/then limit=5}"}},
		{name: "ajv inlined ref target stays in the composite rule", schema: `{"anyOf":[{"$ref":"#/definitions/d"}],"definitions":{"d":{"if":{"type":"number"},"then":{"minimum":5}}}}`, data: `1`,
			want: []string{"anyOf  # path= {minimum  #/definitions/d/then path=/anyOf/0/then limit=5} {if  #/definitions/d path=/anyOf/0 failing=then}"}},
		{name: "false schema", schema: `false`, data: `1`, want: []string{"false schema  # path="}},
		{name: "false subschema", schema: `{"properties":{"a":false}}`, data: `{"a":1}`, want: []string{"false schema /a #/properties/a path=/properties/a"}},
		{name: "ajv type after its group", all: true, schema: `{"type":"string","minimum":3,"minLength":1}`, data: `1`,
			want: []string{"minimum  # path= limit=3", "type  # path= types=string"}},
		{name: "ajv type array first", all: true, schema: `{"type":["integer"],"minimum":5,"not":{"const":1.5}}`, data: `1.5`,
			want: []string{"type  # path= types=integer", "minimum  # path= limit=5", "not  # path="}},
		{name: "ajv type first does not stop inside anyOf", schema: `{"anyOf":[{"type":"string","not":{"type":"object"}}]}`, data: `{}`,
			want: []string{"anyOf  # path= {type  #/anyOf/0 path=/anyOf/0 types=string} {not  #/anyOf/0 path=/anyOf/0}"}},
		{name: "ajv type beside $ref", all: true, schema: `{"definitions":{"d":{"minimum":5}},"type":"string","$ref":"#/definitions/d"}`, data: `1`,
			want: []string{"type  # path= types=string", "minimum  #/definitions/d path= limit=5"}},
		{name: "ajv allOf later branch failure inside anyOf", schema: `{"anyOf":[{"allOf":[{"minimum":0},{"maximum":1}],"if":{"type":"number"},"then":{"multipleOf":2}}]}`, data: `5`,
			want: []string{"anyOf  # path= {maximum  #/anyOf/0/allOf/1 path=/anyOf/0/allOf/1 limit=1} {multipleOf  #/anyOf/0/then path=/anyOf/0/then limit=2} {if  #/anyOf/0 path=/anyOf/0 failing=then}"}},
		{name: "ajv allOf first branch failure inside anyOf", schema: `{"anyOf":[{"allOf":[{"maximum":1},{"minimum":0}],"if":{"type":"number"},"then":{"multipleOf":2}}]}`, data: `5`,
			want: []string{"anyOf  # path= {maximum  #/anyOf/0/allOf/0 path=/anyOf/0/allOf/0 limit=1}"}},
		{name: "ajv contains keeps item errors inside anyOf", schema: `{"anyOf":[{"contains":{"type":"string"}}]}`, data: `[1]`,
			want: []string{"anyOf  # path= {contains  #/anyOf/0 path=/anyOf/0 {type /0 #/anyOf/0/contains path=/anyOf/0/contains types=string}}"}},
		{name: "ajv stricter exclusiveMaximum only", all: true, schema: `{"maximum":1,"exclusiveMaximum":1}`, data: `10`, want: []string{"exclusiveMaximum  # path= limit=1"}},
		{name: "ajv stricter maximum only", all: true, schema: `{"maximum":1,"exclusiveMaximum":5}`, data: `10`, want: []string{"maximum  # path= limit=1"}},
		{name: "ajv stricter minimum only", all: true, schema: `{"minimum":5,"exclusiveMinimum":1}`, data: `0`, want: []string{"minimum  # path= limit=5"}},
		{name: "ref to a ref stands for the final target", all: true,
			schema: `{"properties":{"a":{"$ref":"#/definitions/d2"}},"definitions":{"d1":{"const":0},"d2":{"$ref":"#/definitions/d1","type":"object"}}}`, data: `{"a":1}`,
			want: []string{"const /a #/definitions/d1 path=/properties/a"}},
		{name: "ajv type then enum", all: true, schema: `{"type":"number","enum":[1]}`, data: `"x"`,
			want: []string{"type  # path= types=number", "enum  # path="}},
		{name: "first error stops", schema: `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}}}`, data: `{"a":1,"b":2}`,
			want: []string{"type /a #/properties/a path=/properties/a types=string"}},
		{name: "format ignored when unknown", schema: `{"format":"nope"}`, data: `"x"`},
		{name: "ref siblings ignored", schema: `{"definitions":{"s":{"type":"string"}},"$ref":"#/definitions/s","minimum":100}`, data: `5`,
			want: []string{"type  #/definitions/s path= types=string"}},
		{name: "draft 7 ignores draft-04 boolean exclusive", schema: `{"type":"number","maximum":3}`, data: `3`},
	})
}

func TestDrafts(t *testing.T) {
	runCases(t, []validationCase{
		{name: "draft4 exclusiveMaximum true", draft: Draft4, style: Tv4, schema: `{"maximum":3,"exclusiveMaximum":true}`, data: `3`, want: []string{"maximum  # path= limit=3 exclusive"}},
		{name: "draft4 exclusiveMinimum true below", draft: Draft4, style: Tv4, schema: `{"minimum":3,"exclusiveMinimum":true}`, data: `2`, want: []string{"minimum  # path= limit=3 exclusive"}},
		{name: "draft4 exclusiveMinimum false", draft: Draft4, style: Tv4, schema: `{"minimum":3,"exclusiveMinimum":false}`, data: `3`},
		{name: "draft4 has no const", draft: Draft4, style: Tv4, schema: `{"const":1}`, data: `2`},
		{name: "draft4 has no contains", draft: Draft4, schema: `{"contains":{"type":"string"}}`, data: `[1]`},
		{name: "draft6 has contains", draft: Draft6, schema: `{"contains":{"type":"string"}}`, data: `[1]`, want: []string{"contains  # path="}},
		{name: "draft6 has no if", draft: Draft6, schema: `{"if":{"type":"number"},"then":{"minimum":10}}`, data: `1`},
		{name: "draft4 id sets base", draft: Draft4, schema: `{"id":"http://x/root.json","properties":{"a":{"$ref":"item.json"}},"definitions":{"i":{"id":"item.json","type":"string"}}}`, data: `{"a":1}`,
			want: []string{"type /a #/definitions/i path=/properties/a types=string"}},
		{name: "draft7 $id sets base", schema: `{"$id":"http://x/root.json","properties":{"a":{"$ref":"item.json"}},"definitions":{"i":{"$id":"item.json","type":"string"}}}`, data: `{"a":1}`,
			want: []string{"type /a #/definitions/i path=/properties/a types=string"}},
		{name: "plain-name fragment id", schema: `{"properties":{"a":{"$ref":"#pos"}},"definitions":{"p":{"$id":"#pos","minimum":0}}}`, data: `{"a":-1}`,
			want: []string{"minimum /a #/definitions/p path=/properties/a limit=0"}},
	})
}

func TestTv4Style(t *testing.T) {
	cases := []validationCase{
		{name: "type stops the schema object", all: true, schema: `{"type":"string","minLength":3,"enum":["x"]}`, data: `5`, want: []string{"type  # path= types=string"}},
		{name: "properties in data order", all: true, schema: `{"properties":{"a":{"type":"number"},"b":{"type":"string"}}}`, data: `{"b":2,"a":"x"}`,
			want: []string{"type /b #/properties/b path=/properties/b types=string", "type /a #/properties/a path=/properties/a types=number"}},
		{name: "required before properties", all: true, schema: `{"properties":{"id":{"type":"integer"}},"required":["id","name"]}`, data: `{"id":"7"}`,
			want: []string{"required  # path= prop=name", "type /id #/properties/id path=/properties/id types=integer"}},
		{name: "additionalProperties at the property", all: true, schema: `{"additionalProperties":false}`, data: `{"c":1,"b":2}`,
			want: []string{"additionalProperties /c # path= prop=c", "additionalProperties /b # path= prop=b"}},
		{name: "additionalItems per item", all: true, schema: `{"items":[{}],"additionalItems":false}`, data: `[1,2,3]`,
			want: []string{"additionalItems /1 # path= limit=1", "additionalItems /2 # path= limit=1"}},
		{name: "uniqueItems first pair", schema: `{"uniqueItems":true}`, data: `[1,2,1,2]`, want: []string{"uniqueItems  # path= pair=[0 2]"}},
		{name: "minLength counts UTF-16 units", schema: `{"minLength":3}`, data: `"😀"`, want: []string{"minLength  # path= limit=3"}},
		{name: "multipleOf tolerates rounding", schema: `{"multipleOf":0.1}`, data: `0.3`},
		{name: "multipleOf", schema: `{"multipleOf":2}`, data: `3`, want: []string{"multipleOf  # path= limit=2"}},
		{name: "ref path follows the referrer", schema: `{"definitions":{"p":{"minimum":0}},"properties":{"n":{"$ref":"#/definitions/p"}}}`, data: `{"n":-1}`,
			want: []string{"minimum /n #/definitions/p path=/properties/n limit=0"}},
		{name: "enum stops the schema object", all: true, schema: `{"enum":[1],"minimum":5}`, data: `3`, want: []string{"enum  # path="}},
		{name: "minItems does not stop it", all: true, schema: `{"minItems":3,"items":{"type":"string"}}`, data: `[1]`,
			want: []string{"minItems  # path= limit=3", "type /0 #/items path=/items types=string"}},
	}
	for i := range cases {
		cases[i].style, cases[i].draft = Tv4, Draft4
	}
	runCases(t, cases)
}

func TestRefs(t *testing.T) {
	t.Run("added document and key", func(t *testing.T) {
		c := &Compiler{}
		c.AddDocument("http://example.com/defs.json", mustParse(t, `{"definitions":{"n":{"type":"number"}}}`))
		c.AddDocument("str", mustParse(t, `{"type":"string"}`))
		s, err := c.Compile(mustParse(t, `{"properties":{"a":{"$ref":"http://example.com/defs.json#/definitions/n"},"b":{"$ref":"str"}}}`))
		if err != nil {
			t.Fatal(err)
		}
		res := s.Validate(mustParse(t, `{"a":"x","b":1}`), Options{AllErrors: true})
		var got []string
		for _, e := range res.Errors {
			got = append(got, render(e))
		}
		want := []string{
			"type /a http://example.com/defs.json#/definitions/n path=/properties/a types=number",
			"type /b str# path=/properties/b types=string",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
		c.RemoveDocument("str")
		if _, err := c.Compile(mustParse(t, `{"$ref":"str"}`)); err == nil {
			t.Error("removed document still resolves")
		}
	})
	cycles := []struct {
		name, schema, data string
		valid              bool
	}{
		{"self reference", `{"$ref":"#"}`, `1`, true},
		{"mutual references", `{"definitions":{"a":{"$ref":"#/definitions/b"},"b":{"$ref":"#/definitions/a"}},"$ref":"#/definitions/a"}`, `1`, true},
		{"recursive tree valid", `{"type":"object","properties":{"kids":{"type":"array","items":{"$ref":"#"}}}}`, `{"kids":[{"kids":[]}]}`, true},
		{"recursive tree invalid", `{"type":"object","properties":{"kids":{"type":"array","items":{"$ref":"#"}}}}`, `{"kids":[{"kids":[1]}]}`, false},
	}
	for _, c := range cycles {
		t.Run(c.name, func(t *testing.T) {
			for _, style := range []Style{Ajv, Tv4} {
				s, err := (&Compiler{}).Compile(mustParse(t, c.schema))
				if err != nil {
					t.Fatal(err)
				}
				if got := s.Validate(mustParse(t, c.data), Options{Style: style}).Valid(); got != c.valid {
					t.Errorf("style %d: valid = %v, want %v", style, got, c.valid)
				}
			}
		})
	}
	t.Run("missing ref is an error", func(t *testing.T) {
		_, err := (&Compiler{}).Compile(mustParse(t, `{"properties":{"a":{"$ref":"http://example.com/absent#/x"}}}`))
		var missing *MissingRefError
		if !errors.As(err, &missing) || missing.Ref != "http://example.com/absent#/x" {
			t.Fatalf("err = %v", err)
		}
		if want := "can't resolve reference http://example.com/absent#/x from id #"; missing.Error() != want {
			t.Errorf("message %q, want %q", missing.Error(), want)
		}
		if want := "schema at #/properties/a: " + missing.Error(); err.Error() != want {
			t.Errorf("wrapped message %q, want %q", err.Error(), want)
		}
	})
	t.Run("innermost ref recorded", func(t *testing.T) {
		s, err := (&Compiler{}).Compile(mustParse(t, `{"properties":{"a":{"$ref":"#/definitions/x"}},
			"definitions":{"x":{"required":["c"],"properties":{"b":{"$ref":"#/definitions/y"}}},"y":{"type":"string"}}}`))
		if err != nil {
			t.Fatal(err)
		}
		res := s.Validate(mustParse(t, `{"a":{"b":1}}`), Options{AllErrors: true})
		var got []string
		for _, e := range res.Errors {
			got = append(got, fmt.Sprintf("%s %s|%s|%v", e.Keyword, e.Ref, e.RefPointer, e.RefPlain))
		}
		want := []string{"required #/definitions/x||false", "type #/definitions/y||true"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
		s, err = (&Compiler{}).Compile(mustParse(t, `{"properties":{"a":{"$ref":"#/definitions/d2"}},"definitions":{"d1":{"const":0},"d2":{"$ref":"#/definitions/d1"}}}`))
		if err != nil {
			t.Fatal(err)
		}
		res = s.Validate(mustParse(t, `{"a":1}`), Options{})
		got = nil
		for _, e := range res.Errors {
			got = append(got, fmt.Sprintf("%s %s|%s|%v", e.Keyword, e.Ref, e.RefPointer, e.RefPlain))
		}
		want = []string{"const #/definitions/d2||true"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("missing local pointer reported as the root document", func(t *testing.T) {
		s, err := (&Compiler{SkipMissingRefs: true}).Compile(mustParse(t, `{"properties":{"a":{"$ref":"#/definitions/nope"}}}`))
		if err != nil {
			t.Fatal(err)
		}
		res := s.Validate(mustParse(t, `{"a":1}`), Options{Style: Tv4})
		if !res.Valid() || !reflect.DeepEqual(res.Missing, []string{""}) {
			t.Errorf("valid %v, missing %q", res.Valid(), res.Missing)
		}
	})
	t.Run("missing refs skipped and reported", func(t *testing.T) {
		c := &Compiler{Draft: Draft4, SkipMissingRefs: true}
		s, err := c.Compile(mustParse(t, `{"properties":{"a":{"$ref":"http://example.com/nope#/x"},"b":{"$ref":"http://example.com/nope"},"c":{"type":"number"}}}`))
		if err != nil {
			t.Fatal(err)
		}
		res := s.Validate(mustParse(t, `{"a":1,"b":2,"c":"x"}`), Options{Style: Tv4, AllErrors: true})
		if want := []string{"http://example.com/nope"}; !reflect.DeepEqual(res.Missing, want) {
			t.Errorf("missing %q, want %q", res.Missing, want)
		}
		if len(res.Errors) != 1 || res.Errors[0].Keyword != "type" {
			t.Errorf("errors %v", res.Errors)
		}
	})
}

func TestBadSchemas(t *testing.T) {
	cases := []struct{ name, schema, want string }{
		{"not a schema", `"x"`, "schema at #: a schema must be an object or a boolean"},
		{"bad type", `{"type":"strin"}`, `unknown type "strin"`},
		{"type not string", `{"type":3}`, "type must be a string"},
		{"negative minLength", `{"minLength":-1}`, "minLength must be a non-negative integer"},
		{"fractional maxItems", `{"maxItems":1.5}`, "maxItems must be a non-negative integer"},
		{"minimum not number", `{"minimum":"3"}`, "minimum must be a number"},
		{"zero multipleOf", `{"multipleOf":0}`, "multipleOf must be greater than 0"},
		{"bad pattern", `{"pattern":"("}`, "invalid pattern"},
		{"bad patternProperties", `{"patternProperties":{"[":{}}}`, "invalid pattern"},
		{"required not strings", `{"required":[1]}`, "required must be an array of strings"},
		{"properties not object", `{"properties":[]}`, "properties must be an object"},
		{"nested bad subschema", `{"properties":{"a":{"items":3}}}`, "schema at #/properties/a/items: a schema must be an object or a boolean"},
		{"empty anyOf", `{"anyOf":[]}`, "anyOf must be a non-empty array"},
		{"ref not string", `{"$ref":1}`, "$ref must be a string"},
		{"ref to missing pointer", `{"$ref":"#/definitions/nope"}`, "can't resolve reference #/definitions/nope"},
		{"enum not array", `{"enum":1}`, "enum must be an array"},
		{"draft-04 numeric exclusiveMaximum", `{"exclusiveMaximum":3}`, "exclusiveMaximum must be a boolean in draft 4"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			draft := Draft7
			if strings.Contains(c.name, "draft-04") {
				draft = Draft4
			}
			_, err := (&Compiler{Draft: draft}).Compile(mustParse(t, c.schema))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestFormats(t *testing.T) {
	even := errors.New("odd length")
	c := &Compiler{Formats: map[string]func(any) error{"even": func(v any) error {
		if s, ok := v.(string); ok && len(s)%2 == 1 {
			return even
		}
		return nil
	}}}
	s, err := c.Compile(mustParse(t, `{"format":"even"}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		data  string
		valid bool
	}{{`"ab"`, true}, {`"abc"`, false}, {`3`, true}} {
		res := s.Validate(mustParse(t, tc.data), Options{})
		if res.Valid() != tc.valid {
			t.Errorf("%s: valid = %v", tc.data, res.Valid())
		}
		if !tc.valid && (res.Errors[0].Format != "even" || !errors.Is(res.Errors[0].FormatErr, even)) {
			t.Errorf("%s: error %+v", tc.data, res.Errors[0])
		}
	}
}

func TestParse(t *testing.T) {
	d, err := Parse(`{"b":1,"a":{"y":[1,{"q":2,"p":3}],"x":null}}`)
	if err != nil {
		t.Fatal(err)
	}
	want := Order{"": {"b", "a"}, "/a": {"y", "x"}, "/a/y/1": {"q", "p"}}
	if !reflect.DeepEqual(d.Order, want) {
		t.Errorf("order %v, want %v", d.Order, want)
	}
	if v, ok := At(d.Value, "/a/y/1/p"); !ok || fmt.Sprint(v) != "3" {
		t.Errorf("At = %v, %v", v, ok)
	}
	for _, bad := range []string{`{`, `1 2`, `{"a":}`} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%s) succeeded", bad)
		}
	}
}

// TestOddSchemasDoNotPanic validates assorted data against unusual but
// valid schemas in both styles and drafts; a panic fails the test.
func TestOddSchemasDoNotPanic(t *testing.T) {
	schemas := []string{
		`{}`, `true`, `{"items":[]}`, `{"items":[],"additionalItems":false}`, `{"additionalItems":false}`,
		`{"properties":{},"required":[]}`, `{"dependencies":{"a":[]}}`, `{"dependencies":{"a":true}}`,
		`{"propertyNames":false}`, `{"contains":true}`, `{"not":{}}`, `{"if":true}`, `{"then":false}`,
		`{"type":[]}`, `{"enum":[]}`, `{"allOf":[true,{"$ref":"#"}]}`, `{"additionalProperties":true,"patternProperties":{"":false}}`,
		`{"definitions":{"a":{"$ref":"#/definitions/a"}},"properties":{"x":{"$ref":"#/definitions/a"}}}`,
		`{"maximum":1e308,"minimum":-1e308,"multipleOf":1e-300}`,
	}
	data := []string{`null`, `true`, `0`, `-1.5`, `1e308`, `""`, `"😀"`, `[]`, `[null,[],{}]`, `{}`, `{"a":{"b":[1]},"":""}`}
	for _, sch := range schemas {
		for _, draft := range []Draft{Draft4, Draft6, Draft7} {
			s, err := (&Compiler{Draft: draft}).Compile(mustParse(t, sch))
			if err != nil {
				t.Errorf("draft %d %s: %v", draft, sch, err)
				continue
			}
			for _, d := range data {
				for _, style := range []Style{Ajv, Tv4} {
					for _, all := range []bool{false, true} {
						s.Validate(mustParse(t, d), Options{Style: style, AllErrors: all})
					}
				}
			}
		}
	}
}
