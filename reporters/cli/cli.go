// Package cli is postie's terminal reporter, printing a run as Newman's cli
// reporter does: item lines, request results, assertions, console output,
// the summary table and the failure list.
package cli

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/reporters/mask"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// Options configure the cli reporter.
type Options struct {
	CollectionName string // printed at the start
	Iterations     int    // iteration count; "Iteration n/N" lines print when > 1
	Color          bool   // ANSI colours (decided by the caller: --color, terminal)
	DisableUnicode bool   // --disable-unicode: plain-text symbols and ASCII table
	Silent         bool   // --silent: print nothing
	Verbose        bool   // --verbose: request and response headers and bodies (secrets masked)
	ShowSecrets    bool   // --reporter-show-secrets: verbose output and console text unmasked
	// Secrets are values (of secret-type variables) masked wherever they
	// appear in verbose output, unless ShowSecrets.
	Secrets        []string
	NoBanner       bool // omit the "postie" banner line
	NoSummary      bool // --reporter-cli-no-summary
	NoFailures     bool // --reporter-cli-no-failures
	NoAssertions   bool // --reporter-cli-no-assertions
	NoSuccess      bool // --reporter-cli-no-success-assertions
	NoConsole      bool // --reporter-cli-no-console
	ShowTimestamps bool // --reporter-cli-show-timestamps
	// Width is the terminal width in columns; 0 when not a terminal.
	Width int
	// Now gives the time for --reporter-cli-show-timestamps; nil: time.Now.
	Now func() time.Time
}

// Reporter prints a run to a writer. Create it with New.
type Reporter struct {
	w        *boxWriter
	opts     Options
	sym      symbols
	group    string       // the folder path last printed ("" = collection root)
	failures int          // failures so far, for the numbered lines
	masker   *mask.Masker // nil with ShowSecrets
}

// boxWriter is the reporter's output. Console messages in a row share one
// box, as in Newman: the box's bottom line is written before anything else
// is, not after each message.
type boxWriter struct {
	*bufio.Writer
	bottom string // pending bottom line of an open console box
}

// closeBox writes the pending bottom line, if a console box is open.
func (b *boxWriter) closeBox() {
	if b.bottom != "" {
		_, _ = b.Writer.WriteString(b.bottom)
		b.bottom = ""
	}
}

func (b *boxWriter) Write(p []byte) (int, error) { b.closeBox(); return b.Writer.Write(p) }

func (b *boxWriter) WriteString(s string) (int, error) {
	b.closeBox()
	return b.Writer.WriteString(s)
}

func (b *boxWriter) WriteByte(c byte) error { b.closeBox(); return b.Writer.WriteByte(c) }

// Flush closes an open console box and flushes.
func (b *boxWriter) Flush() error { b.closeBox(); return b.Writer.Flush() }

type symbols struct {
	folder, root, sub, ok, dot          string
	top, middle, bottom, star, up, down string
}

var unicodeSymbols = symbols{
	folder: "❏", root: "→", sub: "↳", ok: "✓", dot: ".",
	top: "┌", middle: "│", bottom: "└", star: "★", up: "↑", down: "↓",
}

var plainSymbols = symbols{
	folder: "Folder", root: "Root", sub: "Sub-folder", ok: "Pass", dot: ".",
	top: "-", middle: "|", bottom: "-", star: "*", up: "^", down: "v",
}

// New returns a cli reporter writing to w.
func New(w io.Writer, opts Options) *Reporter {
	r := &Reporter{w: &boxWriter{Writer: bufio.NewWriterSize(w, 16<<10)}, opts: opts, sym: unicodeSymbols}
	if opts.DisableUnicode {
		r.sym = plainSymbols
	}
	if r.opts.Now == nil {
		r.opts.Now = time.Now
	}
	if !opts.ShowSecrets {
		r.masker = mask.New(opts.Secrets...)
	}
	return r
}

// maskText masks secrets in verbose text unless --reporter-show-secrets.
func (r *Reporter) maskText(s string) string {
	if r.masker == nil {
		return s
	}
	return r.masker.Text(s)
}

// maskHeader masks a credential header's value unless --reporter-show-secrets.
func (r *Reporter) maskHeader(key, value string) string {
	if r.masker == nil {
		return value
	}
	return r.masker.Text(mask.Header(key, value))
}

