package scripting

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// Console formatting follows what Newman's CLI reporter prints: the sandbox
// serialises every argument (functions become "[Function: name]" strings,
// errors {type, name, message}) and the reporter util.inspect-s each one
// (depth 25, at most 100 array items, no colours, break length 44 as on a
// non-TTY) and joins them with ", ".

const (
	inspectBreakLength = 44
	inspectMaxArray    = 100
	inspectMaxDepth    = 25
	inspectCompact     = 3
)

func (v *vm) console(level string, args []goja.Value) {
	st := v.cur
	if st == nil {
		return
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(inspectValue(v.rt, a))
	}
	st.res.Console = append(st.res.Console, ConsoleEntry{Level: level, Text: b.String(), Seq: st.res.nextSeq()})
}

type inspector struct {
	rt           *goja.Runtime
	indentation  int
	currentDepth int
	seen         []*goja.Object
	circular     map[*goja.Object]int
	arrayIsArray goja.Callable
	toStringTag  goja.Callable
	bufferProto  *goja.Object
}

// inspectValue formats one value as node's util.inspect does for Newman.
func inspectValue(rt *goja.Runtime, val goja.Value) string {
	in := &inspector{rt: rt}
	return in.format(val, 0, true)
}

var identRe = func(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r == '$' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9') {
			continue
		}
		return false
	}
	return true
}

