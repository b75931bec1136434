package collections

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/postie-run/postie/environments"
)

// Save writes the collection to path atomically as indented JSON.
func (c *Collection) Save(path string) error {
	data, err := c.MarshalJSON()
	if err != nil {
		return fmt.Errorf("saving collection %s: %w", path, err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, data, "", "\t"); err != nil {
		return fmt.Errorf("saving collection %s: %w", path, err)
	}
	out.WriteByte('\n')
	if err := environments.WriteFileAtomic(path, out.Bytes()); err != nil {
		return fmt.Errorf("saving collection: %w", err)
	}
	return nil
}

// Walk calls fn for every item in depth-first order with its parents
// (outermost first). fn returning false skips the item's children. The
// parents slice is fn's own copy.
func (c *Collection) Walk(fn func(item *Item, parents []*Item) bool) {
	type frame struct {
		items []*Item
		next  int
	}
	stack := []frame{{items: c.Items}}
	var parents []*Item
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next >= len(top.items) {
			stack = stack[:len(stack)-1]
			if len(parents) > 0 {
				parents = parents[:len(parents)-1]
			}
			continue
		}
		it := top.items[top.next]
		top.next++
		if it == nil {
			continue
		}
		ps := make([]*Item, len(parents))
		copy(ps, parents)
		if fn(it, ps) && len(it.Items) > 0 {
			parents = append(parents, it)
			stack = append(stack, frame{items: it.Items})
		}
	}
}

// FindItem finds a folder or request by id or name at any depth (id first,
// then the first name match in depth-first order), with its parents.
func (c *Collection) FindItem(nameOrID string) (item *Item, parents []*Item, ok bool) {
	var byName *Item
	var byNameParents []*Item
	c.Walk(func(it *Item, ps []*Item) bool {
		if item != nil {
			return false
		}
		if it.ID != "" && it.ID == nameOrID {
			item, parents = it, ps
			return false
		}
		if byName == nil && it.Name == nameOrID {
			byName, byNameParents = it, ps
		}
		return true
	})
	if item != nil {
		return item, parents, true
	}
	if byName != nil {
		return byName, byNameParents, true
	}
	return nil, nil, false
}

// Clone returns a deep copy of the request (scripts may modify the copy).
func (r *Request) Clone() *Request {
	if r == nil {
		return nil
	}
	c := *r
	c.URL = r.URL.Clone()
	c.Header = cloneParams(r.Header)
	c.Body = r.Body.Clone()
	c.Auth = r.Auth.Clone()
	c.Description = r.Description.Clone()
	c.Extra = cloneExtra(r.Extra)
	return &c
}

// Clone returns a deep copy of the URL.
func (u *URL) Clone() *URL {
	if u == nil {
		return nil
	}
	c := *u
	c.Host = cloneStrings(u.Host)
	c.Path = cloneStrings(u.Path)
	c.Query = cloneParams(u.Query)
	c.Variables = cloneVars(u.Variables)
	c.Extra = cloneExtra(u.Extra)
	return &c
}

// Clone returns a deep copy of the parameter.
func (p *Param) Clone() *Param {
	if p == nil {
		return nil
	}
	c := *p
	c.Description = p.Description.Clone()
	c.Extra = cloneExtra(p.Extra)
	return &c
}

// Clone returns a deep copy of the description.
func (d *Description) Clone() *Description {
	if d == nil {
		return nil
	}
	c := *d
	c.Extra = cloneExtra(d.Extra)
	return &c
}

// Clone returns a deep copy of the body.
func (b *Body) Clone() *Body {
	if b == nil {
		return nil
	}
	c := *b
	c.URLEncoded = cloneParams(b.URLEncoded)
	if b.FormData != nil {
		c.FormData = make([]*FormParam, len(b.FormData))
		for i, f := range b.FormData {
			if f == nil {
				continue
			}
			fc := *f
			fc.Src = cloneStrings(f.Src)
			fc.Description = f.Description.Clone()
			fc.Extra = cloneExtra(f.Extra)
			c.FormData[i] = &fc
		}
	}
	if b.File != nil {
		fc := *b.File
		fc.Extra = cloneExtra(b.File.Extra)
		c.File = &fc
	}
	if b.GraphQL != nil {
		gc := *b.GraphQL
		gc.Extra = cloneExtra(b.GraphQL.Extra)
		c.GraphQL = &gc
	}
	c.Options = cloneMap(b.Options)
	c.Extra = cloneExtra(b.Extra)
	return &c
}

// Clone returns a deep copy of the auth block.
func (a *Auth) Clone() *Auth {
	if a == nil {
		return nil
	}
	c := *a
	c.Params = make(map[string][]*AuthParam, len(a.Params))
	for k, ps := range a.Params {
		cp := make([]*AuthParam, len(ps))
		for i, p := range ps {
			if p == nil {
				continue
			}
			pc := *p
			pc.Value = cloneAny(p.Value)
			pc.Extra = cloneExtra(p.Extra)
			cp[i] = &pc
		}
		c.Params[k] = cp
	}
	c.order = cloneStrings(a.order)
	c.Extra = cloneExtra(a.Extra)
	return &c
}

