// Package jsonnum converts the numbers of decoded JSON Schema documents and
// validation results into what the ajv and tv4 modules hand to JavaScript.
package jsonnum

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
