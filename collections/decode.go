package collections

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/postie-run/postie/environments"
)

// seen records which modeled JSON keys a value held when it was loaded, so
// that saving writes back the same keys (empty arrays and strings included).
type seen uint64

var keyBits = func() map[string]seen {
	names := []string{"id", "name", "description", "variable", "event", "request", "response", "item",
		"auth", "protocolProfileBehavior", "url", "method", "header", "body", "key", "value", "disabled",
		"type", "src", "contentType", "mode", "raw", "urlencoded", "formdata", "file", "graphql", "options",
		"listen", "script", "exec", "content", "query", "variables", "host", "path", "port", "protocol",
		"hash", "version", "_postman_id", "schema", "info"}
	m := make(map[string]seen, len(names))
	for i, n := range names {
		m[n] = 1 << i
	}
	return m
}()

func (s *seen) set(k string)    { *s |= keyBits[k] }
func (s seen) is(k string) bool { return s&keyBits[k] != 0 }

// Known collection schema versions.
const (
	SchemaV20 = "2.0.0"
	SchemaV21 = "2.1.0"
)

// schemaRe matches Postman's schema URLs, e.g.
// https://schema.getpostman.com/json/collection/v2.1.0/collection.json and
// https://schema.postman.com/collection/json/v2.1.0/draft-07/collection.json.
var schemaRe = regexp.MustCompile(`^https?://schema\.(?:get)?postman\.com/(?:[\w.-]+/)*?v(\d+\.\d+\.\d+)(?:/[\w.-]*)*$`)

// SchemaVersion returns "2.0.0" or "2.1.0" for a collection schema URL, or
// an error naming an unknown schema.
func SchemaVersion(schema string) (string, error) {
	if schema == "" {
		return SchemaV21, nil
	}
	m := schemaRe.FindStringSubmatch(strings.TrimSpace(schema))
	if m == nil {
		return "", fmt.Errorf("unknown collection schema %q", schema)
	}
	switch {
	case strings.HasPrefix(m[1], "2.1."):
		return SchemaV21, nil
	case strings.HasPrefix(m[1], "2.0."):
		return SchemaV20, nil
	}
	return "", fmt.Errorf("unsupported collection schema %q (version %s; only v2.0 and v2.1 are supported)", schema, m[1])
}

// Version returns the collection's schema version ("2.0.0" or "2.1.0").
func (c *Collection) Version() string {
	if c.version == "" {
		return SchemaV21
	}
	return c.version
}

// Load reads a collection file (v2.0 or v2.1; UTF-8 BOM and UTF-16 accepted).
// Errors name the file and, for JSON errors, the line and column, and for
// invalid items the item path.
func Load(path string) (*Collection, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading collection: %w", err)
	}
	return Parse(data, path)
}

