package collections

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/postie-run/postie/environments"
)

// MarshalJSON writes the collection back in the format it was read in.
func (c *Collection) MarshalJSON() ([]byte, error) {
	w := newWriter()
	if c.has.is("info") || c.Info.Name != "" || c.Info.Schema != "" || c.Info.PostmanID != "" || c.Info.Description != nil || len(c.Info.Extra) > 0 {
		info, err := c.Info.marshal()
		if err != nil {
			return nil, fmt.Errorf("info: %w", err)
		}
		w.raw("info", info)
	}
	if c.Items != nil || c.has.is("item") {
		w.key("item")
		if err := itemsTo(w.b, c.Items); err != nil {
			return nil, err
		}
	}
	if len(c.Events) > 0 || c.has.is("event") {
		w.raw("event", mustEvents(w, c.Events))
	}
	if len(c.Variables) > 0 || c.has.is("variable") {
		w.val("variable", nonNilVars(c.Variables))
	}
	if c.Auth != nil {
		w.raw("auth", mustMarshal(w, c.Auth.marshal))
	}
	if c.ProtocolProfileBehavior != nil {
		w.val("protocolProfileBehavior", c.ProtocolProfileBehavior)
	}
	w.extra(c.Extra)
	return w.done()
}

// UnmarshalJSON is on Collection in decode.go.

func nonNilVars(v []*environments.Variable) []*environments.Variable {
	if v == nil {
		return []*environments.Variable{}
	}
	return v
}

func mustMarshal(w *writer, f func() ([]byte, error)) []byte {
	if w.err != nil {
		return nil
	}
	b, err := f()
	if err != nil {
		w.err = err
	}
	return b
}

func (in *Info) marshal() ([]byte, error) {
	w := newWriter()
	if in.PostmanID != "" || in.has.is("_postman_id") {
		w.val("_postman_id", in.PostmanID)
	}
	if in.Name != "" || in.has.is("name") {
		w.val("name", in.Name)
	}
	if in.Description != nil {
		w.raw("description", mustMarshal(w, in.Description.marshal))
	}
	if in.Schema != "" || in.has.is("schema") {
		w.val("schema", in.Schema)
	}
	w.extra(in.Extra)
	return w.done()
}

func (d *Description) marshal() ([]byte, error) {
	if d.IsString {
		return environments.MarshalNoEscape(d.Content)
	}
	w := newWriter()
	if d.Content != "" || d.has.is("content") {
		w.val("content", d.Content)
	}
	if d.Type != "" || d.has.is("type") {
		w.val("type", d.Type)
	}
	w.extra(d.Extra)
	return w.done()
}

// itemsTo writes items as a JSON array into b (one buffer for the whole
// tree, so deep nesting costs no copying).
func itemsTo(b *bytes.Buffer, items []*Item) error {
	b.WriteByte('[')
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := it.marshalTo(b); err != nil {
			return err
		}
	}
	b.WriteByte(']')
	return nil
}

func (it *Item) marshalTo(b *bytes.Buffer) error {
	w := newWriterTo(b)
	if it.ID != "" || it.has.is("id") {
		w.val("id", it.ID)
	}
	if it.Name != "" || it.has.is("name") {
		w.val("name", it.Name)
	}
	if it.Description != nil {
		w.raw("description", mustMarshal(w, it.Description.marshal))
	}
	if len(it.Variables) > 0 || it.has.is("variable") {
		w.val("variable", nonNilVars(it.Variables))
	}
	if it.Items != nil && w.err == nil {
		w.key("item")
		if err := itemsTo(w.b, it.Items); err != nil {
			return err
		}
	}
	if len(it.Events) > 0 || it.has.is("event") {
		w.raw("event", mustEvents(w, it.Events))
	}
	if it.Request != nil {
		w.raw("request", mustMarshal(w, it.Request.marshal))
	}
	if len(it.Responses) > 0 || it.has.is("response") {
		rs := it.Responses
		if rs == nil {
			rs = []json.RawMessage{}
		}
		w.val("response", rs)
	}
	if it.Auth != nil {
		w.raw("auth", mustMarshal(w, it.Auth.marshal))
	}
	if it.ProtocolProfileBehavior != nil {
		w.val("protocolProfileBehavior", it.ProtocolProfileBehavior)
	}
	w.extra(it.Extra)
	if _, err := w.done(); err != nil {
		return fmt.Errorf("item %q: %w", it.Name, err)
	}
	return nil
}