// ANSI SGR codes used by the reporter.
const (
	gray      = "90"
	red       = "31"
	green     = "32"
	yellow    = "33"
	blue      = "34"
	cyan      = "36"
	white     = "37"
	underline = "4"
	bold      = "1"
)

func (r *Reporter) color(code, s string) string {
	if !r.opts.Color || s == "" {
		return s
	}
	end := "39"
	switch code {
	case underline:
		end = "24"
	case bold:
		end = "22"
	}
	return "\x1b[" + code + "m" + s + "\x1b[" + end + "m"
}

// Event prints one run event.
func (r *Reporter) Event(e runner.Event) {
	if r.opts.Silent {
		return
	}
	switch e.Kind {
	case runner.EventStart:
		if !r.opts.NoBanner {
			r.w.WriteString("postie\n\n")
		}
		if r.opts.CollectionName != "" {
			r.w.WriteString(r.opts.CollectionName + "\n")
		}
	case runner.EventBeforeIteration:
		r.beforeIteration(e)
	case runner.EventBeforeItem:
		r.beforeItem(e)
	case runner.EventRequest:
		r.request(e)
	case runner.EventSendRequest:
		r.sentRequest(e)
	case runner.EventScript:
		r.script(e)
	case runner.EventAssertion:
		r.assertion(e)
	case runner.EventConsole:
		r.console(e)
	case runner.EventItem, runner.EventIteration:
		r.w.Flush()
	}
}

func (r *Reporter) beforeIteration(e runner.Event) {
	if r.opts.Iterations <= 1 {
		return
	}
	fmt.Fprintf(r.w, "\n%s\n", r.color(gray, r.color(underline, fmt.Sprintf("Iteration %d/%d", e.Iteration+1, r.opts.Iterations))))
}

func (r *Reporter) beforeItem(e runner.Event) {
	if e.Execution == nil {
		return
	}
	path := e.Execution.Path
	name := ""
	var parents []string
	if len(path) > 0 {
		name = path[len(path)-1]
		parents = path[:len(path)-1]
	}
	group := strings.Join(parents, " / ")
	if group != r.group {
		if group != "" {
			fmt.Fprintf(r.w, "\n%s %s", r.sym.folder, group)
		}
		r.group = group
	}
	mark := r.sym.sub
	if group == "" {
		mark = r.sym.root
	}
	fmt.Fprintf(r.w, "\n%s %s\n", mark, name)
}

func (r *Reporter) timestamp() string {
	return "[" + r.opts.Now().Format("1/2/2006, 3:04:05 PM") + "]"
}

func (r *Reporter) timeOfDay() string {
	return "[" + r.opts.Now().Format("3:04:05 PM") + "]"
}

func (r *Reporter) request(e runner.Event) {
	x := e.Execution
	if x == nil || x.Skipped {
		return
	}
	method, url := "GET", x.DisplayURL
	if url == "" {
		url = x.URL
	}
	if x.Request != nil {
		if x.Request.Method != "" {
			method = x.Request.Method
		}
		if url == "" && x.Request.URL != nil {
			url = x.Request.URL.String()
		}
	}
	r.requestStart(method, url)
	err := x.RequestErr
	if err == nil && e.Err != nil && x.Response == nil {
		err = e.Err
	}
	if err != nil {
		r.failures++
		r.requestErrored(err.Error())
		return
	}
	res := x.Response
	if res == nil {
		r.requestErrored(noResponse)
		return
	}
	if !r.opts.Verbose {
		r.requestDone(res, wireSize(x))
		return
	}
	r.verbose(executionExchange(x, res))
}

// sentRequest prints a script's pm.sendRequest (or an auth challenge) as
// Newman does: a request line of its own, with --verbose the request's
// details, or [errored] and the error.
func (r *Reporter) sentRequest(e runner.Event) {
	sr := e.Sent
	if sr == nil {
		return
	}
	method, url := "GET", ""
	if sr.Request != nil {
		if sr.Request.Method != "" {
			method = sr.Request.Method
		}
		if sr.Request.URL != nil {
			url = sr.Request.URL.String()
		}
	}
	r.requestStart(method, url)
	if sr.Err == nil && sr.Response != nil && r.opts.Verbose {
		r.verbose(sentExchange(sr, e.Exchange, method, url))
		return
	}
	if sr.Err != nil || sr.Response == nil {
		msg := noResponse
		if sr.Err != nil {
			msg = sr.Err.Error()
		}
		r.failures++
		r.requestErrored(msg)
		return
	}
	r.requestDone(sr.Response, ResponseSize(sr.Response))
}

