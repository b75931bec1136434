// Package scripting runs Postman pre-request and test scripts in a goja
// JavaScript sandbox with Postman's pm API, assertions, built-in modules and
// an event loop.
package scripting

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/scripting/compiler"
	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/chai"
)

// Options configure a Sandbox.
type Options struct {
	// Timeout bounds each script run, timers and pm.sendRequest included (0 = none).
	Timeout time.Duration
	// Send performs pm.sendRequest; the runner supplies it. nil makes
	// pm.sendRequest fail with an error.
	Send func(ctx context.Context, req *collections.Request) (*Response, error)
	// NpmCache is the folder pm.require('npm:name@version') loads packages from.
	NpmCache string
	// Offline forbids fetching npm packages that are not cached.
	Offline bool
	// MemoryLimit stops a running script once the process heap grows past
	// this many bytes (0 = DefaultMemoryLimit; goja itself has no limit).
	MemoryLimit uint64
}

// DefaultMemoryLimit is the heap size at which a running script is stopped.
const DefaultMemoryLimit = 2 << 30

// Sandbox runs scripts. One Sandbox serves one run; it caches compiled
// programs and reuses runtimes. A Sandbox is not safe for concurrent use:
// parallel runs use one each.
//
// Like Postman's sandbox context, one goja runtime serves every script of
// the run: each script runs inside its own function (fresh top-level scope,
// top-level return allowed), while implicit globals (x = 1) and changes to
// built-in prototypes persist to later scripts exactly as they do in
// Newman. Programs are compiled once per process (scripting/compiler).
type Sandbox struct {
	opts Options
	comp *compiler.Compiler
	mods map[string]modules.Module
	vm   *vm // created on first Run, reused by every later Run
	// evals caches eval rewrites and large eval'd programs (evalcache.go).
	evals evalCache
}

// New returns a sandbox. Its JavaScript compiles on first use unless Warm
// started it earlier.
func New(opts Options) *Sandbox {
	s := &Sandbox{opts: opts, comp: compiler.Shared(), mods: make(map[string]modules.Module)}
	for _, m := range Builtins() {
		s.mods[m.Name] = m
	}
	return s
}

// warmOnce makes Warm start its compiles once per process.
var warmOnce sync.Once

// sdkRequestHints are what a script that reaches the SDK's request side
// contains: pm.request, pm.sendRequest, the legacy request global,
// require('postman-collection'), a scope's values list, the cookie jar.
var sdkRequestHints = []string{"request", "Request", "postman-collection", "Url", "Variable", ".values", "jar("}

// Warm starts compiling, in two background goroutines, the built-in
// JavaScript that the given scripts will need (the Postman SDK and pm API
// always; chai, its common assertions and the SDK's request side when the
// scripts' text mentions them), so that the first script of a run finds it
// compiled (measured: a 1-request run with one test 13 ms sooner than
// compiling on demand). A run with scripts calls it as it starts
// (runner.Run) with the collection's scripts; a run without any should not,
// as the compiles would only take CPU from it. Programs land in the
// process-wide compiler (compiler.Shared); later calls do nothing.
func Warm(scripts ...string) {
	warmOnce.Do(func() {
		c := compiler.Shared()
		for _, list := range warmPlan(scripts) {
			if len(list) > 0 {
				c.Warm(list...)
			}
		}
	})
}

// warmPlan returns, for Warm, the two lists of name/source pairs to compile
// in two goroutines for the given scripts: the sandbox's own JavaScript,
// then what the scripts' text suggests they use.
func warmPlan(scripts []string) [2][][2]string {
	var usesChai, usesCommon, usesRequest bool
	for _, src := range scripts {
		c, common := chai.Uses(src)
		usesChai, usesCommon = usesChai || c, usesCommon || common
		usesRequest = usesRequest || slices.ContainsFunc(sdkRequestHints, func(h string) bool { return strings.Contains(src, h) })
	}
	plan := [2][][2]string{{{"postie:guards.js", guardSource}, {"postman-collection.js", sdkSource}, {"pm.js", pmSource}}}
	if usesChai {
		plan[1] = append(plan[1], chai.Sources()...)
	}
	if usesCommon {
		plan[1] = append(plan[1], chai.CommonSources()...)
	}
	if usesRequest {
		plan[1] = append(plan[1], [2]string{sdkRequestName, sdkRequestSource})
	}
	return plan
}

// Close releases the sandbox's runtimes.
func (s *Sandbox) Close() {
	if s.vm != nil {
		s.vm.loop.Reset()
		s.vm = nil
	}
}

