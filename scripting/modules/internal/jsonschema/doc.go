// Package jsonschema validates JSON documents against JSON Schema drafts 4,
// 6 and 7 the way ajv 6 and tv4 1.3 (the validators Postman's sandbox
// bundles) evaluate them: keywords in those libraries' order, stopping
// where they stop, and reporting structured errors (keyword, instance
// path, schema location, parameters) that the ajv and tv4 modules turn
// into those libraries' error objects. Nothing is built at package
// initialisation; schemas are compiled on demand.
package jsonschema

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Doc is a decoded JSON value (nil, bool, json.Number, string, []any,
// map[string]any) with the source key order of each of its objects.
type Doc struct {
	Value any
	Order Order
}

// Order maps the JSON pointer of every object in a document to its keys
// in source order.
type Order map[string][]string

// Index is the position of key in the object at ptr, or len(keys) when
// unknown.
func (o Order) Index(ptr, key string) int {
	keys := o[ptr]
	for i, k := range keys {
		if k == key {
			return i
		}
	}
	return len(keys)
}

// Keys returns obj's keys in source order (by the order recorded for ptr,
// any others after them in sorted order).
func (o Order) Keys(ptr string, obj map[string]any) []string {
	keys := o[ptr]
	if len(keys) == len(obj) {
		return keys
	}
	out := make([]string, 0, len(obj))
	seen := make(map[string]bool, len(obj))
	for _, k := range keys {
		if _, ok := obj[k]; ok && !seen[k] {
			out = append(out, k)
			seen[k] = true
		}
	}
	var rest []string
	for k := range obj {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// Pointer renders path as a JSON pointer.
func Pointer(path ...string) string {
	var b strings.Builder
	for _, t := range path {
		b.WriteByte('/')
		b.WriteString(escapeToken(t))
	}
	return b.String()
}

func escapeToken(t string) string {
	if !strings.ContainsAny(t, "~/") {
		return t
	}
	return strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
}

func unescapeToken(t string) string {
	if !strings.Contains(t, "~") {
		return t
	}
	return strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
}

// At returns the value at JSON pointer ptr in v.
func At(v any, ptr string) (any, bool) {
	if ptr == "" {
		return v, true
	}
	if ptr[0] != '/' {
		return nil, false
	}
	cur := v
	for _, raw := range strings.Split(ptr[1:], "/") {
		tok := unescapeToken(raw)
		switch t := cur.(type) {
		case map[string]any:
			next, ok := t[tok]
			if !ok {
				return nil, false
			}
			cur = next
		case []any:
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(t) {
				return nil, false
			}
			cur = t[n]
		default:
			return nil, false
		}
	}
	return cur, true
}

// Parse decodes JSON text, numbers as json.Number, recording key order.
func Parse(text string) (Doc, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	order := Order{}
	v, err := parseValue(dec, "", order)
	if err != nil {
		return Doc{}, fmt.Errorf("decoding JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Doc{}, fmt.Errorf("decoding JSON: unexpected data after the value")
	}
	return Doc{Value: v, Order: order}, nil
}

func parseValue(dec *json.Decoder, ptr string, order Order) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		obj := map[string]any{}
		keys := []string{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			v, err := parseValue(dec, ptr+"/"+escapeToken(k), order)
			if err != nil {
				return nil, err
			}
			if _, dup := obj[k]; !dup {
				keys = append(keys, k)
			}
			obj[k] = v
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		order[ptr] = keys
		return obj, nil
	case json.Delim('['):
		arr := []any{}
		for i := 0; dec.More(); i++ {
			v, err := parseValue(dec, ptr+"/"+strconv.Itoa(i), order)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		return arr, nil
	}
	return tok, nil
}
