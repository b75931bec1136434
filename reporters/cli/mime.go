package cli

import (
	"strings"

	"github.com/postie-run/postie/scripting"
)

// contentSummary is the title line of a verbose response body, without
// its size: "application/json ★ text ★ json ★ utf8".
func contentSummary(c scripting.ContentInfo, star string) string {
	return strings.Join([]string{c.ContentType, c.MimeType, c.MimeFormat, c.Charset}, star)
}

// responseContentInfo classifies res by its last Content-Type header, as
// newman's --verbose does (scripting.ContentInfoOf).
func responseContentInfo(res *scripting.Response) scripting.ContentInfo {
	ct := ""
	for _, h := range res.Header {
		if strings.EqualFold(h.Key, "Content-Type") {
			ct = h.Value
		}
	}
	return scripting.ContentInfoOf(ct, res.Body)
}
