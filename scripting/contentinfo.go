package scripting

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
)

// ContentInfo is what pm.response.contentInfo() reports of a response body
// (and what newman's --verbose prints): the media type without parameters,
// its kind and format as the Postman SDK classifies media types
// (mime-format's rules), its charset and its usual file extension.
type ContentInfo struct {
	ContentType, MimeType, MimeFormat, Charset string
	// FileExtension is "" for the types postie knows none for.
	FileExtension string
}

// FileName is the name the SDK gives a saved response: "response" and the
// extension.
func (c ContentInfo) FileName() string {
	if c.FileExtension == "" {
		return "response"
	}
	return "response." + c.FileExtension
}

// ContentInfoOf classifies a body by its Content-Type header value; a body
// without one is sniffed for a few binary formats, else is text/plain.
func ContentInfoOf(contentType string, body []byte) ContentInfo {
	ct := contentType
	if ct == "" {
		ct = sniffType(body)
	}
	info := ContentInfo{Charset: "utf8"}
	if m := charsetParam().FindStringSubmatch(ct); m != nil {
		info.Charset = strings.ToLower(m[1])
		if info.Charset == "utf-8" {
			info.Charset = "utf8"
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
	info.ContentType = mime
	info.MimeType, info.MimeFormat = classifyMime(mime)
	info.FileExtension = fileExtension(mime)
	return info
}

// fileExtension is the extension newman 6.2.2 gives a media type (the
// first of mime-db's), for the types it was measured on; "" for others.
func fileExtension(mime string) string {
	switch mime {
	case "application/json":
		return "json"
	case "text/html":
		return "html"
	case "text/plain":
		return "txt"
	case "application/xml", "text/xml":
		return "xml"
	case "text/csv":
		return "csv"
	case "text/css":
		return "css"
	case "text/markdown":
		return "markdown"
	case "text/yaml":
		return "yaml"
	case "text/calendar":
		return "ics"
	case "application/javascript":
		return "js"
	case "application/ld+json":
		return "jsonld"
	case "application/xhtml+xml":
		return "xhtml"
	case "application/pdf":
		return "pdf"
	case "application/zip":
		return "zip"
	case "application/gzip":
		return "gz"
	case "application/octet-stream":
		return "bin"
	case "application/msword":
		return "doc"
	case "image/png":
		return "png"
	case "image/jpeg":
		return "jpeg"
	case "image/gif":
		return "gif"
	case "image/svg+xml":
		return "svg"
	case "image/webp":
		return "webp"
	case "audio/mpeg":
		return "mpga"
	case "video/mp4":
		return "mp4"
	}
	return ""
}

// charsetParam finds a charset (or encoding) parameter in a Content-Type
// (built on first use, as the regexps below: only --verbose needs them).
var charsetParam = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:charset|encoding)\s{0,10}=\s{0,10}['"]? {0,10}([\w\-]{1,100})`)
})

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