// noResponse is Newman's message for a request that ended without error
// and without a response.
const noResponse = "Internal error! Could not read response data."

// requestStart prints the start of a request line: the timestamp when
// shown, the method and the URL (masked with --verbose).
func (r *Reporter) requestStart(method, url string) {
	if r.opts.Verbose {
		url = r.maskText(url)
	}
	if r.opts.ShowTimestamps {
		fmt.Fprintf(r.w, "  %s  %s %s ", r.color(gray, r.timestamp()), r.color(gray, method), r.color(gray, url))
		return
	}
	fmt.Fprintf(r.w, "  %s %s ", r.color(gray, method), r.color(gray, url))
}

// requestErrored ends a request line with [errored] and msg.
func (r *Reporter) requestErrored(msg string) {
	fmt.Fprintf(r.w, "%s\n%s\n", r.color(red, "[errored]"), r.color(red, "     "+msg))
}

// requestDone ends a request line with the status, size and time.
func (r *Reporter) requestDone(res *scripting.Response, size int) {
	fmt.Fprintf(r.w, "%s\n", r.color(gray, fmt.Sprintf("[%d %s, %s, %s]", res.Code, res.Status,
		FormatSize(size), FormatDuration(res.ResponseTime))))
}

// wireSize is the response's approximate size on the wire: the runner's
// measured head size when known, plus the body.
func wireSize(x *runner.Execution) int {
	if x.ResponseHeaderSize > 0 && x.Response != nil {
		body := x.Response.ResponseSize
		if body == 0 {
			body = len(x.Response.Body)
		}
		return x.ResponseHeaderSize + body
	}
	return ResponseSize(x.Response)
}

// exchange is one request and its response as --verbose prints them.
type exchange struct {
	method string
	href   string // the URL sent (for the request line's size)
	// headers are the enabled request headers as Newman's request event
	// holds them; headerCount counts the disabled ones too, as Newman.
	headers     []scripting.Header
	headerCount int
	body        *collections.Body   // the request body as defined; may be nil
	res         *scripting.Response // not nil
	size        int                 // the response's size on the wire
	phases      *runner.Timings     // nil when not measured
}

// executionExchange is the exchange of an item's request: its headers
// are those the runner kept on the resolved request (as sent, without a
// body encoder's Content-Type, disabled ones in place), else the wire's.
func executionExchange(x *runner.Execution, res *scripting.Response) *exchange {
	e := &exchange{method: "GET", href: x.URL, res: res, size: wireSize(x), phases: x.Timings}
	if x.Request != nil {
		if x.Request.Method != "" {
			e.method = x.Request.Method
		}
		e.body = x.Request.Body
		for _, h := range x.Request.Header {
			if h == nil {
				continue
			}
			e.headerCount++
			if !h.Disabled {
				e.headers = append(e.headers, scripting.Header{Key: h.Key, Value: h.Value})
			}
		}
	}
	if e.headerCount == 0 {
		e.headers, e.headerCount = x.RequestHeaders, len(x.RequestHeaders)
	}
	return e
}

// sentExchange is the exchange of a pm.sendRequest call or an auth
// challenge, with what the runner recorded of it on the wire (xc, may be
// nil).
func sentExchange(sr *scripting.SentRequest, xc *runner.Exchange, method, url string) *exchange {
	e := &exchange{method: method, href: url, res: sr.Response, size: ResponseSize(sr.Response)}
	if sr.Request != nil {
		e.body = sr.Request.Body
	}
	if xc != nil {
		e.headers, e.headerCount, e.phases = xc.Header, len(xc.Header), xc.Timings
		if xc.Href != "" {
			e.href = xc.Href
		}
	}
	return e
}

