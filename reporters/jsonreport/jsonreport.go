// Package jsonreport writes a run summary in the shape of Newman's JSON
// report (collection, environment, globals, run{stats, timings, executions,
// transfers, failures, error}) so tools that read Newman's report read
// postie's.
package jsonreport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/reporters/cli"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// Options configure the JSON report.
type Options struct {
	// OmitBodies leaves response bodies (response.stream) out of the report.
	OmitBodies bool
}

// Reporter writes the JSON report to a writer when the run is done.
type Reporter struct {
	w    io.Writer
	opts Options
}

// New returns a JSON reporter that writes the report to w in Done.
func New(w io.Writer, opts Options) *Reporter { return &Reporter{w: w, opts: opts} }

// Event ignores run events: the report is built from the summary.
func (r *Reporter) Event(runner.Event) {}

// Done writes the report.
func (r *Reporter) Done(s *runner.Summary) error {
	data, err := Marshal(s, r.opts)
	if err != nil {
		return err
	}
	if _, err := r.w.Write(data); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}

// Report is the top level of Newman's JSON report.
type Report struct {
	Collection  json.RawMessage `json:"collection"`
	Environment *VarScope       `json:"environment"`
	Globals     *VarScope       `json:"globals"`
	Run         Run             `json:"run"`
}

// VarScope is an environment or globals as Newman's report shows it.
type VarScope struct {
	Meta   map[string]string `json:"_,omitempty"`
	ID     string            `json:"id,omitempty"`
	Name   string            `json:"name,omitempty"`
	Values []VarValue        `json:"values"`
}

// VarValue is one variable in a VarScope.
type VarValue struct {
	Type     string `json:"type"`
	Value    any    `json:"value"`
	Key      string `json:"key"`
	Disabled bool   `json:"disabled,omitempty"`
}

// Run is the report's "run" object.
type Run struct {
	Stats      Stats        `json:"stats"`
	Timings    Timings      `json:"timings"`
	Executions []Execution  `json:"executions"`
	Transfers  Transfers    `json:"transfers"`
	Failures   []Failure    `json:"failures"`
	Error      *ErrorObject `json:"error"`
}

// Stat is a total, pending and failed count.
type Stat struct {
	Total   int `json:"total"`
	Pending int `json:"pending"`
	Failed  int `json:"failed"`
}

// Stats are the run's counts, in Newman's key order.
type Stats struct {
	Iterations        Stat `json:"iterations"`
	Items             Stat `json:"items"`
	Scripts           Stat `json:"scripts"`
	Prerequests       Stat `json:"prerequests"`
	Requests          Stat `json:"requests"`
	Tests             Stat `json:"tests"`
	Assertions        Stat `json:"assertions"`
	TestScripts       Stat `json:"testScripts"`
	PrerequestScripts Stat `json:"prerequestScripts"`
}

// Timings are the run's response time statistics (ms) and its start and end
// (ms since the epoch).
type Timings struct {
	ResponseAverage  float64 `json:"responseAverage"`
	ResponseMin      float64 `json:"responseMin"`
	ResponseMax      float64 `json:"responseMax"`
	ResponseSd       float64 `json:"responseSd"`
	DNSAverage       float64 `json:"dnsAverage"`
	DNSMin           float64 `json:"dnsMin"`
	DNSMax           float64 `json:"dnsMax"`
	DNSSd            float64 `json:"dnsSd"`
	FirstByteAverage float64 `json:"firstByteAverage"`
	FirstByteMin     float64 `json:"firstByteMin"`
	FirstByteMax     float64 `json:"firstByteMax"`
	FirstByteSd      float64 `json:"firstByteSd"`
	Started          int64   `json:"started"`
	Completed        int64   `json:"completed"`
}

// Transfers is the total of response body bytes received.
type Transfers struct {
	ResponseTotal int `json:"responseTotal"`
}

// Cursor locates an execution in the run.
type Cursor struct {
	Position      int    `json:"position"`
	Iteration     int    `json:"iteration"`
	Length        int    `json:"length"`
	Cycles        int    `json:"cycles"`
	Empty         bool   `json:"empty"`
	EOF           bool   `json:"eof"`
	BOF           bool   `json:"bof"`
	CR            bool   `json:"cr"`
	Ref           string `json:"ref"`
	HTTPRequestID string `json:"httpRequestId,omitempty"`
}

// ItemRef is the executed item (id, name and its request as defined).
type ItemRef struct {
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	Request json.RawMessage `json:"request,omitempty"`
}

