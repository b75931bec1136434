package environments

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// List is an ordered list of variables with Postman's lookup rules: Get finds
// the last enabled variable with the key; Set updates it in place or appends.
// The zero value is an empty list ready to use. A List is not safe for
// concurrent use.
type List struct {
	vars []*Variable
}

// Scopes is the set of variable scopes visible to one request, from lowest to
// highest precedence: Globals < Collection < Environment < Data < Local.
// Lookups go from Local down to Globals. Any field may be nil (absent scope).
type Scopes struct {
	Globals     *List
	Collection  *List
	Environment *List
	Data        *List
	Local       *List

	// Dynamics supplies {{$guid}}, {{$randomInt}}, ... ; nil disables them.
	Dynamics *Dynamics
}

// MaxSubstitutionPasses bounds nested {{var}} resolution as Postman does
// (postman-collection's VARS_SUBREPLACE_LIMIT).
const MaxSubstitutionPasses = 19

// MaxSubstitutedLength bounds the text {{var}} resolution builds (64 MiB):
// a variable referring to itself several times ("{{a}}{{a}}") would
// otherwise grow exponentially over the passes. Past the bound the
// remaining references are left as written. (Postman throws "Invalid
// string length" at V8's limit instead.)
const MaxSubstitutedLength = 64 << 20

// Get returns the value of the last enabled variable named key.
func (l *List) Get(key string) (any, bool) {
	v := l.Lookup(key)
	if v == nil {
		return nil, false
	}
	return v.Get(), true
}

// Lookup returns the last enabled variable named key, or nil.
func (l *List) Lookup(key string) *Variable {
	if l == nil {
		return nil
	}
	for i := len(l.vars) - 1; i >= 0; i-- {
		v := l.vars[i]
		if v.Key == key && !v.Disabled {
			return v
		}
	}
	return nil
}

// Has reports whether an enabled variable named key exists.
func (l *List) Has(key string) bool { return l.Lookup(key) != nil }

// Set sets key to value, updating the existing enabled variable (keeping its
// id and other fields; its type changes only when typ is not "") or appending
// a new one with type typ ("" means "any"), as Postman's VariableScope.set.
func (l *List) Set(key string, value any, typ string) {
	if v := l.Lookup(key); v != nil {
		v.SetValue(value)
		if typ != "" {
			v.Type = typ
			v.has |= hasType
		}
		return
	}
	if typ == "" {
		typ = "any"
	}
	l.vars = append(l.vars, NewVariable(key, value, typ))
}

// Unset removes every enabled variable named key (disabled ones stay, as in
// Postman's VariableScope.unset).
func (l *List) Unset(key string) {
	out := l.vars[:0]
	for _, v := range l.vars {
		if v.Key == key && !v.Disabled {
			continue
		}
		out = append(out, v)
	}
	for i := len(out); i < len(l.vars); i++ {
		l.vars[i] = nil
	}
	l.vars = out
}

// Clear removes all variables.
func (l *List) Clear() {
	clear(l.vars)
	l.vars = l.vars[:0]
}

// Len returns the number of variables, enabled or not.
func (l *List) Len() int {
	if l == nil {
		return 0
	}
	return len(l.vars)
}

// Variables returns the variables in order (the slice is the list's own; do
// not modify it).
func (l *List) Variables() []*Variable {
	if l == nil {
		return nil
	}
	return l.vars
}

// Append adds variables as they are (used when loading files).
func (l *List) Append(vs ...*Variable) { l.vars = append(l.vars, vs...) }

// ToObject returns the enabled variables as a key->value map (later wins).
func (l *List) ToObject() map[string]any {
	out := make(map[string]any, l.Len())
	if l == nil {
		return out
	}
	for _, v := range l.vars {
		if !v.Disabled {
			out[v.Key] = v.Get()
		}
	}
	return out
}

// ToObjectAll returns every variable, disabled ones included, as a
// key->value map (later wins), like postman-collection's
// VariableList.toObject() without excludeDisabled (pm.environment.toObject).
func (l *List) ToObjectAll() map[string]any {
	out := make(map[string]any, l.Len())
	for _, v := range l.Variables() {
		out[v.Key] = v.Get()
	}
	return out
}

