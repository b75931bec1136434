// Package merge merges postie (Newman) JSON reports and JUnit XML reports
// written by the shards of one run (postie merge-reports).
//
// JSON: reports are merged in the order given (give shards in order, 1/n
// first). The collection is the first report's with the top-level items of
// all reports (each kept once) and the last report's variables; environment
// and globals are the last report's (the state the last shard ended with); run.stats,
// transfers are summed; executions and failures are concatenated;
// run.timings' started/completed are the earliest start and latest end and
// the response-time statistics are recomputed over every execution; the
// first run.error is kept. Executions and failures are copied verbatim.
//
// JUnit: the <testsuite> elements of every file are concatenated verbatim
// under one <testsuites> whose tests and time are the sums and whose name
// is the first file's.
package merge

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/postie-run/postie/reporters/jsonreport"
)

// Input is one report file's name (for errors) and content.
type Input struct {
	Name string
	Data []byte
}

// jsonRun is the part of a report's run object merge rewrites; the rest of
// each execution and failure is kept as it was.
type jsonRun struct {
	Stats      jsonreport.Stats     `json:"stats"`
	Timings    jsonreport.Timings   `json:"timings"`
	Executions []json.RawMessage    `json:"executions"`
	Transfers  jsonreport.Transfers `json:"transfers"`
	Failures   []json.RawMessage    `json:"failures"`
	Error      json.RawMessage      `json:"error"`
}

type jsonReport struct {
	Collection  json.RawMessage `json:"collection"`
	Environment json.RawMessage `json:"environment"`
	Globals     json.RawMessage `json:"globals"`
	Run         jsonRun         `json:"run"`
}

// JSON merges JSON reports.
func JSON(inputs []Input) ([]byte, error) {
	if len(inputs) == 0 {
		return nil, errors.New("merge: no reports")
	}
	var out jsonReport
	var times []float64
	var coll collMerger
	for i, in := range inputs {
		var r jsonReport
		if err := json.Unmarshal(in.Data, &r); err != nil {
			return nil, fmt.Errorf("reading JSON report %s: %w", in.Name, err)
		}
		if r.Collection == nil {
			return nil, fmt.Errorf("reading JSON report %s: not a postie/newman JSON report (no collection)", in.Name)
		}
		if err := coll.add(r.Collection); err != nil {
			return nil, fmt.Errorf("reading JSON report %s: collection: %w", in.Name, err)
		}
		if i == 0 {
			out.Run.Timings.Started = r.Run.Timings.Started
			out.Run.Executions = []json.RawMessage{}
			out.Run.Failures = []json.RawMessage{}
		}
		out.Environment, out.Globals = r.Environment, r.Globals
		addStats(&out.Run.Stats, &r.Run.Stats)
		out.Run.Transfers.ResponseTotal += r.Run.Transfers.ResponseTotal
		out.Run.Executions = append(out.Run.Executions, r.Run.Executions...)
		out.Run.Failures = append(out.Run.Failures, r.Run.Failures...)
		if len(out.Run.Error) == 0 || string(out.Run.Error) == "null" {
			out.Run.Error = r.Run.Error
		}
		if t := r.Run.Timings.Started; t != 0 && (out.Run.Timings.Started == 0 || t < out.Run.Timings.Started) {
			out.Run.Timings.Started = t
		}
		out.Run.Timings.Completed = max(out.Run.Timings.Completed, r.Run.Timings.Completed)
		for j, ex := range r.Run.Executions {
			var e struct {
				Response *struct {
					ResponseTime float64 `json:"responseTime"`
				} `json:"response"`
			}
			if err := json.Unmarshal(ex, &e); err != nil {
				return nil, fmt.Errorf("reading JSON report %s: execution %d: %w", in.Name, j, err)
			}
			if e.Response != nil {
				times = append(times, e.Response.ResponseTime)
			}
		}
	}
	if len(out.Run.Error) == 0 {
		out.Run.Error = json.RawMessage("null")
	}
	var err error
	if out.Collection, err = coll.result(); err != nil {
		return nil, fmt.Errorf("writing merged JSON report: %w", err)
	}
	t := &out.Run.Timings
	t.ResponseAverage, t.ResponseMin, t.ResponseMax, t.ResponseSd = stats(times)
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("writing merged JSON report: %w", err)
	}
	return data, nil
}

// collMerger builds the merged report's collection: the first report's,
// with the top-level items of every report (shards by top-level item each
// hold only theirs; identical items are kept once) and the last report's
// collection variables.
type collMerger struct {
	base     map[string]json.RawMessage
	items    []json.RawMessage
	seen     map[string]bool
	variable json.RawMessage
}

