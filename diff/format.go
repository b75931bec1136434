package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ANSI colours for text output on a terminal.
const (
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	reset  = "\x1b[0m"
)

func label(c Change) string {
	s := c.Scope + " " + c.Key
	if c.Field != "" {
		s += " [" + c.Field + "]"
	}
	return s
}

// WriteText writes a human-readable diff; color adds ANSI colours.
func WriteText(w io.Writer, r *Result, color bool) error {
	paint := func(col, s string) string {
		if !color {
			return s
		}
		return col + s + reset
	}
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s (%s)\n+++ %s (%s)\n", r.A, r.KindA, r.B, r.KindB)
	if r.Equal() {
		b.WriteString("no differences\n")
	}
	if len(r.Variables) > 0 {
		b.WriteString("\nvariables:\n")
	}
	for _, c := range r.Variables {
		switch c.Change {
		case "added":
			b.WriteString(paint(green, fmt.Sprintf("  + %s = %s", label(c), c.New)) + "\n")
		case "removed":
			b.WriteString(paint(red, fmt.Sprintf("  - %s = %s", label(c), c.Old)) + "\n")
		default:
			b.WriteString(paint(yellow, fmt.Sprintf("  ~ %s: %s -> %s", label(c), c.Old, c.New)) + "\n")
		}
	}
	if len(r.Tests) > 0 {
		b.WriteString("\ntests:\n")
	}
	for _, t := range r.Tests {
		line := fmt.Sprintf("  %-14s %s", t.Change, t.Key)
		if t.Message != "" {
			line += ": " + t.Message
		}
		col := yellow
		switch t.Change {
		case "newly failing":
			col = red
		case "newly passing":
			col = green
		}
		b.WriteString(paint(col, line) + "\n")
	}
	if len(r.Times) > 0 {
		b.WriteString("\nresponse times:\n")
	}
	for _, t := range r.Times {
		b.WriteString(paint(yellow, fmt.Sprintf("  %s: %dms -> %dms", t.Key, t.OldMS, t.NewMS)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the result as indented JSON.
func WriteJSON(w io.Writer, r *Result) error {
	out := struct {
		Equal bool `json:"equal"`
		*Result
	}{r.Equal(), r}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// mdCell escapes a value for a Markdown table cell.
func mdCell(s string) string {
	if s == "" {
		return ""
	}
	s = strings.NewReplacer("|", `\|`, "\n", " ", "\r", "", "`", "'").Replace(s)
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return "`" + s + "`"
}

// WriteMarkdown writes the result as Markdown for a pull-request comment.
func WriteMarkdown(w io.Writer, r *Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### postie diff: `%s` → `%s`\n\n", r.A, r.B)
	if r.Equal() {
		b.WriteString("No differences.\n")
	}
	if len(r.Variables) > 0 {
		b.WriteString("#### Variables\n\n| | Scope | Key | Field | Old | New |\n|---|---|---|---|---|---|\n")
		for _, c := range r.Variables {
			sign := map[string]string{"added": "➕", "removed": "➖", "changed": "✏️"}[c.Change]
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", sign, c.Scope, mdCell(c.Key), mdCell(c.Field), mdCell(c.Old), mdCell(c.New))
		}
		b.WriteString("\n")
	}
	if len(r.Tests) > 0 {
		b.WriteString("#### Tests\n\n| Change | Test | Message |\n|---|---|---|\n")
		for _, t := range r.Tests {
			icon := map[string]string{"newly failing": "❌", "newly passing": "✅", "missing": "⚠️", "new": "🆕"}[t.Change]
			fmt.Fprintf(&b, "| %s %s | %s | %s |\n", icon, t.Change, mdCell(t.Key), mdCell(t.Message))
		}
		b.WriteString("\n")
	}
	if len(r.Times) > 0 {
		b.WriteString("#### Response times\n\n| Request | Old | New |\n|---|---|---|\n")
		for _, t := range r.Times {
			fmt.Fprintf(&b, "| %s | %d ms | %d ms |\n", mdCell(t.Key), t.OldMS, t.NewMS)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