func mustEvents(w *writer, evs []*Event) []byte {
	if w.err != nil {
		return nil
	}
	if len(evs) == 1 && evs[0].single {
		b, err := evs[0].marshal()
		if err != nil {
			w.err = err
		}
		return b
	}
	var b bytes.Buffer
	b.WriteByte('[')
	for i, ev := range evs {
		if i > 0 {
			b.WriteByte(',')
		}
		enc, err := ev.marshal()
		if err != nil {
			w.err = err
			return nil
		}
		b.Write(enc)
	}
	b.WriteByte(']')
	return b.Bytes()
}

func (ev *Event) marshal() ([]byte, error) {
	w := newWriter()
	if ev.ID != "" || ev.has.is("id") {
		w.val("id", ev.ID)
	}
	if ev.Listen != "" || ev.has.is("listen") {
		w.val("listen", ev.Listen)
	}
	if ev.Script != nil {
		if ev.scriptIsString && ev.Script.ID == "" && ev.Script.Type == "" && ev.Script.Name == "" && len(ev.Script.Extra) == 0 {
			w.val("script", ev.Script.Source())
		} else {
			w.raw("script", mustMarshal(w, ev.Script.marshal))
		}
	}
	if ev.Disabled || ev.has.is("disabled") {
		w.val("disabled", ev.Disabled)
	}
	w.extra(ev.Extra)
	return w.done()
}

func (s *Script) marshal() ([]byte, error) {
	w := newWriter()
	if s.ID != "" || s.has.is("id") {
		w.val("id", s.ID)
	}
	if s.Type != "" || s.has.is("type") {
		w.val("type", s.Type)
	}
	if s.Exec != nil || s.has.is("exec") {
		if s.ExecIsString {
			w.val("exec", s.Source())
		} else {
			ex := s.Exec
			if ex == nil {
				ex = []string{}
			}
			w.val("exec", ex)
		}
	}
	if s.Name != "" || s.has.is("name") {
		w.val("name", s.Name)
	}
	w.extra(s.Extra)
	return w.done()
}

func (r *Request) marshal() ([]byte, error) {
	if r.IsString && r.URL != nil && r.Method == "" && len(r.Header) == 0 && r.Body == nil && r.Auth == nil && r.Description == nil && len(r.Extra) == 0 {
		return environments.MarshalNoEscape(r.URL.String())
	}
	w := newWriter()
	if r.Auth != nil {
		w.raw("auth", mustMarshal(w, r.Auth.marshal))
	}
	if r.Method != "" || r.has.is("method") {
		w.val("method", r.Method)
	}
	if len(r.Header) > 0 || r.has.is("header") {
		if r.headerIsString && paramsEqual(r.Header, parseHeaderString(r.headerString)) {
			w.val("header", r.headerString)
		} else if r.headerIsString {
			w.val("header", headerString(r.Header))
		} else {
			w.raw("header", mustParams(w, r.Header))
		}
	}
	if r.Body != nil {
		w.raw("body", mustMarshal(w, r.Body.marshal))
	}
	if r.URL != nil && (r.URL.IsString || r.URL.Raw != "" || r.URL.hasParts() || r.URL.has != 0 || len(r.URL.Extra) > 0) {
		if r.URL.IsString {
			w.val("url", r.URL.String())
		} else {
			w.raw("url", mustMarshal(w, r.URL.marshal))
		}
	}
	if r.Description != nil {
		w.raw("description", mustMarshal(w, r.Description.marshal))
	}
	w.extra(r.Extra)
	return w.done()
}

