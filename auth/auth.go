// Package auth implements Postman's request auth types: noauth, basic,
// bearer, apikey, digest, oauth1, oauth2, hawk, awsv4, ntlm, edgegrid, asap
// and jwt.
package auth

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
)

// Authorizer signs requests for one auth block.
type Authorizer interface {
	// Authorize modifies req (headers, query, body) before it is sent. body
	// is the request body as it will be sent (nil for none).
	Authorize(req *http.Request, body []byte) error
	// Retry inspects a response and reports whether the request must be
	// sent again (Authorize is called again first): digest and ntlm
	// challenges. Others return false.
	Retry(resp *http.Response) bool
}

// HeaderOrderer is an Authorizer whose headers go on the wire in an order
// of its own, not sorted after the request's own headers: awsv4's signer
// adds Host first and then its X-Amz-* headers and Authorization.
type HeaderOrderer interface {
	// HeaderOrder returns the names of the headers the last Authorize
	// added, in wire order (Host included when it is one of them).
	HeaderOrder() []string
}

// New returns the Authorizer for a (already chosen by inheritance: request <
// folder < collection). resolve substitutes {{variables}} in parameter
// values. A nil auth or type "noauth" gives an Authorizer that does nothing.
// An unsupported type is an error that names it.
func New(a *collections.Auth, resolve func(string) string) (Authorizer, error) {
	if a == nil || a.Type == "" || a.Type == "noauth" {
		return noAuth{}, nil
	}
	if resolve == nil {
		resolve = func(s string) string { return s }
	}
	p := newParams(a, resolve)
	switch a.Type {
	case "basic":
		return &basicAuth{p: p}, nil
	case "bearer":
		return &bearerAuth{p: p}, nil
	case "apikey":
		return &apiKeyAuth{p: p}, nil
	case "oauth2":
		return &oauth2Auth{p: p}, nil
	case "digest":
		return newDigest(p), nil
	case "oauth1":
		return &oauth1Auth{p: p}, nil
	case "hawk":
		return &hawkAuth{p: p}, nil
	case "awsv4":
		return &awsV4Auth{p: p}, nil
	case "jwt":
		return &jwtAuth{p: p}, nil
	case "ntlm":
		return newNTLM(p), nil
	case "edgegrid":
		return &edgeGridAuth{p: p}, nil
	case "asap":
		return &asapAuth{p: p}, nil
	}
	return nil, fmt.Errorf("unsupported auth type %q", a.Type)
}

// noAuth does nothing.
type noAuth struct{}

func (noAuth) Authorize(*http.Request, []byte) error { return nil }
func (noAuth) Retry(*http.Response) bool             { return false }

// params are an auth block's parameters of its own type (a later duplicate
// key wins, as in Postman), with string values resolved on use.
type params struct {
	m map[string]any
	// types holds each parameter's declared variable type ("string",
	// "boolean", "number"); Postman casts the value to it.
	types   map[string]string
	resolve func(string) string
	// set holds values the authorizer stored itself (digest nonce, ...).
	set map[string]string
}

func newParams(a *collections.Auth, resolve func(string) string) *params {
	p := &params{m: map[string]any{}, types: map[string]string{}, resolve: resolve, set: map[string]string{}}
	for _, ap := range a.Params[a.Type] {
		if ap != nil {
			p.m[ap.Key] = ap.Value
			p.types[ap.Key] = strings.ToLower(ap.Type)
		}
	}
	return p
}

// value returns the parameter with strings resolved (nil when absent).
func (p *params) value(key string) any {
	if v, ok := p.set[key]; ok {
		return v
	}
	v, ok := p.m[key]
	if !ok {
		return nil
	}
	if s, ok := v.(string); ok {
		v = p.resolve(s)
	}
	return castParam(v, p.types[key])
}

