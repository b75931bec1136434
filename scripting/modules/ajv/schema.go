package ajv

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/postie-run/postie/scripting/modules/internal/jsonschema"
)

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

// JSRegexp returns a pattern compiler using rt's RegExp, so patterns mean
// what they mean in JavaScript (lookaheads, backreferences, \d, ...).
func JSRegexp(rt *goja.Runtime) func(string) (jsonschema.Regexp, error) {
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
		return &jsRegexp{re: re, test: test, rt: rt}, nil
	}
}

type jsRegexp struct {
	re   *goja.Object
	test goja.Callable
	rt   *goja.Runtime
}

func (r *jsRegexp) MatchString(s string) bool {
	v, err := r.test(r.re, r.rt.ToValue(s))
	return err == nil && v.ToBoolean()
}

// Decode turns a JavaScript value into decoded JSON via JSON.stringify
// (undefined decodes as null).
func Decode(rt *goja.Runtime, v goja.Value) (jsonschema.Doc, error) {
	if v == nil || goja.IsUndefined(v) {
		return jsonschema.Doc{}, nil
	}
	stringify, ok := goja.AssertFunction(rt.Get("JSON").ToObject(rt).Get("stringify"))
	if !ok {
		return jsonschema.Doc{}, fmt.Errorf("JSON.stringify is not a function")
	}
	s, err := stringify(goja.Undefined(), v)
	if err != nil {
		return jsonschema.Doc{}, err
	}
	if goja.IsUndefined(s) {
		return jsonschema.Doc{}, nil
	}
	return jsonschema.Parse(s.String())
}
