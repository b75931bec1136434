// Package environments holds Postman variable scopes, environment and globals
// files, iteration data, {{var}} resolution, dynamic variables and diffs.
package environments

import "encoding/json"

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
	Disabled    bool // true when "disabled": true or "enabled": false
	System      bool

	// Extra holds fields this type does not model, and the bookkeeping needed to
	// write the variable back exactly as it was read (e.g. whether the file used
	// "enabled" or "disabled"). It is owned by the JSON methods.
	Extra map[string]json.RawMessage
}