// Clone returns a deep copy.
func (l *List) Clone() *List {
	if l == nil {
		return nil
	}
	c := &List{vars: make([]*Variable, len(l.vars))}
	for i, v := range l.vars {
		c.vars[i] = v.Clone()
	}
	return c
}

// NewList returns a list holding vs.
func NewList(vs ...*Variable) *List { return &List{vars: vs} }

// layers returns the scopes from highest to lowest precedence.
func (s *Scopes) layers() [5]*List {
	return [5]*List{s.Local, s.Data, s.Environment, s.Collection, s.Globals}
}

// Lookup returns the enabled variable key resolves to, from Local down to
// Globals, or nil.
func (s *Scopes) Lookup(key string) *Variable {
	for _, l := range s.layers() {
		if v := l.Lookup(key); v != nil {
			return v
		}
	}
	return nil
}

// Get looks key up from Local down to Globals.
func (s *Scopes) Get(key string) (any, bool) {
	if v := s.Lookup(key); v != nil {
		return v.Get(), true
	}
	return nil, false
}

// resolve returns the text for one {{token}}, and false to leave it as is.
func (s *Scopes) resolve(token string) (string, bool) {
	if v := s.Lookup(token); v != nil {
		return v.Text(), true
	}
	if s.Dynamics != nil && len(token) > 1 && token[0] == '$' {
		return s.Dynamics.Value(token)
	}
	return "", false
}

// ReplaceIn substitutes {{name}} references in text as Postman does: nested
// references resolved (bounded depth), dynamic variables ({{$guid}} ...)
// generated, unresolved references left exactly as written.
func (s *Scopes) ReplaceIn(text string) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	for pass := 0; pass < MaxSubstitutionPasses; pass++ {
		out, replaced, capped := s.replaceOnce(text)
		text = out
		if !replaced || capped {
			break // nothing resolved (further passes would change nothing) or at the bound
		}
		if !strings.Contains(text, "{{") {
			break
		}
	}
	return text
}

// replaceOnce performs one pass of /\{\{([^{}]*?)}}/g replacement.
func (s *Scopes) replaceOnce(text string) (string, bool, bool) {
	var b strings.Builder
	last := 0
	replaced, capped := false, false
	n := len(text)
	for i := 0; i+3 < n; i++ {
		if text[i] != '{' || text[i+1] != '{' {
			continue
		}
		j := i + 2
		for j < n && text[j] != '{' && text[j] != '}' {
			j++
		}
		if j+1 >= n || text[j] != '}' || text[j+1] != '}' {
			continue
		}
		val, ok := s.resolve(text[i+2 : j])
		if ok && b.Len()+(i-last)+len(val)+(n-j-2) > MaxSubstitutedLength {
			capped = true
			break
		}
		if ok {
			if b.Len() == 0 {
				b.Grow(len(text) + len(val))
			}
			b.WriteString(text[last:i])
			b.WriteString(val)
			last = j + 2
			replaced = true
		}
		i = j + 1
	}
	if !replaced {
		return text, false, capped
	}
	b.WriteString(text[last:])
	return b.String(), true, capped
}

// References returns the names of {{name}} references in text, in order,
// without duplicates (dynamic ones included).
func References(text string) []string {
	var out []string
	n := len(text)
	for i := 0; i+3 < n; i++ {
		if text[i] != '{' || text[i+1] != '{' {
			continue
		}
		j := i + 2
		for j < n && text[j] != '{' && text[j] != '}' {
			j++
		}
		if j+1 >= n || text[j] != '}' || text[j+1] != '}' {
			continue
		}
		name := text[i+2 : j]
		dup := false
		for _, o := range out {
			if o == name {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, name)
		}
		i = j + 1
	}
	return out
}