// quoteJS quotes s as util.inspect does: single quotes unless the string
// holds single quotes and no double quotes (then double), or both (then
// backticks when possible).
func quoteJS(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 {
		if strings.IndexByte(s, '"') < 0 {
			q = '"'
		} else if strings.IndexByte(s, '`') < 0 && !strings.Contains(s, "${") {
			q = '`'
		}
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\v':
			b.WriteString(`\v`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x`)
			h := strconv.FormatInt(int64(r), 16)
			if len(h) < 2 {
				b.WriteByte('0')
			}
			b.WriteString(strings.ToUpper(h))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

func (in *inspector) formatString(s string) string {
	// Long multi-line strings are split at newlines, one quoted piece per line.
	if len(s) > 16 && len(s) > inspectBreakLength-in.indentation-4 && strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
		var parts []string
		rest := s
		for rest != "" {
			i := strings.IndexByte(rest, '\n')
			if i < 0 {
				parts = append(parts, quoteJS(rest))
				break
			}
			parts = append(parts, quoteJS(rest[:i+1]))
			rest = rest[i+1:]
		}
		return strings.Join(parts, " +\n"+strings.Repeat(" ", in.indentation+2))
	}
	return quoteJS(s)
}

func (in *inspector) format(val goja.Value, depth int, top bool) string {
	if val == nil || goja.IsUndefined(val) {
		return "undefined"
	}
	if goja.IsNull(val) {
		return "null"
	}
	if sym, ok := val.(*goja.Symbol); ok {
		return "Symbol(" + sym.String() + ")"
	}
	switch e := val.Export().(type) {
	case string:
		return in.formatString(e)
	case bool:
		if e {
			return "true"
		}
		return "false"
	case int64:
		return strconv.FormatInt(e, 10)
	case float64:
		if e == 0 {
			return "0"
		}
		return val.String()
	}
	if val.ExportType() != nil && val.ExportType().String() == "*big.Int" {
		return val.String() + "n"
	}
	if sym, ok := val.(*goja.Symbol); ok {
		return "Symbol(" + sym.String() + ")"
	}
	obj, ok := val.(*goja.Object)
	if !ok {
		return val.String()
	}
	if _, isFn := goja.AssertFunction(obj); isFn {
		return quoteJS(functionLabel(obj))
	}
	switch obj.ClassName() {
	case "Date":
		if iso, ok := goja.AssertFunction(obj.Get("toISOString")); ok {
			if r, err := iso(obj); err == nil {
				return r.String()
			}
		}
		return "Invalid Date"
	case "RegExp":
		return obj.String()
	default:
		// the sandbox serialises console arguments as JSON does: toJSON wins
		if in.typedArrayName(obj) != "" {
			break
		}
		if tj, ok := goja.AssertFunction(obj.Get("toJSON")); ok && depth < inspectMaxDepth {
			if r, err := tj(obj); err == nil {
				if ro, ok := r.(*goja.Object); ok && ro != obj {
					return in.format(ro, depth, top)
				} else if !ok {
					return in.format(r, depth, top)
				}
			}
		}
	case "Error":
		o := in.rt.NewObject()
		_ = o.Set("type", "Error")
		_ = o.Set("name", obj.Get("name"))
		_ = o.Set("message", obj.Get("message"))
		obj = o
	}
	for _, s := range in.seen {
		if s == obj {
			if in.circular == nil {
				in.circular = map[*goja.Object]int{}
			}
			if _, ok := in.circular[obj]; !ok {
				in.circular[obj] = len(in.circular) + 1
			}
			return "[Circular *" + strconv.Itoa(in.circular[obj]) + "]"
		}
	}
	if depth > inspectMaxDepth {
		if isArray(obj) {
			return "[Array]"
		}
		return "[Object]"
	}
	res := in.formatRaw(obj, depth)
	if n, ok := in.circular[obj]; ok {
		res = "<ref *" + strconv.Itoa(n) + "> " + res
	}
	return res
}

func functionLabel(fn *goja.Object) string {
	kind := "Function"
	if c, ok := fn.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			kind = n.String()
		}
	}
	if n := fn.Get("name"); n != nil && !goja.IsUndefined(n) && n.String() != "" {
		return "[" + kind + ": " + n.String() + "]"
	}
	return "[" + kind + "]"
}

func isArray(o *goja.Object) bool { return o.ClassName() == "Array" }

// isProxiedArray reports whether o is a Proxy whose target is an array
// (the legacy globals are proxies).
func (in *inspector) isProxiedArray(o *goja.Object) bool {
	if in.arrayIsArray == nil {
		f, _ := goja.AssertFunction(in.rt.GlobalObject().Get("Array").ToObject(in.rt).Get("isArray"))
		in.arrayIsArray = f
	}
	r, err := in.arrayIsArray(goja.Undefined(), o)
	return err == nil && r.ToBoolean()
}

func (in *inspector) formatRaw(obj *goja.Object, depth int) string {
	cls := obj.ClassName()
	if cls == "Object" && in.isProxiedArray(obj) {
		cls = "Array"
	}
	if cls == "Object" {
		if c, ok := obj.Get("constructor").(*goja.Object); ok {
			if n := c.Get("name"); n != nil && (n.String() == "Map" || n.String() == "Set") {
				cls = n.String()
			}
		}
	}
	var output []string
	braces := [2]string{"{", "}"}
	arrayLike := false
	prefix := ""
	var values []goja.Value
	switch {
	case cls == "Array":
		arrayLike = true
		braces = [2]string{"[", "]"}
		n := int(obj.Get("length").ToInteger())
		if n == 0 && len(obj.Keys()) == 0 {
			return "[]"
		}
		in.enter(obj, depth)
		for i := 0; i < n && i < inspectMaxArray; i++ {
			el := obj.Get(strconv.Itoa(i))
			values = append(values, el)
			output = append(output, in.child(el, depth))
		}
		if n > inspectMaxArray {
			more := n - inspectMaxArray
			output = append(output, "... "+strconv.Itoa(more)+" more item"+plural(more))
		}
		for _, k := range obj.Keys() {
			if _, err := strconv.Atoi(k); err == nil || k == "length" {
				continue
			}
			output = append(output, in.prop(obj, k, depth))
		}
	case cls == "Map" || cls == "Set":
		size := int(obj.Get("size").ToInteger())
		prefix = cls + "(" + strconv.Itoa(size) + ") "
		if size == 0 {
			return prefix + "{}"
		}
		in.enter(obj, depth)
		entries, _ := goja.AssertFunction(obj.Get("entries"))
		itv, err := entries(obj)
		if err == nil {
			it := itv.ToObject(in.rt)
			next, _ := goja.AssertFunction(it.Get("next"))
			for {
				r, err := next(it)
				if err != nil {
					break
				}
				ro := r.ToObject(in.rt)
				if ro.Get("done").ToBoolean() {
					break
				}
				pair := ro.Get("value").ToObject(in.rt)
				if cls == "Map" {
					output = append(output, in.child(pair.Get("0"), depth)+" => "+in.child(pair.Get("1"), depth))
				} else {
					output = append(output, in.child(pair.Get("0"), depth))
				}
			}
		}
	default:
		if name := in.typedArrayName(obj); name != "" {
			n := int(obj.Get("length").ToInteger())
			if name == "Buffer" {
				var b strings.Builder
				b.WriteString("<Buffer")
				for i := 0; i < n && i < 50; i++ {
					b.WriteString(" ")
					h := strconv.FormatInt(obj.Get(strconv.Itoa(i)).ToInteger(), 16)
					if len(h) < 2 {
						b.WriteByte('0')
					}
					b.WriteString(h)
				}
				if n > 50 {
					b.WriteString(" ... " + strconv.Itoa(n-50) + " more bytes")
				}
				b.WriteString(">")
				return b.String()
			}
			prefix = name + "(" + strconv.Itoa(n) + ") "
			braces = [2]string{"[", "]"}
			if n == 0 {
				return prefix + "[]"
			}
			arrayLike = true
			in.enter(obj, depth)
			for i := 0; i < n && i < inspectMaxArray; i++ {
				el := obj.Get(strconv.Itoa(i))
				values = append(values, el)
				output = append(output, in.child(el, depth))
			}
			if n > inspectMaxArray {
				more := n - inspectMaxArray
				output = append(output, "... "+strconv.Itoa(more)+" more item"+plural(more))
			}
			break
		}
		keys := obj.Keys()
		if len(keys) == 0 {
			return "{}"
		}
		in.enter(obj, depth)
		for _, k := range keys {
			output = append(output, in.prop(obj, k, depth))
		}
	}
	in.seen = in.seen[:len(in.seen)-1]
	return in.reduce(output, prefix, braces, arrayLike, depth, values)
}

func (in *inspector) typedArrayName(obj *goja.Object) string {
	if in.toStringTag == nil {
		objProto := in.rt.GlobalObject().Get("Object").ToObject(in.rt).Get("prototype").ToObject(in.rt)
		in.toStringTag, _ = goja.AssertFunction(objProto.Get("toString"))
		if b, ok := in.rt.GlobalObject().Get("Buffer").(*goja.Object); ok {
			if p, ok := b.Get("prototype").(*goja.Object); ok {
				in.bufferProto = p
			}
		}
	}
	tag, err := in.toStringTag(obj)
	if err != nil {
		return ""
	}
	switch s := strings.TrimSuffix(strings.TrimPrefix(tag.String(), "[object "), "]"); s {
	case "Uint8Array":
		if in.bufferProto != nil && obj.Prototype() == in.bufferProto {
			return "Buffer"
		}
		return s
	case "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
		"Float32Array", "Float64Array", "Uint8ClampedArray", "BigInt64Array", "BigUint64Array":
		return s
	}
	return ""
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (in *inspector) enter(obj *goja.Object, depth int) {
	in.seen = append(in.seen, obj)
	in.currentDepth = depth
}

func (in *inspector) child(val goja.Value, depth int) string {
	in.indentation += 2
	s := in.format(val, depth+1, false)
	in.indentation -= 2
	return s
}

func (in *inspector) prop(obj *goja.Object, k string, depth int) string {
	name := k
	if !identRe(k) {
		name = quoteJS(k)
	}
	return name + ": " + in.child(obj.Get(k), depth)
}

func (in *inspector) reduce(output []string, base string, braces [2]string, arrayLike bool, depth int, values []goja.Value) string {
	entries := len(output)
	if arrayLike && entries > 6 {
		output = in.groupArray(output, values)
	}
	open := base + braces[0]
	if in.currentDepth-depth < inspectCompact && entries == len(output) {
		start := len(output) + in.indentation + len(braces[0]) + len(base) + 10
		if in.belowBreak(output, start) {
			joined := strings.Join(output, ", ")
			if !strings.Contains(joined, "\n") {
				return open + " " + joined + " " + braces[1]
			}
		}
	}
	ind := "\n" + strings.Repeat(" ", in.indentation)
	return open + ind + "  " + strings.Join(output, ","+ind+"  ") + ind + braces[1]
}

func (in *inspector) belowBreak(output []string, start int) bool {
	total := len(output) + start
	if total+len(output) > inspectBreakLength {
		return false
	}
	for _, o := range output {
		total += len(o)
		if total > inspectBreakLength {
			return false
		}
	}
	return true
}

// groupArray lays out many short array items in aligned columns, as node does.
func (in *inspector) groupArray(output []string, values []goja.Value) []string {
	total, maxLen := 0, 0
	outLen := len(output)
	if len(values) < len(output) && len(values) == inspectMaxArray {
		outLen--
	}
	const sep = 2
	dataLen := make([]int, outLen)
	for i := 0; i < outLen; i++ {
		l := len(output[i])
		dataLen[i] = l
		total += l + sep
		if l > maxLen {
			maxLen = l
		}
	}
	actualMax := maxLen + sep
	if actualMax*3+in.indentation < inspectBreakLength && (float64(total)/float64(actualMax) > 5 || maxLen <= 6) {
		averageBias := math.Sqrt(float64(actualMax) - float64(total)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := min(
			int(math.Round(math.Sqrt(2.5*biasedMax*float64(outLen))/biasedMax)),
			(inspectBreakLength-in.indentation)/actualMax,
			inspectCompact*4,
			15,
		)
		if columns <= 1 {
			return output
		}
		var maxLine []int
		for i := 0; i < columns; i++ {
			ll := 0
			for j := i; j < len(output); j += columns {
				if j < outLen && dataLen[j] > ll {
					ll = dataLen[j]
				}
			}
			maxLine = append(maxLine, ll+sep)
		}
		padStart := true
		for _, v := range values {
			if _, ok := v.Export().(int64); ok {
				continue
			}
			if _, ok := v.Export().(float64); ok {
				continue
			}
			padStart = false
			break
		}
		var tmp []string
		for i := 0; i < outLen; i += columns {
			maxI := min(i+columns, outLen)
			var b strings.Builder
			j := i
			for ; j < maxI-1; j++ {
				s := output[j] + ", "
				b.WriteString(pad(s, maxLine[j-i], padStart))
			}
			if padStart {
				b.WriteString(pad(output[j], maxLine[j-i]-sep, true))
			} else {
				b.WriteString(output[j])
			}
			tmp = append(tmp, b.String())
		}
		if outLen < len(output) {
			tmp = append(tmp, output[outLen])
		}
		return tmp
	}
	return output
}

func pad(s string, width int, start bool) string {
	if len(s) >= width {
		return s
	}
	if start {
		return strings.Repeat(" ", width-len(s)) + s
	}
	return s + strings.Repeat(" ", width-len(s))
}
