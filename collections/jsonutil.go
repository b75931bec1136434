package collections

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/postie-run/postie/environments"
)

// kind names the JSON type of raw for error messages.
func kind(raw json.RawMessage) string { return environments.JSONKind(raw) }

func isNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 4 && string(raw) == "null"
}

// object decodes raw as a JSON object; field names it in errors.
func object(raw json.RawMessage, field string) (map[string]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, fmt.Errorf("%s: expected object, got %s", field, kind(raw))
	}
	ms, err := scanObject(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	m := make(map[string]json.RawMessage, len(ms))
	for _, e := range ms {
		m[e.key] = e.val // a later duplicate wins, as with encoding/json
	}
	return m, nil
}

// array decodes raw as a JSON array.
func array(raw json.RawMessage, field string) ([]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return nil, fmt.Errorf("%s: expected array, got %s", field, kind(raw))
	}
	a, err := scanArray(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	return a, nil
}

// str decodes raw as a JSON string.
func str(raw json.RawMessage, field string) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '"' {
		return "", fmt.Errorf("%s: expected string, got %s", field, kind(raw))
	}
	s, err := unquote(raw)
	if err != nil {
		return "", fmt.Errorf("%s: %w", field, err)
	}
	return s, nil
}

// boolean decodes raw as a JSON boolean.
func boolean(raw json.RawMessage, field string) (bool, error) {
	switch string(bytes.TrimSpace(raw)) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("%s: expected boolean, got %s", field, kind(raw))
}

// scalarString decodes a string, or converts a number/boolean to its text
// (ok reports whether raw was a string).
func scalarString(raw json.RawMessage) (s string, isString bool, ok bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", false, false
	}
	switch raw[0] {
	case '"':
		s, err := unquote(raw)
		if err != nil {
			return "", false, false
		}
		return s, true, true
	case '{', '[', 'n':
		return "", false, false
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", false, false
	}
	return environments.String(v), false, true
}

// extraOf returns the keys of m not in known (null values of known keys are
// kept too, so they are written back).
func extraOf(m map[string]json.RawMessage, known ...string) Extra {
	var out Extra
outer:
	for k, v := range m {
		for _, kn := range known {
			if k == kn && !isNull(v) {
				continue outer
			}
		}
		if out == nil {
			out = make(Extra)
		}
		out[k] = v
	}
	return out
}

// present returns m[k] unless absent or null.
func present(m map[string]json.RawMessage, k string) (json.RawMessage, bool) {
	r, ok := m[k]
	if !ok || isNull(r) {
		return nil, false
	}
	return r, true
}

// writer builds a JSON object with fields in a fixed order.
type writer struct {
	b       *bytes.Buffer
	fields  int
	written map[string]bool
	err     error
}

func newWriter() *writer { return newWriterTo(&bytes.Buffer{}) }

// newWriterTo writes the object into b.
func newWriterTo(b *bytes.Buffer) *writer {
	w := &writer{b: b, written: make(map[string]bool, 8)}
	w.b.WriteByte('{')
	return w
}

func (w *writer) key(k string) {
	if w.fields > 0 {
		w.b.WriteByte(',')
	}
	w.fields++
	kb, _ := environments.MarshalNoEscape(k)
	w.b.Write(kb)
	w.b.WriteByte(':')
	w.written[k] = true
}

// raw writes an already encoded value.
func (w *writer) raw(k string, v []byte) {
	if w.err != nil {
		return
	}
	w.key(k)
	w.b.Write(v)
}

// val encodes and writes v.
func (w *writer) val(k string, v any) {
	if w.err != nil {
		return
	}
	enc, err := environments.MarshalNoEscape(v)
	if err != nil {
		w.err = fmt.Errorf("%s: %w", k, err)
		return
	}
	w.raw(k, enc)
}

// extra writes the Extra fields not written already, sorted by key.
func (w *writer) extra(e Extra) {
	keys := make([]string, 0, len(e))
	for k := range e {
		if !w.written[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		w.raw(k, e[k])
	}
}

func (w *writer) done() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	w.b.WriteByte('}')
	return w.b.Bytes(), nil
}

func cloneExtra(e Extra) Extra {
	if e == nil {
		return nil
	}
	c := make(Extra, len(e))
	for k, v := range e {
		c[k] = v
	}
	return c
}

func cloneAny(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = cloneAny(x)
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, x := range t {
			s[i] = cloneAny(x)
		}
		return s
	}
	return v
}

func cloneMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	return cloneAny(m).(map[string]any)
}