// Param returns the value of parameter key of the auth's own type, and
// whether it is set.
func (a *Auth) Param(key string) (any, bool) {
	if a == nil {
		return nil, false
	}
	for _, p := range a.Params[a.Type] {
		if p != nil && p.Key == key {
			return p.Value, true
		}
	}
	return nil, false
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}

func cloneParams(ps []*Param) []*Param {
	if ps == nil {
		return nil
	}
	out := make([]*Param, len(ps))
	for i, p := range ps {
		out[i] = p.Clone()
	}
	return out
}

func cloneVars(vs []*environments.Variable) []*environments.Variable {
	if vs == nil {
		return nil
	}
	out := make([]*environments.Variable, len(vs))
	for i, v := range vs {
		out[i] = v.Clone()
	}
	return out
}

// String returns the URL as Postman prints it: Raw when it was given as a
// string or has no parts, otherwise built from the parts
// (protocol://auth@host:port/path?query#hash) with disabled query
// parameters left out and ":name" path segments replaced by the path
// variable's value when it is a non-empty string.
func (u *URL) String() string {
	if u == nil {
		return ""
	}
	if u.IsString || !u.hasParts() {
		return u.Raw
	}
	var b strings.Builder
	if u.Protocol != "" {
		b.WriteString(u.Protocol)
		if !strings.HasSuffix(u.Protocol, "://") {
			b.WriteString("://")
		}
	}
	if user, pass, hasUser, hasPass := u.userinfo(); hasUser || hasPass {
		b.WriteString(user)
		if hasPass {
			b.WriteString(":" + pass)
		}
		b.WriteByte('@')
	}
	for i, h := range u.Host {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(h)
	}
	if u.Port != "" || u.has.is("port") {
		b.WriteString(":" + u.Port)
	}
	if u.Path != nil || u.has.is("path") {
		for _, seg := range u.Path {
			b.WriteByte('/')
			b.WriteString(u.pathSegment(seg))
		}
		if len(u.Path) == 0 {
			b.WriteByte('/')
		}
	}
	if len(u.Query) > 0 {
		qs := QueryString(u.Query)
		if qs != "" {
			b.WriteString("?" + qs)
		} else {
			for _, p := range u.Query {
				if p != nil && !p.Disabled {
					b.WriteByte('?')
					break
				}
			}
		}
	}
	if u.Hash != "" || u.has.is("hash") {
		b.WriteString("#" + u.Hash)
	}
	return b.String()
}

// pathSegment substitutes a ":name" segment's path variable.
func (u *URL) pathSegment(seg string) string {
	if len(seg) < 2 || seg[0] != ':' || len(u.Variables) == 0 {
		return seg
	}
	key := seg[1:]
	if i := strings.IndexByte(key, '.'); i >= 0 {
		key = key[:i]
	}
	if key == "" {
		return seg
	}
	for i := len(u.Variables) - 1; i >= 0; i-- {
		v := u.Variables[i]
		if v == nil || v.Key != key {
			continue
		}
		if s, ok := v.Value.(string); ok && s != "" {
			return s + seg[1+len(key):]
		}
		return seg
	}
	return seg
}

// userinfo returns the URL's user and password (kept in Extra["auth"]).
func (u *URL) userinfo() (user, pass string, hasUser, hasPass bool) {
	raw, ok := u.Extra["auth"]
	if !ok {
		return
	}
	var a map[string]any
	if json.Unmarshal(raw, &a) != nil {
		return
	}
	user, hasUser = a["user"].(string)
	pass, hasPass = a["password"].(string)
	return
}

// QueryString joins the enabled query parameters as Postman does ("k=v",
// "k" for a null value; "&", "#" and, in keys, "=" percent-encoded outside
// {{variables}}).
func QueryString(ps []*Param) string {
	var b strings.Builder
	first := true
	for _, p := range ps {
		if p == nil || p.Disabled {
			continue
		}
		if !first {
			b.WriteByte('&')
		}
		first = false
		if !p.KeyNull {
			b.WriteString(normalizeParam(p.Key, true))
		}
		if !p.ValueNull {
			b.WriteByte('=')
			b.WriteString(normalizeParam(p.Value, false))
		}
	}
	return b.String()
}

// normalizeParam percent-encodes "&", "#" (and "=" when encodeEquals)
// outside {{variables}} that contain them.
func normalizeParam(s string, encodeEquals bool) string {
	if !strings.ContainsAny(s, "&#") && !(encodeEquals && strings.Contains(s, "=")) {
		return s
	}
	var b strings.Builder
	i := 0
	for i < len(s) {
		if strings.HasPrefix(s[i:], "{{") {
			if end := varEnd(s, i); end > 0 && strings.ContainsAny(s[i+2:end-2], "&#=") {
				b.WriteString(s[i:end])
				i = end
				continue
			}
		}
		switch c := s[i]; {
		case c == '&':
			b.WriteString("%26")
		case c == '#':
			b.WriteString("%23")
		case c == '=' && encodeEquals:
			b.WriteString("%3D")
		default:
			b.WriteByte(c)
		}
		i++
	}
	return b.String()
}

