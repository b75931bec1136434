package environments

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

// Get returns the value of the last enabled variable named key.
func (l *List) Get(key string) (any, bool) { panic("not implemented") }

// Lookup returns the last enabled variable named key, or nil.
func (l *List) Lookup(key string) *Variable { panic("not implemented") }

// Has reports whether an enabled variable named key exists.
func (l *List) Has(key string) bool { panic("not implemented") }

// Set sets key to value, updating the existing variable (keeping its type,
// id and other fields) or appending a new one with type typ ("" means "any").
func (l *List) Set(key string, value any, typ string) { panic("not implemented") }

// Unset removes every variable named key.
func (l *List) Unset(key string) { panic("not implemented") }

// Clear removes all variables.
func (l *List) Clear() { panic("not implemented") }

// Len returns the number of variables, enabled or not.
func (l *List) Len() int { panic("not implemented") }

// Variables returns the variables in order (the slice is the list's own; do
// not modify it).
func (l *List) Variables() []*Variable { panic("not implemented") }

// Append adds variables as they are (used when loading files).
func (l *List) Append(vs ...*Variable) { panic("not implemented") }

// ToObject returns the enabled variables as a key->value map (later wins).
func (l *List) ToObject() map[string]any { panic("not implemented") }

// Clone returns a deep copy.
func (l *List) Clone() *List { panic("not implemented") }

// NewList returns a list holding vs.
func NewList(vs ...*Variable) *List { panic("not implemented") }

// Get looks key up from Local down to Globals.
func (s *Scopes) Get(key string) (any, bool) { panic("not implemented") }

// ReplaceIn substitutes {{name}} references in text as Postman does: nested
// references resolved (bounded depth), dynamic variables ({{$guid}} ...)
// generated, unresolved references left exactly as written.
func (s *Scopes) ReplaceIn(text string) string { panic("not implemented") }

// String converts a variable value to the text Postman substitutes for it
// (JavaScript String() semantics: numbers without trailing zeros, objects as
// "[object Object]", null as "null").
func String(v any) string { panic("not implemented") }