func (c *collMerger) add(raw json.RawMessage) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return err
	}
	if c.base == nil {
		c.base, c.seen = m, map[string]bool{}
	}
	var items []json.RawMessage
	if len(m["item"]) > 0 {
		if err := json.Unmarshal(m["item"], &items); err != nil {
			return fmt.Errorf("item: %w", err)
		}
	}
	for _, it := range items {
		var buf bytes.Buffer
		if err := json.Compact(&buf, it); err != nil {
			return fmt.Errorf("item: %w", err)
		}
		if k := buf.String(); !c.seen[k] {
			c.seen[k] = true
			c.items = append(c.items, it)
		}
	}
	if v, ok := m["variable"]; ok {
		c.variable = v
	}
	return nil
}

func (c *collMerger) result() (json.RawMessage, error) {
	if _, ok := c.base["item"]; ok || len(c.items) > 0 {
		items := c.items
		if items == nil {
			items = []json.RawMessage{}
		}
		b, err := json.Marshal(items)
		if err != nil {
			return nil, err
		}
		c.base["item"] = b
	}
	if c.variable != nil {
		c.base["variable"] = c.variable
	}
	return json.Marshal(c.base)
}

func addStats(dst, src *jsonreport.Stats) {
	for _, p := range [...][2]*jsonreport.Stat{
		{&dst.Iterations, &src.Iterations}, {&dst.Items, &src.Items}, {&dst.Scripts, &src.Scripts},
		{&dst.Prerequests, &src.Prerequests}, {&dst.Requests, &src.Requests}, {&dst.Tests, &src.Tests},
		{&dst.Assertions, &src.Assertions}, {&dst.TestScripts, &src.TestScripts}, {&dst.PrerequestScripts, &src.PrerequestScripts},
	} {
		p[0].Total += p[1].Total
		p[0].Pending += p[1].Pending
		p[0].Failed += p[1].Failed
	}
}

// stats returns the mean, min, max and population standard deviation.
func stats(xs []float64) (avg, lo, hi, sd float64) {
	if len(xs) == 0 {
		return 0, 0, 0, 0
	}
	lo, hi = xs[0], xs[0]
	var sum float64
	for _, x := range xs {
		sum += x
		lo, hi = min(lo, x), max(hi, x)
	}
	avg = sum / float64(len(xs))
	var v float64
	for _, x := range xs {
		v += (x - avg) * (x - avg)
	}
	return avg, lo, hi, math.Sqrt(v / float64(len(xs)))
}

type junitSuite struct {
	Attrs []xml.Attr `xml:",any,attr"`
	Inner []byte     `xml:",innerxml"`
}

type junitFile struct {
	XMLName xml.Name     `xml:"testsuites"`
	Name    string       `xml:"name,attr"`
	Tests   string       `xml:"tests,attr"`
	Time    string       `xml:"time,attr"`
	Suites  []junitSuite `xml:"testsuite"`
}

// JUnit merges JUnit XML reports.
func JUnit(inputs []Input) ([]byte, error) {
	if len(inputs) == 0 {
		return nil, errors.New("merge: no reports")
	}
	var b bytes.Buffer
	var body bytes.Buffer
	name := ""
	tests := 0
	var secs float64
	for i, in := range inputs {
		var f junitFile
		if err := xml.Unmarshal(in.Data, &f); err != nil {
			return nil, fmt.Errorf("reading JUnit report %s: %w", in.Name, err)
		}
		if i == 0 {
			name = f.Name
		}
		if f.Tests != "" {
			n, err := strconv.Atoi(f.Tests)
			if err != nil {
				return nil, fmt.Errorf("reading JUnit report %s: tests=%q: %w", in.Name, f.Tests, err)
			}
			tests += n
		}
		if f.Time != "" {
			s, err := strconv.ParseFloat(f.Time, 64)
			if err != nil {
				return nil, fmt.Errorf("reading JUnit report %s: time=%q: %w", in.Name, f.Time, err)
			}
			secs += s
		}
		for _, s := range f.Suites {
			body.WriteString("  <testsuite")
			for _, a := range s.Attrs {
				body.WriteString(" " + a.Name.Local + `="`)
				xml.EscapeText(&body, []byte(a.Value))
				body.WriteString(`"`)
			}
			body.WriteString(">")
			body.Write(s.Inner)
			body.WriteString("</testsuite>\n")
		}
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<testsuites name=\"")
	xml.EscapeText(&b, []byte(name))
	fmt.Fprintf(&b, "\" tests=\"%d\" time=\"%s\">\n", tests, strconv.FormatFloat(secs, 'f', 3, 64))
	b.Write(body.Bytes())
	b.WriteString("</testsuites>\n")
	return b.Bytes(), nil
}