// Execution is one item run.
type Execution struct {
	Cursor           Cursor          `json:"cursor"`
	Item             json.RawMessage `json:"item"` // the item as defined in the collection
	Request          *Request        `json:"request,omitempty"`
	Response         *Response       `json:"response,omitempty"`
	ID               string          `json:"id"`
	Assertions       []Assertion     `json:"assertions,omitempty"`
	PrerequestScript []ScriptResult  `json:"prerequestScript,omitempty"`
	TestScript       []ScriptResult  `json:"testScript,omitempty"`
	RequestError     *ErrorObject    `json:"requestError,omitempty"`
}

// Request is a request as sent.
type Request struct {
	URL    URL      `json:"url"`
	Header []Header `json:"header"`
	Method string   `json:"method"`
	Body   *Body    `json:"body,omitempty"`
}

// URL is a URL in postman-collection's object form.
type URL struct {
	Protocol string   `json:"protocol,omitempty"`
	Port     string   `json:"port,omitempty"`
	Path     []string `json:"path"`
	Host     []string `json:"host"`
	Query    []Header `json:"query"`
	Variable []Header `json:"variable"`
}

// Header is a key/value pair.
type Header struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Body is a request body.
type Body struct {
	Mode string `json:"mode"`
	Raw  string `json:"raw,omitempty"`
}

// Response is a response as received.
type Response struct {
	ID           string   `json:"id"`
	Status       string   `json:"status"`
	Code         int      `json:"code"`
	Header       []Header `json:"header"`
	Stream       *Stream  `json:"stream,omitempty"`
	Cookie       []Cookie `json:"cookie"`
	ResponseTime int64    `json:"responseTime"`
	ResponseSize int      `json:"responseSize"`
}

// Stream is a Node.js Buffer's JSON form: {"type":"Buffer","data":[...]}.
type Stream struct {
	Type string   `json:"type"`
	Data []uint16 `json:"data"` // one number per byte (uint16: []byte would encode as base64)
}

// Cookie is a response cookie.
type Cookie struct {
	Name     string `json:"name"`
	Value    string `json:"value"`
	Domain   string `json:"domain,omitempty"`
	Path     string `json:"path,omitempty"`
	Secure   bool   `json:"secure,omitempty"`
	HTTPOnly bool   `json:"httpOnly,omitempty"`
}

// Assertion is one test result.
type Assertion struct {
	Assertion string       `json:"assertion"`
	Skipped   bool         `json:"skipped"`
	Error     *ErrorObject `json:"error,omitempty"`
}

// ScriptResult records a script that failed with an error.
type ScriptResult struct {
	Error *ErrorObject `json:"error,omitempty"`
}

// ErrorObject is a JavaScript-style error.
type ErrorObject struct {
	Type    string `json:"type,omitempty"`
	Name    string `json:"name"`
	Index   *int   `json:"index,omitempty"`
	Test    string `json:"test,omitempty"`
	Message string `json:"message"`
	Stack   string `json:"stack,omitempty"`
}

// Failure is one entry of run.failures.
type Failure struct {
	Error  ErrorObject   `json:"error"`
	At     string        `json:"at"`
	Source ItemRef       `json:"source"`
	Cursor FailureCursor `json:"cursor"`
}

// FailureCursor locates a failure's execution (Newman's shorter cursor).
type FailureCursor struct {
	Ref           string `json:"ref"`
	Length        int    `json:"length"`
	Cycles        int    `json:"cycles"`
	Position      int    `json:"position"`
	Iteration     int    `json:"iteration"`
	HTTPRequestID string `json:"httpRequestId,omitempty"`
}