// Parse parses collection bytes; name is used in errors.
func Parse(data []byte, name string) (*Collection, error) {
	text, err := environments.DecodeText(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c := &Collection{}
	if err := c.UnmarshalJSON(text); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// itemError is an error inside an item, already naming the item path.
type itemError struct{ err error }

func (e *itemError) Error() string { return e.err.Error() }
func (e *itemError) Unwrap() error { return e.err }

// UnmarshalJSON reads a collection.
func (c *Collection) UnmarshalJSON(data []byte) error {
	if err := environments.CheckJSON(data); err != nil {
		return err
	}
	m, err := object(data, "collection")
	if err != nil {
		return errors.New("expected a collection object, got " + kind(data))
	}
	*c = Collection{}
	if _, v1 := m["requests"]; v1 {
		if _, hasOrder := m["order"]; hasOrder {
			return errors.New("collection v1 format is not supported; convert it to v2.1 in Postman")
		}
	}
	// newman runs a collection without "info" as v2
	if r, ok := present(m, "info"); ok {
		c.has.set("info")
		if err := c.Info.decode(r); err != nil {
			return err
		}
	}
	if c.version, err = SchemaVersion(c.Info.Schema); err != nil {
		return fmt.Errorf("info.schema: %w", err)
	}
	if r, ok := present(m, "item"); ok {
		c.has.set("item")
		if c.Items, err = decodeItems(r, "item", ""); err != nil {
			return err
		}
	}
	if r, ok := present(m, "event"); ok {
		c.has.set("event")
		if c.Events, err = decodeEvents(r, "event"); err != nil {
			return err
		}
	}
	if r, ok := present(m, "variable"); ok {
		c.has.set("variable")
		if c.Variables, err = decodeVariables(r, "variable"); err != nil {
			return err
		}
	}
	if r, ok := present(m, "auth"); ok {
		if c.Auth, err = decodeAuth(r, "auth"); err != nil {
			return err
		}
	}
	if r, ok := present(m, "protocolProfileBehavior"); ok {
		if c.ProtocolProfileBehavior, err = decodeMap(r, "protocolProfileBehavior"); err != nil {
			return err
		}
	}
	c.Extra = extraOf(m, "info", "item", "event", "variable", "auth", "protocolProfileBehavior")
	return nil
}

func (in *Info) decode(raw json.RawMessage) error {
	m, err := object(raw, "info")
	if err != nil {
		return err
	}
	for _, f := range []struct {
		k   string
		dst *string
	}{{"_postman_id", &in.PostmanID}, {"name", &in.Name}, {"schema", &in.Schema}} {
		if r, ok := present(m, f.k); ok {
			s, _, ok := scalarString(r)
			if !ok {
				return fmt.Errorf("info.%s: expected string, got %s", f.k, kind(r))
			}
			if _, isStr, _ := scalarString(r); !isStr {
				continue // keep a non-string verbatim in Extra
			}
			*f.dst = s
			in.has.set(f.k)
		}
	}
	if r, ok := present(m, "description"); ok {
		if in.Description, err = decodeDescription(r, "info.description"); err != nil {
			return err
		}
	}
	in.Extra = extraOf(m, "description")
	for _, k := range []string{"_postman_id", "name", "schema"} {
		if in.has.is(k) {
			delete(in.Extra, k)
		}
	}
	if len(in.Extra) == 0 {
		in.Extra = nil
	}
	return nil
}

func decodeMap(raw json.RawMessage, field string) (map[string]any, error) {
	if _, err := object(raw, field); err != nil {
		return nil, err
	}
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	return out, nil
}

func decodeDescription(raw json.RawMessage, field string) (*Description, error) {
	if s, isStr, _ := scalarString(raw); isStr {
		return &Description{Content: s, IsString: true}, nil
	}
	m, err := object(raw, field)
	if err != nil {
		return nil, fmt.Errorf("%s: expected string or object, got %s", field, kind(raw))
	}
	d := &Description{}
	if r, ok := present(m, "content"); ok {
		if d.Content, err = str(r, field+".content"); err != nil {
			return nil, err
		}
		d.has.set("content")
	}
	if r, ok := present(m, "type"); ok {
		if d.Type, err = str(r, field+".type"); err != nil {
			return nil, err
		}
		d.has.set("type")
	}
	d.Extra = extraOf(m, "content", "type")
	return d, nil
}

func decodeVariables(raw json.RawMessage, field string) ([]*environments.Variable, error) {
	arr, err := array(raw, field)
	if err != nil {
		return nil, err
	}
	out := make([]*environments.Variable, len(arr))
	for i, r := range arr {
		v := &environments.Variable{}
		if err := v.UnmarshalJSON(r); err != nil {
			return nil, fmt.Errorf("%s[%d]: expected object, got %s", field, i, kind(r))
		}
		out[i] = v
	}
	return out, nil
}

func decodeItems(raw json.RawMessage, field, parentPath string) ([]*Item, error) {
	arr, err := array(raw, field)
	if err != nil {
		if parentPath != "" {
			return nil, &itemError{fmt.Errorf("item %q: %w", parentPath, err)}
		}
		return nil, err
	}
	out := make([]*Item, len(arr))
	for i, r := range arr {
		if out[i], err = decodeItem(r, i, parentPath); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func decodeItem(raw json.RawMessage, index int, parentPath string) (*Item, error) {
	label := fmt.Sprintf("#%d", index+1)
	m, err := object(raw, "item")
	if err != nil {
		return nil, &itemError{fmt.Errorf("item %q: expected object, got %s", joinPath(parentPath, label), kind(raw))}
	}
	children, hasChildren := m["item"]
	hasChildren = hasChildren && !isNull(children)
	it, path, err := itemFromMap(m, label, parentPath)
	if err != nil {
		return nil, err
	}
	if hasChildren {
		if it.Items, err = decodeItems(children, "item", path); err != nil {
			return nil, err
		}
	}
	return it, nil
}

func itemFromMap(m map[string]json.RawMessage, label, parentPath string) (*Item, string, error) {
	it := &Item{}
	var err error
	if r, ok := present(m, "name"); ok {
		if s, isStr, ok := scalarString(r); ok && isStr {
			it.Name = s
			it.has.set("name")
		}
	}
	if it.Name != "" {
		label = it.Name
	}
	path := joinPath(parentPath, label)
	fail := func(err error) (*Item, string, error) {
		var ie *itemError
		if errors.As(err, &ie) {
			return nil, "", err
		}
		return nil, "", &itemError{fmt.Errorf("item %q: %w", path, err)}
	}
	if r, ok := m["item"]; ok && !isNull(r) && kind(r) != "array" {
		return fail(fmt.Errorf("item: expected array, got %s", kind(r)))
	}
	if r, ok := present(m, "id"); ok {
		if s, isStr, _ := scalarString(r); isStr {
			it.ID = s
			it.has.set("id")
		}
	}
	if r, ok := present(m, "description"); ok {
		if it.Description, err = decodeDescription(r, "description"); err != nil {
			return fail(err)
		}
	}
	if r, ok := present(m, "variable"); ok {
		it.has.set("variable")
		if it.Variables, err = decodeVariables(r, "variable"); err != nil {
			return fail(err)
		}
	}
	if r, ok := present(m, "event"); ok {
		it.has.set("event")
		if it.Events, err = decodeEvents(r, "event"); err != nil {
			return fail(err)
		}
	}
	if r, ok := present(m, "request"); ok {
		if it.Request, err = decodeRequest(r, "request"); err != nil {
			return fail(err)
		}
	}
	if r, ok := present(m, "response"); ok {
		it.has.set("response")
		if it.Responses, err = array(r, "response"); err != nil {
			return fail(err)
		}
	}
	if r, ok := present(m, "auth"); ok {
		if it.Auth, err = decodeAuth(r, "auth"); err != nil {
			return fail(err)
		}
	}
	if r, ok := present(m, "protocolProfileBehavior"); ok {
		if it.ProtocolProfileBehavior, err = decodeMap(r, "protocolProfileBehavior"); err != nil {
			return fail(err)
		}
	}
	if r, ok := m["item"]; ok && !isNull(r) {
		delete(m, "item")
	}
	it.Extra = extraOf(m, "description", "variable", "event", "request", "response", "auth", "protocolProfileBehavior")
	for _, k := range []string{"id", "name"} {
		if it.has.is(k) {
			delete(it.Extra, k)
		}
	}
	if len(it.Extra) == 0 {
		it.Extra = nil
	}
	return it, path, nil
}

func joinPath(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "/" + name
}

func decodeEvents(raw json.RawMessage, field string) ([]*Event, error) {
	if kind(raw) == "object" {
		// one event object (postman-collection wraps it in a list)
		evs, err := decodeEvents(append(append(json.RawMessage{'['}, raw...), ']'), field)
		if err != nil {
			return nil, err
		}
		evs[0].single = true
		return evs, nil
	}
	arr, err := array(raw, field)
	if err != nil {
		return nil, fmt.Errorf("%s: expected array or object, got %s", field, kind(raw))
	}
	out := make([]*Event, len(arr))
	for i, r := range arr {
		f := fmt.Sprintf("%s[%d]", field, i)
		m, err := object(r, f)
		if err != nil {
			return nil, err
		}
		ev := &Event{}
		if r, ok := present(m, "id"); ok {
			if ev.ID, err = str(r, f+".id"); err != nil {
				return nil, err
			}
			ev.has.set("id")
		}
		if r, ok := present(m, "listen"); ok {
			if ev.Listen, err = str(r, f+".listen"); err != nil {
				return nil, err
			}
			ev.has.set("listen")
		}
		if r, ok := present(m, "disabled"); ok {
			if ev.Disabled, err = boolean(r, f+".disabled"); err != nil {
				return nil, err
			}
			ev.has.set("disabled")
		}
		if r, ok := present(m, "script"); ok {
			if s, isStr, _ := scalarString(r); isStr {
				ev.Script = &Script{Exec: []string{s}, ExecIsString: true}
				ev.scriptIsString = true
			} else if ev.Script, err = decodeScript(r, f+".script"); err != nil {
				return nil, err
			}
		}
		ev.Extra = extraOf(m, "id", "listen", "disabled", "script")
		out[i] = ev
	}
	return out, nil
}

func decodeScript(raw json.RawMessage, field string) (*Script, error) {
	m, err := object(raw, field)
	if err != nil {
		return nil, fmt.Errorf("%s: expected string or object, got %s", field, kind(raw))
	}
	s := &Script{}
	for _, f := range []struct {
		k   string
		dst *string
	}{{"id", &s.ID}, {"type", &s.Type}, {"name", &s.Name}} {
		if r, ok := present(m, f.k); ok {
			if *f.dst, err = str(r, field+"."+f.k); err != nil {
				return nil, err
			}
			s.has.set(f.k)
		}
	}
	if r, ok := present(m, "exec"); ok {
		s.has.set("exec")
		if line, isStr, _ := scalarString(r); isStr {
			s.Exec = []string{line}
			s.ExecIsString = true
		} else {
			arr, err := array(r, field+".exec")
			if err != nil {
				return nil, fmt.Errorf("%s.exec: expected string or array, got %s", field, kind(r))
			}
			s.Exec = make([]string, len(arr))
			for i, l := range arr {
				if s.Exec[i], err = str(l, fmt.Sprintf("%s.exec[%d]", field, i)); err != nil {
					return nil, err
				}
			}
		}
	}
	s.Extra = extraOf(m, "id", "type", "name", "exec")
	return s, nil
}

func decodeRequest(raw json.RawMessage, field string) (*Request, error) {
	if s, isStr, _ := scalarString(raw); isStr {
		u := ParseURL(s)
		u.IsString = true
		return &Request{URL: u, IsString: true}, nil
	}
	m, err := object(raw, field)
	if err != nil {
		return nil, fmt.Errorf("%s: expected string or object, got %s", field, kind(raw))
	}
	r := &Request{}
	if v, ok := present(m, "url"); ok {
		if r.URL, err = decodeURL(v, field+".url"); err != nil {
			return nil, err
		}
	} else {
		r.URL = &URL{}
	}
	if v, ok := present(m, "method"); ok {
		if r.Method, err = str(v, field+".method"); err != nil {
			return nil, err
		}
		r.has.set("method")
	}
	if v, ok := present(m, "header"); ok {
		r.has.set("header")
		if s, isStr, _ := scalarString(v); isStr {
			r.headerIsString, r.headerString = true, s
			r.Header = parseHeaderString(s)
		} else if kind(v) != "array" {
			return nil, fmt.Errorf("%s.header: expected string or array, got %s", field, kind(v))
		} else if r.Header, err = decodeParams(v, field+".header"); err != nil {
			return nil, err
		}
	}
	if v, ok := present(m, "body"); ok {
		if r.Body, err = decodeBody(v, field+".body"); err != nil {
			return nil, err
		}
	}
	if v, ok := present(m, "auth"); ok {
		if r.Auth, err = decodeAuth(v, field+".auth"); err != nil {
			return nil, err
		}
	}
	if v, ok := present(m, "description"); ok {
		if r.Description, err = decodeDescription(v, field+".description"); err != nil {
			return nil, err
		}
	}
	r.Extra = extraOf(m, "url", "method", "header", "body", "auth", "description")
	return r, nil
}

// parseHeaderString splits "Key: Value" lines (the v2 string header form).
func parseHeaderString(s string) []*Param {
	var out []*Param
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, _ := strings.Cut(line, ":")
		out = append(out, &Param{Key: strings.TrimSpace(k), Value: strings.TrimSpace(v)})
	}
	return out
}

func headerString(ps []*Param) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Key + ": " + p.Value)
	}
	return b.String()
}