// requestText is the request body as Newman's --verbose shows it (the
// SDK's RequestBody.toString): a raw body's text, an urlencoded body's
// enabled fields joined, nothing for other modes.
func (e *exchange) requestText() (mode, text string) {
	if e.body == nil {
		return "", ""
	}
	switch e.body.Mode {
	case "raw":
		return e.body.Mode, e.body.Raw
	case "urlencoded":
		return e.body.Mode, collections.QueryString(e.body.URLEncoded)
	}
	return e.body.Mode, ""
}

// verbose prints an exchange as Newman's --verbose does: a summary line,
// the request body, the response body and the timing phases; secrets are
// masked.
func (r *Reporter) verbose(e *exchange) {
	s := r.sym
	star := " " + r.color(gray, s.star) + " "
	res := e.res
	headSize, contentLength := 0, ""
	for _, h := range e.headers {
		headSize += len(h.Key) + len(h.Value) + 4
		if strings.EqualFold(h.Key, "Content-Length") {
			contentLength = h.Value
		}
	}
	mode, text := e.requestText()
	// Newman's request body size is the Content-Length sent, else the
	// text's; its box shows the text's size when that is 0 (a disabled
	// body sends "Content-Length: 0").
	bodySize := len(text)
	if n, err := strconv.Atoi(strings.TrimSpace(contentLength)); err == nil && n >= 0 {
		bodySize = n
	}
	// Newman's approximate request size: request line, headers, body.
	reqSize := len(e.method+" "+requestTarget(e.href)+" HTTP/X.X\r\n\r\n") + headSize + bodySize
	if bodySize == 0 {
		bodySize = len(text)
	}
	r.w.WriteString(" \n")
	fmt.Fprintf(r.w, "  %s\n", strings.Join([]string{
		fmt.Sprintf("%d %s", res.Code, res.Status),
		FormatDuration(res.ResponseTime) + " " + r.color(gray, "time"),
		FormatSize(reqSize) + r.color(gray, s.up) + " " + FormatSize(e.size) + r.color(gray, s.down) + " " + r.color(gray, "size"),
		strconv.Itoa(e.headerCount) + r.color(gray, s.up) + " " + strconv.Itoa(len(res.Header)) + r.color(gray, s.down) + " " + r.color(gray, "headers"),
		// postman-runtime's response objects carry no cookies (scripts
		// get them from the jar), so Newman always counts none.
		"0 " + r.color(gray, "cookies"),
	}, star))
	width := r.wrapWidth()
	// block prints a box; end follows its bottom line (Newman prints a
	// space after the request body's).
	block := func(title, text string, end string) {
		fmt.Fprintf(r.w, "  %s %s\n", r.color(white, s.top), title)
		r.w.WriteString(wrapLines(text, "  "+r.color(white, s.middle)+" ", width))
		r.w.WriteByte('\n')
		fmt.Fprintf(r.w, "%s%s", r.color(white, "  "+s.bottom), end)
	}
	if bodySize > 0 {
		block(s.up+" "+mode+star+FormatSize(bodySize), clip(r.maskText(text), bodySize), " \n")
	}
	info := contentSummary(responseContentInfo(res), star)
	if len(res.Body) > 0 {
		body := "(binary body)"
		if utf8.Valid(res.Body) {
			body = clip(r.maskText(string(res.Body)), len(res.Body))
		}
		block(s.down+" "+info+star+FormatSize(len(res.Body)), body, "\n")
	} else {
		fmt.Fprintf(r.w, "  %s %s\n\n", s.down, info)
	}
	if e.phases != nil {
		r.w.WriteString(r.phaseTable(e.phases))
	}
	r.w.WriteByte('\n')
}