// String converts a variable value to the text Postman substitutes for it
// (JavaScript String() semantics: numbers without trailing zeros, objects as
// "[object Object]", null as "null").
func String(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case string:
		return t
	case bool:
		if t {
			return "true"
		}
		return "false"
	case float64:
		return NumberString(t)
	case float32:
		return NumberString(float64(t))
	case int:
		return strconv.Itoa(t)
	case int64:
		return strconv.FormatInt(t, 10)
	case int32:
		return strconv.FormatInt(int64(t), 10)
	case uint64:
		return strconv.FormatUint(t, 10)
	case interface{ String() string }:
		return t.String()
	case []any:
		var b strings.Builder
		for i, e := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			if e != nil {
				b.WriteString(String(e))
			}
		}
		return b.String()
	case []string:
		return strings.Join(t, ",")
	}
	return "[object Object]"
}

// NumberString formats f as JavaScript's Number.prototype.toString does.
func NumberString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		if math.Abs(f) < 1<<53 {
			return strconv.FormatInt(int64(f), 10)
		}
	}
	sign := ""
	if f < 0 {
		sign = "-"
		f = -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±xx
	mant, expPart, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expPart)
	k := len(digits)
	n := exp + 1
	var out string
	switch {
	case k <= n && n <= 21:
		out = digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		out = digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		out = "0." + strings.Repeat("0", -n) + digits
	default:
		es := "+"
		if n-1 < 0 {
			es = "-"
		}
		ev := n - 1
		if ev < 0 {
			ev = -ev
		}
		if k == 1 {
			out = digits + "e" + es + strconv.Itoa(ev)
		} else {
			out = digits[:1] + "." + digits[1:] + "e" + es + strconv.Itoa(ev)
		}
	}
	return sign + out
}

// Truthy reports JavaScript's Boolean(v).
func Truthy(v any) bool {
	switch t := v.(type) {
	case nil:
		return false
	case bool:
		return t
	case string:
		return t != ""
	case float64:
		return t != 0 && !math.IsNaN(t)
	case int:
		return t != 0
	case int64:
		return t != 0
	}
	return true
}

// ToNumber converts v as JavaScript's Number(v) does.
func ToNumber(v any) float64 {
	switch t := v.(type) {
	case nil:
		return 0
	case bool:
		if t {
			return 1
		}
		return 0
	case float64:
		return t
	case float32:
		return float64(t)
	case int:
		return float64(t)
	case int64:
		return float64(t)
	case string:
		return StringToNumber(t)
	case []any:
		switch len(t) {
		case 0:
			return 0
		case 1:
			return StringToNumber(String(t[0]))
		}
	}
	return math.NaN()
}

// StringToNumber converts s as JavaScript's Number(string) does.
func StringToNumber(s string) float64 {
	s = strings.TrimFunc(s, isJSSpace)
	if s == "" {
		return 0
	}
	switch s {
	case "Infinity", "+Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	if len(s) > 2 && s[0] == '0' {
		base := 0
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			u, err := strconv.ParseUint(s[2:], base, 64)
			if err != nil || strings.ContainsAny(s[2:], "_+-") {
				return math.NaN()
			}
			return float64(u)
		}
	}
	if !validDecimal(s) {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f
		}
		return math.NaN()
	}
	return f
}

// validDecimal reports whether s is a JS StrDecimalLiteral (no "_", no hex,
// no "inf"/"nan" words).
func validDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		ed := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			ed++
		}
		if ed == 0 {
			return false
		}
	}
	return i == len(s)
}

// ParseFloatPrefix converts s as JavaScript's parseFloat does (longest
// decimal prefix after leading white space; NaN when there is none).
func ParseFloatPrefix(s string) float64 {
	s = strings.TrimLeftFunc(s, isJSSpace)
	for _, inf := range []string{"Infinity", "+Infinity"} {
		if strings.HasPrefix(s, inf) {
			return math.Inf(1)
		}
	}
	if strings.HasPrefix(s, "-Infinity") {
		return math.Inf(-1)
	}
	best := -1
	for end := len(s); end > 0; end-- {
		if validDecimal(s[:end]) {
			best = end
			break
		}
	}
	if best < 0 {
		return math.NaN()
	}
	f, _ := strconv.ParseFloat(s[:best], 64)
	return f
}

func isJSSpace(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }

// sortedKeys returns m's keys sorted (stable output for unknown fields).
func sortedKeys[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