func paramsEqual(a, b []*Param) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Key != b[i].Key || a[i].Value != b[i].Value || a[i].Disabled != b[i].Disabled {
			return false
		}
	}
	return true
}

func (u *URL) hasParts() bool {
	return u.Protocol != "" || len(u.Host) > 0 || len(u.Path) > 0 || u.Port != "" || len(u.Query) > 0 || u.Hash != "" || len(u.Variables) > 0
}

func (u *URL) marshal() ([]byte, error) {
	w := newWriter()
	if u.Raw != "" || u.has.is("raw") {
		w.val("raw", u.Raw)
	}
	if u.Protocol != "" || u.has.is("protocol") {
		w.val("protocol", u.Protocol)
	}
	if len(u.Host) > 0 || u.has.is("host") {
		if u.hostIsString {
			w.val("host", strings.Join(u.Host, "."))
		} else {
			w.val("host", nonNilStrings(u.Host))
		}
	}
	if u.has.is("port") || (u.Port != "" && u.Extra["port"] == nil) {
		w.val("port", u.Port)
	}
	if len(u.Path) > 0 || u.has.is("path") {
		switch {
		case u.pathIsString && strings.Join(splitPathString(u.pathString), "/") == strings.Join(u.Path, "/"):
			w.val("path", u.pathString)
		case u.pathIsString:
			w.val("path", "/"+strings.Join(u.Path, "/"))
		default:
			w.val("path", nonNilStrings(u.Path))
		}
	}
	if len(u.Query) > 0 || u.has.is("query") {
		w.raw("query", mustParams(w, u.Query))
	}
	if u.Hash != "" || u.has.is("hash") {
		w.val("hash", u.Hash)
	}
	if len(u.Variables) > 0 || u.has.is("variable") {
		w.val("variable", nonNilVars(u.Variables))
	}
	w.extra(u.Extra)
	return w.done()
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func mustParams(w *writer, ps []*Param) []byte {
	if w.err != nil {
		return nil
	}
	var b bytes.Buffer
	b.WriteByte('[')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		enc, err := p.marshal()
		if err != nil {
			w.err = err
			return nil
		}
		b.Write(enc)
	}
	b.WriteByte(']')
	return b.Bytes()
}

func (p *Param) marshal() ([]byte, error) {
	w := newWriter()
	switch {
	case p.KeyNull && p.Key == "":
		w.raw("key", []byte("null"))
	case p.Key != "" || p.has.is("key"):
		w.val("key", p.Key)
	}
	switch {
	case p.ValueNull && p.Value == "":
		w.raw("value", []byte("null"))
	case p.valueRaw != nil && p.Value == valueText(p.valueRaw):
		w.raw("value", p.valueRaw)
	case p.Value != "" || p.has.is("value"):
		w.val("value", p.Value)
	}
	if p.Disabled || p.has.is("disabled") {
		w.val("disabled", p.Disabled)
	}
	if p.Description != nil {
		w.raw("description", mustMarshal(w, p.Description.marshal))
	}
	w.extra(p.Extra)
	return w.done()
}

func valueText(raw json.RawMessage) string {
	var v any
	_ = json.Unmarshal(raw, &v)
	return environments.String(v)
}