// castParam converts a parameter value to its declared type as
// postman-collection's Variable does (String(false) is "false", which is
// truthy; Boolean("false") is true). Other types leave it as it is.
func castParam(v any, typ string) any {
	if v == nil {
		return nil
	}
	switch typ {
	case "string":
		if _, ok := v.(string); !ok {
			return environments.String(v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return environments.Truthy(v)
		}
	case "number":
		switch v.(type) {
		case float64:
		case bool, string:
			return environments.ToNumber(v)
		}
	}
	return v
}

// str returns the parameter as text ("" when absent or null).
func (p *params) str(key string) string {
	v := p.value(key)
	if v == nil {
		return ""
	}
	return environments.String(v)
}

// truthy reports JavaScript truthiness of the parameter.
func (p *params) truthy(key string) bool { return environments.Truthy(p.value(key)) }

// has reports whether the parameter is present and not null.
func (p *params) has(key string) bool { return p.value(key) != nil }

// store sets a parameter the way Postman's auth.set does: only when the user
// left it empty (or it was stored by the authorizer before).
func (p *params) store(key, value string) {
	if _, mine := p.set[key]; !mine {
		if v := p.value(key); v != nil && v != "" {
			return
		}
	}
	p.set[key] = value
}

// removeHeader deletes every header named name, whatever its case.
func removeHeader(req *http.Request, name string) {
	for k := range req.Header {
		if strings.EqualFold(k, name) {
			delete(req.Header, k)
		}
	}
}

// setHeader replaces header name, keeping the name's case on the wire.
func setHeader(req *http.Request, name, value string) {
	removeHeader(req, name)
	req.Header[name] = []string{value}
}

// getHeader returns the first value of header name, whatever its case.
func getHeader(h http.Header, name string) (string, bool) {
	for k, v := range h {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0], true
		}
	}
	return "", false
}

// queryPair is one raw query parameter.
type queryPair struct {
	raw string // as in RawQuery
	key string // decoded key
}

func splitQuery(raw string) []queryPair {
	if raw == "" {
		return nil
	}
	parts := strings.Split(raw, "&")
	out := make([]queryPair, len(parts))
	for i, part := range parts {
		k, _, _ := strings.Cut(part, "=")
		out[i] = queryPair{raw: part, key: percentDecode(k)}
	}
	return out
}

// removeQuery drops query parameters whose key is one of keys.
func removeQuery(req *http.Request, keys ...string) {
	if req.URL.RawQuery == "" {
		return
	}
	var kept []string
	for _, q := range splitQuery(req.URL.RawQuery) {
		drop := false
		for _, k := range keys {
			if q.key == k || q.raw == k || strings.HasPrefix(q.raw, k+"=") {
				drop = true
				break
			}
		}
		if !drop {
			kept = append(kept, q.raw)
		}
	}
	req.URL.RawQuery = strings.Join(kept, "&")
	req.URL.ForceQuery = false
}

// addQuery appends key=value encoded as Postman sends query parameters.
func addQuery(req *http.Request, key, value string) {
	pair := encodeQueryPart(key, true) + "=" + encodeQueryPart(value, false)
	if req.URL.RawQuery == "" {
		req.URL.RawQuery = pair
	} else {
		req.URL.RawQuery += "&" + pair
	}
}

// encodeQueryPart percent-encodes s with Postman's query encode set
// (controls, space, non-ASCII, " # ' < > and & (and = in keys)).
func encodeQueryPart(s string, isKey bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x21 || c > 0x7e, c == '"', c == '#', c == '\'', c == '<', c == '>', c == '&', isKey && c == '=':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// percentDecode decodes %XX sequences (and "+" as space), leaving invalid
// sequences as they are.
func percentDecode(s string) string {
	if !strings.ContainsAny(s, "%+") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '+' {
			b.WriteByte(' ')
			continue
		}
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// setBody replaces the request body.
func setBody(req *http.Request, body []byte) {
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.ContentLength = int64(len(body))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	if len(body) > 0 {
		req.Header.Del("Transfer-Encoding")
	}
}

// contentType returns the request's media type, lower-cased, without
// parameters.
func contentType(req *http.Request) string {
	ct, _ := getHeader(req.Header, "Content-Type")
	ct, _, _ = strings.Cut(ct, ";")
	return strings.ToLower(strings.TrimSpace(ct))
}

// requestURI returns the path and query as sent (Node's url.path).
func requestURI(req *http.Request) string {
	u := escapedPath(req.URL)
	if req.URL.RawQuery != "" || req.URL.ForceQuery {
		u += "?" + req.URL.RawQuery
	}
	return u
}

// hostPort returns the request host and port (port "" when absent).
func hostPort(req *http.Request) (host, port string) {
	h := req.URL.Host
	if req.Host != "" {
		h = req.Host
	}
	host = h
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		host, port = h[:i], h[i+1:]
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return host, port
}
