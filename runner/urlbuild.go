package runner

import (
	"errors"
	"net/url"
	"strings"

	"github.com/postie-run/postie/collections"
)

// Percent-encoding sets as postman-url-encoder defines them (WHATWG URL
// sets): each is a 128-entry table of ASCII bytes to encode; bytes >= 0x80
// are always encoded.
type encodeSet [128]bool

func newEncodeSet(base *encodeSet, chars string) *encodeSet {
	var s encodeSet
	if base != nil {
		s = *base
	} else {
		for i := 0; i < 0x20; i++ {
			s[i] = true
		}
		s[0x7f] = true
	}
	for i := 0; i < len(chars); i++ {
		s[chars[i]] = true
	}
	return &s
}

var (
	c0EncodeSet       = newEncodeSet(nil, "")
	fragmentEncodeSet = newEncodeSet(c0EncodeSet, " \"<>`")
	pathEncodeSet     = newEncodeSet(fragmentEncodeSet, "#?{}")
	userinfoEncodeSet = newEncodeSet(pathEncodeSet, "/:;=@[\\]^|")
	queryEncodeSet    = newEncodeSet(nil, " \"#'<>")
	paramValueSet     = newEncodeSet(queryEncodeSet, "&")
	paramKeySet       = newEncodeSet(queryEncodeSet, "&=")
)

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

const upperHex = "0123456789ABCDEF"

