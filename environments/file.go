package environments

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/uuid"
)

// File is a Postman environment or globals export
// ({"id","name","values",_postman_variable_scope,...}). Saving a loaded file
// gives back the same JSON, key order aside.
type File struct {
	ID            string
	Name          string
	Values        *List
	Scope         string // _postman_variable_scope: "environment" or "globals"
	ExportedAt    string // _postman_exported_at
	ExportedUsing string // _postman_exported_using
	Extra         map[string]json.RawMessage

	has       fileFields
	arrayForm bool // the file was a bare array of variables
}

type fileFields uint8

const (
	fileHasID fileFields = 1 << iota
	fileHasName
	fileHasValues
	fileHasScope
	fileHasExportedAt
	fileHasExportedUsing
)

// LoadFile reads an environment or globals file. Errors name the file and,
// for JSON errors, the line and column. UTF-8 BOM and UTF-16 are accepted.
func LoadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", path, err)
	}
	return ParseFile(data, path)
}

// ParseFile parses an environment or globals file's bytes; name is used in errors.
func ParseFile(data []byte, name string) (*File, error) {
	text, err := DecodeText(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := CheckJSON(text); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	f := &File{}
	if err := f.UnmarshalJSON(text); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

// MarshalJSON writes the file in Postman's format.
func (f *File) MarshalJSON() ([]byte, error) {
	if f.arrayForm && f.ID == "" && f.Name == "" && f.Scope == "" && len(f.Extra) == 0 {
		vals := f.Values.Variables()
		if vals == nil {
			vals = []*Variable{}
		}
		return MarshalNoEscape(vals)
	}
	var b bytes.Buffer
	b.WriteByte('{')
	var err error
	put := func(k string, v any) {
		if err != nil {
			return
		}
		var enc []byte
		if enc, err = MarshalNoEscape(v); err != nil {
			err = fmt.Errorf("%s: %w", k, err)
			return
		}
		writeKey(&b, k, b.Len() == 1)
		b.Write(enc)
	}
	if f.ID != "" || f.has&fileHasID != 0 {
		put("id", f.ID)
	}
	if f.Name != "" || f.has&fileHasName != 0 {
		put("name", f.Name)
	}
	if f.has&fileHasValues != 0 || f.Values.Len() > 0 || f.has == 0 {
		vals := f.Values.Variables()
		if vals == nil {
			vals = []*Variable{}
		}
		put("values", vals)
	}
	if f.Scope != "" || f.has&fileHasScope != 0 {
		put("_postman_variable_scope", f.Scope)
	}
	if f.ExportedAt != "" || f.has&fileHasExportedAt != 0 {
		put("_postman_exported_at", f.ExportedAt)
	}
	if f.ExportedUsing != "" || f.has&fileHasExportedUsing != 0 {
		put("_postman_exported_using", f.ExportedUsing)
	}
	if err != nil {
		return nil, err
	}
	for _, k := range sortedKeys(f.Extra) {
		switch k {
		case "id", "name", "values", "_postman_variable_scope", "_postman_exported_at", "_postman_exported_using":
			continue
		}
		writeKey(&b, k, b.Len() == 1)
		b.Write(f.Extra[k])
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the file in Postman's format.
func (f *File) UnmarshalJSON(data []byte) error {
	if jsonKind(data) == "array" {
		// a bare list of variables, as postman-collection's VariableScope
		// accepts
		wrapped := append(append([]byte(`{"values":`), data...), '}')
		if err := f.UnmarshalJSON(wrapped); err != nil {
			return err
		}
		f.arrayForm = true
		return nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("expected an object, got %s", jsonKind(data))
	}
	*f = File{}
	str := func(k string, dst *string, bit fileFields) error {
		r, ok := raw[k]
		if !ok {
			return nil
		}
		var p *string
		if err := json.Unmarshal(r, &p); err != nil {
			return fmt.Errorf("%s: expected string, got %s", k, jsonKind(r))
		}
		if p != nil {
			*dst = *p
		}
		f.has |= bit
		return nil
	}
	if err := errors.Join(
		str("id", &f.ID, fileHasID),
		str("name", &f.Name, fileHasName),
		str("_postman_variable_scope", &f.Scope, fileHasScope),
		str("_postman_exported_at", &f.ExportedAt, fileHasExportedAt),
		str("_postman_exported_using", &f.ExportedUsing, fileHasExportedUsing),
	); err != nil {
		return err
	}
	f.Values = &List{}
	if r, ok := raw["values"]; ok {
		f.has |= fileHasValues
		var items []json.RawMessage
		if err := json.Unmarshal(r, &items); err != nil {
			if jsonKind(r) != "null" {
				return fmt.Errorf("values: expected array, got %s", jsonKind(r))
			}
		}
		f.Values.vars = make([]*Variable, 0, len(items))
		for i, it := range items {
			v := &Variable{}
			if err := v.UnmarshalJSON(it); err != nil {
				return fmt.Errorf("values[%d]: %w", i, err)
			}
			f.Values.vars = append(f.Values.vars, v)
		}
	}
	for k, r := range raw {
		switch k {
		case "id", "name", "values", "_postman_variable_scope", "_postman_exported_at", "_postman_exported_using":
			continue
		}
		if f.Extra == nil {
			f.Extra = make(map[string]json.RawMessage)
		}
		f.Extra[k] = r
	}
	return nil
}

// WriteFile writes f as indented JSON to path atomically (temp file + rename).
func (f *File) WriteFile(path string) error {
	data, err := f.MarshalJSON()
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, data, "", "  "); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	out.WriteByte('\n')
	return WriteFileAtomic(path, out.Bytes())
}

// WriteFileAtomic writes data to path via a temp file in the same directory
// and a rename, so readers see the old file or the new one, never a part.
// An existing file's permission bits are kept; a new file gets 0644.
func WriteFileAtomic(path string, data []byte) error {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // best effort: persist the rename
		d.Close()
	}
	return nil
}

// DecodeText returns data as UTF-8 without a byte order mark, converting
// UTF-16 (LE or BE, with a BOM) input.
func DecodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		var order binary.ByteOrder = binary.LittleEndian
		if data[0] == 0xFE {
			order = binary.BigEndian
		}
		body := data[2:]
		if len(body)%2 != 0 {
			return nil, errors.New("invalid UTF-16 text: odd number of bytes")
		}
		units := make([]uint16, len(body)/2)
		for i := range units {
			units[i] = order.Uint16(body[2*i:])
		}
		runes := utf16.Decode(units)
		out := make([]byte, 0, len(runes))
		for _, r := range runes {
			out = utf8.AppendRune(out, r)
		}
		return out, nil
	}
	return data, nil
}

