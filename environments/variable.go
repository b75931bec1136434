// Package environments holds Postman variable scopes, environment and globals
// files, iteration data, {{var}} resolution, dynamic variables and diffs.
package environments

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Variable is one Postman variable: an environment or globals value, a
// collection or folder variable, or a URL path variable. It keeps every field
// it was loaded with so that saving it gives back the same JSON.
type Variable struct {
	ID          string
	Key         string
	Value       any    // JSON value as decoded by encoding/json (string, float64, bool, nil, map, slice) or set by a script
	Type        string // "string", "secret", "any", "number", "boolean", "default", ... ("" when absent)
	Name        string
	Description any  // string or {content,type} object, kept as loaded
	Disabled    bool // true when "disabled": true; "enabled": false is kept for saving but, as in newman, does not disable
	System      bool

	// Extra holds fields this type does not model, and the bookkeeping needed to
	// write the variable back exactly as it was read (e.g. whether the file used
	// "enabled" or "disabled"). It is owned by the JSON methods.
	Extra map[string]json.RawMessage

	has fieldSet // which modeled fields the source JSON held
}

// fieldSet records which optional JSON fields were present when loading.
type fieldSet uint16

const (
	hasID fieldSet = 1 << iota
	hasKey
	hasValue
	hasType
	hasName
	hasDescription
	hasDisabled
	hasEnabled
	hasSystem
)

// NewVariable returns an enabled variable with a key, value and type.
func NewVariable(key string, value any, typ string) *Variable {
	v := &Variable{Key: key, Value: value, Type: typ, has: hasKey | hasValue}
	if typ != "" {
		v.has |= hasType
	}
	return v
}

// HasValue reports whether the variable has a value (JavaScript's undefined
// is no value; JSON null is a value).
func (v *Variable) HasValue() bool { return v.has&hasValue != 0 || v.Value != nil }

// SetValue sets the value (marking it present).
func (v *Variable) SetValue(value any) {
	v.Value = value
	v.has |= hasValue
}

// UnsetValue makes the value undefined (absent when saved).
func (v *Variable) UnsetValue() {
	v.Value = nil
	v.has &^= hasValue
}

// Get returns the value cast to the variable's type as Postman does when
// reading it ("string" -> String(v), "number" -> Number(v), "boolean" ->
// Boolean(v), "array"/"object" -> parsed JSON); other types return it as is.
func (v *Variable) Get() any {
	if !v.HasValue() {
		return nil
	}
	switch v.Type {
	case "string":
		return String(v.Value)
	case "number":
		return ToNumber(v.Value)
	case "boolean":
		return Truthy(v.Value)
	case "array", "object":
		s, ok := v.Value.(string)
		if !ok {
			return v.Value
		}
		var out any
		if err := json.Unmarshal([]byte(s), &out); err != nil {
			return nil
		}
		if v.Type == "array" {
			if _, ok := out.([]any); !ok {
				return nil
			}
		} else if _, ok := out.(map[string]any); !ok {
			return nil
		}
		return out
	}
	return v.Value
}

// Text returns the value as substituted into {{name}} references: String()
// of the typed value, "" when the variable has no value.
func (v *Variable) Text() string {
	if !v.HasValue() {
		return ""
	}
	if v.Type == "" || v.Type == "any" || v.Type == "default" || v.Type == "secret" {
		if s, ok := v.Value.(string); ok {
			return s
		}
	}
	return String(v.Get())
}

// Clone returns a deep copy of the variable.
func (v *Variable) Clone() *Variable {
	if v == nil {
		return nil
	}
	c := *v
	c.Value = deepCopy(v.Value)
	c.Description = deepCopy(v.Description)
	if v.Extra != nil {
		c.Extra = make(map[string]json.RawMessage, len(v.Extra))
		for k, r := range v.Extra {
			c.Extra[k] = r
		}
	}
	return &c
}

func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = deepCopy(x)
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, x := range t {
			s[i] = deepCopy(x)
		}
		return s
	}
	return v
}