// percentEncode encodes s with set, keeping already percent-encoded
// sequences (%XX) as they are.
func percentEncode(s string, set *encodeSet) string {
	need := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || set[c] {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || set[c] {
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// formEncode encodes s as postman-runtime encodes urlencoded bodies: every
// byte except RFC 3986 unreserved characters is percent-encoded.
func formEncode(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
	return b.String()
}

// isParts reports whether u is given as parts (host etc.) rather than as a
// plain string; parts win over Raw, as in Postman.
func isParts(u *collections.URL) bool { return u != nil && !u.IsString && len(u.Host) > 0 }

// rawURL returns the unresolved URL text of u: the raw string when the URL
// was given as one (or has no parts), else built from the parts, without
// the query when withQuery is false (disabled query parameters are always
// left out).
func rawURL(u *collections.URL, withQuery bool) string {
	if u == nil {
		return ""
	}
	if !isParts(u) && (u.Raw != "" || u.Protocol == "" && u.Port == "" && len(u.Path) == 0) {
		return u.Raw
	}
	var b strings.Builder
	if u.Protocol != "" {
		b.WriteString(strings.TrimSuffix(u.Protocol, ":"))
		b.WriteString("://")
	}
	if len(u.Host) == 0 && !strings.EqualFold(strings.TrimSuffix(u.Protocol, ":"), "file") {
		// "http://@/x" (no host) must not read back as "http:///x", whose
		// extra slash buildURL drops, making x the host
		b.WriteByte('@')
	}
	b.WriteString(strings.Join(u.Host, "."))
	if u.Port != "" {
		b.WriteByte(':')
		b.WriteString(u.Port)
	}
	for _, p := range u.Path {
		b.WriteByte('/')
		b.WriteString(p)
	}
	if withQuery {
		writeQuery(&b, u.Query, false)
		if u.Hash != "" {
			b.WriteByte('#')
			b.WriteString(u.Hash)
		}
	}
	return b.String()
}

// writeQuery appends "?k=v&..." for the enabled params (nothing when there
// are none), percent-encoding them with the param sets when encode is set.
func writeQuery(b *strings.Builder, q []*collections.Param, encode bool) {
	first := true
	for _, p := range q {
		if p == nil || p.Disabled {
			continue
		}
		if first {
			b.WriteByte('?')
			first = false
		} else {
			b.WriteByte('&')
		}
		k, v := p.Key, p.Value
		if encode {
			k, v = percentEncode(k, paramKeySet), percentEncode(v, paramValueSet)
		}
		b.WriteString(k)
		if !p.ValueNull || p.Value != "" {
			b.WriteByte('=') // "?flag" (null value) has no "="
			b.WriteString(v)
		}
	}
}

var (
	errInvalidURL      = errors.New("no host in URL")
	errInvalidProtocol = errors.New("protocol is neither http nor https")
)

// urlError is newman's message for a URL that cannot be sent: `Invalid URI
// "file:///etc/passwd"` (no host), `Invalid protocol: file:` (not http(s)).
func urlError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		switch ue.Err {
		case errInvalidURL:
			return errors.New(`Invalid URI "` + ue.URL + `"`)
		case errInvalidProtocol:
			scheme, _, _ := strings.Cut(ue.URL, "://")
			return errors.New("Invalid protocol: " + scheme + ":")
		}
	}
	return err
}

// builtURL is a resolved, encoded request URL.
type builtURL struct {
	u    *url.URL // Opaque holds the encoded path so it is sent as is
	href string   // the URL as newman prints it
	host string   // Host header value
}

// buildURL turns a resolved URL into the URL to send: default protocol
// http, path variables substituted, path and query percent-encoded as
// postman-url-encoder does (unless noEncode). When params is not nil the
// query comes from it (parts-form URLs: each value is encoded as a whole)
// and any query in s is ignored. pathVars maps ":name" segments to values.
func buildURL(s string, params []*collections.Param, pathVars map[string]string, noEncode bool) (*builtURL, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	scheme := "http"
	if i := strings.Index(s, "://"); i >= 0 && validScheme(s[:i]) {
		scheme = strings.ToLower(s[:i])
		s = s[i+3:]
		// extra slashes after "://" are dropped (one stays for file:), as
		// postman-collection parses the URL: "http:///h/x" goes to host h
		if t := strings.TrimLeft(s, "/"); len(t) != len(s) {
			if scheme == "file" {
				t = "/" + t
			}
			s = t
		}
	}
	query := ""
	hasQuery := false
	if i := strings.IndexByte(s, '?'); i >= 0 {
		query = s[i+1:]
		s = s[:i]
		hasQuery = true
	}
	if params != nil {
		var qb strings.Builder
		writeQuery(&qb, params, !noEncode)
		query = strings.TrimPrefix(qb.String(), "?")
		hasQuery = qb.Len() > 0
	} else if !noEncode && query != "" {
		query = encodeQuery(query)
	}
	authority, path := s, ""
	if i := strings.IndexByte(s, '/'); i >= 0 {
		authority, path = s[:i], s[i:]
	}
	var user *url.Userinfo
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		ui := authority[:i]
		authority = authority[i+1:]
		switch j := strings.IndexByte(ui, ':'); {
		case ui == "": // "http://@host/": no credentials
		case j >= 0:
			user = url.UserPassword(ui[:j], ui[j+1:])
		default:
			user = url.User(ui)
		}
	}
	host := strings.ToLower(authority)
	if len(pathVars) > 0 && path != "" {
		segs := strings.Split(path, "/")
		for i, seg := range segs {
			if len(seg) > 1 && seg[0] == ':' {
				if v, ok := pathVars[seg[1:]]; ok {
					segs[i] = v
				}
			}
		}
		path = strings.Join(segs, "/")
	}
	if !noEncode {
		path = percentEncode(path, pathEncodeSet)
	}
	if path == "" {
		path = "/"
	}
	u := &url.URL{Scheme: scheme, Host: host, Opaque: path, RawQuery: query, ForceQuery: hasQuery && query == "", User: user}
	href := scheme + "://" + host + path
	if hasQuery {
		href += "?" + query
	}
	if host == "" { // newman (postman-request) refuses it, naming the URL it built
		return nil, &url.Error{Op: "parse", URL: href, Err: errInvalidURL}
	}
	if scheme != "http" && scheme != "https" {
		return nil, &url.Error{Op: "parse", URL: href, Err: errInvalidProtocol}
	}
	return &builtURL{u: u, href: href, host: host}, nil
}

func validScheme(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func encodeQuery(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 8)
	for i, p := range strings.Split(q, "&") {
		if i > 0 {
			b.WriteByte('&')
		}
		if k, v, ok := strings.Cut(p, "="); ok {
			b.WriteString(percentEncode(k, paramKeySet))
			b.WriteByte('=')
			b.WriteString(percentEncode(v, paramValueSet))
		} else {
			b.WriteString(percentEncode(p, paramKeySet))
		}
	}
	return b.String()
}

// requestURI returns the origin-form target of u as sent on the wire.
func requestURI(u *url.URL) string {
	if u.RawQuery != "" || u.ForceQuery {
		return u.Opaque + "?" + u.RawQuery
	}
	return u.Opaque
}