// varEnd returns the end of a {{...}} reference (no braces inside) starting
// at i, or -1.
func varEnd(s string, i int) int {
	j := i + 2
	for j < len(s) && s[j] != '{' && s[j] != '}' {
		j++
	}
	if j+1 < len(s) && s[j] == '}' && s[j+1] == '}' {
		return j + 2
	}
	return -1
}

// leadingSpace is what ParseURL trims from the start of a raw URL, as the
// SDK does.
const leadingSpace = " \t\n\r\f\v\u00a0\ufeff"

// ParseURL splits a raw URL string (which may contain {{vars}}) into parts as
// Postman does.
func ParseURL(raw string) *URL {
	raw = strings.TrimLeft(raw, leadingSpace)
	u := &URL{Raw: raw}
	if raw == "" {
		return u
	}
	// protect {{variables}} holding URL delimiters
	var saved []string
	s := raw
	// (not when the text itself holds the NUL marker: it would be misread)
	if strings.Contains(s, "{{") && !strings.Contains(s, "\x00") {
		var b strings.Builder
		i := 0
		for i < len(s) {
			if strings.HasPrefix(s[i:], "{{") {
				if end := varEnd(s, i); end > 0 && strings.ContainsAny(s[i+2:end-2], ".:/?#@&]\\") {
					b.WriteString("\x00" + strconv.Itoa(len(saved)) + "\x01")
					saved = append(saved, s[i:end])
					i = end
					continue
				}
			}
			b.WriteByte(s[i])
			i++
		}
		s = b.String()
	}
	restore := func(x string) string {
		if len(saved) == 0 || !strings.Contains(x, "\x00") {
			return x
		}
		var b strings.Builder
		for {
			i := strings.IndexByte(x, 0)
			if i < 0 {
				b.WriteString(x)
				return b.String()
			}
			j := strings.IndexByte(x[i:], 1)
			n, _ := strconv.Atoi(x[i+1 : i+j])
			b.WriteString(x[:i] + saved[n])
			x = x[i+j+1:]
		}
	}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		u.Hash = restore(s[i+1:])
		u.has.set("hash")
		s = s[:i]
	}
	var query []string
	hasQuery := false
	if i := strings.IndexByte(s, '?'); i >= 0 {
		query = strings.Split(s[i+1:], "&")
		hasQuery = true
		s = s[:i]
	}
	s = strings.ReplaceAll(s, "\\", "/")
	if i := strings.Index(s, "://"); i >= 0 {
		u.Protocol = restore(s[:i])
		rest := s[i+3:]
		trimmed := strings.TrimLeft(rest, "/")
		if strings.EqualFold(u.Protocol, "file") && len(trimmed) != len(rest) {
			trimmed = "/" + trimmed
		}
		s = trimmed
	}
	if i := strings.IndexByte(s, '/'); i >= 0 {
		segs := strings.Split(s[i+1:], "/")
		for k := range segs {
			segs[k] = restore(segs[k])
		}
		u.Path = segs
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		auth := s[:i]
		s = s[i+1:]
		a := map[string]string{}
		if user, pass, ok := strings.Cut(auth, ":"); ok {
			a["user"], a["password"] = restore(user), restore(pass)
		} else {
			a["user"] = restore(auth)
		}
		enc, _ := environments.MarshalNoEscape(a)
		u.Extra = Extra{"auth": enc}
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 && !strings.Contains(s[i+1:], "]") {
		u.Port = restore(s[i+1:])
		u.has.set("port")
		s = s[:i]
	}
	if s != "" {
		parts := strings.Split(s, ".")
		for k := range parts {
			parts[k] = restore(parts[k])
		}
		u.Host = parts
	}
	if hasQuery {
		u.Query = make([]*Param, len(query))
		for k, q := range query {
			q = restore(q)
			p := &Param{}
			switch key, val, ok := strings.Cut(q, "="); {
			case q == "" && k != len(query)-1:
				p.KeyNull, p.ValueNull = true, true
			case ok:
				p.Key, p.Value = key, val
			default:
				p.Key, p.ValueNull = q, true
			}
			u.Query[k] = p
		}
	}
	seenVar := map[string]bool{}
	for _, seg := range u.Path {
		if len(seg) < 2 || seg[0] != ':' {
			continue
		}
		key := seg[1:]
		if i := strings.IndexByte(key, '.'); i >= 0 {
			key = key[:i]
		}
		if key != "" && !seenVar[key] {
			seenVar[key] = true
			u.Variables = append(u.Variables, &environments.Variable{Key: key})
		}
	}
	return u
}

// splitHost splits a host string on dots outside {{variables}}.
func splitHost(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '.' {
			continue
		}
		// a dot followed by "}}" before any "{" is inside a variable
		rest := s[i+1:]
		j := strings.IndexAny(rest, "{}")
		if j >= 0 && strings.HasPrefix(rest[j:], "}}") {
			continue
		}
		out = append(out, s[start:i])
		start = i + 1
	}
	return append(out, s[start:])
}
