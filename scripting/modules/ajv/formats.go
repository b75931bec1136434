package ajv

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/postie-run/postie/scripting/modules/internal/jsonschema"
)

// Formats as ajv 6 checks them in its default "fast" mode. Each pattern is
// the format's shape, not a full RFC validation. They are compiled on first
// use: compiling them all (the hostname label's {0,61} expands into a large
// program) cost every postie start-up a few milliseconds. The table is
// static data: nothing runs at start-up.
const (
	timePart = `(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?`
	label    = `[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`
)

var (
	reDate     = &lazyRegexp{expr: `^\d{4}-[01]\d-[0-3]\d$`}
	reTime     = &lazyRegexp{expr: `(?i)^` + timePart + `(?:z|[+-]\d\d(?::?\d\d)?)?$`}
	reDateTime = &lazyRegexp{expr: `(?i)^\d{4}-[01]\d-[0-3]\d[t\s]` + timePart + `(?:z|[+-]\d\d(?::?\d\d)?)$`}
	reEmail    = &lazyRegexp{expr: "(?i)^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + label + `(?:\.` + label + `)*$`}
	reHostname = &lazyRegexp{expr: `(?i)^` + label + `(?:\.` + label + `)*\.?$`}
	reURI      = &lazyRegexp{expr: `(?i)^[a-z][a-z0-9+.-]*:\S*$`}
	reURIRef   = &lazyRegexp{expr: `(?i)^(?:(?:[a-z][a-z0-9+.-]*:)?//?)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$`}
	reIPv4     = &lazyRegexp{expr: `^(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)$`}
	reUUID     = &lazyRegexp{expr: `(?i)^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$`}
	rePointer  = &lazyRegexp{expr: `^(?:/(?:[^~/]|~0|~1)*)*$`}
	reFragment = &lazyRegexp{expr: `(?i)^#(?:/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$`}
	reRelPtr   = &lazyRegexp{expr: `^(?:0|[1-9][0-9]*)(?:#|(?:/(?:[^~/]|~0|~1)*)*)$`}
	reTemplate = &lazyRegexp{expr: `(?i)^(?:[^\x00-\x20"'<>%\\^` + "`" + `{|}]|%[0-9a-f]{2}|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$`}
)

var errFormat = errors.New("format mismatch")

// lazyRegexp is a regular expression compiled on first use.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

func matcher(re *lazyRegexp) func(string) bool {
	return func(s string) bool { return re.get().MatchString(s) }
}

func isHostname(s string) bool {
	return len(strings.TrimSuffix(s, ".")) <= 253 && reHostname.get().MatchString(s)
}

func isIPv6(s string) bool {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '%'); i > 0 {
		s = s[:i]
	}
	a, err := netip.ParseAddr(s)
	return err == nil && strings.Contains(s, ":") && (a.Is6() || a.Is4In6())
}

// isURL accepts http(s)/ftp URLs to public IPv4 hosts or domain names with
// an alphabetic top-level label, as ajv's url format does.
func isURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "ftp") || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return false
	}
	host := u.Hostname()
	if a, err := netip.ParseAddr(host); err == nil {
		if !a.Is4() {
			return false
		}
		b := a.As4()
		private := b[0] == 10 || b[0] == 127 || (b[0] == 169 && b[1] == 254) || (b[0] == 192 && b[1] == 168) || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
		return !private && b[0] >= 1 && b[0] <= 223 && b[3] != 0 && b[3] != 255
	}
	labels := strings.Split(host, ".")
	tld := labels[len(labels)-1]
	if len(labels) < 2 || len([]rune(tld)) < 2 {
		return false
	}
	for _, r := range tld {
		if r >= '0' && r <= '9' || r == '-' {
			return false
		}
	}
	return true
}

// ajvFormats returns ajv 6's built-in formats; rt checks "regex" with the
// JavaScript RegExp syntax.
func ajvFormats(rt *goja.Runtime) map[string]func(string) bool {
	return map[string]func(string) bool{
		"date":                      matcher(reDate),
		"time":                      matcher(reTime),
		"date-time":                 matcher(reDateTime),
		"uri":                       matcher(reURI),
		"uri-reference":             matcher(reURIRef),
		"uri-template":              matcher(reTemplate),
		"url":                       isURL,
		"email":                     matcher(reEmail),
		"hostname":                  isHostname,
		"ipv4":                      matcher(reIPv4),
		"ipv6":                      isIPv6,
		"uuid":                      matcher(reUUID),
		"json-pointer":              matcher(rePointer),
		"json-pointer-uri-fragment": matcher(reFragment),
		"relative-json-pointer":     matcher(reRelPtr),
		"regex": func(s string) bool {
			ctor, ok := goja.AssertConstructor(rt.Get("RegExp"))
			if !ok {
				return false
			}
			_, err := ctor(nil, rt.ToValue(s))
			return err == nil
		},
	}
}

// stringFormats wraps string checks as validator formats (non-strings
// pass, as in ajv).
func stringFormats(checks map[string]func(string) bool) map[string]func(any) error {
	out := make(map[string]func(any) error, len(checks))
	for n, check := range checks {
		out[n] = func(v any) error {
			s, ok := v.(string)
			if !ok || check(s) {
				return nil
			}
			return errFormat
		}
	}
	return out
}

// unknownFormat finds the first "format" naming no known format, in
// document order, and returns its schema object's pointer.
func unknownFormat(doc jsonschema.Doc, known func(string) bool) (name, ptr string, found bool) {
	var walk func(v any, ptr string) bool
	walk = func(v any, p string) bool {
		switch t := v.(type) {
		case map[string]any:
			keys := doc.Order[p]
			if len(keys) != len(t) {
				keys = keys[:0:0]
				for k := range t {
					keys = append(keys, k)
				}
				sort.Strings(keys)
			}
			if f, ok := t["format"].(string); ok && !known(f) {
				name, ptr = f, p
				return true
			}
			for _, k := range keys {
				switch k {
				case "enum", "const", "default", "examples":
					continue
				}
				if walk(t[k], p+jsonschema.Pointer(k)) {
					return true
				}
			}
		case []any:
			for i, e := range t {
				if walk(e, fmt.Sprintf("%s/%d", p, i)) {
					return true
				}
			}
		}
		return false
	}
	found = walk(doc.Value, "")
	return name, ptr, found
}
