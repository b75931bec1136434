package jsonschema

// tv4 1.3 evaluates a schema object as: type and enum; multipleOf,
// minimum, maximum; minLength, maxLength, pattern; minItems, maxItems,
// uniqueItems, items; minProperties, maxProperties, required, then each
// property of the data in its order (properties, patternProperties,
// additionalProperties), dependencies; allOf, anyOf, oneOf, not; format.
// An error of type, enum, the numeric and string keywords, anyOf, oneOf,
// not or format ends the schema object even when collecting every error.

// tv4 validates x against s, appending errors to out; it reports whether
// x is valid.
func (vd *validator) tv4(s *schema, x at, out *[]*Error) bool {
	if s.boolean != nil {
		return true // tv4 has no boolean schemas; false only matters where additional* handle it
	}
	if s.hasRef {
		return vd.viaRef(s, x, out, vd.tv4)
	}
	all := vd.opts.AllErrors
	ok := true
	// final records e, which ends this schema object.
	final := func(e *Error) bool {
		if e == nil {
			return false
		}
		*out = append(*out, e)
		ok = false
		return true
	}
	// soft records e, which ends it only when not collecting every error.
	soft := func(e *Error) bool {
		if e == nil {
			return false
		}
		*out = append(*out, e)
		ok = false
		return !all
	}
	child := func(valid bool) bool {
		if valid {
			return false
		}
		ok = false
		return !all
	}
	if final(vd.checkType(s, x)) || final(vd.checkEnum(s, x)) {
		return false
	}
	if f, isNum := toFloat(x.v); isNum && isNumber(x.v) {
		if final(vd.checkMultipleOf(s, x, f)) || final(vd.checkMinimum(s, x, f)) || final(vd.checkMaximum(s, x, f)) {
			return false
		}
	}
	if str, isStr := x.v.(string); isStr {
		n := vd.length(str)
		if final(vd.checkCount("minLength", s, x, s.minLength, n, false)) || final(vd.checkCount("maxLength", s, x, s.maxLength, n, true)) ||
			final(vd.checkPattern(s, x, str)) {
			return false
		}
	}
	if arr, isArr := x.v.([]any); isArr {
		if soft(vd.checkCount("minItems", s, x, s.minItems, len(arr), false)) || soft(vd.checkCount("maxItems", s, x, s.maxItems, len(arr), true)) {
			return false
		}
		if s.uniqueItems {
		dup:
			for i := range arr {
				for j := i + 1; j < len(arr); j++ {
					if equal(arr[i], arr[j]) {
						e := vd.newError("uniqueItems", s, x)
						e.Pair = [2]int{i, j}
						if soft(e) {
							return false
						}
						break dup
					}
				}
			}
		}
		for i, item := range arr {
			var sub *schema
			path := x.path + "/items"
			switch {
			case s.hasTuple && i < len(s.itemsTuple):
				sub, path = s.itemsTuple[i], path+"/"+index(i)
			case s.hasTuple && s.additionalItems != nil && s.additionalItems.boolean != nil:
				if !*s.additionalItems.boolean {
					e := vd.newError("additionalItems", s, x.child(index(i), item, true, false, x.path))
					e.Limit = len(s.itemsTuple)
					if soft(e) {
						return false
					}
				}
				continue
			case s.hasTuple:
				sub, path = s.additionalItems, x.path+"/additionalItems"
			default:
				sub = s.items
			}
			if sub != nil && child(vd.tv4(sub, x.child(index(i), item, true, false, path), out)) {
				return false
			}
		}
	}
	if obj, isObj := x.v.(map[string]any); isObj {
		if !vd.tv4Object(s, x, obj, out, soft, child) {
			return false
		}
	}
	for i, b := range s.allOf {
		if child(vd.tv4(b, x.sub(x.path+"/allOf/"+index(i)), out)) {
			return false
		}
	}
	if len(s.anyOf) > 0 {
		var causes []*Error
		passed := false
		for i, b := range s.anyOf {
			if vd.tv4(b, x.sub(x.path+"/anyOf/"+index(i)), &causes) {
				passed = true
				break
			}
		}
		if !passed {
			e := vd.newError("anyOf", s, x)
			e.Causes = causes
			if final(e) {
				return false
			}
		}
	}
	if len(s.oneOf) > 0 && final(vd.oneOf(s, x, vd.tv4)) {
		return false
	}
	if s.not != nil {
		var discard []*Error
		if vd.tv4(s.not, x.sub(x.path+"/not"), &discard) && final(vd.newError("not", s, x)) {
			return false
		}
	}
	if final(vd.checkFormat(s, x)) {
		return false
	}
	return ok
}

// tv4Object applies the object keywords; it returns false when evaluation
// must stop.
func (vd *validator) tv4Object(s *schema, x at, obj map[string]any, out *[]*Error, soft func(*Error) bool, child func(bool) bool) bool {
	if soft(vd.checkCount("minProperties", s, x, s.minProperties, len(obj), false)) || soft(vd.checkCount("maxProperties", s, x, s.maxProperties, len(obj), true)) {
		return false
	}
	for i, name := range s.required {
		if _, present := obj[name]; !present && soft(vd.requiredError(s, x, i)) {
			return false
		}
	}
	for _, k := range vd.keys(x, obj) {
		matched := false
		if p := s.propertyIndex[k]; p != nil {
			matched = true
			if child(vd.tv4(p, x.child(k, obj[k], false, false, x.path+Pointer("properties", k)), out)) {
				return false
			}
		}
		for _, pp := range s.patternProperties {
			if !pp.re.MatchString(k) {
				continue
			}
			matched = true
			if child(vd.tv4(pp.s, x.child(k, obj[k], false, true, x.path+Pointer("patternProperties", pp.src)), out)) {
				return false
			}
		}
		extra := s.additionalProperties
		if matched || extra == nil {
			continue
		}
		if extra.boolean != nil {
			if !*extra.boolean {
				e := vd.newError("additionalProperties", s, x.child(k, obj[k], false, true, x.path))
				e.Property = k
				if soft(e) {
					return false
				}
			}
			continue
		}
		if child(vd.tv4(extra, x.child(k, obj[k], false, true, x.path+"/additionalProperties"), out)) {
			return false
		}
	}
	for _, dep := range s.dependencies {
		if _, present := obj[dep.name]; !present {
			continue
		}
		if dep.s != nil {
			if child(vd.tv4(dep.s, x.sub(x.path+Pointer("dependencies", dep.name)), out)) {
				return false
			}
			continue
		}
		for _, need := range dep.required {
			if _, has := obj[need]; has {
				continue
			}
			e := vd.newError("dependencies", s, x)
			e.Property, e.Dependent, e.Deps = need, dep.name, dep.required
			if soft(e) {
				return false
			}
		}
	}
	return true
}
