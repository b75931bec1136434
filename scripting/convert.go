package scripting

import (
	"encoding/json"
	"math"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
)

// Requests cross into JavaScript as postman-collection JSON (the v2.1
// request shape) and come back the same way.

type jsParam struct {
	Key         *string `json:"key"`
	Value       *string `json:"value"`
	Disabled    bool    `json:"disabled,omitempty"`
	System      bool    `json:"system,omitempty"` // added by the runtime (sent headers)
	Description any     `json:"description,omitempty"`
	Type        string  `json:"type,omitempty"`
	Src         any     `json:"src,omitempty"`
	ContentType string  `json:"contentType,omitempty"`
}

type jsVar struct {
	Key         string `json:"key"`
	Value       any    `json:"value"`
	Type        string `json:"type,omitempty"`
	Disabled    bool   `json:"disabled,omitempty"`
	Description any    `json:"description,omitempty"`
}

type jsURL struct {
	Raw      string     `json:"raw,omitempty"`
	Protocol string     `json:"protocol,omitempty"`
	Host     []string   `json:"host,omitempty"`
	Path     []string   `json:"path,omitempty"`
	Port     string     `json:"port,omitempty"`
	Query    []jsParam  `json:"query,omitempty"`
	Hash     string     `json:"hash,omitempty"`
	Variable []jsVar    `json:"variable,omitempty"`
	Auth     *jsURLAuth `json:"auth,omitempty"`
}

type jsURLAuth struct {
	User     string  `json:"user"`
	Password *string `json:"password,omitempty"`
}

type jsBody struct {
	Mode       string         `json:"mode,omitempty"`
	Raw        *string        `json:"raw,omitempty"`
	URLEncoded []jsParam      `json:"urlencoded,omitempty"`
	FormData   []jsParam      `json:"formdata,omitempty"`
	File       map[string]any `json:"file,omitempty"`
	GraphQL    map[string]any `json:"graphql,omitempty"`
	Options    map[string]any `json:"options,omitempty"`
	Disabled   bool           `json:"disabled,omitempty"`
}

type jsAuthParam struct {
	Key   string `json:"key"`
	Value any    `json:"value"`
	Type  string `json:"type,omitempty"`
}

type jsRequest struct {
	URL         json.RawMessage `json:"url"`
	Method      string          `json:"method,omitempty"`
	Header      json.RawMessage `json:"header,omitempty"`
	Body        *jsBody         `json:"body,omitempty"`
	Auth        json.RawMessage `json:"auth,omitempty"`
	Description any             `json:"description,omitempty"`
}

func strp(s string) *string { return &s }

func descOf(d *collections.Description) any {
	if d == nil {
		return nil
	}
	if d.IsString || d.Type == "" {
		return d.Content
	}
	return map[string]any{"content": d.Content, "type": d.Type}
}

func paramsToJS(ps []*collections.Param) []jsParam {
	out := make([]jsParam, 0, len(ps))
	for _, p := range ps {
		if p == nil {
			continue
		}
		jp := jsParam{Key: strp(p.Key), Value: strp(p.Value), Disabled: p.Disabled, Description: descOf(p.Description)}
		if sys, ok := p.Extra["system"]; ok && string(sys) == "true" {
			jp.System = true
		}
		if p.KeyNull {
			jp.Key = nil
		}
		if p.ValueNull {
			jp.Value = nil
		}
		out = append(out, jp)
	}
	return out
}

func authToJS(a *collections.Auth) map[string]any {
	if a == nil {
		return nil
	}
	m := map[string]any{"type": a.Type}
	for typ, ps := range a.Params {
		list := make([]jsAuthParam, 0, len(ps))
		for _, p := range ps {
			list = append(list, jsAuthParam{Key: p.Key, Value: p.Value, Type: p.Type})
		}
		m[typ] = list
	}
	return m
}