func (b *Body) marshal() ([]byte, error) {
	w := newWriter()
	if b.Mode != "" || b.has.is("mode") {
		w.val("mode", b.Mode)
	}
	if b.has.is("raw") || (b.Raw != "" && b.Extra["raw"] == nil) {
		w.val("raw", b.Raw)
	}
	if len(b.URLEncoded) > 0 || b.has.is("urlencoded") {
		w.raw("urlencoded", mustParams(w, b.URLEncoded))
	}
	if len(b.FormData) > 0 || b.has.is("formdata") {
		var buf bytes.Buffer
		buf.WriteByte('[')
		for i, f := range b.FormData {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.Write(mustMarshal(w, f.marshal))
		}
		buf.WriteByte(']')
		w.raw("formdata", buf.Bytes())
	}
	if b.File != nil {
		w.raw("file", mustMarshal(w, b.File.marshal))
	}
	if b.GraphQL != nil {
		w.raw("graphql", mustMarshal(w, b.GraphQL.marshal))
	}
	if b.Options != nil {
		w.val("options", b.Options)
	}
	if b.Disabled || b.has.is("disabled") {
		w.val("disabled", b.Disabled)
	}
	w.extra(b.Extra)
	return w.done()
}

func (f *FormParam) marshal() ([]byte, error) {
	w := newWriter()
	if f.Key != "" || f.has.is("key") {
		w.val("key", f.Key)
	}
	if f.has.is("value") || (f.Value != "" && f.Extra["value"] == nil) {
		w.val("value", f.Value)
	}
	if f.Type != "" || f.has.is("type") {
		w.val("type", f.Type)
	}
	if f.Src != nil || f.has.is("src") {
		if f.SrcIsString && len(f.Src) == 1 {
			w.val("src", f.Src[0])
		} else {
			w.val("src", nonNilStrings(f.Src))
		}
	}
	if f.ContentType != "" || f.has.is("contentType") {
		w.val("contentType", f.ContentType)
	}
	if f.Disabled || f.has.is("disabled") {
		w.val("disabled", f.Disabled)
	}
	if f.Description != nil {
		w.raw("description", mustMarshal(w, f.Description.marshal))
	}
	w.extra(f.Extra)
	return w.done()
}

func (f *BodyFile) marshal() ([]byte, error) {
	w := newWriter()
	if f.Src != "" || f.has.is("src") {
		w.val("src", f.Src)
	}
	if f.Content != "" || f.has.is("content") {
		w.val("content", f.Content)
	}
	w.extra(f.Extra)
	return w.done()
}

func (g *GraphQL) marshal() ([]byte, error) {
	w := newWriter()
	if g.Query != "" || g.has.is("query") {
		w.val("query", g.Query)
	}
	if g.has.is("variables") || (g.Variables != "" && g.Extra["variables"] == nil) {
		w.val("variables", g.Variables)
	}
	w.extra(g.Extra)
	return w.done()
}

func (a *Auth) marshal() ([]byte, error) {
	w := newWriter()
	w.val("type", a.Type)
	names := make([]string, 0, len(a.Params))
	for _, k := range a.order {
		if _, ok := a.Params[k]; ok {
			names = append(names, k)
		}
	}
	for _, k := range sortedParamKeys(a.Params) {
		found := false
		for _, n := range names {
			if n == k {
				found = true
				break
			}
		}
		if !found {
			names = append(names, k)
		}
	}
	for _, k := range names {
		ps := a.Params[k]
		if a.ObjectForm {
			ow := newWriter()
			for _, p := range ps {
				ow.val(p.Key, p.Value)
			}
			w.raw(k, mustMarshal(w, ow.done))
			continue
		}
		var buf bytes.Buffer
		buf.WriteByte('[')
		for i, p := range ps {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.Write(mustMarshal(w, p.marshal))
		}
		buf.WriteByte(']')
		w.raw(k, buf.Bytes())
	}
	w.extra(a.Extra)
	return w.done()
}

func sortedParamKeys(m map[string][]*AuthParam) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

func (p *AuthParam) marshal() ([]byte, error) {
	w := newWriter()
	if p.Key != "" || p.has.is("key") {
		w.val("key", p.Key)
	}
	if p.Value != nil || p.has.is("value") {
		w.val("value", p.Value)
	}
	if p.Type != "" || p.has.is("type") {
		w.val("type", p.Type)
	}
	w.extra(p.Extra)
	return w.done()
}