func decodeURL(raw json.RawMessage, field string) (*URL, error) {
	if s, isStr, _ := scalarString(raw); isStr {
		u := ParseURL(s)
		u.IsString = true
		return u, nil
	}
	m, err := object(raw, field)
	if err != nil {
		return nil, fmt.Errorf("%s: expected string or object, got %s", field, kind(raw))
	}
	u := &URL{}
	for _, f := range []struct {
		k   string
		dst *string
	}{{"raw", &u.Raw}, {"protocol", &u.Protocol}, {"hash", &u.Hash}} {
		if r, ok := present(m, f.k); ok {
			if *f.dst, err = str(r, field+"."+f.k); err != nil {
				return nil, err
			}
			u.has.set(f.k)
		}
	}
	if r, ok := present(m, "port"); ok {
		s, isStr, ok := scalarString(r)
		if !ok {
			return nil, fmt.Errorf("%s.port: expected string or number, got %s", field, kind(r))
		}
		if isStr {
			u.Port = s
			u.has.set("port")
		} else {
			u.Port = s // a numeric port is written back from Extra
		}
	}
	if r, ok := present(m, "host"); ok {
		u.has.set("host")
		if s, isStr, _ := scalarString(r); isStr {
			u.hostIsString = true
			u.Host = splitHost(s)
		} else if u.Host, err = stringArray(r, field+".host"); err != nil {
			return nil, fmt.Errorf("%s.host: expected string or array, got %s", field, kind(r))
		}
	}
	if r, ok := present(m, "path"); ok {
		u.has.set("path")
		if s, isStr, _ := scalarString(r); isStr {
			u.pathIsString, u.pathString = true, s
			u.Path = splitPathString(s)
		} else if u.Path, err = pathArray(r, field+".path"); err != nil {
			return nil, err
		}
	}
	if r, ok := present(m, "query"); ok {
		u.has.set("query")
		if u.Query, err = decodeParams(r, field+".query"); err != nil {
			return nil, err
		}
	}
	if r, ok := present(m, "variable"); ok {
		u.has.set("variable")
		if u.Variables, err = decodeVariables(r, field+".variable"); err != nil {
			return nil, err
		}
	}
	u.Extra = extraOf(m, "raw", "protocol", "hash", "host", "path", "query", "variable")
	if u.has.is("port") {
		delete(u.Extra, "port")
	}
	if len(u.Extra) == 0 {
		u.Extra = nil
	}
	return u, nil
}