// Script is one script to run.
type Script struct {
	Source string
	// Name identifies the script in errors and reports, e.g.
	// "Folder/Request" and the event; Location is the item path.
	Name     string
	Location []string
}

// Info is what pm.info reports.
type Info struct {
	EventName      string // "prerequest" or "test"
	Iteration      int    // 0-based
	IterationCount int
	RequestName    string
	RequestID      string
}

// CookieJar is the run's cookie jar as scripts see it (pm.cookies, pm.cookies.jar()).
type CookieJar interface {
	http.CookieJar
	// Delete removes the cookie named name that applies to u.
	Delete(u *url.URL, name string)
	// Clear removes every cookie that applies to u.
	Clear(u *url.URL)
}

// Execution is the context of one script run.
type Execution struct {
	Info Info
	// Request is the item's request; pre-request scripts may modify it and
	// the runner sends what they leave. Variables are not yet resolved in a
	// pre-request script; in a test script it is the request as sent.
	Request *collections.Request
	// Response is nil in pre-request scripts.
	Response *Response
	Vars     *environments.Scopes
	// Data is the iteration's data row (pm.iterationData); also in Vars.Data.
	Cookies CookieJar
	// Location is pm.execution.location: collection name, folders, item name.
	Location []string
	// EnvironmentName is pm.environment.name (the selected environment's name).
	EnvironmentName string
}

// Response is an HTTP response as scripts and reporters see it.
type Response struct {
	Code         int
	Status       string // reason phrase, e.g. "OK"
	Header       []Header
	Body         []byte
	ResponseTime time.Duration
	ResponseSize int // bytes of body as received
	Cookies      []*http.Cookie
}

// Header is one response header, in the order received.
type Header struct{ Key, Value string }

// TestResult is one pm.test / tests[] outcome.
type TestResult struct {
	Name    string
	Passed  bool
	Skipped bool
	// Error is the failure message as Newman reports it, e.g.
	// "expected 404 to equal 200" (empty when passed).
	Error string
	// ErrorName is the JS error name, e.g. "AssertionError".
	ErrorName string
	// Index is the test's place among the script's pm.test calls, counted
	// from 0 in call order (Newman's "assertion:N"); an async test can
	// finish, and so be listed, after a later one.
	Index int
	// Seq orders this result among the run's tests, console entries and requests
	// (Newman prints them interleaved as they happen).
	Seq int
}

// ConsoleEntry is one console.* call.
type ConsoleEntry struct {
	Level string // log, info, warn, error, debug
	Text  string // arguments formatted as Newman prints them
	Seq   int    // order among the run's tests, console entries and requests
}

// Visualizer is what pm.visualizer.set recorded.
type Visualizer struct {
	Template string
	Data     any
	Options  any
}

// ScriptError is an uncaught error, syntax error or timeout in a script.
type ScriptError struct {
	Name    string // e.g. "TypeError", "SyntaxError", "Timeout"
	Message string
	Script  string // Script.Name
	Line    int    // 1-based, 0 when unknown
	Column  int    // 1-based
	Stack   string
}

func (e *ScriptError) Error() string {
	where := e.Script
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", e.Script, e.Line, e.Column)
	}
	if where == "" {
		return e.Name + ": " + e.Message
	}
	return fmt.Sprintf("%s: %s: %s", where, e.Name, e.Message)
}

// Result is what one script run produced.
type Result struct {
	Tests   []TestResult
	Console []ConsoleEntry
	// Requests are the script's pm.sendRequest calls that reached the
	// network, in the order they completed (Newman reports them as requests).
	Requests []SentRequest
	// NextRequest is set when the script called setNextRequest: Value is the
	// name or id, or Stop when called with null.
	NextRequest *NextRequest
	SkipRequest bool // pm.execution.skipRequest() (pre-request only)
	Visualizer  *Visualizer
	Err         *ScriptError
}

// SentRequest is a request sent besides an item's own: a completed
// pm.sendRequest call (the runner also reports auth challenge round trips
// with it).
type SentRequest struct {
	Request  *collections.Request
	Response *Response // nil when Err is set
	Err      error
	Seq      int // order among the run's tests, console entries and requests
}

// nextSeq is the Seq of the next test, console entry or request.
func (r *Result) nextSeq() int { return len(r.Tests) + len(r.Console) + len(r.Requests) }

// NextRequest is a setNextRequest call.
type NextRequest struct {
	Value string
	Stop  bool
}

// Run runs one script. It never panics; script failures are reported in
// Result.Err and the caller goes on.
func (s *Sandbox) Run(ctx context.Context, script Script, exec *Execution) *Result {
	return s.run(ctx, script, exec)
}