// CheckJSON reports a JSON syntax error in data with its line and column.
func CheckJSON(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var v any
	err := json.Unmarshal(data, &v)
	if err == nil {
		return nil
	}
	return PositionError(data, err)
}

// PositionError adds "line L, column C" to JSON syntax and type errors that
// carry an offset into data.
func PositionError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var off int64 = -1
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return err
	}
	line, col := LineCol(data, off)
	return fmt.Errorf("invalid JSON at line %d, column %d: %w", line, col, err)
}

// LineCol converts a byte offset in data to a 1-based line and column
// (columns count characters).
func LineCol(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	line, col = 1, 1
	for _, r := range string(data[:offset]) {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	// encoding/json reports the offset after the offending byte
	if col > 1 {
		col--
	}
	return line, col
}

// newmanTypes are the variable types postman-collection knows; others are
// exported as "any".
var newmanTypes = map[string]bool{"string": true, "boolean": true, "number": true, "array": true, "object": true, "any": true}

// NewmanJSON returns the file as newman's --export-environment and
// --export-globals write it: the loaded file's _postman_* fields under "_",
// each variable as {description?, disabled?, type, value, key} with
// unknown types (such as "default" and "secret") as "any" and values cast to
// their type, "enabled" dropped, then the scope and an export stamp (now,
// using, e.g. "Newman/6.2.2"). A file with no id gets a new one.
func (f *File) NewmanJSON(now time.Time, using string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	put := func(k string, v any) error {
		enc, err := MarshalNoEscape(v)
		if err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
		writeKey(&b, k, b.Len() == 1)
		b.Write(enc)
		return nil
	}
	under := map[string]string{}
	for k, bit := range map[string]fileFields{"postman_variable_scope": fileHasScope, "postman_exported_at": fileHasExportedAt, "postman_exported_using": fileHasExportedUsing} {
		if f.has&bit != 0 {
			switch bit {
			case fileHasScope:
				under[k] = f.Scope
			case fileHasExportedAt:
				under[k] = f.ExportedAt
			case fileHasExportedUsing:
				under[k] = f.ExportedUsing
			}
		}
	}
	if len(under) > 0 {
		ordered := newOrderedObject()
		for _, k := range []string{"postman_variable_scope", "postman_exported_at", "postman_exported_using"} {
			if v, ok := under[k]; ok {
				ordered.add(k, v)
			}
		}
		writeKey(&b, "_", b.Len() == 1)
		b.Write(ordered.bytes())
	}
	id, name := f.ID, f.Name
	if id == "" && f.has&fileHasID == 0 {
		id = uuid.NewString()
	}
	if name == "" && f.has&fileHasName == 0 {
		name = f.Scope
		if name == "" {
			name = "environment"
		}
	}
	if err := put("id", id); err != nil {
		return nil, err
	}
	// a name the file had comes before the values; newman adds a missing
	// one (the scope) after them
	loadedName := f.has&fileHasName != 0 || f.Name != ""
	if loadedName {
		if err := put("name", name); err != nil {
			return nil, err
		}
	}
	writeKey(&b, "values", false)
	b.WriteByte('[')
	for i, v := range f.Values.Variables() {
		if i > 0 {
			b.WriteByte(',')
		}
		o := newOrderedObject()
		switch d := v.Description.(type) {
		case string:
			o.add("description", map[string]string{"content": d, "type": "text/plain"})
		case nil:
		default:
			o.add("description", d)
		}
		if v.Disabled {
			o.add("disabled", true)
		}
		typ := v.Type
		if !newmanTypes[typ] {
			typ = "any"
		}
		o.add("type", typ)
		if v.HasValue() {
			val := v.Value
			switch typ {
			case "string":
				val = String(val)
			case "number":
				n := ToNumber(val)
				if math.IsNaN(n) || math.IsInf(n, 0) {
					val = nil // JSON.stringify writes NaN as null
				} else {
					val = n
				}
			case "boolean":
				val = Truthy(val)
			}
			o.add("value", val)
		}
		o.add("key", v.Key)
		if o.err != nil {
			return nil, fmt.Errorf("values[%d]: %w", i, o.err)
		}
		b.Write(o.bytes())
	}
	b.WriteByte(']')
	if !loadedName {
		if err := put("name", name); err != nil {
			return nil, err
		}
	}
	scope := f.Scope
	if scope == "" {
		scope = "environment"
	}
	if err := errors.Join(put("_postman_variable_scope", scope),
		put("_postman_exported_at", now.UTC().Format("2006-01-02T15:04:05.000Z")),
		put("_postman_exported_using", using)); err != nil {
		return nil, err
	}
	b.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// WriteNewmanFile writes NewmanJSON to path atomically.
func (f *File) WriteNewmanFile(path string, now time.Time, using string) error {
	data, err := f.NewmanJSON(now, using)
	if err != nil {
		return fmt.Errorf("exporting %s: %w", path, err)
	}
	return WriteFileAtomic(path, data)
}

// orderedObject builds a JSON object with keys in insertion order.
type orderedObject struct {
	b   bytes.Buffer
	err error
}

func newOrderedObject() *orderedObject {
	o := &orderedObject{}
	o.b.WriteByte('{')
	return o
}

func (o *orderedObject) add(k string, v any) {
	if o.err != nil {
		return
	}
	enc, err := MarshalNoEscape(v)
	if err != nil {
		o.err = err
		return
	}
	writeKey(&o.b, k, o.b.Len() == 1)
	o.b.Write(enc)
}

func (o *orderedObject) bytes() []byte {
	out := append([]byte(nil), o.b.Bytes()...)
	return append(out, '}')
}
