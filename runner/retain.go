package runner

import (
	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/scripting"
)

// Retention says how much of each execution a run keeps in
// Summary.Executions for the reporters' Done.
type Retention int

const (
	// RetainAll keeps every execution in full (request and response
	// bodies, headers, console output): what the json, junit and html
	// reports need. It is the zero value.
	RetainAll Retention = iota
	// RetainFailures keeps failed executions in full and, once an item's
	// events are emitted, reduces a passed execution to its identity,
	// method, URL (Execution.URL), status, response time and sizes (what the
	// cli reporter's summary reads), so memory stays flat in long runs.
	RetainFailures
)

// compact drops what a passed execution holds beyond its identity (ID,
// item, path, iteration, method and the URL sent), status, response time
// and sizes: request and response headers and bodies, cookies, script
// results (tests and console output, already reported) and visualizer data.
func compact(ex *Execution) {
	if req := ex.Request; req != nil {
		ex.Request = &collections.Request{Method: req.Method}
	}
	ex.RequestBody = nil
	ex.RequestHeaders = nil
	if res := ex.Response; res != nil {
		size := res.ResponseSize
		if size == 0 {
			size = len(res.Body)
		}
		ex.Response = &scripting.Response{Code: res.Code, Status: res.Status, ResponseTime: res.ResponseTime, ResponseSize: size}
	}
	ex.Prerequest, ex.Test = nil, nil
	ex.Visualizer = nil
}