// requestToJSON renders r in postman-collection's request JSON shape.
func requestToJSON(r *collections.Request) (string, error) {
	out := map[string]any{"method": methodOf(r)}
	u := jsURL{}
	if r.URL != nil {
		if r.URL.IsString || (len(r.URL.Host) == 0 && len(r.URL.Path) == 0 && r.URL.Protocol == "") {
			u.Raw = r.URL.Raw
		} else {
			u = jsURL{Raw: r.URL.Raw, Protocol: r.URL.Protocol, Host: r.URL.Host, Path: r.URL.Path, Port: r.URL.Port,
				Query: paramsToJS(r.URL.Query), Hash: r.URL.Hash}
			if raw, ok := r.URL.Extra["auth"]; ok {
				var a jsURLAuth
				if json.Unmarshal(raw, &a) == nil {
					u.Auth = &a
				}
			}
		}
		for _, v := range r.URL.Variables {
			if v != nil {
				u.Variable = append(u.Variable, jsVar{Key: v.Key, Value: v.Value, Type: v.Type, Disabled: v.Disabled, Description: v.Description})
			}
		}
	}
	if u.Raw == "" && u.Host == nil && u.Path == nil {
		out["url"] = ""
	} else if len(u.Host) == 0 && len(u.Path) == 0 && u.Protocol == "" && len(u.Variable) == 0 {
		out["url"] = u.Raw
	} else {
		out["url"] = u
	}
	out["header"] = paramsToJS(r.Header)
	if b := r.Body; b != nil && b.Mode != "" {
		jb := &jsBody{Mode: b.Mode, Options: b.Options, Disabled: b.Disabled}
		switch b.Mode {
		case "raw":
			jb.Raw = strp(b.Raw)
		case "urlencoded":
			jb.URLEncoded = paramsToJS(b.URLEncoded)
		case "formdata":
			for _, f := range b.FormData {
				if f == nil {
					continue
				}
				p := jsParam{Key: strp(f.Key), Value: strp(f.Value), Disabled: f.Disabled, Type: f.Type, ContentType: f.ContentType, Description: descOf(f.Description)}
				if f.Type == "file" {
					if f.SrcIsString && len(f.Src) == 1 {
						p.Src = f.Src[0]
					} else {
						p.Src = f.Src
					}
				}
				jb.FormData = append(jb.FormData, p)
			}
		case "file":
			if b.File != nil {
				jb.File = map[string]any{"src": b.File.Src}
				if b.File.Content != "" {
					jb.File["content"] = b.File.Content
				}
			}
		case "graphql":
			if b.GraphQL != nil {
				jb.GraphQL = map[string]any{"query": b.GraphQL.Query, "variables": b.GraphQL.Variables}
			}
		}
		out["body"] = jb
	}
	if a := authToJS(r.Auth); a != nil {
		out["auth"] = a
	}
	if d := descOf(r.Description); d != nil {
		out["description"] = d
	}
	data, err := json.Marshal(out)
	return string(data), err
}

func methodOf(r *collections.Request) string {
	if r.Method == "" {
		return "GET"
	}
	return r.Method
}

func paramsFromJS(ps []jsParam, old []*collections.Param) []*collections.Param {
	out := make([]*collections.Param, 0, len(ps))
	for i, p := range ps {
		np := &collections.Param{Disabled: p.Disabled, KeyNull: p.Key == nil, ValueNull: p.Value == nil}
		if p.Key != nil {
			np.Key = *p.Key
		}
		if p.Value != nil {
			np.Value = *p.Value
		}
		// keep description/extra of an unchanged position
		if i < len(old) && old[i] != nil && old[i].Key == np.Key {
			np.Description, np.Extra = old[i].Description, old[i].Extra
		}
		out = append(out, np)
	}
	return out
}

