// Package visualizer renders pm.visualizer.set templates (Handlebars, as in
// Postman) into self-contained HTML pages, one per request execution.
package visualizer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mailgun/raymond/v2"
)

// Render renders template with data through Handlebars and wraps the result
// in a standalone HTML page. As in Postman's Visualize tab, scripts in the
// template can call pm.getData(function (err, data) {...}) to receive data.
func Render(template string, data any) ([]byte, error) {
	return RenderPage("Postman visualizer", template, data)
}

// RenderPage is Render with a page title.
func RenderPage(title, template string, data any) (out []byte, err error) {
	tpl, err := raymond.Parse(template)
	if err != nil {
		return nil, fmt.Errorf("parsing visualizer template: %w", err)
	}
	defer func() { // raymond panics on some evaluation errors
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("rendering visualizer template: %v", r)
		}
	}()
	body, err := tpl.Exec(data)
	if err != nil {
		return nil, fmt.Errorf("rendering visualizer template: %w", err)
	}
	// encoding/json escapes <, > and & so the data cannot end the script element.
	js, err := json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("encoding visualizer data: %w", err)
	}
	var b bytes.Buffer
	b.Grow(len(body) + len(js) + 512)
	b.WriteString("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title>\n<script>\n/* postie: Postman visualizer shim */\nwindow.pm = window.pm || {};\nwindow.pm.getData = function (cb) { cb(null, ")
	b.Write(js)
	b.WriteString("); };\n</script>\n</head>\n<body>\n")
	b.WriteString(body)
	b.WriteString("\n</body>\n</html>\n")
	return b.Bytes(), nil
}

// FileName returns the file name for an execution's visualization: the
// iteration (1-based) and the item path, reduced to safe characters, e.g.
// "1-Folder-50-DC-OFP-POST-par.html".
func FileName(iteration int, path []string) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(iteration + 1))
	for _, p := range path {
		b.WriteByte('-')
		b.WriteString(sanitize(p))
	}
	return b.String() + ".html"
}

func sanitize(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.'
		if ok {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-.")
}

// WriteFile writes html to dir/name (creating dir) and returns the path.
func WriteFile(dir, name string, html []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating visualizer dir %s: %w", dir, err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, html, 0o644); err != nil {
		return "", fmt.Errorf("writing visualization %s: %w", p, err)
	}
	return p, nil
}
