// Package jsondoc holds the ajv and tv4 modules' helpers for decoded JSON
// documents: numbers as JavaScript gets them.
package jsondoc

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Plain turns json.Number values, at any depth, into int64 or float64.
func Plain(v any) any {
	switch t := v.(type) {
	case json.Number:
		if n, err := t.Int64(); err == nil {
			return n
		}
		f, _ := t.Float64()
		return f
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = Plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = Plain(e)
		}
		return out
	}
	return v
}

// Text formats a number as JavaScript prints it.
func Text(v any) string {
	switch n := v.(type) {
	case int64:
		return strconv.FormatInt(n, 10)
	case float64:
		return strconv.FormatFloat(n, 'f', -1, 64)
	case json.Number:
		return n.String()
	}
	return fmt.Sprint(v)
}
