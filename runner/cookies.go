package runner

import (
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

// Jar is the run's cookie jar (RFC 6265 matching, tough-cookie's loose
// mode). It implements scripting.CookieJar and exports and imports Newman's
// --export-cookie-jar / --cookie-jar JSON format. It is safe for concurrent
// use.
type Jar struct {
	mu      sync.Mutex
	cookies []*jarCookie
	now     func() time.Time
	next    uint64 // creation index of the next new cookie
}

type jarCookie struct {
	Key          string    `json:"key"`
	Value        string    `json:"value"`
	Expires      string    `json:"expires,omitempty"`
	MaxAge       any       `json:"maxAge,omitempty"`
	Domain       string    `json:"domain"`
	Path         string    `json:"path"`
	Secure       bool      `json:"secure,omitempty"`
	HTTPOnly     bool      `json:"httpOnly,omitempty"`
	SameSite     string    `json:"sameSite,omitempty"`
	HostOnly     bool      `json:"hostOnly"`
	Creation     string    `json:"creation,omitempty"`
	LastAccessed string    `json:"lastAccessed,omitempty"`
	expiry       time.Time // zero: session cookie
	created      time.Time
	index        uint64 // creation order: the tie-breaker within a millisecond
}

// NewJar returns an empty jar.
func NewJar() *Jar { return &Jar{now: time.Now} }

const jsTime = "2006-01-02T15:04:05.000Z"

type jarFile struct {
	Version               string       `json:"version"`
	StoreType             string       `json:"storeType"`
	RejectPublicSuffixes  bool         `json:"rejectPublicSuffixes"`
	EnableLooseMode       bool         `json:"enableLooseMode"`
	AllowSpecialUseDomain bool         `json:"allowSpecialUseDomain"`
	PrefixSecurity        string       `json:"prefixSecurity"`
	Cookies               []*jarCookie `json:"cookies"`
}

// LoadJar reads a jar exported by Newman (--cookie-jar FILE).
func LoadJar(path string) (*Jar, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading cookie jar %s: %w", path, err)
	}
	j, err := ParseJar(data)
	if err != nil {
		return nil, fmt.Errorf("loading cookie jar %s: %w", path, err)
	}
	return j, nil
}

// ParseJar parses tough-cookie jar JSON.
func ParseJar(data []byte) (*Jar, error) {
	var f jarFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	j := NewJar()
	for _, c := range f.Cookies {
		if c == nil || c.Key == "" && c.Value == "" {
			continue
		}
		if c.Expires != "" && c.Expires != "Infinity" {
			if t, err := time.Parse(time.RFC3339Nano, c.Expires); err == nil {
				c.expiry = t
			}
		}
		if c.Creation != "" {
			c.created, _ = time.Parse(time.RFC3339Nano, c.Creation)
		}
		if c.Path == "" {
			c.Path = "/"
		}
		c.index = j.next
		j.next++
		j.cookies = append(j.cookies, c)
	}
	return j, nil
}

// Export returns the jar in Newman's --export-cookie-jar JSON format.
func (j *Jar) Export() ([]byte, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.expire()
	f := jarFile{
		Version:               "tough-cookie@4.1.3-postman.1",
		StoreType:             "MemoryCookieStore",
		EnableLooseMode:       true,
		AllowSpecialUseDomain: true,
		PrefixSecurity:        "silent",
		Cookies:               make([]*jarCookie, 0, len(j.cookies)),
	}
	f.Cookies = append(f.Cookies, j.cookies...)
	return json.MarshalIndent(f, "", "  ")
}

// All returns every cookie in the jar (for reports), oldest first.
func (j *Jar) All() []*http.Cookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.expire()
	out := make([]*http.Cookie, 0, len(j.cookies))
	for _, c := range j.cookies {
		out = append(out, c.httpCookie())
	}
	return out
}

func (c *jarCookie) httpCookie() *http.Cookie {
	hc := &http.Cookie{Name: c.Key, Value: c.Value, Path: c.Path, Domain: c.Domain, Secure: c.Secure, HttpOnly: c.HTTPOnly, Expires: c.expiry}
	switch strings.ToLower(c.SameSite) {
	case "lax":
		hc.SameSite = http.SameSiteLaxMode
	case "strict":
		hc.SameSite = http.SameSiteStrictMode
	case "none":
		hc.SameSite = http.SameSiteNoneMode
	}
	return hc
}

func (j *Jar) expire() {
	now := j.now()
	k := 0
	for _, c := range j.cookies {
		if !c.expiry.IsZero() && !c.expiry.After(now) {
			continue
		}
		j.cookies[k] = c
		k++
	}
	clear(j.cookies[k:])
	j.cookies = j.cookies[:k]
}

