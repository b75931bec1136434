// Package html is postie's HTML reporter (-r html): one self-contained file
// (inline CSS, no scripts or fonts from the network) with the run summary,
// the failures, and every request with its request and response headers and
// bodies (secrets masked when wrapped with mask.Reporter, as postie run does
// unless --reporter-show-secrets), test results,
// console output and, when the request called pm.visualizer.set, its
// rendered visualizer page in a sandboxed iframe (srcdoc, scripts allowed,
// no same-origin access).
package html

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/postie-run/postie/reporters/cli"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
	"github.com/postie-run/postie/visualizer"
)

// MaxBody is the number of body bytes shown per request or response; the
// rest is cut with a note.
const MaxBody = 256 << 10

// Reporter writes the HTML report when the run is done.
type Reporter struct {
	w    io.Writer
	path string
}

// New returns a reporter that writes the report to w.
func New(w io.Writer) *Reporter { return &Reporter{w: w} }

// NewFile returns a reporter that writes the report to path (directories
// created as needed).
func NewFile(path string) *Reporter { return &Reporter{path: path} }

// Event ignores run events: the report is built from the summary.
func (r *Reporter) Event(runner.Event) {}

// Done renders and writes the report.
func (r *Reporter) Done(s *runner.Summary) error {
	data, err := Render(s)
	if err != nil {
		return err
	}
	if r.path != "" {
		if err := os.MkdirAll(filepath.Dir(r.path), 0o755); err != nil {
			return fmt.Errorf("writing HTML report %s: %w", r.path, err)
		}
		if err := os.WriteFile(r.path, data, 0o644); err != nil {
			return fmt.Errorf("writing HTML report %s: %w", r.path, err)
		}
		return nil
	}
	if _, err := r.w.Write(data); err != nil {
		return fmt.Errorf("writing HTML report: %w", err)
	}
	return nil
}

type statRow struct {
	Name          string
	Total, Failed int
}

type kv struct{ Key, Value string }

type testView struct {
	Name, Status, Error string
}

type execView struct {
	N                int
	Iteration        int
	Path             string
	Method, URL      string
	Status           string
	Code             int
	Time             string
	Size             string
	Failed, Skipped  bool
	RequestError     string
	ScriptErrors     []string
	RequestHeaders   []kv
	RequestBody      string
	ResponseHeaders  []kv
	ResponseBody     string
	Tests            []testView
	Console          []kv
	Visualizer       string // rendered page (iframe srcdoc)
	VisualizerErr    string
	HasResponse      bool
	PassedN, FailedN int
}

type failureView struct {
	N                      int
	Kind, Source, At, Test string
	Message                string
	Exec                   int // execution number to link to, 0: none
}

type pageView struct {
	Title      string
	Start, End string
	Duration   string
	Failed     bool
	Stats      []statRow
	Timing     string
	Received   string
	Failures   []failureView
	Executions []execView
}

// Render returns the report page for s.
func Render(s *runner.Summary) ([]byte, error) {
	v := pageView{
		Title:    s.CollectionName,
		Start:    s.Start.UTC().Format(time.RFC3339),
		End:      s.End.UTC().Format(time.RFC3339),
		Duration: cli.FormatDuration(s.End.Sub(s.Start)),
		Failed:   s.Failed(),
	}
	st := s.Stats
	v.Stats = []statRow{
		{"iterations", st.Iterations.Total, st.Iterations.Failed},
		{"requests", st.Requests.Total, st.Requests.Failed},
		{"test-scripts", st.TestScripts.Total, st.TestScripts.Failed},
		{"prerequest-scripts", st.PrerequestScripts.Total, st.PrerequestScripts.Failed},
		{"assertions", st.Assertions.Total, st.Assertions.Failed},
	}
	avg, lo, hi, sd, received := cli.ResponseTimes(s)
	ms := func(x float64) string { return cli.FormatDuration(time.Duration(x * float64(time.Millisecond))) }
	v.Timing = fmt.Sprintf("average %s (min %s, max %s, s.d. %s)", ms(avg), ms(lo), ms(hi), ms(sd))
	v.Received = cli.FormatSize(received)
	index := make(map[*runner.Execution]int, len(s.Executions))
	for i, ex := range s.Executions {
		if ex == nil {
			continue
		}
		index[ex] = i + 1
		v.Executions = append(v.Executions, execution(i+1, ex))
	}
	for i, f := range s.Failures {
		v.Failures = append(v.Failures, failureView{N: i + 1, Kind: f.Kind, Source: f.Source, At: cli.FailureAt(f),
			Test: f.Test, Message: f.Message, Exec: index[f.Execution]})
	}
	var b bytes.Buffer
	if err := page().Execute(&b, v); err != nil {
		return nil, fmt.Errorf("rendering HTML report: %w", err)
	}
	return b.Bytes(), nil
}

