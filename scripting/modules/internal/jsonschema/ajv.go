package jsonschema

import "strconv"

// ajv 6 evaluates a schema object's keywords in rule groups: number,
// string, array and object keywords (each only for data of that type),
// then $ref, const, enum, not, anyOf, oneOf, allOf and if. A single
// "type" whose group has keywords in the schema is checked at the end of
// that group; any other "type" first.

func ajvGroupUsed(s *schema, group string) bool {
	var kws []string
	switch group {
	case "number":
		kws = []string{"maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "multipleOf", "format"}
	case "string":
		kws = []string{"maxLength", "minLength", "pattern", "format"}
	case "array":
		kws = []string{"maxItems", "minItems", "items", "additionalItems", "contains", "uniqueItems"}
	case "object":
		kws = []string{"maxProperties", "minProperties", "required", "dependencies", "propertyNames", "properties", "additionalProperties", "patternProperties"}
	}
	for _, k := range kws {
		if s.keys[k] {
			return true
		}
	}
	return false
}

// ajv validates x against s, appending errors to out; it reports whether
// x is valid.
func (vd *validator) ajv(s *schema, x at, out *[]*Error) bool {
	if s.boolean != nil {
		if *s.boolean {
			return true
		}
		*out = append(*out, vd.newError("false schema", s, x))
		return false
	}
	all := vd.opts.AllErrors
	if s.hasRef {
		// ajv checks a "type" beside "$ref" unless that type's rule
		// group has keywords in the schema (which "$ref" then hides).
		if len(s.types) > 0 && !(len(s.types) == 1 && ajvGroupUsed(s, s.types[0])) {
			if e := vd.checkType(s, x); e != nil {
				*out = append(*out, e)
				if !all && vd.composite == 0 {
					return false
				}
				vd.viaRef(s, x, out, vd.ajv)
				return false
			}
		}
		return vd.viaRef(s, x, out, vd.ajv)
	}
	ok := true
	// failed records e and reports whether evaluation must stop.
	failed := func(e *Error) bool {
		if e == nil {
			return false
		}
		*out = append(*out, e)
		ok = false
		return !all
	}
	// childFailed records a failed subschema.
	childFailed := func(valid bool) bool {
		if valid {
			return false
		}
		ok = false
		return !all
	}
	typeAtEnd := ""
	if len(s.types) == 1 && ajvGroupUsed(s, s.types[0]) {
		typeAtEnd = s.types[0]
	}
	// A "type" checked first does not end the evaluation inside a
	// composite rule: ajv only checks for errors after the next rule
	// group that has keywords in the schema.
	typeFailed := false
	if typeAtEnd == "" {
		if e := vd.checkType(s, x); e != nil {
			*out = append(*out, e)
			ok, typeFailed = false, true
			if !all && vd.composite == 0 {
				return false
			}
		}
	}
	group := func(name string) bool { // the type check ending group name
		return typeAtEnd == name && failed(vd.checkType(s, x))
	}
	gate := func(name string) bool { // the error check after group name
		return typeFailed && !all && ajvGroupUsed(s, name)
	}

	if f, isNum := toFloat(x.v); isNum && isNumber(x.v) {
		if failed(vd.ajvLimit(s, x, f, true)) || failed(vd.ajvLimit(s, x, f, false)) ||
			failed(vd.checkMultipleOf(s, x, f)) || failed(vd.checkFormat(s, x)) {
			return false
		}
	} else if group("number") {
		return false
	}
	if gate("number") {
		return false
	}

	if str, isStr := x.v.(string); isStr {
		n := vd.length(str)
		if failed(vd.checkCount("maxLength", s, x, s.maxLength, n, true)) || failed(vd.checkCount("minLength", s, x, s.minLength, n, false)) ||
			failed(vd.checkPattern(s, x, str)) || failed(vd.checkFormat(s, x)) {
			return false
		}
	} else if group("string") {
		return false
	}
	if gate("string") {
		return false
	}

	if arr, isArr := x.v.([]any); isArr {
		if failed(vd.checkCount("maxItems", s, x, s.maxItems, len(arr), true)) || failed(vd.checkCount("minItems", s, x, s.minItems, len(arr), false)) {
			return false
		}
		if !vd.ajvItems(s, x, arr, out, &ok) {
			return false
		}
		if s.contains != nil {
			found := false
			var causes []*Error
			for i, item := range arr {
				if vd.composed(func() bool {
					return vd.ajv(s.contains, x.child(index(i), item, true, false, x.path+"/contains"), &causes)
				}) {
					found = true
					break
				}
			}
			if !found {
				e := vd.newError("contains", s, x)
				if all || vd.composite > 0 { // else ajv reports contains alone
					e.Causes = causes
				}
				if failed(e) {
					return false
				}
			}
		}
		if s.uniqueItems {
			if pair, dup := ajvDuplicate(s, arr); dup {
				e := vd.newError("uniqueItems", s, x)
				e.Pair = pair
				if failed(e) {
					return false
				}
			}
		}
	} else if group("array") {
		return false
	}
	if gate("array") {
		return false
	}

	if obj, isObj := x.v.(map[string]any); isObj {
		if !vd.ajvObject(s, x, obj, out, &ok) {
			return false
		}
	} else if group("object") {
		return false
	}
	if gate("object") {
		return false
	}

	if failed(vd.checkConst(s, x)) || failed(vd.checkEnum(s, x)) {
		return false
	}
	if s.not != nil {
		var discard []*Error
		if vd.composed(func() bool { return vd.ajv(s.not, x.sub(x.path+"/not"), &discard) }) && failed(vd.newError("not", s, x)) {
			return false
		}
	}
	if len(s.anyOf) > 0 {
		var causes []*Error
		passed := false
		for i, b := range s.anyOf {
			if vd.composed(func() bool { return vd.ajv(b, x.sub(x.path+"/anyOf/"+index(i)), &causes) }) {
				passed = true
				break
			}
		}
		if !passed {
			e := vd.newError("anyOf", s, x)
			e.Causes = causes
			if failed(e) {
				return false
			}
		}
	}
	if len(s.oneOf) > 0 {
		if failed(vd.oneOf(s, x, func(b *schema, x at, out *[]*Error) bool {
			return vd.composed(func() bool { return vd.ajv(b, x, out) })
		})) {
			return false
		}
	}
	// Without allErrors, ajv stops allOf at the first failing branch but
	// skips the keywords after allOf only when that was the first branch
	// with rules (inside a composite rule; outside it returns at once).
	firstBranch := true
	for i, b := range s.allOf {
		if !b.hasRules() {
			continue // ajv emits no code for it
		}
		if childFailed(vd.ajv(b, x.sub(x.path+"/allOf/"+index(i)), out)) {
			if firstBranch || vd.composite == 0 {
				return false
			}
			break
		}
		firstBranch = false
	}
	if s.ifS != nil && (s.thenS != nil || s.elseS != nil) {
		var discard []*Error
		branch, name := s.elseS, "else"
		if vd.composed(func() bool { return vd.ajv(s.ifS, x.sub(x.path+"/if"), &discard) }) {
			branch, name = s.thenS, "then"
		}
		// Outside anyOf/oneOf/not/contains/propertyNames and without
		// allErrors, ajv returns at the branch's error, before this one.
		if branch != nil && !vd.ajv(branch, x.sub(x.path+"/"+name), out) {
			if !all && vd.composite == 0 {
				return false
			}
			e := vd.newError("if", s, x)
			e.FailingKeyword = name
			if failed(e) {
				return false
			}
		}
	}
	return ok
}

// oneOf evaluates s's oneOf branches, stopping once two pass; it returns
// the oneOf error, or nil when exactly one passes.
func (vd *validator) oneOf(s *schema, x at, eval func(*schema, at, *[]*Error) bool) *Error {
	var causes []*Error
	first := -1
	for i, b := range s.oneOf {
		if !eval(b, x.sub(x.path+"/oneOf/"+index(i)), &causes) {
			continue
		}
		if first >= 0 {
			e := vd.newError("oneOf", s, x)
			e.Pair, e.Passing, e.Causes = [2]int{first, i}, true, causes
			return e
		}
		first = i
	}
	if first >= 0 {
		return nil
	}
	e := vd.newError("oneOf", s, x)
	e.Causes = causes
	return e
}

// ajvItems applies items and additionalItems; it returns false when
// evaluation must stop.
func (vd *validator) ajvItems(s *schema, x at, arr []any, out *[]*Error, ok *bool) bool {
	all := vd.opts.AllErrors
	if !s.hasTuple {
		if s.items == nil {
			return true
		}
		for i, item := range arr {
			if !vd.ajv(s.items, x.child(index(i), item, true, false, x.path+"/items"), out) {
				*ok = false
				if !all {
					return false
				}
			}
		}
		return true
	}
	extra := s.additionalItems
	if extra != nil && extra.boolean != nil && !*extra.boolean && len(arr) > len(s.itemsTuple) {
		e := vd.newError("additionalItems", s, x)
		e.Limit = len(s.itemsTuple)
		*out = append(*out, e)
		*ok = false
		if !all {
			return false
		}
	}
	for i, item := range arr {
		var sub *schema
		path := x.path + "/items/" + index(i)
		if i < len(s.itemsTuple) {
			sub = s.itemsTuple[i]
		} else if extra != nil && extra.boolean == nil {
			sub, path = extra, x.path+"/additionalItems"
		} else {
			break
		}
		if !vd.ajv(sub, x.child(index(i), item, true, false, path), out) {
			*ok = false
			if !all {
				return false
			}
		}
	}
	return true
}

// ajvObject applies the object keywords; it returns false when evaluation
// must stop.
func (vd *validator) ajvObject(s *schema, x at, obj map[string]any, out *[]*Error, ok *bool) bool {
	all := vd.opts.AllErrors
	stop := func(e *Error) bool {
		if e != nil {
			*out = append(*out, e)
		}
		if e != nil {
			*ok = false
			return !all
		}
		return false
	}
	childStop := func(valid bool) bool {
		if !valid {
			*ok = false
			return !all
		}
		return false
	}
	if stop(vd.checkCount("maxProperties", s, x, s.maxProperties, len(obj), true)) || stop(vd.checkCount("minProperties", s, x, s.minProperties, len(obj), false)) {
		return false
	}
	// Required properties with a subschema are checked with "properties".
	withProperty := func(name string) bool {
		p := s.propertyIndex[name]
		return p != nil && p.hasRules()
	}
	for i, name := range s.required {
		if _, present := obj[name]; present || withProperty(name) {
			continue
		}
		if stop(vd.requiredError(s, x, i)) {
			return false
		}
	}
	for _, dep := range s.dependencies { // property dependencies first
		if _, present := obj[dep.name]; !present || dep.s != nil {
			continue
		}
		for _, need := range dep.required {
			if _, has := obj[need]; has {
				continue
			}
			e := vd.newError("dependencies", s, x)
			e.Property, e.Dependent, e.Deps = need, dep.name, dep.required
			if stop(e) {
				return false
			}
		}
	}
	for _, dep := range s.dependencies { // then schema dependencies
		if _, present := obj[dep.name]; !present || dep.s == nil {
			continue
		}
		if childStop(vd.ajv(dep.s, x.sub(x.path+Pointer("dependencies", dep.name)), out)) {
			return false
		}
	}
	keys := vd.keys(x, obj)
	if s.propertyNames != nil {
		for _, k := range keys {
			var causes []*Error
			name := x.sub(x.path + "/propertyNames")
			name.v = k
			if vd.composed(func() bool { return vd.ajv(s.propertyNames, name, &causes) }) {
				continue
			}
			e := vd.newError("propertyNames", s, x)
			e.Property, e.Causes = k, causes
			if stop(e) {
				return false
			}
		}
	}
	if s.additionalProperties != nil {
		extra := s.additionalProperties
		for _, k := range keys {
			if s.propertyIndex[k] != nil || vd.matchesPattern(s, k) {
				continue
			}
			if extra.boolean != nil {
				if *extra.boolean {
					continue
				}
				e := vd.newError("additionalProperties", s, x)
				e.Property = k
				if stop(e) {
					return false
				}
				continue
			}
			if childStop(vd.ajv(extra, x.child(k, obj[k], false, true, x.path+"/additionalProperties"), out)) {
				return false
			}
		}
	}
	for _, p := range s.properties {
		if !p.s.hasRules() {
			continue
		}
		v, present := obj[p.name]
		if !present {
			for i, r := range s.required {
				if r == p.name {
					e := vd.requiredError(s, x, i)
					e.ViaProperties = true
					if stop(e) {
						return false
					}
					break
				}
			}
			continue
		}
		if childStop(vd.ajv(p.s, x.child(p.name, v, false, false, x.path+Pointer("properties", p.name)), out)) {
			return false
		}
	}
	for _, pp := range s.patternProperties {
		for _, k := range keys {
			if !pp.re.MatchString(k) {
				continue
			}
			if childStop(vd.ajv(pp.s, x.child(k, obj[k], false, true, x.path+Pointer("patternProperties", pp.src)), out)) {
				return false
			}
		}
	}
	return true
}

func (vd *validator) matchesPattern(s *schema, key string) bool {
	for _, pp := range s.patternProperties {
		if pp.re.MatchString(key) {
			return true
		}
	}
	return false
}

// composed runs a subschema evaluation inside a composite rule (anyOf,
// oneOf, not, contains, propertyNames, if), where ajv does not return at
// the first error.
func (vd *validator) composed(eval func() bool) bool {
	vd.composite++
	defer func() { vd.composite-- }()
	return eval()
}

// ajvDuplicate finds two equal items as ajv's uniqueItems does: from the
// end, comparing deeply; but when "items" declares only scalar types, it
// compares just the items of those types by their JavaScript property-key
// form, pairing an item with the later equal one.
func ajvDuplicate(s *schema, arr []any) ([2]int, bool) {
	it := s.items
	scalar := it != nil && len(it.types) > 0
	for _, t := range typesOf(it) {
		if t == "object" || t == "array" {
			scalar = false
		}
	}
	if !scalar {
		for i := len(arr) - 1; i > 0; i-- {
			for j := i - 1; j >= 0; j-- {
				if equal(arr[i], arr[j]) {
					return [2]int{i, j}, true
				}
			}
		}
		return [2]int{}, false
	}
	seen := map[string]int{}
	for i := len(arr) - 1; i >= 0; i-- {
		if !typeMatches(it.types, arr[i]) {
			continue
		}
		k := jsKey(arr[i], it.typeArray)
		if j, ok := seen[k]; ok {
			return [2]int{i, j}, true
		}
		seen[k] = i
	}
	return [2]int{}, false
}

func typesOf(s *schema) []string {
	if s == nil {
		return nil
	}
	return s.types
}

// jsKey is a scalar as a JavaScript property key; with several item types
// strings are marked so that "1" and 1 differ, as ajv does.
func jsKey(v any, several bool) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(t)
	case string:
		if several {
			return `"` + t
		}
		return t
	}
	f, _ := toFloat(v)
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// ajvLimit checks maximum and exclusiveMaximum (or the minimums) as one
// rule, as ajv does: with both, only the stricter applies (the exclusive
// one when they are equal).
func (vd *validator) ajvLimit(s *schema, x at, f float64, max bool) *Error {
	if max {
		if s.maximum != nil && s.exclusiveMaximum != nil {
			if s.exclusiveMaximum.f <= s.maximum.f {
				return vd.checkExclusiveMaximum(s, x, f)
			}
			return vd.checkMaximum(s, x, f)
		}
		if e := vd.checkMaximum(s, x, f); e != nil {
			return e
		}
		return vd.checkExclusiveMaximum(s, x, f)
	}
	if s.minimum != nil && s.exclusiveMinimum != nil {
		if s.exclusiveMinimum.f >= s.minimum.f {
			return vd.checkExclusiveMinimum(s, x, f)
		}
		return vd.checkMinimum(s, x, f)
	}
	if e := vd.checkMinimum(s, x, f); e != nil {
		return e
	}
	return vd.checkExclusiveMinimum(s, x, f)
}
