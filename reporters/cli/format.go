package cli

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/postie-run/postie/scripting"
)

// FormatDuration formats d as Newman's CLI does: "500µs", "35ms" below
// 1998ms, then "1.9s", "1m 1.2s", "2h 1m 5s" (seconds floored to one
// decimal).
func FormatDuration(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	if ms < 1 {
		return strconv.Itoa(int(ms*1000)) + "µs"
	}
	if ms < 1998 {
		return strconv.Itoa(int(ms)) + "ms"
	}
	total := int64(ms)
	days := total / 86400000
	hours := (total / 3600000) % 24
	minutes := (total / 60000) % 60
	var parts []string
	add := func(v int64, unit string) {
		if v != 0 {
			parts = append(parts, strconv.FormatInt(v, 10)+unit)
		}
	}
	add(days/365, "y")
	add(days%365, "d")
	add(hours, "h")
	add(minutes, "m")
	secs := math.Mod(ms/1000, 60)
	tenths := math.Floor(secs*10 + 1e-7)
	if tenths != 0 {
		s := strconv.FormatFloat(tenths/10, 'f', 1, 64)
		s = strings.TrimSuffix(s, ".0")
		parts = append(parts, s+"s")
	}
	if len(parts) == 0 {
		return "0ms"
	}
	return strings.Join(parts, " ")
}

// FormatSize formats a byte count as Newman's CLI does (decimal units, at
// most two decimals, no space): "152B", "1.23kB", "1MB".
func FormatSize(n int) string {
	if n < 1000 {
		return strconv.Itoa(n) + "B"
	}
	units := []string{"kB", "MB", "GB", "TB", "PB", "EB"}
	v := float64(n)
	u := -1
	for v >= 1000 && u < len(units)-1 {
		v /= 1000
		u++
	}
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	// Rounding can carry into the next unit (999999 -> 1000kB -> 1MB).
	if s == "1000" && u < len(units)-1 {
		s, u = "1", u+1
	}
	return s + units[u]
}

// ResponseSize is Newman's approximate size of a response on the wire: a
// status line "HTTP/X.X <code> <reason>\r\n\r\n", each header as
// "Key: Value\r\n", and the body.
func ResponseSize(r *scripting.Response) int {
	if r == nil {
		return 0
	}
	n := len("HTTP/X.X ") + len(strconv.Itoa(r.Code)) + 1 + len(r.Status) + 4
	for _, h := range r.Header {
		n += len(h.Key) + 2 + len(h.Value) + 2
	}
	body := r.ResponseSize
	if body == 0 {
		body = len(r.Body)
	}
	return n + body
}

// padLeft pads s on the left with pad to width runes.
func padLeft(s string, width int, pad string) string {
	n := width - runeLen(s)
	if n <= 0 {
		return s
	}
	return strings.Repeat(pad, n) + s
}

func runeLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// wrapLines wraps text as Newman wraps console output: each line is cut
// into chunks of width runes, empty lines are dropped, and every chunk is
// prefixed with indent.
func wrapLines(text, indent string, width int) string {
	var b strings.Builder
	first := true
	emit := func(s string) {
		if !first {
			b.WriteByte('\n')
		}
		first = false
		b.WriteString(indent)
		b.WriteString(s)
	}
	for _, line := range strings.Split(text, "\n") {
		rs := []rune(line)
		for len(rs) > 0 {
			n := min(width, len(rs))
			emit(string(rs[:n]))
			rs = rs[n:]
		}
	}
	if first {
		b.WriteString(indent)
	}
	return b.String()
}

// requestTarget is the path and query of an absolute URL as a request line
// names them ("/" when there is no path), without the fragment.
func requestTarget(href string) string {
	rest := href
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	i := strings.IndexAny(rest, "/?")
	if i < 0 {
		return "/"
	}
	rest = rest[i:]
	if rest[0] == '?' {
		rest = "/" + rest
	}
	return rest
}
