// Package jsonreport writes a run summary in the shape of Newman's JSON
// report (collection, environment, globals, run{stats, timings, executions,
// transfers, failures, error}) so tools that read Newman's report read
// postie's.
package jsonreport

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

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
// As newman's: the run's first execution's cursor has every flag (empty,
// eof, bof, cr), the first of a later iteration has only cr (true), the
// others none.
type Cursor struct {
	Position      int    `json:"position"`
	Iteration     int    `json:"iteration"`
	Length        int    `json:"length"`
	Cycles        int    `json:"cycles"`
	Empty         *bool  `json:"empty,omitempty"`
	EOF           *bool  `json:"eof,omitempty"`
	BOF           *bool  `json:"bof,omitempty"`
	CR            *bool  `json:"cr,omitempty"`
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
	RequestError     *SystemError    `json:"requestError,omitempty"`
}

// Request is a request as sent.
type Request struct {
	URL    URL      `json:"url"`
	Header []Header `json:"header"`
	Method string   `json:"method"`
	// Body, Auth and Description are the resolved request's, in the
	// collection format (Auth: the request's own auth, else the one it
	// inherits from its folders or the collection, as defined there).
	Body        json.RawMessage `json:"body,omitempty"`
	Auth        json.RawMessage `json:"auth,omitempty"`
	Description json.RawMessage `json:"description,omitempty"`
}

// URL is a URL in postman-collection's object form.
type URL struct {
	Protocol string       `json:"protocol,omitempty"`
	Port     string       `json:"port,omitempty"`
	Path     []string     `json:"path"`
	Host     []string     `json:"host"`
	Query    []QueryParam `json:"query"`
	Hash     string       `json:"hash,omitempty"`
	Variable []Header     `json:"variable"`
}

// QueryParam is a URL query parameter; a parameter written without "="
// ("?flag") has a null value.
type QueryParam struct {
	Key   *string `json:"key"`
	Value *string `json:"value"`
}