// splitPathString splits a string path as Postman does ("/" is one empty
// segment; one leading slash is dropped).
func splitPathString(s string) []string {
	switch s {
	case "":
		return nil
	case "/":
		return []string{""}
	}
	return strings.Split(strings.TrimPrefix(s, "/"), "/")
}

func stringArray(raw json.RawMessage, field string) ([]string, error) {
	arr, err := array(raw, field)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(arr))
	for i, r := range arr {
		if out[i], err = str(r, fmt.Sprintf("%s[%d]", field, i)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pathArray reads a path array; segments may be strings or (v2.0)
// {type,value} objects, which are read as their value.
func pathArray(raw json.RawMessage, field string) ([]string, error) {
	arr, err := array(raw, field)
	if err != nil {
		return nil, fmt.Errorf("%s: expected string or array, got %s", field, kind(raw))
	}
	out := make([]string, len(arr))
	for i, r := range arr {
		if s, _, ok := scalarString(r); ok {
			out[i] = s
			continue
		}
		m, err := object(r, fmt.Sprintf("%s[%d]", field, i))
		if err != nil {
			return nil, fmt.Errorf("%s[%d]: expected string or object, got %s", field, i, kind(r))
		}
		if v, ok := present(m, "value"); ok {
			out[i], _, _ = scalarString(v)
		}
	}
	return out, nil
}

func decodeParams(raw json.RawMessage, field string) ([]*Param, error) {
	arr, err := array(raw, field)
	if err != nil {
		return nil, err
	}
	out := make([]*Param, len(arr))
	for i, r := range arr {
		if out[i], err = decodeParam(r, fmt.Sprintf("%s[%d]", field, i)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func decodeParam(raw json.RawMessage, field string) (*Param, error) {
	m, err := object(raw, field)
	if err != nil {
		return nil, err
	}
	p := &Param{}
	if r, ok := m["key"]; ok {
		p.has.set("key")
		if isNull(r) {
			p.KeyNull = true
		} else if s, _, ok := scalarString(r); ok {
			p.Key = s
		} else {
			return nil, fmt.Errorf("%s.key: expected string, got %s", field, kind(r))
		}
	}
	if r, ok := m["value"]; ok {
		p.has.set("value")
		switch s, isStr, ok := scalarString(r); {
		case isNull(r):
			p.ValueNull = true
		case isStr:
			p.Value = s
		case ok:
			p.Value, p.valueRaw = s, r
		default:
			// objects and arrays: text as JavaScript would give it, raw kept
			var v any
			_ = json.Unmarshal(r, &v)
			p.Value, p.valueRaw = environments.String(v), r
		}
	}
	if r, ok := present(m, "disabled"); ok {
		if p.Disabled, err = boolean(r, field+".disabled"); err != nil {
			return nil, err
		}
		p.has.set("disabled")
	}
	if r, ok := present(m, "description"); ok {
		if p.Description, err = decodeDescription(r, field+".description"); err != nil {
			return nil, err
		}
	}
	p.Extra = extraOf(m, "key", "value", "disabled", "description")
	delete(p.Extra, "key")
	delete(p.Extra, "value")
	if len(p.Extra) == 0 {
		p.Extra = nil
	}
	return p, nil
}

func decodeBody(raw json.RawMessage, field string) (*Body, error) {
	m, err := object(raw, field)
	if err != nil {
		return nil, err
	}
	b := &Body{}
	if r, ok := present(m, "mode"); ok {
		if b.Mode, err = str(r, field+".mode"); err != nil {
			return nil, err
		}
		b.has.set("mode")
	}
	if r, ok := present(m, "raw"); ok {
		if s, isStr, _ := scalarString(r); isStr {
			b.Raw = s
			b.has.set("raw")
		} else {
			// non-string raw bodies (rare hand-written files) are sent as JSON text
			b.Raw = string(r)
		}
	}
	if r, ok := present(m, "urlencoded"); ok {
		b.has.set("urlencoded")
		if b.URLEncoded, err = decodeParams(r, field+".urlencoded"); err != nil {
			return nil, err
		}
	}
	if r, ok := present(m, "formdata"); ok {
		b.has.set("formdata")
		arr, err := array(r, field+".formdata")
		if err != nil {
			return nil, err
		}
		b.FormData = make([]*FormParam, len(arr))
		for i, fr := range arr {
			if b.FormData[i], err = decodeFormParam(fr, fmt.Sprintf("%s.formdata[%d]", field, i)); err != nil {
				return nil, err
			}
		}
	}
	if r, ok := present(m, "file"); ok {
		fm, err := object(r, field+".file")
		if err != nil {
			return nil, err
		}
		f := &BodyFile{}
		if v, ok := present(fm, "src"); ok {
			if f.Src, err = str(v, field+".file.src"); err != nil {
				return nil, err
			}
			f.has.set("src")
		}
		if v, ok := present(fm, "content"); ok {
			if f.Content, err = str(v, field+".file.content"); err != nil {
				return nil, err
			}
			f.has.set("content")
		}
		f.Extra = extraOf(fm, "src", "content")
		b.File = f
	}
	if r, ok := present(m, "graphql"); ok {
		gm, err := object(r, field+".graphql")
		if err != nil {
			return nil, err
		}
		g := &GraphQL{}
		if v, ok := present(gm, "query"); ok {
			if g.Query, err = str(v, field+".graphql.query"); err != nil {
				return nil, err
			}
			g.has.set("query")
		}
		if v, ok := present(gm, "variables"); ok {
			if s, isStr, _ := scalarString(v); isStr {
				g.Variables = s
				g.has.set("variables")
			} else {
				g.Variables = string(v) // an object: kept verbatim in Extra, sent as JSON
			}
		}
		g.Extra = extraOf(gm, "query", "variables")
		if g.has.is("variables") {
			delete(g.Extra, "variables")
		}
		if len(g.Extra) == 0 {
			g.Extra = nil
		}
		b.GraphQL = g
	}
	if r, ok := present(m, "options"); ok {
		if b.Options, err = decodeMap(r, field+".options"); err != nil {
			return nil, err
		}
	}
	if r, ok := present(m, "disabled"); ok {
		if b.Disabled, err = boolean(r, field+".disabled"); err != nil {
			return nil, err
		}
		b.has.set("disabled")
	}
	b.Extra = extraOf(m, "mode", "urlencoded", "formdata", "file", "graphql", "options", "disabled")
	if b.has.is("raw") {
		delete(b.Extra, "raw")
	}
	if len(b.Extra) == 0 {
		b.Extra = nil
	}
	return b, nil
}

func decodeFormParam(raw json.RawMessage, field string) (*FormParam, error) {
	m, err := object(raw, field)
	if err != nil {
		return nil, err
	}
	p := &FormParam{}
	for _, f := range []struct {
		k   string
		dst *string
	}{{"key", &p.Key}, {"type", &p.Type}, {"contentType", &p.ContentType}} {
		if r, ok := present(m, f.k); ok {
			if *f.dst, err = str(r, field+"."+f.k); err != nil {
				return nil, err
			}
			p.has.set(f.k)
		}
	}
	if r, ok := present(m, "value"); ok {
		if s, isStr, ok := scalarString(r); ok && isStr {
			p.Value = s
			p.has.set("value")
		} else if ok {
			p.Value = s // numbers: raw kept in Extra
		}
	}
	if r, ok := present(m, "src"); ok {
		if s, isStr, _ := scalarString(r); isStr {
			p.Src, p.SrcIsString = []string{s}, true
		} else if p.Src, err = stringArray(r, field+".src"); err != nil {
			return nil, fmt.Errorf("%s.src: expected string or array, got %s", field, kind(r))
		}
		p.has.set("src")
	}
	if r, ok := present(m, "disabled"); ok {
		if p.Disabled, err = boolean(r, field+".disabled"); err != nil {
			return nil, err
		}
		p.has.set("disabled")
	}
	if r, ok := present(m, "description"); ok {
		if p.Description, err = decodeDescription(r, field+".description"); err != nil {
			return nil, err
		}
	}
	p.Extra = extraOf(m, "key", "type", "contentType", "src", "disabled", "description")
	if p.has.is("value") {
		delete(p.Extra, "value")
	}
	if len(p.Extra) == 0 {
		p.Extra = nil
	}
	return p, nil
}

func decodeAuth(raw json.RawMessage, field string) (*Auth, error) {
	m, err := object(raw, field)
	if err != nil {
		return nil, err
	}
	a := &Auth{Params: map[string][]*AuthParam{}}
	if r, ok := present(m, "type"); ok {
		if a.Type, err = str(r, field+".type"); err != nil {
			return nil, err
		}
	}
	// keep parameter blocks in file order
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	known := []string{"type"}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", field, err)
		}
		k := kt.(string)
		var r json.RawMessage
		if err := dec.Decode(&r); err != nil {
			return nil, fmt.Errorf("%s.%s: %w", field, k, err)
		}
		if k == "type" || isNull(r) {
			continue
		}
		switch kind(r) {
		case "array":
			arr, _ := array(r, field+"."+k)
			ps := make([]*AuthParam, len(arr))
			for i, pr := range arr {
				if ps[i], err = decodeAuthParam(pr, fmt.Sprintf("%s.%s[%d]", field, k, i)); err != nil {
					return nil, err
				}
			}
			a.Params[k] = ps
		case "object":
			ps, err := decodeAuthObject(r, field+"."+k)
			if err != nil {
				return nil, err
			}
			a.Params[k] = ps
			a.ObjectForm = true
		default:
			continue
		}
		a.order = append(a.order, k)
		known = append(known, k)
	}
	a.Extra = extraOf(m, known...)
	return a, nil
}

// decodeAuthObject reads the v2.0 {"username": "...", ...} parameter form.
func decodeAuthObject(raw json.RawMessage, field string) ([]*AuthParam, error) {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	var out []*AuthParam
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", field, err)
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s.%s: %w", field, kt, err)
		}
		out = append(out, &AuthParam{Key: kt.(string), Value: v})
	}
	if out == nil {
		out = []*AuthParam{}
	}
	return out, nil
}

func decodeAuthParam(raw json.RawMessage, field string) (*AuthParam, error) {
	m, err := object(raw, field)
	if err != nil {
		return nil, err
	}
	p := &AuthParam{}
	if r, ok := present(m, "key"); ok {
		if p.Key, err = str(r, field+".key"); err != nil {
			return nil, err
		}
		p.has.set("key")
	}
	if r, ok := m["value"]; ok {
		if err := json.Unmarshal(r, &p.Value); err != nil {
			return nil, fmt.Errorf("%s.value: %w", field, err)
		}
		p.has.set("value")
	}
	if r, ok := present(m, "type"); ok {
		if p.Type, err = str(r, field+".type"); err != nil {
			return nil, err
		}
		p.has.set("type")
	}
	p.Extra = extraOf(m, "key", "value", "type")
	delete(p.Extra, "value")
	if len(p.Extra) == 0 {
		p.Extra = nil
	}
	return p, nil
}