// applyRequestJSON writes the script's request (as JSON) back into r.
func applyRequestJSON(r *collections.Request, data string) error {
	var jr jsRequest
	if err := json.Unmarshal([]byte(data), &jr); err != nil {
		return err
	}
	r.Method = jr.Method
	var u jsURL
	if len(jr.URL) > 0 && jr.URL[0] == '"' {
		var raw string
		if err := json.Unmarshal(jr.URL, &raw); err != nil {
			return err
		}
		u.Raw = raw
	} else if len(jr.URL) > 0 {
		if err := json.Unmarshal(jr.URL, &u); err != nil {
			return err
		}
	}
	if r.URL == nil {
		r.URL = &collections.URL{}
	}
	old := r.URL
	nu := &collections.URL{Raw: u.Raw, Protocol: u.Protocol, Host: u.Host, Path: u.Path, Port: u.Port,
		Query: paramsFromJS(u.Query, old.Query), Hash: u.Hash, IsString: old.IsString}
	if len(old.Extra) > 0 || u.Auth != nil {
		nu.Extra = collections.Extra{}
		for k, x := range old.Extra {
			if k != "auth" {
				nu.Extra[k] = x
			}
		}
		if u.Auth != nil {
			if d, err := json.Marshal(u.Auth); err == nil {
				nu.Extra["auth"] = d
			}
		}
	}
	for _, v := range u.Variable {
		nu.Variables = append(nu.Variables, &environments.Variable{Key: v.Key, Value: v.Value, Type: v.Type, Disabled: v.Disabled, Description: v.Description})
	}
	r.URL = nu
	var hs []jsParam
	if len(jr.Header) > 0 {
		if err := json.Unmarshal(jr.Header, &hs); err != nil {
			return err
		}
	}
	r.Header = paramsFromJS(hs, r.Header)
	if jr.Body == nil {
		r.Body = nil
	} else {
		b := jr.Body
		nb := &collections.Body{Mode: b.Mode, Options: b.Options, Disabled: b.Disabled}
		if r.Body != nil {
			nb.Extra = r.Body.Extra
		}
		switch b.Mode {
		case "raw":
			if b.Raw != nil {
				nb.Raw = *b.Raw
			}
		case "urlencoded":
			var old []*collections.Param
			if r.Body != nil {
				old = r.Body.URLEncoded
			}
			nb.URLEncoded = paramsFromJS(b.URLEncoded, old)
		case "formdata":
			for _, f := range b.FormData {
				fp := &collections.FormParam{Type: f.Type, ContentType: f.ContentType, Disabled: f.Disabled}
				if f.Key != nil {
					fp.Key = *f.Key
				}
				if f.Value != nil {
					fp.Value = *f.Value
				}
				switch s := f.Src.(type) {
				case string:
					fp.Src, fp.SrcIsString = []string{s}, true
				case []any:
					for _, x := range s {
						if xs, ok := x.(string); ok {
							fp.Src = append(fp.Src, xs)
						}
					}
				}
				nb.FormData = append(nb.FormData, fp)
			}
		case "file":
			if b.File != nil {
				nb.File = &collections.BodyFile{}
				nb.File.Src, _ = b.File["src"].(string)
				nb.File.Content, _ = b.File["content"].(string)
			}
		case "graphql":
			if b.GraphQL != nil {
				nb.GraphQL = &collections.GraphQL{}
				nb.GraphQL.Query, _ = b.GraphQL["query"].(string)
				switch v := b.GraphQL["variables"].(type) {
				case string:
					nb.GraphQL.Variables = v
				case nil:
				default:
					d, _ := json.Marshal(v)
					nb.GraphQL.Variables = string(d)
				}
			}
		}
		r.Body = nb
	}
	if len(jr.Auth) == 0 || string(jr.Auth) == "null" {
		r.Auth = nil
	} else {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(jr.Auth, &m); err != nil {
			return err
		}
		a := &collections.Auth{Params: map[string][]*collections.AuthParam{}}
		if r.Auth != nil {
			a.ObjectForm, a.Extra = r.Auth.ObjectForm, r.Auth.Extra
		}
		_ = json.Unmarshal(m["type"], &a.Type)
		for k, raw := range m {
			if k == "type" {
				continue
			}
			var ps []jsAuthParam
			if json.Unmarshal(raw, &ps) != nil {
				continue
			}
			for _, p := range ps {
				a.Params[k] = append(a.Params[k], &collections.AuthParam{Key: p.Key, Value: p.Value, Type: p.Type})
			}
		}
		r.Auth = a
	}
	return nil
}

// requestFromJSON builds a request for pm.sendRequest.
func requestFromJSON(data string) (*collections.Request, error) {
	r := &collections.Request{}
	if err := applyRequestJSON(r, data); err != nil {
		return nil, err
	}
	return r, nil
}