func execution(n int, ex *runner.Execution) execView {
	e := execView{N: n, Iteration: ex.Iteration + 1, Path: strings.Join(ex.Path, " / "), URL: ex.URL, Skipped: ex.Skipped}
	if ex.Request != nil {
		e.Method = ex.Request.Method
	}
	if e.Method == "" {
		e.Method = "GET"
	}
	for _, h := range ex.RequestHeaders {
		e.RequestHeaders = append(e.RequestHeaders, kv{h.Key, h.Value})
	}
	e.RequestBody = body(ex.RequestBody)
	if ex.RequestErr != nil {
		e.RequestError = ex.RequestErr.Error()
		e.Failed = true
	}
	if r := ex.Response; r != nil {
		e.HasResponse = true
		e.Code, e.Status = r.Code, r.Status
		e.Time = cli.FormatDuration(r.ResponseTime)
		e.Size = cli.FormatSize(cli.ResponseSize(r))
		for _, h := range r.Header {
			e.ResponseHeaders = append(e.ResponseHeaders, kv{h.Key, h.Value})
		}
		e.ResponseBody = body(r.Body)
	}
	for _, group := range [][]*scripting.Result{ex.Prerequest, ex.Test} {
		for _, res := range group {
			if res == nil {
				continue
			}
			for _, t := range res.Tests {
				tv := testView{Name: t.Name, Status: "passed"}
				switch {
				case t.Skipped:
					tv.Status = "skipped"
				case !t.Passed:
					tv.Status, tv.Error = "failed", t.Error
					e.Failed = true
					e.FailedN++
				default:
					e.PassedN++
				}
				e.Tests = append(e.Tests, tv)
			}
			for _, c := range res.Console {
				e.Console = append(e.Console, kv{c.Level, c.Text})
			}
			if res.Err != nil {
				e.Failed = true
				e.ScriptErrors = append(e.ScriptErrors, res.Err.Error())
			}
		}
	}
	if vz := ex.Visualizer; vz != nil {
		out, err := visualizer.RenderPage(ex.Item.Name, vz.Template, vz.Data)
		if err != nil {
			e.VisualizerErr = err.Error()
		} else {
			e.Visualizer = string(out)
		}
	}
	return e
}

// body returns a body for display: masked text, or a note for binary or
// empty content; long bodies are cut at MaxBody.
func body(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	cut := ""
	if len(b) > MaxBody {
		cut = fmt.Sprintf("\n… (%d more bytes not shown)", len(b)-MaxBody)
		b = b[:MaxBody]
	}
	if !utf8.Valid(b) && !utf8.Valid(trimPartialRune(b)) {
		return fmt.Sprintf("(%d bytes of binary data)", len(b))
	}
	return string(b) + cut
}

// trimPartialRune drops a UTF-8 sequence cut at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

// page is the report template, parsed on first use (only runs with the html
// reporter render it).
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Parse(pageTemplate))
})
