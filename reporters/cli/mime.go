package cli

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/postie-run/postie/scripting"
)

// contentInfo is what Newman's --verbose prints about a response body:
// the content type without parameters, its kind and format (as the
// postman-collection SDK classifies media types) and its charset.
type contentInfo struct {
	contentType, mimeType, mimeFormat, charset string
}

// summary is the title line of a verbose response body, without its size:
// "application/json ★ text ★ json ★ utf8".
func (c contentInfo) summary(star string) string {
	return strings.Join([]string{c.contentType, c.mimeType, c.mimeFormat, c.charset}, star)
}

// charsetParam finds a charset (or encoding) parameter in a Content-Type
// (built on first use, as the regexps below: only --verbose needs them).
var charsetParam = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:charset|encoding)\s{0,10}=\s{0,10}['"]? {0,10}([\w\-]{1,100})`)
})

// responseContentInfo classifies res by its last Content-Type header; a
// response without one is sniffed for a few binary formats, else is
// text/plain.
func responseContentInfo(res *scripting.Response) contentInfo {
	ct := ""
	for _, h := range res.Header {
		if strings.EqualFold(h.Key, "Content-Type") {
			ct = h.Value
		}
	}
	if ct == "" {
		ct = sniffType(res.Body)
	}
	info := contentInfo{charset: "utf8"}
	if m := charsetParam().FindStringSubmatch(ct); m != nil {
		info.charset = strings.ToLower(m[1])
		if info.charset == "utf-8" {
			info.charset = "utf8"
		}
	}
	mime := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' {
			return -1
		}
		return r
	}, strings.ToLower(ct))
	if i := strings.IndexByte(mime, ';'); i > 0 {
		mime = mime[:i]
	}
	info.contentType = mime
	info.mimeType, info.mimeFormat = classifyMime(mime)
	return info
}

// sniffType names the media type of a body without a Content-Type from its
// first bytes, as far as postie recognises it; "text/plain" otherwise.
func sniffType(body []byte) string {
	for _, m := range []struct{ magic, mime string }{
		{"\x89PNG\r\n\x1a\n", "image/png"},
		{"\xff\xd8\xff", "image/jpeg"},
		{"GIF8", "image/gif"},
		{"%PDF-", "application/pdf"},
		{"PK\x03\x04", "application/zip"},
		{"\x1f\x8b", "application/gzip"},
	} {
		if bytes.HasPrefix(body, []byte(m.magic)) {
			return m.mime
		}
	}
	return "text/plain"
}

// mimeException returns the kind and format of the media types the SDK's
// table classifies differently from the rules in classifyMime.
func mimeException(mime string) ([2]string, bool) {
	switch mime {
	case "application/x-www-form-urlencoded":
		return [2]string{"text", "plain"}, true
	case "application/pdf":
		return [2]string{"embed", "pdf"}, true
	case "application/jwt":
		return [2]string{"text", "jwt"}, true
	case "application/xhtml+xml", "application/xhtml-voice+xml", "application/vnd.oipf.dae.xhtml+xml",
		"application/vnd.pwg-xhtml-print+xml", "application/vnd.oma.poc.invocation-descriptor+xml",
		"application/mbms-associated-procedure-description+xml", "application/mbms-protection-description+xml",
		"application/mbms-user-service-description+xml":
		return [2]string{"text", "xml"}, true
	}
	return [2]string{}, false
}

var (
	mediaBase     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(audio|video|image|text)`) })
	textualFormat = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(jsonp|json|xml|html|yaml|vml|webml|script)`) })
	mediaSubtype  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/[^/]*(audio|video|image|text)`) })
	looseBase     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(application|message|multipart)`) })
)

// classifyMime returns the kind ("text", "image", "application", ...,
// "unknown") and format ("json", "xml", "plain", "raw", ...) of a
// lower-case media type without parameters.
func classifyMime(mime string) (kind, format string) {
	if e, ok := mimeException(mime); ok {
		return e[0], e[1]
	}
	base, _, _ := strings.Cut(mime, "/")
	if m := mediaBase().FindString(base); m != "" {
		if m == "text" {
			if f := textualFormat().FindString(mime); f != "" {
				return m, f
			}
			return m, "plain"
		}
		return m, m
	}
	if f := textualFormat().FindString(mime); f != "" {
		return "text", f
	}
	if m := mediaSubtype().FindStringSubmatch(mime); m != nil {
		return m[1], m[1]
	}
	if m := looseBase().FindString(base); m != "" {
		return m, "raw"
	}
	return "unknown", "raw"
}