type jsCookie struct {
	Name     string  `json:"name"`
	Value    string  `json:"value"`
	Domain   string  `json:"domain,omitempty"`
	Path     string  `json:"path,omitempty"`
	Expires  *string `json:"expires"`
	MaxAge   int     `json:"maxAge,omitempty"`
	Secure   bool    `json:"secure"`
	HTTPOnly bool    `json:"httpOnly"`
	HostOnly bool    `json:"hostOnly,omitempty"`
	Session  bool    `json:"session,omitempty"`
}

func cookieToJS(c *http.Cookie) jsCookie {
	jc := jsCookie{Name: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path, MaxAge: c.MaxAge, Secure: c.Secure, HTTPOnly: c.HttpOnly}
	if !c.Expires.IsZero() {
		s := c.Expires.UTC().Format(time.RFC1123)
		s = strings.Replace(s, "UTC", "GMT", 1)
		jc.Expires = &s
	} else if c.MaxAge == 0 {
		jc.Session = true
	}
	return jc
}

// responseMetaObject builds the response's metadata directly as a
// JavaScript object (JSON.parse in goja costs more than building it).
func responseMetaObject(rt *goja.Runtime, r *Response) *goja.Object {
	o := rt.NewObject()
	_ = o.Set("code", r.Code)
	_ = o.Set("status", r.Status)
	size := r.ResponseSize
	if size == 0 {
		size = len(r.Body)
	}
	_ = o.Set("responseSize", size)
	_ = o.Set("responseTime", math.Round(float64(r.ResponseTime)/float64(time.Millisecond)))
	hs := make([]any, len(r.Header))
	for i, h := range r.Header {
		ho := rt.NewObject()
		_ = ho.Set("key", h.Key)
		_ = ho.Set("value", h.Value)
		hs[i] = ho
	}
	_ = o.Set("header", rt.NewArray(hs...))
	cs := make([]any, 0, len(r.Cookies))
	for _, c := range r.Cookies {
		if c == nil {
			continue
		}
		jc := cookieToJS(c)
		co := rt.NewObject()
		_ = co.Set("name", jc.Name)
		_ = co.Set("value", jc.Value)
		if jc.Domain != "" {
			_ = co.Set("domain", jc.Domain)
		}
		if jc.Path != "" {
			_ = co.Set("path", jc.Path)
		}
		if jc.Expires != nil {
			_ = co.Set("expires", *jc.Expires)
		} else {
			_ = co.Set("expires", goja.Null())
		}
		if jc.MaxAge != 0 {
			_ = co.Set("maxAge", jc.MaxAge)
		}
		_ = co.Set("secure", jc.Secure)
		_ = co.Set("httpOnly", jc.HTTPOnly)
		if jc.Session {
			_ = co.Set("session", true)
		}
		cs = append(cs, co)
	}
	_ = o.Set("cookie", rt.NewArray(cs...))
	return o
}

// exportValue turns a JavaScript value into a JSON-like Go value (string,
// float64, bool, nil, map[string]any, []any).
func exportValue(rt *goja.Runtime, v goja.Value) any {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	switch e := v.Export().(type) {
	case string:
		return e
	case bool:
		return e
	case int64:
		return float64(e)
	case float64:
		return e
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return v.String()
	}
	if _, isFn := goja.AssertFunction(obj); isFn {
		return nil
	}
	// Objects go through JSON so that toJSON, dates and nesting behave as
	// JSON.stringify does.
	data, err := obj.MarshalJSON()
	if err != nil {
		return v.String()
	}
	var out any
	if json.Unmarshal(data, &out) != nil {
		return v.String()
	}
	return out
}

// toJS turns a JSON-like Go value into a native JavaScript value.
func toJS(rt *goja.Runtime, v any) goja.Value {
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case string, bool, float64, int, int64:
		return rt.ToValue(x)
	case map[string]any:
		o := rt.NewObject()
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			_ = o.Set(k, toJS(rt, x[k]))
		}
		return o
	case []any:
		arr := make([]any, len(x))
		for i, val := range x {
			arr[i] = toJS(rt, val)
		}
		return rt.NewArray(arr...)
	default:
		d, err := json.Marshal(x)
		if err != nil {
			return rt.ToValue(environments.String(x))
		}
		var out any
		_ = json.Unmarshal(d, &out)
		return toJS(rt, out)
	}
}