// Marshal builds the report for s and encodes it as indented JSON.
func Marshal(s *runner.Summary, opts Options) ([]byte, error) {
	rep := Build(s, opts)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		return nil, fmt.Errorf("encoding JSON report: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Build builds the report for s.
func Build(s *runner.Summary, opts Options) *Report {
	rep := &Report{
		Collection:  collectionJSON(s),
		Environment: scope(s.Environment, "environment"),
		Globals:     scope(s.Globals, "globals"),
	}
	st := s.Stats
	stat := func(c runner.Count) Stat { return Stat{Total: c.Total, Failed: c.Failed} }
	rep.Run.Stats = Stats{
		Iterations:        stat(st.Iterations),
		Items:             stat(st.Items),
		Scripts:           stat(st.Scripts),
		Prerequests:       Stat{Total: st.Items.Total},
		Requests:          stat(st.Requests),
		Tests:             Stat{Total: st.Items.Total},
		Assertions:        stat(st.Assertions),
		TestScripts:       stat(st.TestScripts),
		PrerequestScripts: stat(st.PrerequestScripts),
	}
	avg, lo, hi, sd, received := cli.ResponseTimes(s)
	rep.Run.Timings = Timings{
		ResponseAverage: avg, ResponseMin: lo, ResponseMax: hi, ResponseSd: sd,
		Started: s.Start.UnixMilli(), Completed: s.End.UnixMilli(),
	}
	rep.Run.Transfers.ResponseTotal = received

	cursors := cursorsOf(s)
	items := itemCache{}
	rep.Run.Executions = make([]Execution, 0, len(s.Executions))
	for i, x := range s.Executions {
		if x == nil {
			continue
		}
		rep.Run.Executions = append(rep.Run.Executions, execution(x, cursors[i], items, opts))
	}
	index := make(map[*runner.Execution]int, len(s.Executions))
	for i, x := range s.Executions {
		index[x] = i
	}
	rep.Run.Failures = make([]Failure, 0, len(s.Failures))
	for _, f := range s.Failures {
		rf := Failure{
			Error: ErrorObject{Name: cli.FailureName(f), Test: f.Test, Message: f.Message},
			At:    cli.FailureAt(f),
		}
		if f.Test != "" {
			rf.Error.Stack = rf.Error.Name + ": " + f.Message
			if idx, ok := assertionIndex(rf.At); ok {
				rf.Error.Index = &idx
			}
		}
		if x := f.Execution; x != nil {
			rf.Source = itemRef(x)
			if i, ok := index[x]; ok {
				c := cursors[i]
				rf.Cursor = FailureCursor{Ref: c.Ref, Length: c.Length, Cycles: c.Cycles, Position: c.Position, Iteration: c.Iteration, HTTPRequestID: c.HTTPRequestID}
			}
		}
		rep.Run.Failures = append(rep.Run.Failures, rf)
	}
	return rep
}

// assertionIndex reads N from "assertion:N in test-script".
func assertionIndex(at string) (int, bool) {
	rest, ok := strings.CutPrefix(at, "assertion:")
	if !ok {
		return 0, false
	}
	num, _, _ := strings.Cut(rest, " ")
	n, err := strconv.Atoi(num)
	return n, err == nil
}

func collectionJSON(s *runner.Summary) json.RawMessage {
	if s.Collection != nil {
		if data, err := json.Marshal(s.Collection); err == nil {
			return data
		}
	}
	data, _ := json.Marshal(map[string]any{"info": map[string]string{"name": s.CollectionName}, "item": []any{}})
	return data
}

func scope(f *environments.File, kind string) *VarScope {
	out := &VarScope{Values: []VarValue{}}
	if f == nil {
		return out
	}
	out.ID, out.Name = f.ID, f.Name
	sc := f.Scope
	if sc == "" {
		sc = kind
	}
	out.Meta = map[string]string{"postman_variable_scope": sc}
	if f.Values == nil {
		return out
	}
	for _, v := range f.Values.Variables() {
		typ := v.Type
		if typ == "" {
			typ = "any"
		}
		out.Values = append(out.Values, VarValue{Type: typ, Value: v.Value, Key: v.Key, Disabled: v.Disabled})
	}
	return out
}

// cursorsOf computes each execution's cursor: its position among the
// executions of its iteration.
func cursorsOf(s *runner.Summary) []Cursor {
	perIter := map[int]int{}
	for _, x := range s.Executions {
		if x != nil {
			perIter[x.Iteration]++
		}
	}
	seen := map[int]int{}
	out := make([]Cursor, len(s.Executions))
	cycles := max(s.Iterations, 1)
	for i, x := range s.Executions {
		if x == nil {
			continue
		}
		pos := seen[x.Iteration]
		seen[x.Iteration]++
		n := perIter[x.Iteration]
		out[i] = Cursor{Position: pos, Iteration: x.Iteration, Length: n, Cycles: cycles,
			BOF: pos == 0, EOF: pos == n-1, Ref: x.ID, HTTPRequestID: x.ID}
	}
	return out
}

func itemRef(x *runner.Execution) ItemRef {
	ref := ItemRef{}
	if x.Item != nil {
		ref.ID, ref.Name = x.Item.ID, x.Item.Name
	} else if len(x.Path) > 0 {
		ref.Name = x.Path[len(x.Path)-1]
	}
	return ref
}

// itemCache encodes each executed item once, in the collection's format.
type itemCache map[*collections.Item]json.RawMessage

// json returns the item of x as the collection file defines it (id, name,
// request, event, response), or just its id and name if it cannot be encoded.
func (c itemCache) json(x *runner.Execution) json.RawMessage {
	if raw, ok := c[x.Item]; ok && x.Item != nil {
		return raw
	}
	var raw json.RawMessage
	if x.Item != nil {
		var wrapped struct {
			Item []json.RawMessage `json:"item"`
		}
		data, err := json.Marshal(&collections.Collection{Items: []*collections.Item{x.Item}})
		if err == nil && json.Unmarshal(data, &wrapped) == nil && len(wrapped.Item) == 1 {
			raw = wrapped.Item[0]
		}
	}
	if raw == nil {
		raw, _ = json.Marshal(itemRef(x))
	}
	if x.Item != nil {
		c[x.Item] = raw
	}
	return raw
}

func execution(x *runner.Execution, cur Cursor, items itemCache, opts Options) Execution {
	e := Execution{Cursor: cur, Item: items.json(x), ID: x.ID}
	if x.Item != nil && x.Item.ID != "" {
		e.ID = x.Item.ID
	}
	e.Request = request(x)
	if res := x.Response; res != nil {
		e.Response = response(x, res, opts)
	}
	if x.RequestErr != nil {
		e.RequestError = &ErrorObject{Name: "Error", Message: x.RequestErr.Error()}
	}
	add := func(results []*scripting.Result, into *[]ScriptResult) {
		for _, r := range results {
			if r == nil {
				continue
			}
			for i, t := range r.Tests {
				a := Assertion{Assertion: t.Name, Skipped: t.Skipped}
				if !t.Passed && !t.Skipped {
					idx := i
					name := t.ErrorName
					if name == "" {
						name = "AssertionError"
					}
					a.Error = &ErrorObject{Name: name, Index: &idx, Test: t.Name, Message: t.Error, Stack: name + ": " + t.Error}
				}
				e.Assertions = append(e.Assertions, a)
			}
			if r.Err != nil {
				*into = append(*into, ScriptResult{Error: &ErrorObject{Type: "Error", Name: r.Err.Name, Message: r.Err.Message, Stack: r.Err.Stack}})
			}
		}
	}
	add(x.Prerequest, &e.PrerequestScript)
	add(x.Test, &e.TestScript)
	return e
}

func request(x *runner.Execution) *Request {
	req := &Request{Method: "GET", Header: make([]Header, 0, len(x.RequestHeaders))}
	if x.Request != nil {
		if x.Request.Method != "" {
			req.Method = x.Request.Method
		}
		if b := x.Request.Body; b != nil && b.Mode != "" {
			req.Body = &Body{Mode: b.Mode}
			if b.Mode == "raw" {
				req.Body.Raw = string(x.RequestBody)
				if len(x.RequestBody) == 0 {
					req.Body.Raw = b.Raw
				}
			}
		}
	}
	for _, h := range x.RequestHeaders {
		req.Header = append(req.Header, Header{Key: h.Key, Value: h.Value})
	}
	raw := x.URL
	if raw == "" && x.Request != nil && x.Request.URL != nil {
		raw = x.Request.URL.Raw
	}
	req.URL = splitURL(raw)
	return req
}

// splitURL gives a URL in postman-collection's object form.
func splitURL(raw string) URL {
	out := URL{Path: []string{}, Host: []string{}, Query: []Header{}, Variable: []Header{}}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		if raw != "" {
			out.Host = []string{raw}
		}
		return out
	}
	out.Protocol = u.Scheme
	out.Port = u.Port()
	if h := u.Hostname(); h != "" {
		out.Host = strings.Split(h, ".")
	}
	if p := strings.TrimPrefix(u.EscapedPath(), "/"); p != "" {
		out.Path = strings.Split(p, "/")
	}
	if u.RawQuery != "" {
		for _, kv := range strings.Split(u.RawQuery, "&") {
			k, v, _ := strings.Cut(kv, "=")
			out.Query = append(out.Query, Header{Key: k, Value: v})
		}
	}
	return out
}

func response(x *runner.Execution, res *scripting.Response, opts Options) *Response {
	out := &Response{
		ID: x.ID + "-response", Status: res.Status, Code: res.Code,
		Header: make([]Header, 0, len(res.Header)), Cookie: make([]Cookie, 0, len(res.Cookies)),
		ResponseTime: res.ResponseTime.Milliseconds(), ResponseSize: res.ResponseSize,
	}
	if out.ResponseSize == 0 {
		out.ResponseSize = len(res.Body)
	}
	for _, h := range res.Header {
		out.Header = append(out.Header, Header{Key: h.Key, Value: h.Value})
	}
	for _, c := range res.Cookies {
		out.Cookie = append(out.Cookie, Cookie{Name: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path, Secure: c.Secure, HTTPOnly: c.HttpOnly})
	}
	if !opts.OmitBodies {
		data := make([]uint16, len(res.Body))
		for i, c := range res.Body {
			data[i] = uint16(c)
		}
		out.Stream = &Stream{Type: "Buffer", Data: data}
	}
	return out
}