// phaseTable is Newman's table of a request's timing phases: a row of
// names and a row of durations, "(cache)" for a phase that did not happen
// (no lookup, a reused connection); the TLS handshake only when there was
// one. Each cell is indented by two spaces and padded to its column.
func (r *Reporter) phaseTable(t *runner.Timings) string {
	type phase struct {
		name string
		d    time.Duration
	}
	phases := []phase{{"prepare", t.Prepare}, {"wait", t.Wait}, {"dns-lookup", t.DNS}, {"tcp-handshake", t.TCP}}
	if t.TLS != 0 {
		phases = append(phases, phase{"ssl-handshake", t.TLS})
	}
	phases = append(phases, phase{"transfer-start", t.FirstByte}, phase{"download", t.Download}, phase{"process", t.Process}, phase{"total", t.Total})
	var names, values strings.Builder
	for _, p := range phases {
		v := "(cache)"
		if p.d != 0 {
			v = FormatDuration(p.d)
		}
		w := max(runeLen(p.name), runeLen(v))
		names.WriteString("  " + r.color(white, p.name) + strings.Repeat(" ", w-runeLen(p.name)+1))
		values.WriteString("  " + r.color(gray, v) + strings.Repeat(" ", w-runeLen(v)+1))
	}
	return names.String() + "\n" + values.String() + "\n"
}

// bodyClip is how much of a body verbose output shows, as Newman.
const bodyClip = 2048

// clip cuts a body's text to bodyClip bytes, noting the cut against the
// body's size, as Newman does.
func clip(s string, size int) string {
	if size <= bodyClip && len(s) <= bodyClip {
		return s
	}
	cut := min(bodyClip, len(s))
	for cut > 0 && cut < len(s) && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("\n(showing %s/%s)", FormatSize(bodyClip), FormatSize(size))
}

func (r *Reporter) wrapWidth() int {
	if r.opts.Width > 20 {
		return r.opts.Width - 6
	}
	return 60 - 6
}

// scriptError returns the script error an EventScript reports, if any.
func scriptError(e runner.Event) *scripting.ScriptError {
	if se, ok := e.Err.(*scripting.ScriptError); ok && se != nil {
		return se
	}
	if e.Execution == nil {
		return nil
	}
	results := e.Execution.Test
	if e.Script == "prerequest" {
		results = e.Execution.Prerequest
	}
	if n := len(results); n > 0 && results[n-1] != nil {
		return results[n-1].Err
	}
	return nil
}

func (r *Reporter) script(e runner.Event) {
	if se := scriptError(e); se != nil || e.Err != nil {
		r.failures++
		name := "Error"
		if se != nil && se.Name != "" {
			name = se.Name
		}
		listen := e.Script
		if listen == "" {
			listen = "unknown"
		}
		r.w.WriteString(r.color(red, r.color(bold, fmt.Sprintf("%s⠄ %s in %s-script", padLeft(strconv.Itoa(r.failures), 3, " "), name, listen))))
		r.w.WriteByte('\n')
	}
	if e.Script == "test" && e.Execution != nil {
		if n := len(e.Execution.Test); n > 0 && e.Execution.Test[n-1] != nil {
			if nr := e.Execution.Test[n-1].NextRequest; nr != nil && !nr.Stop {
				fmt.Fprintf(r.w, "\n%s\n", r.color(gray, "Attempting to set next request to "+nr.Value))
			}
		}
	}
}

func (r *Reporter) assertion(e runner.Event) {
	t := e.Test
	if t == nil {
		return
	}
	if !t.Passed && !t.Skipped {
		r.failures++ // counted even when not shown, to number failures
	}
	if r.opts.NoAssertions {
		return
	}
	if t.Skipped {
		if !r.opts.NoSuccess {
			fmt.Fprintf(r.w, "%s %s\n", r.color(cyan, "  - "), r.color(cyan, "[skipped] "+t.Name))
		}
		return
	}
	if t.Passed && r.opts.NoSuccess {
		return
	}
	var mark, name string
	if t.Passed {
		mark, name = r.color(green, "  "+r.sym.ok+" "), r.color(gray, t.Name)
	} else {
		width := 3
		if r.opts.ShowTimestamps {
			width = 2
		}
		mark, name = r.color(red, r.color(bold, padLeft(strconv.Itoa(r.failures), width, " ")+r.sym.dot)), r.color(red, r.color(bold, t.Name))
	}
	if r.opts.ShowTimestamps {
		fmt.Fprintf(r.w, "  %s%s %s\n", r.color(gray, r.timeOfDay()), mark, name)
		return
	}
	fmt.Fprintf(r.w, "%s %s\n", mark, name)
}