// Header is a key/value pair. In a request, System marks a header the
// runtime added (not one the request defines) and Disabled a header the
// request defines but turned off (not sent).
type Header struct {
	Key      string `json:"key"`
	Value    string `json:"value"`
	Disabled bool   `json:"disabled,omitempty"`
	System   bool   `json:"system,omitempty"`
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

// ErrorObject is a JavaScript-style error. Errors newman records as run
// failures and script errors are "decorated" (serialised-error): they also
// carry a checksum, an id, a timestamp and a parsed stack trace.
type ErrorObject struct {
	Type       string          `json:"type,omitempty"`
	Name       string          `json:"name"`
	Index      *int            `json:"index,omitempty"`
	Test       string          `json:"test,omitempty"`
	Message    string          `json:"message"`
	Stack      string          `json:"stack,omitempty"`
	Checksum   string          `json:"checksum,omitempty"`
	ID         string          `json:"id,omitempty"`
	Timestamp  int64           `json:"timestamp,omitempty"`
	Stacktrace json.RawMessage `json:"stacktrace,omitempty"`
	// A request error's Node properties.
	NodeError
}

// decorate adds what newman's serialised-error adds to an error: the MD5
// of the error's fields (postie's own encoding of them, not object-hash's),
// a new id, the time (ms) and the parsed stack trace, empty here as for
// newman's script errors (postie's stacks name no file and line).
func (e *ErrorObject) decorate(at time.Time) {
	data, _ := json.Marshal(e)
	sum := md5.Sum(data)
	e.Checksum = hex.EncodeToString(sum[:])
	e.ID = uuid.NewString()
	e.Timestamp = at.UnixMilli()
	e.Stacktrace = json.RawMessage("[]")
}

// Failure is one entry of run.failures.
type Failure struct {
	Error  ErrorObject     `json:"error"`
	At     string          `json:"at"`
	Source json.RawMessage `json:"source"` // the item, as in execution.item
	// Parent is the item's folder, or the collection, for a script or
	// assertion failure (as the collection's report shows it).
	Parent json.RawMessage `json:"parent,omitempty"`
	Cursor FailureCursor   `json:"cursor"`
}

// FailureCursor locates a failure: its execution's cursor, with the id of
// the script that failed (scriptId), of the assertion's run (execution),
// and no httpRequestId before the request was sent.
type FailureCursor struct {
	Ref           string `json:"ref"`
	Length        int    `json:"length"`
	Cycles        int    `json:"cycles"`
	Position      int    `json:"position"`
	Iteration     int    `json:"iteration"`
	Empty         *bool  `json:"empty,omitempty"`
	EOF           *bool  `json:"eof,omitempty"`
	BOF           *bool  `json:"bof,omitempty"`
	CR            *bool  `json:"cr,omitempty"`
	HTTPRequestID string `json:"httpRequestId,omitempty"`
	Execution     string `json:"execution,omitempty"`
	ScriptID      string `json:"scriptId,omitempty"`
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
	sdk := newSDKForm(s)
	rep := &Report{
		Collection:  collectionJSON(s, sdk),
		Environment: scope(s.Environment),
		Globals:     scope(s.Globals),
	}
	st := s.Stats
	stat := func(c runner.Count) Stat { return Stat{Total: c.Total, Failed: c.Failed} }
	rep.Run.Stats = Stats{
		Iterations:        stat(st.Iterations),
		Items:             stat(st.Items),
		Scripts:           stat(st.Scripts),
		Prerequests:       Stat{Total: phases(st, st.Prerequests)},
		Requests:          stat(st.Requests),
		Tests:             Stat{Total: phases(st, st.Tests)},
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
	rep.Run.Executions = make([]Execution, 0, len(s.Executions))
	for i, x := range s.Executions {
		if x == nil || x.Skipped {
			continue // newman has no execution for an item a script skipped
		}
		rep.Run.Executions = append(rep.Run.Executions, execution(x, cursors[i], sdk, s.Collection, s.End, opts))
	}
	index := make(map[*runner.Execution]int, len(s.Executions))
	for i, x := range s.Executions {
		index[x] = i
	}
	parents := newParentIndex(rep.Collection)
	rep.Run.Failures = make([]Failure, 0, len(s.Failures))
	for _, f := range s.Failures {
		rf := Failure{
			Error: ErrorObject{Name: cli.FailureName(f), Test: f.Test, Message: f.Message},
			At:    cli.FailureAt(f),
		}
		script := rf.At == "prerequest-script" || rf.At == "test-script"
		assertion := f.Test != ""
		if assertion {
			rf.Error.Stack = rf.Error.Name + ": " + f.Message
			if idx, ok := assertionIndex(rf.At); ok {
				rf.Error.Index = &idx
			}
		}
		if script {
			rf.Error.Type = "Error"
		}
		if rf.At == "request" {
			if se, ok := systemError(f.Message); ok {
				rf.Error.NodeError = se.NodeError
			}
		}
		if f.Execution != nil {
			rf.Error.decorate(s.End)
		}
		if x := f.Execution; x != nil {
			rf.Source = sdk.json(x)
			if rf.At == "request" {
				rf.Source = requestFailureSource(rf.Source, request(x, s.Collection))
			}
			if script || assertion {
				rf.Parent = parents.of(x.Path)
			}
			if i, ok := index[x]; ok {
				c := cursors[i]
				rf.Cursor = FailureCursor{Ref: c.Ref, Length: c.Length, Cycles: c.Cycles, Position: c.Position, Iteration: c.Iteration,
					Empty: c.Empty, EOF: c.EOF, BOF: c.BOF, CR: c.CR, HTTPRequestID: c.HTTPRequestID}
				if rf.At == "prerequest-script" {
					rf.Cursor.HTTPRequestID = ""
				}
				if script || assertion {
					rf.Cursor.ScriptID = uuid.NewString()
				}
				if assertion {
					rf.Cursor.Execution = uuid.NewString()
				}
			}
		}
		rep.Run.Failures = append(rep.Run.Failures, rf)
	}
	return rep
}

// phases is newman's count of items whose pre-request (or test) phase ran;
// a summary that does not count phases gives the items run.
func phases(st runner.Stats, c runner.Count) int {
	if st.Prerequests.Total == 0 && st.Tests.Total == 0 {
		return st.Items.Total
	}
	return c.Total
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

func collectionJSON(s *runner.Summary, sdk *sdkForm) json.RawMessage {
	if s.Collection != nil {
		if data, err := sdk.collection(s.Collection); err == nil {
			return data
		}
	}
	data, _ := json.Marshal(map[string]any{"info": map[string]string{"name": s.CollectionName}, "item": []any{}})
	return data
}

func scope(f *environments.File) *VarScope {
	// As newman's: the file's id, or one made up; "_" only when the file
	// names its scope (no file: none).
	out := &VarScope{Values: []VarValue{}, ID: uuid.NewString()}
	if f != nil && (f.ID != "" || f.Name != "") {
		out.Name = f.Name
		if f.ID != "" {
			out.ID = f.ID
		}
		if f.Scope != "" {
			out.Meta = map[string]string{"postman_variable_scope": f.Scope}
		}
	}
	if f == nil || f.Values == nil {
		return out
	}
	for _, v := range f.Values.Variables() {
		typ := v.Type
		if typ == "" || typ == "default" {
			typ = "any" // postman-collection knows no "default" type
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
	first, iter := true, -1
	yes, no := true, false
	for i, x := range s.Executions {
		if x == nil {
			continue
		}
		pos, n := x.Position, s.ItemCount
		if n == 0 {
			// a summary from elsewhere (merged, sharded): count per iteration
			pos, n = seen[x.Iteration], perIter[x.Iteration]
			seen[x.Iteration]++
		}
		c := Cursor{Position: pos, Iteration: x.Iteration, Length: n, Cycles: cycles, Ref: x.ID, HTTPRequestID: x.ID}
		switch {
		case first:
			empty := n == 0
			c.Empty, c.EOF, c.BOF, c.CR = &empty, &no, &yes, &no
		case x.Iteration != iter:
			c.CR = &yes
		}
		first, iter = false, x.Iteration
		out[i] = c
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

// json returns x's item in the SDK's form (as newman's execution.item and
// failure.source), or just its id and name if it cannot be encoded.
func (f *sdkForm) json(x *runner.Execution) json.RawMessage {
	if x.Item != nil {
		if raw, err := f.item(x.Item, x.Path); err == nil && raw != nil {
			return raw
		}
	}
	ref := itemRef(x)
	if x.ItemID != "" {
		ref.ID = x.ItemID
	}
	raw, _ := json.Marshal(ref)
	return raw
}

func execution(x *runner.Execution, cur Cursor, sdk *sdkForm, coll *collections.Collection, end time.Time, opts Options) Execution {
	e := Execution{Cursor: cur, Item: sdk.json(x), ID: x.ID}
	if x.ItemID != "" {
		e.ID = x.ItemID // newman's execution id is its item's
	} else if x.Item != nil && x.Item.ID != "" {
		e.ID = x.Item.ID
	}
	e.Request = request(x, coll)
	if res := x.Response; res != nil {
		e.Response = response(x, res, opts)
	}
	if x.RequestErr != nil {
		se, ok := systemError(x.RequestErr.Error())
		if !ok {
			se = SystemError{Name: "Error", Message: x.RequestErr.Error()}
		}
		e.RequestError = &se
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
				eo := &ErrorObject{Type: "Error", Name: r.Err.Name, Message: r.Err.Message, Stack: r.Err.Stack}
				eo.decorate(end)
				*into = append(*into, ScriptResult{Error: eo})
			}
		}
	}
	add(x.Prerequest, &e.PrerequestScript)
	add(x.Test, &e.TestScript)
	return e
}

func request(x *runner.Execution, coll *collections.Collection) *Request {
	req := &Request{Method: "GET"}
	if x.Request != nil && x.Request.Method != "" {
		req.Method = x.Request.Method
	}
	req.Header = requestHeaders(x)
	if x.Request != nil && x.Request.URL != nil && (len(x.Request.URL.Host) > 0 || x.URL == "") {
		req.URL = urlOf(x.Request.URL)
	} else {
		raw := x.URL
		if raw == "" && x.Request != nil && x.Request.URL != nil {
			raw = x.Request.URL.Raw
		}
		req.URL = urlOf(collections.ParseURL(raw))
	}
	if x.Request == nil {
		return req
	}
	r := *x.Request
	r.URL, r.Header = nil, nil
	if r.Auth == nil || r.Auth.Type == "" || r.Auth.Type == "inherit" {
		r.Auth = inheritedAuth(coll, x.Path)
	}
	m := requestMap(&r)
	if auth, ok := m["auth"].(map[string]any); ok {
		sdkAuth(auth)
	}
	if body, ok := m["body"].(map[string]any); ok {
		if fields, ok := body["urlencoded"].([]any); ok {
			for _, p := range fields {
				if pm, ok := p.(map[string]any); ok {
					delete(pm, "type") // the SDK's urlencoded fields have none
				}
			}
		}
	}
	for _, f := range []struct {
		key string
		dst *json.RawMessage
	}{{"body", &req.Body}, {"auth", &req.Auth}, {"description", &req.Description}} {
		if v, ok := m[f.key]; ok {
			*f.dst, _ = json.Marshal(v)
		}
	}
	return req
}

// requestMap encodes a request in the collection format, as a map.
func requestMap(r *collections.Request) map[string]any {
	data, err := json.Marshal(&collections.Collection{Items: []*collections.Item{{Name: "request", Request: r}}})
	if err != nil {
		return nil
	}
	var wrapped struct {
		Item []struct {
			Request map[string]any `json:"request"`
		} `json:"item"`
	}
	if json.Unmarshal(data, &wrapped) != nil || len(wrapped.Item) != 1 {
		return nil
	}
	return wrapped.Item[0].Request
}

// inheritedAuth is the auth of the nearest folder on path, or of the
// collection, that sets one (nil when none does).
func inheritedAuth(c *collections.Collection, path []string) *collections.Auth {
	if c == nil {
		return nil
	}
	set := func(a *collections.Auth) bool { return a != nil && a.Type != "" && a.Type != "inherit" }
	found := c.Auth
	if !set(found) {
		found = nil
	}
	items := c.Items
	for _, name := range path[:max(len(path)-1, 0)] {
		var folder *collections.Item
		for _, it := range items {
			if it != nil && it.Name == name && it.IsFolder() {
				folder = it
				break
			}
		}
		if folder == nil {
			break
		}
		if set(folder.Auth) {
			found = folder.Auth
		}
		items = folder.Items
	}
	return found
}

// urlOf gives a URL in postman-collection's object form.
func urlOf(u *collections.URL) URL {
	out := URL{Protocol: u.Protocol, Port: u.Port, Path: u.Path, Host: u.Host, Query: []QueryParam{}, Hash: u.Hash, Variable: []Header{}}
	if out.Path == nil {
		out.Path = []string{}
	}
	if out.Host == nil {
		out.Host = []string{}
	}
	for _, q := range u.Query {
		if q == nil || q.Disabled {
			continue
		}
		k, v := q.Key, q.Value
		qp := QueryParam{Key: &k, Value: &v}
		if q.KeyNull {
			qp.Key = nil
		}
		if q.ValueNull {
			qp.Value = nil
		}
		out.Query = append(out.Query, qp)
	}
	return out
}

func response(x *runner.Execution, res *scripting.Response, opts Options) *Response {
	out := &Response{
		ID: uuid.NewSHA1(uuid.NameSpaceOID, []byte(x.ID+"/response")).String(), Status: res.Status, Code: res.Code,
		Header: make([]Header, 0, len(res.Header)), Cookie: []Cookie{},
		ResponseTime: res.ResponseTime.Milliseconds(), ResponseSize: res.ResponseSize,
	}
	if out.ResponseSize == 0 {
		out.ResponseSize = len(res.Body)
	}
	for _, h := range res.Header {
		out.Header = append(out.Header, Header{Key: h.Key, Value: h.Value})
	}
	// newman's response.cookie is always empty: postman-runtime puts the
	// response's cookies in the jar, not on the response object
	if !opts.OmitBodies {
		data := make([]uint16, len(res.Body))
		for i, c := range res.Body {
			data[i] = uint16(c)
		}
		out.Stream = &Stream{Type: "Buffer", Data: data}
	}
	return out
}

// requestHeaders lists the request's headers as newman's report does: as
// test scripts see them (the runner's resolved request after sending: the
// headers sent, those the request did not define marked system, the
// request's disabled ones among them, no late multipart Content-Type), or
// the headers sent when there is no such list.
func requestHeaders(x *runner.Execution) []Header {
	if x.Request != nil && len(x.Request.Header) > 0 && len(x.RequestHeaders) > 0 {
		out := make([]Header, 0, len(x.Request.Header))
		for _, h := range x.Request.Header {
			if h == nil {
				continue
			}
			sys := string(h.Extra["system"]) == "true"
			out = append(out, Header{Key: h.Key, Value: h.Value, Disabled: h.Disabled, System: sys})
		}
		return out
	}
	out := make([]Header, 0, len(x.RequestHeaders))
	for _, h := range x.RequestHeaders {
		out = append(out, Header{Key: h.Key, Value: h.Value})
	}
	return out
}

// requestFailureSource is newman's source of a request error: the item as
// it was when the request failed, its request the one sent (resolved URL,
// the headers sent) and its test scripts not yet run.
func requestFailureSource(item json.RawMessage, sent *Request) json.RawMessage {
	var m map[string]any
	if json.Unmarshal(item, &m) != nil {
		return item
	}
	evs, _ := m["event"].([]any)
	for _, e := range evs {
		em, _ := e.(map[string]any)
		if sc, ok := em["script"].(map[string]any); ok && em["listen"] == "test" {
			delete(sc, "_lastExecutionId")
		}
	}
	if _, ok := m["request"]; ok && sent != nil {
		m["request"] = sent
	}
	out, err := json.Marshal(m)
	if err != nil {
		return item
	}
	return out
}