func canonicalHost(u *url.URL) string {
	h := u.Hostname()
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

func isIP(h string) bool { return net.ParseIP(h) != nil }

func domainMatch(host, domain string) bool {
	if host == domain {
		return true
	}
	return !isIP(host) && strings.HasSuffix(host, "."+domain)
}

func defaultPath(u *url.URL) string {
	p := u.Path
	if p == "" && u.Opaque != "" {
		p = u.Opaque
	}
	if p == "" || p[0] != '/' {
		return "/"
	}
	i := strings.LastIndexByte(p, '/')
	if i == 0 {
		return "/"
	}
	return p[:i]
}

func pathMatch(reqPath, cookiePath string) bool {
	if reqPath == cookiePath {
		return true
	}
	if strings.HasPrefix(reqPath, cookiePath) {
		return strings.HasSuffix(cookiePath, "/") || reqPath[len(cookiePath)] == '/'
	}
	return false
}

func urlPath(u *url.URL) string {
	p := u.Opaque
	if p == "" || !strings.HasPrefix(p, "/") {
		p = u.EscapedPath()
	}
	if p == "" {
		p = "/"
	}
	return p
}

// SetCookies stores cookies received from u (http.CookieJar).
func (j *Jar) SetCookies(u *url.URL, cookies []*http.Cookie) {
	if len(cookies) == 0 {
		return
	}
	host := canonicalHost(u)
	now := j.now()
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, hc := range cookies {
		c := &jarCookie{Key: hc.Name, Value: hc.Value, Path: hc.Path, Secure: hc.Secure, HTTPOnly: hc.HttpOnly}
		switch hc.SameSite {
		case http.SameSiteLaxMode:
			c.SameSite = "lax"
		case http.SameSiteStrictMode:
			c.SameSite = "strict"
		case http.SameSiteNoneMode:
			c.SameSite = "none"
		}
		d := strings.TrimPrefix(strings.ToLower(hc.Domain), ".")
		if d == "" {
			c.Domain, c.HostOnly = host, true
		} else {
			if !domainMatch(host, d) {
				continue
			}
			c.Domain = d
		}
		if c.Path == "" || c.Path[0] != '/' {
			c.Path = defaultPath(u)
		}
		switch {
		case hc.MaxAge < 0:
			c.expiry = time.Unix(1, 0)
		case hc.MaxAge > 0:
			c.expiry = now.Add(time.Duration(hc.MaxAge) * time.Second)
			c.MaxAge = hc.MaxAge
		case !hc.Expires.IsZero():
			c.expiry = hc.Expires
		}
		if !c.expiry.IsZero() {
			c.Expires = c.expiry.UTC().Format(jsTime)
		}
		c.created = now
		c.Creation = now.UTC().Format(jsTime)
		c.LastAccessed = c.Creation
		replaced := false
		for i, old := range j.cookies {
			if old.Key == c.Key && old.Domain == c.Domain && old.Path == c.Path {
				c.created, c.Creation, c.index = old.created, old.Creation, old.index
				j.cookies[i] = c
				replaced = true
				break
			}
		}
		if !replaced {
			c.index = j.next
			j.next++
			j.cookies = append(j.cookies, c)
		}
	}
	j.expire()
}

// Cookies returns the cookies to send to u (http.CookieJar) in tough-cookie's
// order: longest path first, then oldest (creation time to the millisecond;
// none counts as newest), then first created.
func (j *Jar) Cookies(u *url.URL) []*http.Cookie {
	host := canonicalHost(u)
	p := urlPath(u)
	secure := u.Scheme == "https" || u.Scheme == "wss"
	j.mu.Lock()
	defer j.mu.Unlock()
	j.expire()
	var match []*jarCookie
	now := j.now().UTC().Format(jsTime)
	for _, c := range j.cookies {
		if c.HostOnly && host != c.Domain || !c.HostOnly && !domainMatch(host, c.Domain) {
			continue
		}
		if !pathMatch(p, c.Path) || c.Secure && !secure {
			continue
		}
		c.LastAccessed = now
		match = append(match, c)
	}
	sort.Slice(match, func(a, b int) bool { return cookieBefore(match[a], match[b]) })
	out := make([]*http.Cookie, len(match))
	for i, c := range match {
		out[i] = &http.Cookie{Name: c.Key, Value: c.Value}
	}
	return out
}

// cookieBefore orders cookies as tough-cookie's cookieCompare does.
func cookieBefore(a, b *jarCookie) bool {
	if la, lb := len(a.Path), len(b.Path); la != lb {
		return la > lb
	}
	if ta, tb := creationMillis(a), creationMillis(b); ta != tb {
		return ta < tb
	}
	return a.index < b.index
}

// creationMillis is a cookie's creation time in JavaScript's precision;
// a cookie without one sorts after every other.
func creationMillis(c *jarCookie) int64 {
	if c.created.IsZero() {
		return math.MaxInt64
	}
	return c.created.UnixMilli()
}

// Delete removes the cookie named name that applies to u.
func (j *Jar) Delete(u *url.URL, name string) { j.remove(u, name) }

// Clear removes every cookie that applies to u.
func (j *Jar) Clear(u *url.URL) { j.remove(u, "") }

func (j *Jar) remove(u *url.URL, name string) {
	host := canonicalHost(u)
	j.mu.Lock()
	defer j.mu.Unlock()
	k := 0
	for _, c := range j.cookies {
		applies := c.HostOnly && host == c.Domain || !c.HostOnly && domainMatch(host, c.Domain)
		if applies && (name == "" || c.Key == name) {
			continue
		}
		j.cookies[k] = c
		k++
	}
	clear(j.cookies[k:])
	j.cookies = j.cookies[:k]
}

// cookieHeader returns the Cookie header value for u ("" when none).
func (j *Jar) cookieHeader(u *url.URL) string {
	cs := j.Cookies(u)
	if len(cs) == 0 {
		return ""
	}
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(c.Name)
		b.WriteByte('=')
		b.WriteString(c.Value)
	}
	return b.String()
}