func (r *Reporter) console(e runner.Event) {
	if r.opts.NoConsole || e.Console == nil {
		return
	}
	code := gray
	switch e.Console.Level {
	case "info":
		code = cyan
	case "warn":
		code = yellow
	case "debug":
		code = blue
	case "error":
		code = red
	}
	if r.opts.ShowTimestamps {
		fmt.Fprintf(r.w, "\n  %s", r.color(gray, r.timeOfDay()+"\n"))
	}
	text := e.Console.Text
	if r.opts.Verbose {
		text = r.maskText(text)
	}
	msg := wrapLines(text, "  "+r.color(code, r.sym.middle)+" ", r.wrapWidth())
	if r.opts.Color {
		// The text is grey after its coloured margin, as Newman's.
		msg = strings.ReplaceAll(msg, r.color(code, r.sym.middle)+" ", r.color(code, r.sym.middle)+" \x1b[90m")
		msg = strings.ReplaceAll(msg, "\n", "\x1b[39m\n") + "\x1b[39m"
	}
	if r.w.bottom == "" {
		r.w.closeBox()
		_, _ = r.w.Writer.WriteString(r.color(code, "  "+r.sym.top) + "\n")
	}
	_, _ = r.w.Writer.WriteString(msg + "\n")
	r.w.bottom = r.color(code, "  "+r.sym.bottom) + "\n"
}

// Done prints the summary table and the failure list, then flushes.
func (r *Reporter) Done(s *runner.Summary) error {
	if r.opts.Silent || s == nil {
		return nil
	}
	if !r.opts.NoSummary {
		r.w.WriteString("\n")
		r.w.WriteString(r.summaryTable(r.statRows(s), r.timingRows(s)))
	}
	if !r.opts.NoFailures && len(s.Failures) > 0 {
		r.w.WriteString("\n")
		r.w.WriteString(r.failureTable(r.failureCells(s)))
	}
	return r.w.Flush()
}

func (r *Reporter) statRows(s *runner.Summary) []summaryRow {
	return []summaryRow{
		{"iterations", s.Stats.Iterations},
		{"requests", s.Stats.Requests},
		{"test-scripts", s.Stats.TestScripts},
		{"prerequest-scripts", s.Stats.PrerequestScripts},
		{"assertions", s.Stats.Assertions},
	}
}

// ResponseTimes returns the average, minimum, maximum and (population)
// standard deviation of the run's response times, in milliseconds, and the
// total body bytes received, as Newman's run timings and transfers: the
// items' responses and the others (pm.sendRequest, auth challenges).
func ResponseTimes(s *runner.Summary) (avg, lo, hi, sd float64, received int) {
	var t responseTally
	for _, f := range s.OtherResponses {
		t.add(f.Time, f.Size)
	}
	for _, x := range s.Executions {
		if x != nil && x.Response != nil {
			body := x.Response.ResponseSize
			if body == 0 {
				body = len(x.Response.Body)
			}
			t.add(x.Response.ResponseTime, body)
		}
	}
	if t.n == 0 {
		return 0, 0, 0, 0, t.received
	}
	avg, sd = t.mean()
	return avg, t.lo, t.hi, sd, t.received
}

// responseTally accumulates response times and body sizes.
type responseTally struct {
	n, received int
	sum, sumSq  float64
	lo, hi      float64
}

// mean returns the average and (population) standard deviation, in
// milliseconds; zero for no values.
func (t *responseTally) mean() (avg, sd float64) {
	if t.n == 0 {
		return 0, 0
	}
	avg = t.sum / float64(t.n)
	return avg, math.Sqrt(math.Max(0, t.sumSq/float64(t.n)-avg*avg))
}

// add counts one response of duration d and body bytes.
func (t *responseTally) add(d time.Duration, body int) {
	t.received += body
	ms := float64(d) / float64(time.Millisecond)
	if t.n == 0 || ms < t.lo {
		t.lo = ms
	}
	t.hi = math.Max(t.hi, ms)
	t.n++
	t.sum += ms
	t.sumSq += ms * ms
}