// UnmarshalJSON reads a variable in environment style
// ({key,value,type,enabled}) or collection style
// ({id,key,value,type,disabled,description,name,system}).
func (v *Variable) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("variable: expected object, got %s", jsonKind(data))
	}
	*v = Variable{}
	for k, r := range raw {
		var err error
		switch k {
		case "id":
			err = unmarshalStringish(r, &v.ID)
			v.has |= hasID
		case "key":
			err = unmarshalStringish(r, &v.Key)
			v.has |= hasKey
		case "value":
			err = json.Unmarshal(r, &v.Value)
			v.has |= hasValue
		case "type":
			err = unmarshalStringish(r, &v.Type)
			v.has |= hasType
		case "name":
			err = unmarshalStringish(r, &v.Name)
			v.has |= hasName
		case "description":
			err = json.Unmarshal(r, &v.Description)
			v.has |= hasDescription
		case "disabled":
			var b *bool
			if err = json.Unmarshal(r, &b); err == nil {
				if b != nil && *b {
					v.Disabled = true
				}
				v.has |= hasDisabled
			}
		case "enabled":
			// Postman app exports write "enabled"; newman (postman-collection)
			// ignores it, so an "enabled": false variable is still used.
			if v.Extra == nil {
				v.Extra = make(map[string]json.RawMessage)
			}
			v.Extra[k] = r
			continue
		case "system":
			var b *bool
			if err = json.Unmarshal(r, &b); err == nil {
				v.System = b != nil && *b
				v.has |= hasSystem
			}
		default:
			if v.Extra == nil {
				v.Extra = make(map[string]json.RawMessage)
			}
			v.Extra[k] = r
			continue
		}
		if err != nil {
			// keep unexpected shapes verbatim rather than failing the whole file
			if v.Extra == nil {
				v.Extra = make(map[string]json.RawMessage)
			}
			v.Extra[k] = r
			switch k {
			case "disabled":
				v.has &^= hasDisabled
			case "system":
				v.has &^= hasSystem
			case "id":
				v.has &^= hasID
			case "key":
				v.has &^= hasKey
			case "type":
				v.has &^= hasType
			case "name":
				v.has &^= hasName
			}
		}
	}
	return nil
}

// unmarshalStringish reads a JSON string (or null) into s.
func unmarshalStringish(r json.RawMessage, s *string) error {
	var p *string
	if err := json.Unmarshal(r, &p); err != nil {
		return err
	}
	if p != nil {
		*s = *p
	}
	return nil
}

// MarshalJSON writes the variable back with the fields it was read with.
func (v *Variable) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	var written fieldSet
	var err error
	field := func(bit fieldSet, k string, val any) {
		if err != nil {
			return
		}
		enc, e := MarshalNoEscape(val)
		if e != nil {
			err = fmt.Errorf("variable %q: %s: %w", v.Key, k, e)
			return
		}
		writeKey(&b, k, written == 0 && b.Len() == 1)
		b.Write(enc)
		written |= bit
	}
	if v.ID != "" || v.has&hasID != 0 {
		field(hasID, "id", v.ID)
	}
	field(hasKey, "key", v.Key)
	if v.HasValue() {
		field(hasValue, "value", v.Value)
	}
	if v.Type != "" || v.has&hasType != 0 {
		field(hasType, "type", v.Type)
	}
	if v.Name != "" || v.has&hasName != 0 {
		field(hasName, "name", v.Name)
	}
	if v.Description != nil || v.has&hasDescription != 0 {
		field(hasDescription, "description", v.Description)
	}
	if v.has&hasDisabled != 0 || v.Disabled {
		field(hasDisabled, "disabled", v.Disabled)
	}
	if v.System || v.has&hasSystem != 0 {
		field(hasSystem, "system", v.System)
	}
	if err != nil {
		return nil, err
	}
	for _, k := range sortedKeys(v.Extra) {
		if bit := fieldBit(k); bit != 0 && written&bit != 0 {
			continue
		}
		writeKey(&b, k, b.Len() == 1)
		b.Write(v.Extra[k])
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// writeKey writes `"k":` preceded by a comma unless first.
func writeKey(b *bytes.Buffer, k string, first bool) {
	if !first {
		b.WriteByte(',')
	}
	kb, _ := MarshalNoEscape(k)
	b.Write(kb)
	b.WriteByte(':')
}

func fieldBit(k string) fieldSet {
	switch k {
	case "id":
		return hasID
	case "key":
		return hasKey
	case "type":
		return hasType
	case "name":
		return hasName
	case "enabled":
		return hasEnabled
	case "disabled":
		return hasDisabled
	case "system":
		return hasSystem
	case "value":
		return hasValue
	case "description":
		return hasDescription
	}
	return 0
}

// MarshalNoEscape encodes v as compact JSON without HTML escaping (so "<" and
// "&" stay as written).
func MarshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	out := b.Bytes()
	return out[:len(out)-1], nil // drop Encode's newline
}

// jsonKind names the JSON type of raw data for error messages.
func jsonKind(data []byte) string {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return "nothing"
	}
	switch data[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// JSONKind names the JSON type of raw data ("object", "array", "string",
// "number", "boolean", "null") for error messages.
func JSONKind(data []byte) string { return jsonKind(data) }
