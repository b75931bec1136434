// Package junit writes a run as JUnit XML in the form Newman's junit
// reporter writes (one <testsuite> per request item, one <testcase> per
// assertion name), which Jenkins and GitLab parse.
package junit

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/postie-run/postie/runner"
)

// Reporter writes the JUnit XML report to a writer when the run is done.
type Reporter struct{ w io.Writer }

// New returns a JUnit reporter that writes the report to w in Done.
func New(w io.Writer) *Reporter { return &Reporter{w: w} }

// Event ignores run events: the report is built from the summary.
func (r *Reporter) Event(runner.Event) {}

// Done writes the report.
func (r *Reporter) Done(s *runner.Summary) error {
	if _, err := io.WriteString(r.w, Render(s)); err != nil {
		return fmt.Errorf("writing JUnit report: %w", err)
	}
	return nil
}

// suite gathers the executions of one item.
type suite struct {
	id, name   string
	executions []*runner.Execution
}

// Render returns the JUnit XML document for s.
func Render(s *runner.Summary) string {
	var suites []*suite
	byID := map[string]*suite{}
	for _, x := range s.Executions {
		if x == nil || x.Skipped {
			continue // newman has no execution for an item a script skipped
		}
		key := strings.Join(x.Path, "\x00")
		id := x.ItemID // the item's id, or the one the run made up for it (as newman)
		if x.Item != nil && x.Item.ID != "" {
			id = x.Item.ID
		}
		if id != "" {
			key = id
		}
		su := byID[key]
		if su == nil {
			su = &suite{id: id, name: strings.Join(x.Path, " / ")}
			byID[key] = su
			suites = append(suites, su)
		}
		su.executions = append(su.executions, x)
	}
	collName, collID := s.CollectionName, ""
	if s.Collection != nil {
		collID = s.Collection.Info.PostmanID
		if collName == "" {
			collName = s.Collection.Info.Name
		}
	}
	timestamp := s.Start.UTC().Format("2006-01-02T15:04:05.000Z")

	var body strings.Builder
	var total time.Duration
	for _, su := range suites {
		total += writeSuite(&body, su, collName, collID, timestamp)
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<testsuites name="%s" tests="%d" time="%s">`+"\n", attr(collName), testPhases(s), seconds(total))
	b.WriteString(body.String())
	b.WriteString("</testsuites>") // no newline after it, as newman
	return b.String()
}

// testPhases is newman's stats.tests.total, the top tests count: the items
// whose test phase ran (not those a script skipped).
func testPhases(s *runner.Summary) int {
	if st := s.Stats; st.Tests.Total > 0 || st.Prerequests.Total > 0 {
		return st.Tests.Total
	}
	return s.Stats.Items.Total // a summary that does not count phases
}

// arrayIndex reports whether name is a canonical array index ("0", "200",
// not "007"), which a JavaScript object lists before its other keys.
func arrayIndex(name string) (uint64, bool) {
	if name == "" || len(name) > 10 || name[0] == '0' && len(name) > 1 {
		return 0, false
	}
	n, err := strconv.ParseUint(name, 10, 64)
	return n, err == nil && n < 1<<32-1
}

// jsKeyOrder orders test cases as newman's (a JavaScript object's keys):
// array indices first, ascending, then the others in insertion order.
func jsKeyOrder(cases []*testcase) []*testcase {
	var idx, rest []*testcase
	for _, tc := range cases {
		if _, ok := arrayIndex(tc.name); ok {
			idx = append(idx, tc)
		} else {
			rest = append(rest, tc)
		}
	}
	if len(idx) == 0 {
		return cases
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, _ := arrayIndex(idx[i].name)
		b, _ := arrayIndex(idx[j].name)
		return a < b
	})
	return append(idx, rest...)
}

// testcase is one assertion name's outcome in a suite.
type testcase struct {
	name     string
	failures []string // failure messages, in order
}

// writeSuite writes one <testsuite> and returns the sum of its executions'
// response times.
func writeSuite(b *strings.Builder, su *suite, collName, collID, timestamp string) time.Duration {
	var cases []*testcase
	byName := map[string]*testcase{}
	tests, failures, errors := 0, 0, 0
	var errMsgs string
	var sum, last time.Duration
	for _, x := range su.executions {
		msg := "Iteration: " + strconv.Itoa(x.Iteration) + "\n"
		errored := false
		if x.RequestErr != nil {
			errors++
			errored = true
			msg += "RequestError: Error: " + x.RequestErr.Error() + "\n"
		}
		msg += "\n---\n"
		for _, group := range []struct {
			prop    string
			results []*runnerResult
		}{{"testScript", results(x, true)}, {"prerequestScript", results(x, false)}} {
			for _, r := range group.results {
				if r.errMsg != "" {
					errors++
					errored = true
					msg += group.prop + "Error: " + r.errMsg + "\n---\n"
				}
			}
		}
		if errored {
			errMsgs += msg
		}
		n := 0
		for _, r := range append(results(x, false), results(x, true)...) {
			for _, t := range r.tests {
				n++
				tc := byName[t.name]
				if tc == nil {
					tc = &testcase{name: t.name}
					byName[t.name] = tc
					cases = append(cases, tc)
				}
				if t.failed {
					failures++
					tc.failures = append(tc.failures, t.message)
				} else {
					// As Newman: a later pass clears earlier failures of the same name.
					tc.failures = nil
				}
			}
		}
		tests = n // Newman reports the last execution's assertion count
		last = 0
		if x.Response != nil {
			last = x.Response.ResponseTime
		}
		sum += last
	}
	mean := sum / time.Duration(len(su.executions))
	fmt.Fprintf(b, `  <testsuite name="%s" id="%s" timestamp="%s" tests="%d" failures="%d" errors="%d" time="%s"`,
		attr(su.name), attr(su.id), timestamp, tests, failures, errors, seconds(mean))
	if errMsgs == "" && len(cases) == 0 {
		b.WriteString("/>\n")
		return sum
	}
	b.WriteString(">\n")
	if errMsgs != "" {
		b.WriteString("    <system-err>" + cdata(errMsgs) + "</system-err>\n")
	}
	class := className(su.name)
	for _, tc := range jsKeyOrder(cases) {
		fmt.Fprintf(b, `    <testcase name="%s" time="%s" classname="%s"`, attr(tc.name), seconds(last), attr(class))
		if len(tc.failures) == 0 {
			b.WriteString("/>\n")
			continue
		}
		b.WriteString(">\n")
		first := tc.failures[0]
		fmt.Fprintf(b, `      <failure type="AssertionFailure" message="%s">`+"\n", attr(first))
		for _, line := range []string{
			"Failed " + strconv.Itoa(len(tc.failures)) + " times.",
			"Collection JSON ID: " + collID + ".",
			"Collection name: " + collName + ".",
			"Request name: " + su.name + ".",
			"Test description: " + tc.name + ".",
			"Error message: " + first + ".",
			"Stacktrace: AssertionError: " + first + ".",
		} {
			b.WriteString("        " + cdata(line) + "\n")
		}
		b.WriteString("      </failure>\n")
		b.WriteString("    </testcase>\n")
	}
	b.WriteString("  </testsuite>\n")
	return sum
}

type testOutcome struct {
	name, message string
	failed        bool
}

type runnerResult struct {
	tests  []testOutcome
	errMsg string
}

// results flattens an execution's test (or pre-request) script results.
func results(x *runner.Execution, test bool) []*runnerResult {
	src := x.Prerequest
	if test {
		src = x.Test
	}
	out := make([]*runnerResult, 0, len(src))
	for _, r := range src {
		if r == nil {
			continue
		}
		rr := &runnerResult{}
		for _, t := range r.Tests {
			// a skipped test is listed, as passed (newman: an assertion
			// without error)
			rr.tests = append(rr.tests, testOutcome{name: t.Name, message: t.Error, failed: !t.Passed && !t.Skipped})
		}
		if r.Err != nil {
			rr.errMsg = r.Err.Message
		}
		out = append(out, rr)
	}
	return out
}

func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', 3, 64)
}

// attr escapes s for an XML attribute value.
func attr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			if r < 0x20 || r == 0xFFFE || r == 0xFFFF {
				continue // not allowed in XML 1.0
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cdata wraps s in a CDATA section, splitting any "]]>" inside it.
func cdata(s string) string {
	s = strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	return "<![CDATA[" + strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") + "]]>"
}

// isOrdinal reports whether rs starts with an ordinal suffix (st, nd, rd,
// th) that ends the word.
func isOrdinal(rs []rune) bool {
	if len(rs) < 2 {
		return false
	}
	switch string(rs[:2]) {
	case "st", "nd", "rd", "th":
		return len(rs) == 2 || !unicode.IsLower(rs[2])
	}
	return false
}

// className turns an item path into Newman's classname: its words in
// UpperCamelCase ("Users / Get user" -> "UsersGetUser").
func className(name string) string {
	var b strings.Builder
	for _, w := range words(deburr(name)) {
		rs := []rune(strings.ToLower(w))
		rs[0] = unicode.ToUpper(rs[0])
		for _, r := range rs {
			// Newman keeps only ASCII word characters.
			if r < 0x80 && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// deburr removes diacritical marks ("ü" -> "u").
func deburr(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// words splits s into words as lodash does for camelCase: on anything not
// a letter or digit, between a lower-case letter and an upper-case one,
// before the last capital of an acronym followed by lower case
// ("XMLHttp" -> XML, Http), and between letters and digits.
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsDigit(prev) && !unicode.IsDigit(r) && isOrdinal(rs[i:]):
			// "1st", "2nd", "3rd", "4th" stay one word.
		case unicode.IsLower(prev) && unicode.IsUpper(r),
			unicode.IsDigit(prev) != unicode.IsDigit(r):
			flush(i)
			start = i
		case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}
