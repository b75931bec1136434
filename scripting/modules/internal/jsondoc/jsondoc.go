// Package jsondoc holds the ajv and tv4 modules' helpers for decoded JSON
// documents: numbers as JavaScript gets them, and values found by path.
package jsondoc

import (
	"encoding/json"
	"fmt"
	"math/big"
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

// Rat returns r as an int64 when it is a whole number that fits, else as a float64.
func Rat(r *big.Rat) any {
	if r.IsInt() && r.Num().IsInt64() {
		return r.Num().Int64()
	}
	f, _ := r.Float64()
	return f
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

// At returns the value at path (object keys and array indexes) in data, or
// nil when the path does not lead anywhere.
func At(data any, path []string) any {
	cur := data
	for _, tok := range path {
		switch v := cur.(type) {
		case []any:
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(v) {
				return nil
			}
			cur = v[n]
		case map[string]any:
			cur = v[tok]
		default:
			return nil
		}
	}
	return cur
}