func (r *Reporter) timingRows(s *runner.Summary) []string {
	avg, lo, hi, sd, received := ResponseTimes(s)
	ms := func(v float64) string { return FormatDuration(time.Duration(v * float64(time.Millisecond))) }
	rows := []string{
		"total run duration: " + FormatDuration(s.End.Sub(s.Start)),
		"total data received: " + FormatSize(received) + " (approx)",
	}
	if avg != 0 {
		rows = append(rows, fmt.Sprintf("average response time: %s [min: %s, max: %s, s.d.: %s]", ms(avg), ms(lo), ms(hi), ms(sd)))
	}
	if !r.opts.Verbose {
		return rows // Newman measures the phases only with --verbose
	}
	dns, firstByte := phaseTallies(s)
	for _, p := range []struct {
		label string
		t     responseTally
	}{{"average DNS lookup time", dns}, {"average first byte time", firstByte}} {
		if p.t.n == 0 {
			continue
		}
		avg, sd := p.t.mean()
		rows = append(rows, fmt.Sprintf("%s: %s [min: %s, max: %s, s.d.: %s]", p.label, ms(avg), ms(p.t.lo), ms(p.t.hi), ms(sd)))
	}
	return rows
}

// phaseTallies tallies the DNS lookup and first-byte phases of the run's
// responses (the items' and the others') that had them, as Newman's
// summary, which skips a phase that did not happen (DNS for an IP address
// or a reused connection).
func phaseTallies(s *runner.Summary) (dns, firstByte responseTally) {
	add := func(t *runner.Timings) {
		if t == nil {
			return
		}
		if t.DNS != 0 {
			dns.add(t.DNS, 0)
		}
		if t.FirstByte != 0 {
			firstByte.add(t.FirstByte, 0)
		}
	}
	for _, f := range s.OtherResponses {
		add(f.Timings)
	}
	for _, x := range s.Executions {
		if x != nil && x.Response != nil {
			add(x.Timings)
		}
	}
	return dns, firstByte
}

// FailureAt says where a failure happened, as Newman's "at" field:
// "assertion:N in test-script", "test-script", "prerequest-script",
// "request" or "run": the runner's Failure.At, else derived from the
// execution's results.
func FailureAt(f runner.Failure) string {
	if f.At != "" {
		return f.At
	}
	x := f.Execution
	find := func(results []*scripting.Result, listen string) (string, bool) {
		for _, res := range results {
			if res == nil {
				continue
			}
			if f.Kind == "AssertionError" || f.Test != "" {
				for _, t := range res.Tests {
					if !t.Passed && !t.Skipped && t.Name == f.Test {
						return fmt.Sprintf("assertion:%d in %s-script", t.Index, listen), true
					}
				}
			} else if res.Err != nil && (res.Err.Name == f.Kind || res.Err.Message == f.Message) {
				return listen + "-script", true
			}
		}
		return "", false
	}
	if x != nil {
		if at, ok := find(x.Test, "test"); ok {
			return at
		}
		if at, ok := find(x.Prerequest, "prerequest"); ok {
			return at
		}
		if x.RequestErr != nil && f.Test == "" {
			return "request"
		}
	}
	switch f.Kind {
	case "RequestError":
		return "request"
	case "AssertionError":
		return "assertion:0 in test-script"
	}
	return "script"
}

// FailureName is the error name Newman shows for f ("Error" for request
// errors).
func FailureName(f runner.Failure) string {
	if f.Kind == "RequestError" || f.Kind == "" {
		return "Error"
	}
	return f.Kind
}

func (r *Reporter) failureCells(s *runner.Summary) [][3]string {
	digits := len(strconv.Itoa(len(s.Failures)))
	cells := make([][3]string, 0, len(s.Failures))
	for i, f := range s.Failures {
		name := FailureName(f)
		if s.Iterations > 1 && f.Execution != nil {
			name += "\niteration: " + strconv.Itoa(f.Execution.Iteration+1)
		}
		at, source := FailureAt(f), f.Source
		if at == "request" {
			// Newman names the source of a failed request (an item's or a
			// pm.sendRequest's) from a copy of the item without parents,
			// which has an empty name.
			source = ""
		}
		detail := f.Test + "\n" + f.Message + "\nat " + at + "\ninside \"" + source + "\""
		cells = append(cells, [3]string{padLeft(strconv.Itoa(i+1), digits, "0") + ".", name, detail})
	}
	return cells
}
