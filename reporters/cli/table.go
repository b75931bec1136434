package cli

import (
	"math"
	"strconv"
	"strings"

	"github.com/postie-run/postie/runner"
)

// boxChars are the characters of the summary table's border.
type boxChars struct {
	h, v                                  string // horizontal, vertical
	topLeft, topMid, topRight             string
	midLeft, midMid, midRight, midMidSpan string // midMidSpan: where the row below spans
	bottomLeft, bottomRight               string
}

var unicodeBox = boxChars{
	h: "─", v: "│",
	topLeft: "┌", topMid: "┬", topRight: "┐",
	midLeft: "├", midMid: "┼", midRight: "┤", midMidSpan: "┴",
	bottomLeft: "└", bottomRight: "┘",
}

var asciiBox = boxChars{
	h: "-", v: "|",
	topLeft: "-", topMid: "-", topRight: "-",
	midLeft: "-", midMid: "+", midRight: "-", midMidSpan: "-",
	bottomLeft: "-", bottomRight: "-",
}

// summaryRow is one statistics row of the summary table.
type summaryRow struct {
	label string
	count runner.Count
}

// summaryTable renders Newman's run summary table: a fixed 25-column label
// column, executed and failed columns that grow to fit the spanning rows
// below them.
func (r *Reporter) summaryTable(rows []summaryRow, spans []string) string {
	box := unicodeBox
	if r.opts.DisableUnicode {
		box = asciiBox
	}
	w := [3]int{25, len("executed") + 2, len("  failed") + 2}
	for _, row := range rows {
		w[1] = max(w[1], len(strconv.Itoa(row.count.Total))+2)
		w[2] = max(w[2], len(strconv.Itoa(row.count.Failed))+2)
	}
	// Grow the auto-sized columns for spanning rows, last row first, giving
	// each column its rounded share of what is missing.
	for i := len(spans) - 1; i >= 0; i-- {
		desired := runeLen(spans[i]) + 2
		existing := w[0] + 1 + w[1] + 1 + w[2]
		editable := 2
		for c := 1; c < 3 && editable > 0 && desired > existing; c++ {
			dif := int(math.Floor(float64(desired-existing)/float64(editable) + 0.5))
			existing += dif
			w[c] += dif
			editable--
		}
	}
	inner := w[0] + w[1] + w[2] + 2
	var b strings.Builder
	border := func(s string) { b.WriteString(r.color(gray, s)) }
	line := func(left, mid, right string) {
		border(left + strings.Repeat(box.h, w[0]) + mid + strings.Repeat(box.h, w[1]) + mid + strings.Repeat(box.h, w[2]) + right)
		b.WriteByte('\n')
	}
	cell := func(width int, text, colored string) {
		b.WriteString(strings.Repeat(" ", max(0, width-1-runeLen(text))))
		b.WriteString(colored)
		b.WriteByte(' ')
	}
	row := func(cells [3]string, colored [3]string) {
		for i := range cells {
			border(box.v)
			cell(w[i], cells[i], colored[i])
		}
		border(box.v)
		b.WriteByte('\n')
	}
	line(box.topLeft, box.topMid, box.topRight)
	row([3]string{"", "executed", "  failed"}, [3]string{"", "executed", "  failed"})
	for _, sr := range rows {
		line(box.midLeft, box.midMid, box.midRight)
		total, failed := strconv.Itoa(sr.count.Total), strconv.Itoa(sr.count.Failed)
		label, failedC := r.color(green, sr.label), failed
		if sr.count.Failed > 0 {
			label, failedC = r.color(red, sr.label), r.color(red, failed)
		}
		row([3]string{sr.label, total, failed}, [3]string{label, total, failedC})
	}
	for i, s := range spans {
		if i == 0 {
			line(box.midLeft, box.midMidSpan, box.midRight)
		} else {
			border(box.midLeft + strings.Repeat(box.h, inner) + box.midRight)
			b.WriteByte('\n')
		}
		border(box.v)
		b.WriteByte(' ')
		b.WriteString(s)
		b.WriteString(strings.Repeat(" ", max(0, inner-1-runeLen(s))))
		border(box.v)
		b.WriteByte('\n')
	}
	if len(spans) == 0 {
		line(box.bottomLeft, box.midMidSpan, box.bottomRight)
	} else {
		border(box.bottomLeft + strings.Repeat(box.h, inner) + box.bottomRight)
		b.WriteByte('\n')
	}
	return b.String()
}

// failureTable renders the failure list as Newman's borderless table:
// right-aligned index, error name, and detail lines.
func (r *Reporter) failureTable(cells [][3]string) string {
	w := [3]int{runeLen("#") + 2, runeLen("failure") + 2, runeLen("detail") + 2}
	if r.opts.Width > 20 {
		// On a terminal, as Newman: fixed widths from the terminal width,
		// cell text word-wrapped to fit.
		w[0] = len(strconv.Itoa(len(cells))) + 3
		w[1] = max(3, int(float64(r.opts.Width-w[0])*0.2))
		w[2] = max(3, r.opts.Width-(w[0]+w[1]+5))
		for i := range cells {
			for j := 1; j < 3; j++ {
				cells[i][j] = wordWrap(cells[i][j], w[j]-2)
			}
		}
	} else {
		for _, c := range cells {
			for i := range c {
				for _, l := range strings.Split(c[i], "\n") {
					w[i] = max(w[i], runeLen(l)+2)
				}
			}
		}
	}
	var b strings.Builder
	sep := func() {
		b.WriteString(r.color(gray, strings.Repeat(" ", w[0]+w[1]+w[2])))
		b.WriteByte('\n')
	}
	// Header.
	b.WriteString(r.color(red, strings.Repeat(" ", w[0]-2)+r.color(underline, "#")+" "))
	b.WriteString(r.color(red, " "+r.color(underline, "failure")+strings.Repeat(" ", max(0, w[1]-1-len("failure")))))
	b.WriteString(r.color(red, " "+r.color(underline, "detail")+strings.Repeat(" ", max(0, w[2]-1-len("detail")))))
	b.WriteByte('\n')
	for _, c := range cells {
		sep()
		var lines [3][]string
		height := 0
		for i := range c {
			lines[i] = strings.Split(c[i], "\n")
			height = max(height, len(lines[i]))
		}
		for l := 0; l < height; l++ {
			for i := range c {
				text := ""
				if l < len(lines[i]) {
					text = lines[i][l]
				}
				if i == 0 {
					b.WriteString(" " + padLeft(text, w[0]-2, " ") + " ")
					continue
				}
				colored := text
				if l > 0 && text != "" {
					colored = r.color(gray, text)
				}
				if i == 2 && l == 0 {
					colored = text
				}
				b.WriteString(" " + colored + strings.Repeat(" ", max(0, w[i]-1-runeLen(text))))
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// wordWrap wraps each line of s at spaces to at most width runes, cutting
// words longer than width.
func wordWrap(s string, width int) string {
	if width < 1 {
		return s
	}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		cur := []rune{}
		for _, word := range strings.Split(line, " ") {
			wr := []rune(word)
			for len(wr) > width {
				if len(cur) > 0 {
					out = append(out, string(cur))
					cur = cur[:0]
				}
				out = append(out, string(wr[:width]))
				wr = wr[width:]
			}
			switch {
			case len(cur) == 0:
				cur = append(cur, wr...)
			case len(cur)+1+len(wr) <= width:
				cur = append(append(cur, ' '), wr...)
			default:
				out = append(out, string(cur))
				cur = append(cur[:0:0], wr...)
			}
		}
		out = append(out, string(cur))
	}
	return strings.Join(out, "\n")
}
