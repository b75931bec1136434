package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/postie-run/postie/auth"
	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/scripting"
)

// DefaultMaxExecutions bounds how many items one iteration may run when
// setNextRequest keeps jumping back (Newman has no bound and would loop
// forever); Options.MaxExecutions overrides it.
const DefaultMaxExecutions = 100000

// runnable is a request item with its parents, outermost first.
type runnable struct {
	item    *collections.Item
	parents []*collections.Item
	id      string // the item's id; a uuid made for the run when it has none (as newman)
}

// run is the state of one Run call.
type run struct {
	ctx     context.Context
	opts    *Options
	coll    *collections.Collection
	items   []runnable
	globals *environments.List
	env     *environments.List
	vars    *environments.List // collection variables
	// local holds pm.variables.set values: newman keeps one local scope
	// for the whole run (seen by later items and iterations).
	local   *environments.List
	dyn     *environments.Dynamics
	sandbox *scripting.Sandbox
	sender  *sender
	tr      *transports
	jar     *Jar
	sum     *Summary
	iters   int

	ids       map[string]int // setNextRequest lookup: item id -> position
	names     map[string]int // item name -> last position with that name
	stop      bool           // bail or run timeout: end the run
	timedOut  bool
	runCtx    context.Context // ctx with the run timeout
	cancelRun context.CancelFunc
	// exchanges holds what pm.sendRequest calls sent, by the response
	// the script got, until the call is reported (*Exchange values).
	exchanges sync.Map
}

func (r *run) emit(e Event) {
	for _, rep := range r.opts.Reporters {
		rep.Event(e)
	}
}

// collectItems lists the request items to run, depth-first, honouring
// Options.Folders.
func collectItems(c *collections.Collection, folders []string) ([]runnable, error) {
	var out []runnable
	var walk func(items []*collections.Item, parents []*collections.Item)
	walk = func(items []*collections.Item, parents []*collections.Item) {
		for _, it := range items {
			if it == nil {
				continue
			}
			if it.IsFolder() {
				ps := make([]*collections.Item, len(parents)+1)
				copy(ps, parents)
				ps[len(parents)] = it
				walk(it.Items, ps)
				continue
			}
			id := it.ID
			if id == "" {
				id = uuid.NewString()
			}
			out = append(out, runnable{item: it, parents: parents, id: id})
		}
	}
	if len(folders) == 0 {
		walk(c.Items, nil)
		return out, nil
	}
	if len(folders) == 1 {
		it, parents, ok := c.FindItem(folders[0])
		if !ok {
			return nil, fmt.Errorf("Unable to find a folder or request: %q", folders[0]) //nolint:staticcheck // newman's wording
		}
		walk([]*collections.Item{it}, append([]*collections.Item(nil), parents...))
		return out, nil
	}
	// Several entry points (postman-runtime's multipleIdOrName): matched
	// depth-first by id, else name, run in collection order; one inside
	// another adds nothing.
	pending := make(map[string]bool, len(folders))
	for _, f := range folders {
		pending[f] = true
	}
	var find func(items []*collections.Item, parents []*collections.Item, inside bool)
	find = func(items []*collections.Item, parents []*collections.Item, inside bool) {
		for _, it := range items {
			if len(pending) == 0 {
				return
			}
			if it == nil {
				continue
			}
			match := ""
			if it.ID != "" && pending[it.ID] {
				match = it.ID
			} else if pending[it.Name] {
				match = it.Name
			}
			if match != "" {
				delete(pending, match)
				if !inside {
					walk([]*collections.Item{it}, append([]*collections.Item(nil), parents...))
				}
			}
			if it.IsFolder() {
				ps := make([]*collections.Item, len(parents)+1)
				copy(ps, parents)
				ps[len(parents)] = it
				find(it.Items, ps, inside || match != "")
			}
		}
	}
	find(c.Items, nil, false)
	if len(pending) > 0 {
		return nil, errors.New("Invalid entrypoint") //nolint:staticcheck // newman's wording for a missing --folder among several
	}
	return out, nil
}

// Run executes the collection and returns its summary. It returns an error
// only for unusable options; request, script and test failures are in the
// summary. Cancelling ctx stops after the current request.
func Run(ctx context.Context, opts Options) (*Summary, error) {
	if opts.Collection == nil {
		return nil, errors.New("run: no collection")
	}
	var err error
	items := opts.sharedItems
	if items == nil {
		if items, err = collectItems(opts.Collection, opts.Folders); err != nil {
			return nil, err
		}
	}
	tr := opts.sharedTransports
	if tr == nil {
		if tr, err = newTransports(&opts); err != nil {
			return nil, err
		}
		defer tr.close()
	}
	r := &run{ctx: ctx, opts: &opts, coll: opts.Collection, items: items, tr: tr, dyn: environments.NewDynamics(0)}
	r.globals = environments.NewList()
	if opts.Globals != nil && opts.Globals.Values != nil {
		r.globals = opts.Globals.Values.Clone()
	}
	r.env = environments.NewList()
	if opts.Environment != nil && opts.Environment.Values != nil {
		r.env = opts.Environment.Values.Clone()
	}
	r.vars = environments.NewList(opts.Collection.Variables...).Clone()
	r.local = environments.NewList()
	if !opts.DisableCookies {
		r.jar = opts.Cookies
		if r.jar == nil {
			r.jar = NewJar()
		}
	}
	r.sender = &sender{tr: tr, jar: r.jar, requestTimeout: opts.RequestTimeout}
	r.iters = opts.IterationCount
	if r.iters <= 0 {
		r.iters = len(opts.Data)
		if r.iters == 0 {
			r.iters = 1
		}
	}
	if srcs := scriptSources(opts.Collection); len(srcs) > 0 {
		// compile the sandbox's JavaScript on the other core while the
		// first request is on its way
		scripting.Warm(srcs...)
	}
	r.sandbox = scripting.New(scripting.Options{Timeout: opts.ScriptTimeout, NpmCache: opts.NpmCache, Send: r.sendRequest})
	defer r.sandbox.Close()

	r.sum = &Summary{CollectionName: opts.Collection.Info.Name, Start: time.Now(), ItemCount: len(items)}
	// The current request and scripts finish when ctx is cancelled (SIGINT
	// stops after the current request); only the run timeout cuts them.
	r.runCtx, r.cancelRun = context.WithCancel(context.WithoutCancel(ctx))
	if opts.Timeout > 0 {
		r.runCtx, r.cancelRun = context.WithTimeout(context.WithoutCancel(ctx), opts.Timeout)
	}
	defer r.cancelRun()

	r.emit(Event{Kind: EventStart})
	r.loop()
	r.finish()
	r.emit(Event{Kind: EventDone, Iteration: r.sum.Iterations - 1})
	var firstErr error
	for _, rep := range opts.Reporters {
		if err := rep.Done(r.sum); err != nil && firstErr == nil {
			firstErr = err
		}
	}
	_ = firstErr // reporter errors are the reporters' to print; the summary stands
	return r.sum, nil
}

// interrupted reports (and records) whether the run must stop now.
func (r *run) interrupted() bool {
	if r.stop {
		return true
	}
	if r.ctx.Err() != nil {
		r.sum.Interrupted = true
		r.stop = true
		return true
	}
	if r.runCtx.Err() != nil {
		r.runTimedOut()
		return true
	}
	return false
}

func (r *run) runTimedOut() {
	if r.timedOut {
		return
	}
	r.timedOut, r.stop = true, true
	r.sum.Failures = append(r.sum.Failures, Failure{Kind: "Error", Message: "callback timed out", At: "run"})
}

func (r *run) loop() {
	maxExec := r.opts.MaxExecutions
	if maxExec <= 0 {
		maxExec = DefaultMaxExecutions
	}
	from, to := 0, r.iters
	if r.opts.iterTo > 0 { // an iteration window (RunParallel, shards)
		from, to = r.opts.iterFrom, min(r.opts.iterTo, r.iters)
	}
	for it := from; it < to; it++ {
		if r.interrupted() {
			return
		}
		var data *environments.List
		if n := len(r.opts.Data); n > 0 {
			if it < n {
				data = r.opts.Data[it]
			} else {
				data = r.opts.Data[n-1]
			}
		}
		if data == nil {
			data = environments.NewList()
		}
		r.sum.Iterations++
		r.sum.Stats.Iterations.Total++
		r.emit(Event{Kind: EventBeforeIteration, Iteration: it})
		execs := 0
		for pos := 0; pos < len(r.items); {
			if r.interrupted() {
				break
			}
			if execs >= maxExec {
				r.sum.Failures = append(r.sum.Failures, Failure{Kind: "Error", At: "run",
					Message: fmt.Sprintf("setNextRequest loop: more than %d item runs in iteration %d; stopping the run", maxExec, it+1)})
				r.stop = true
				break
			}
			execs++
			if r.opts.Delay > 0 { // postman-runtime delays every item, the first included
				t := time.NewTimer(r.opts.Delay)
				select {
				case <-t.C:
				case <-r.runCtx.Done():
					t.Stop()
				case <-r.ctx.Done():
					t.Stop()
				}
				if r.interrupted() {
					break
				}
			}
			failures := len(r.sum.Failures)
			ex, snr := r.runItem(it, data, r.items[pos], pos)
			if r.opts.Retain == RetainFailures && len(r.sum.Failures) == failures {
				compact(ex) // its events are out; the summary keeps timings and sizes
			}
			if r.stop {
				break
			}
			switch {
			case snr == nil:
				pos++
			case snr.Stop:
				pos = len(r.items)
			default:
				if p, ok := r.lookup(snr.Value); ok {
					pos = p
				} else {
					pos = len(r.items)
				}
			}
		}
		r.emit(Event{Kind: EventIteration, Iteration: it})
		if r.stop {
			return
		}
	}
}

// lookup finds a setNextRequest target among the runnable items: by id
// first, then by name (the last item with that name, as postman-runtime).
func (r *run) lookup(v string) (int, bool) {
	if r.ids == nil {
		r.ids = make(map[string]int, len(r.items))
		r.names = make(map[string]int, len(r.items))
		for i, it := range r.items {
			r.ids[it.id] = i
			if it.item.Name != "" {
				r.names[it.item.Name] = i
			}
		}
	}
	if p, ok := r.ids[v]; ok {
		return p, true
	}
	p, ok := r.names[v]
	return p, ok
}

// finish fills the summary's final variable states.
func (r *run) finish() {
	r.sum.End = time.Now()
	env := &environments.File{Scope: "environment"}
	if r.opts.Environment != nil {
		c := *r.opts.Environment
		env = &c
	}
	env.Values = r.env
	r.sum.Environment = env
	glob := &environments.File{Scope: "globals"}
	if r.opts.Globals != nil {
		c := *r.opts.Globals
		glob = &c
	}
	glob.Values = r.globals
	r.sum.Globals = glob
	coll := *r.coll
	coll.Variables = append([]*environments.Variable(nil), r.vars.Variables()...)
	r.sum.Collection = &coll
	r.sum.Cookies = r.jar
}

// itemPath is the folder names then the item name.
func itemPath(rn runnable) []string {
	p := make([]string, 0, len(rn.parents)+1)
	for _, f := range rn.parents {
		p = append(p, f.Name)
	}
	return append(p, rn.item.Name)
}

// scriptsFor returns the enabled scripts for listen ("prerequest" or
// "test") in Postman's order: collection, folders outer to inner, item.
func (r *run) scriptsFor(rn runnable, listen string) []*collections.Event {
	var out []*collections.Event
	add := func(evs []*collections.Event) {
		for _, e := range evs {
			if e != nil && !e.Disabled && e.Listen == listen && e.Script != nil {
				out = append(out, e)
			}
		}
	}
	add(r.coll.Events)
	for _, f := range rn.parents {
		add(f.Events)
	}
	add(rn.item.Events)
	return out
}

// chooseAuth picks the auth block by inheritance: the request's, else the
// nearest folder's, else the collection's; "inherit" (or none) looks further
// up, "noauth" stops.
func chooseAuth(req *collections.Request, rn runnable, c *collections.Collection) *collections.Auth {
	set := func(a *collections.Auth) bool { return a != nil && a.Type != "" && a.Type != "inherit" }
	if req != nil && set(req.Auth) {
		return req.Auth
	}
	for i := len(rn.parents) - 1; i >= 0; i-- {
		if set(rn.parents[i].Auth) {
			return rn.parents[i].Auth
		}
	}
	if set(c.Auth) {
		return c.Auth
	}
	return nil
}

func (r *run) behaviourFor(rn runnable) behaviour {
	maps := make([]map[string]any, 0, len(rn.parents)+2)
	maps = append(maps, r.coll.ProtocolProfileBehavior)
	for _, f := range rn.parents {
		maps = append(maps, f.ProtocolProfileBehavior)
	}
	maps = append(maps, rn.item.ProtocolProfileBehavior)
	return newBehaviour(r.opts, maps...)
}

func (r *run) fail(ex *Execution, kind, at, msg, test string) {
	r.sum.Failures = append(r.sum.Failures, Failure{Execution: ex, Source: strings.Join(ex.Path, " / "), Kind: kind, Message: msg, Test: test, At: at})
}

// runScripts runs the scripts of one phase and applies their results. It
// returns the last setNextRequest and whether the phase failed (for bail).
func (r *run) runScripts(ex *Execution, rn runnable, listen string, sx *scripting.Execution) (snr *scripting.NextRequest, skip, failed bool) {
	evs := r.scriptsFor(rn, listen)
	if len(evs) == 0 {
		return nil, false, false
	}
	sx.Info.EventName = listen
	at := listen + "-script"
	name := strings.Join(ex.Path, "/")
	for _, e := range evs {
		res := r.sandbox.Run(r.runCtx, scripting.Script{Source: e.Script.Source(), Name: name + " (" + listen + ")", Location: sx.Location}, sx)
		if res == nil {
			res = &scripting.Result{}
		}
		r.sum.Stats.Scripts.Total++
		if listen == "prerequest" {
			r.sum.Stats.PrerequestScripts.Total++
			ex.Prerequest = append(ex.Prerequest, res)
		} else {
			r.sum.Stats.TestScripts.Total++
			ex.Test = append(ex.Test, res)
		}
		var failedTests []string
		// console entries and pm.sendRequest calls go out interleaved with
		// the tests by Seq, as they happened
		c, q := 0, 0
		flushBefore := func(seq int) {
			for c < len(res.Console) || q < len(res.Requests) {
				if q < len(res.Requests) && (c == len(res.Console) || res.Requests[q].Seq < res.Console[c].Seq) {
					if res.Requests[q].Seq >= seq {
						return
					}
					r.sentRequest(ex, &res.Requests[q], listen)
					q++
					continue
				}
				if res.Console[c].Seq >= seq {
					return
				}
				r.emit(Event{Kind: EventConsole, Iteration: ex.Iteration, Execution: ex, Console: &res.Console[c], Script: listen})
				c++
			}
		}
		for i := range res.Tests {
			t := &res.Tests[i]
			flushBefore(t.Seq)
			r.sum.Stats.Assertions.Total++
			if !t.Passed && !t.Skipped {
				r.sum.Stats.Assertions.Failed++
				kind := t.ErrorName
				if kind == "" {
					kind = "AssertionError"
				}
				r.fail(ex, kind, "assertion:"+strconv.Itoa(t.Index)+" in "+at, t.Error, t.Name)
				failedTests = append(failedTests, t.Name)
			}
			r.emit(Event{Kind: EventAssertion, Iteration: ex.Iteration, Execution: ex, Test: t, Script: listen})
		}
		flushBefore(math.MaxInt)
		if res.Visualizer != nil {
			ex.Visualizer = res.Visualizer
		}
		if res.NextRequest != nil {
			snr = res.NextRequest
		}
		var scriptErr error
		if res.Err != nil {
			scriptErr = res.Err
			r.sum.Stats.Scripts.Failed++
			if listen == "prerequest" {
				r.sum.Stats.PrerequestScripts.Failed++
			} else {
				r.sum.Stats.TestScripts.Failed++
			}
			kind := res.Err.Name
			if kind == "" {
				kind = "Error"
			}
			where := at
			if kind == "AssertionError" && res.Err.Line > 0 {
				// an assertion failing outside pm.test: newman names its
				// place in its sandbox's wrapper, one line down
				where = fmt.Sprintf("%s:%d:%d", at, res.Err.Line+1, res.Err.Column)
			}
			r.fail(ex, kind, where, res.Err.Message, "")
			failed = true
		}
		if len(failedTests) > 0 && r.opts.Bail && res.Err == nil {
			// newman --bail reports a failed assertion as a script failure
			// too: the script's error (on the script event) names the
			// failed tests; it is counted once, here.
			res.Err = &scripting.ScriptError{Name: "AssertionFailure", Message: strings.Join(failedTests, ", "), Script: name + " (" + listen + ")"}
			r.sum.Stats.Scripts.Failed++
			if listen == "prerequest" {
				r.sum.Stats.PrerequestScripts.Failed++
			} else {
				r.sum.Stats.TestScripts.Failed++
			}
			// newman names the failed tests and points into its sandbox's
			// own source (the same place every time).
			r.fail(ex, "AssertionFailure", at+":39:17", res.Err.Message, "")
			scriptErr = res.Err
			failed = true
		}
		r.emit(Event{Kind: EventScript, Iteration: ex.Iteration, Execution: ex, Script: listen, Err: scriptErr})
		if res.SkipRequest && listen == "prerequest" {
			return snr, true, failed
		}
		if failed && r.opts.Bail {
			return snr, false, true
		}
	}
	return snr, false, failed
}

// runItem runs one item in one iteration: pre-request scripts, the request,
// test scripts. It returns the execution and the setNextRequest, if any.
func (r *run) runItem(iter int, data *environments.List, rn runnable, pos int) (*Execution, *scripting.NextRequest) {
	ex := &Execution{ID: uuid.NewString(), Item: rn.item, ItemID: rn.id, Position: pos, Path: itemPath(rn), Iteration: iter}
	r.sum.Executions = append(r.sum.Executions, ex)
	r.sum.Stats.Items.Total++
	r.emit(Event{Kind: EventBeforeItem, Iteration: iter, Execution: ex})
	defer r.emit(Event{Kind: EventItem, Iteration: iter, Execution: ex})

	scopes := &environments.Scopes{Globals: r.globals, Collection: r.vars, Environment: r.env, Data: data, Local: r.local, Dynamics: r.dyn}
	var req *collections.Request
	if rn.item.Request != nil {
		req = rn.item.Request.Clone()
	} else {
		req = &collections.Request{}
	}
	location := make([]string, 0, len(ex.Path)+1)
	location = append(location, r.coll.Info.Name)
	location = append(location, ex.Path...)
	sx := &scripting.Execution{
		Info:     scripting.Info{Iteration: iter, IterationCount: r.iters, RequestName: rn.item.Name, RequestID: rn.id},
		Request:  req,
		Vars:     scopes,
		Location: location,
	}
	if r.opts.Environment != nil {
		sx.EnvironmentName = r.opts.Environment.Name // pm.environment.name
	}
	if r.jar != nil {
		sx.Cookies = r.jar
	}
	ex.Request = req

	r.sum.Stats.Prerequests.Total++
	snr, skip, failed := r.runScripts(ex, rn, "prerequest", sx)
	if failed && r.opts.Bail {
		r.stop = true
		return ex, snr
	}
	if skip {
		ex.Skipped = true
		return ex, snr
	}
	if r.interrupted() {
		return ex, snr
	}
	req = sx.Request
	if req == nil {
		req = &collections.Request{}
	}
	resolved := resolveRequest(req, scopes.ReplaceIn)
	if r.opts.MissingVariables != nil {
		names := unresolvedAuth(unresolved(resolved), chooseAuth(req, rn, r.coll), scopes.ReplaceIn)
		if len(names) > 0 {
			if err := r.opts.MissingVariables(r.runCtx, rn.item, names, scopes); err != nil {
				r.requestFailed(ex, fmt.Errorf("variables %s: %w", strings.Join(names, ", "), err))
				return ex, snr
			}
			resolved = resolveRequest(req, scopes.ReplaceIn)
		}
	}
	ex.Request = resolved

	reqErr := r.send(ex, rn, req, resolved, scopes)
	if r.runCtx.Err() != nil && r.ctx.Err() == nil {
		r.runTimedOut()
		return ex, snr
	}
	if reqErr && r.opts.Bail {
		r.stop = true
		return ex, snr
	}
	if r.ctx.Err() != nil {
		r.sum.Interrupted = true
		r.stop = true
		return ex, snr
	}
	sx.Request = resolved
	sx.Response = ex.Response
	r.sum.Stats.Tests.Total++
	tsnr, _, failed := r.runScripts(ex, rn, "test", sx)
	if tsnr != nil {
		snr = tsnr
	}
	if failed && r.opts.Bail {
		r.stop = true
	}
	return ex, snr
}

// withDisabledHeaders puts the user's disabled headers (from orig) into the
// headers sent, each after the sent header of the enabled one before it
// in orig (first when none), where newman's test scripts still list them.
func withDisabledHeaders(sent, orig []*collections.Param) []*collections.Param {
	n := 0
	for _, h := range orig {
		if h != nil && h.Disabled {
			n++
		}
	}
	if n == 0 {
		return sent
	}
	out := make([]*collections.Param, 0, len(sent)+n)
	pos := 0 // entries of sent already copied to out
	for _, h := range orig {
		if h == nil {
			continue
		}
		if !h.Disabled {
			for i := pos; i < len(sent); i++ {
				if strings.EqualFold(sent[i].Key, h.Key) {
					out = append(out, sent[pos:i+1]...)
					pos = i + 1
					break
				}
			}
			continue
		}
		d := *h
		out = append(out, &d)
	}
	return append(out, sent[pos:]...)
}

// signedURLEncoded returns a copy of the urlencoded body b with the fields
// the authorizer appended to the body sent (oauth1's parameters) added as
// system fields, as newman's test scripts see the request body.
func signedURLEncoded(b *collections.Body, sent []byte) *collections.Body {
	enabled := 0
	for _, f := range b.URLEncoded {
		if f != nil && !f.Disabled {
			enabled++
		}
	}
	var fields []string
	if len(sent) > 0 {
		fields = strings.Split(string(sent), "&")
	}
	if len(fields) <= enabled {
		return b
	}
	nb := *b
	nb.URLEncoded = append(make([]*collections.Param, 0, len(b.URLEncoded)+len(fields)-enabled), b.URLEncoded...)
	for _, f := range fields[enabled:] {
		k, v, _ := strings.Cut(f, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		nb.URLEncoded = append(nb.URLEncoded, &collections.Param{Key: k, Value: v, Extra: collections.Extra{"system": json.RawMessage("true")}})
	}
	return &nb
}

// definesHeader reports whether hs has an enabled header named key (any case).
func definesHeader(hs []*collections.Param, key string) bool {
	for _, h := range hs {
		if h != nil && !h.Disabled && strings.EqualFold(h.Key, key) {
			return true
		}
	}
	return false
}

// scriptSources returns the sources of the collection's and its items'
// non-empty scripts.
func scriptSources(c *collections.Collection) []string {
	var out []string
	add := func(evs []*collections.Event) {
		for _, e := range evs {
			if e == nil || e.Script == nil {
				continue
			}
			if src := e.Script.Source(); strings.TrimSpace(src) != "" {
				out = append(out, src)
			}
		}
	}
	add(c.Events)
	c.Walk(func(it *collections.Item, _ []*collections.Item) bool {
		add(it.Events)
		return true
	})
	return out
}

// withAddedQuery returns display (a URL as Postman prints it) with the
// query parameters that auth added on the way from before to after (both
// as sent, encoded) appended, as Postman prints an API key or token sent
// in the query. A changed path (a redirect) adds nothing.
func withAddedQuery(display, before, after string) string {
	bPath, bQuery, _ := strings.Cut(before, "?")
	aPath, aQuery, _ := strings.Cut(after, "?")
	if display == "" || bPath != aPath || aQuery == bQuery {
		return display
	}
	had := map[string]int{}
	if bQuery != "" {
		for _, q := range strings.Split(bQuery, "&") {
			had[q]++
		}
	}
	var added []string
	for _, q := range strings.Split(aQuery, "&") {
		if had[q] > 0 {
			had[q]--
			continue
		}
		added = append(added, q)
	}
	if len(added) == 0 {
		return display
	}
	base, frag, hasFrag := strings.Cut(display, "#")
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
		if strings.HasSuffix(base, "?") || strings.HasSuffix(base, "&") {
			sep = ""
		}
	}
	out := base + sep + strings.Join(added, "&")
	if hasFrag {
		out += "#" + frag
	}
	return out
}

// sentRequest counts and reports one of a script's pm.sendRequest calls as
// Newman does: a request in the stats, and a request failure when it did not
// get a response.
func (r *run) sentRequest(ex *Execution, sr *scripting.SentRequest, listen string) {
	r.sum.Stats.Requests.Total++
	if sr.Err != nil {
		r.sum.Stats.Requests.Failed++
		r.fail(ex, "Error", "request", sr.Err.Error(), "")
	}
	var xc *Exchange
	if sr.Response != nil {
		if v, ok := r.exchanges.LoadAndDelete(sr.Response); ok {
			xc = v.(*Exchange)
		}
		if sr.Err == nil {
			fig := figureOf(sr.Response)
			if xc != nil {
				fig.Timings = xc.Timings
			}
			r.sum.OtherResponses = append(r.sum.OtherResponses, fig)
		}
	}
	r.emit(Event{Kind: EventSendRequest, Iteration: ex.Iteration, Execution: ex, Sent: sr, Script: listen, Err: sr.Err, Exchange: xc})
}

func (r *run) requestFailed(ex *Execution, err error) {
	ex.RequestErr = err
	r.sum.Stats.Requests.Total++
	r.sum.Stats.Requests.Failed++
	r.fail(ex, "Error", "request", err.Error(), "")
	r.emit(Event{Kind: EventRequest, Iteration: ex.Iteration, Execution: ex, Err: err})
}

// send authorizes and sends the resolved request and records the outcome
// on ex. It reports whether the request failed.
func (r *run) send(ex *Execution, rn runnable, req, resolved *collections.Request, scopes *environments.Scopes) bool {
	b := r.behaviourFor(rn)
	if resolved.URL != nil {
		ex.DisplayURL = resolved.URL.String()
	}
	p, err := prepare(resolved, b, r.opts.WorkingDir)
	if err != nil {
		r.requestFailed(ex, err)
		return true
	}
	ex.URL = p.url.href
	ex.RequestBody = p.body
	for _, w := range p.warnings {
		r.emit(Event{Kind: EventConsole, Iteration: ex.Iteration, Execution: ex, Console: &scripting.ConsoleEntry{Level: "warn", Text: "'" + w + "'"}})
	}
	var authz auth.Authorizer
	if a := chooseAuth(req, rn, r.coll); a != nil && a.Type != "noauth" {
		authz, err = auth.New(a, scopes.ReplaceIn)
		if err != nil {
			r.requestFailed(ex, fmt.Errorf("auth: %w", err))
			return true
		}
	}
	out, err := r.sender.send(r.runCtx, p, b, authz)

	if out != nil {
		if len(out.header) > 0 {
			// Test scripts see the headers sent (auth, system headers,
			// Content-Length, Cookie) but, as in newman, not the Content-Type
			// the body encoder added late.
			// Headers the request did not define carry system: true, as
			// postman-runtime marks the ones it adds.
			hs := make([]*collections.Param, 0, len(out.header))
			for _, h := range out.header {
				if p.lateType != "" && h.Value == p.lateType && strings.EqualFold(h.Key, "Content-Type") {
					continue
				}
				ph := &collections.Param{Key: h.Key, Value: h.Value}
				if !definesHeader(resolved.Header, h.Key) {
					ph.Extra = collections.Extra{"system": json.RawMessage("true")}
				}
				hs = append(hs, ph)
			}
			resolved.Header = withDisabledHeaders(hs, resolved.Header)
		}
		// Test scripts see the URL as sent: encoded, path variables
		// substituted and none left, disabled query parameters gone; the
		// fragment (never sent) kept.
		sentURL := splitURL(out.href)
		if sentURL.Hash == "" && resolved.URL != nil {
			sentURL.Hash = resolved.URL.Hash
		}
		resolved.URL = sentURL
		if out.signedBody != nil && resolved.Body != nil && resolved.Body.Mode == "urlencoded" {
			resolved.Body = signedURLEncoded(resolved.Body, out.signedBody)
		}
		for i, cr := range out.challenges {
			// the auth's challenge round trip, reported as a request of
			// its own before the request it led to, as in Newman
			r.sum.Stats.Requests.Total++
			xc := out.challengeHops[i]
			fig := figureOf(cr)
			fig.Timings = xc.Timings
			r.sum.OtherResponses = append(r.sum.OtherResponses, fig)
			sr := &scripting.SentRequest{Request: &collections.Request{Method: resolved.Method, URL: collections.ParseURL(out.href)}, Response: cr}
			r.emit(Event{Kind: EventSendRequest, Iteration: ex.Iteration, Execution: ex, Sent: sr, Exchange: xc})
		}
		ex.RequestHeaders = out.header
		ex.DisplayURL = withAddedQuery(ex.DisplayURL, ex.URL, out.href)
		ex.URL = out.href
		ex.Response = out.resp
		if out.resp != nil {
			ex.ResponseHeaderSize = out.headerSize
			ex.Timings = out.timings
		}
	}
	if err != nil {
		r.requestFailed(ex, err)
		return true
	}
	r.sum.Stats.Requests.Total++
	r.emit(Event{Kind: EventRequest, Iteration: ex.Iteration, Execution: ex})
	return false
}

// sendRequest is pm.sendRequest: the request is resolved against nothing
// (scripts pass final values), sent with the run's transports and jar.
func (r *run) sendRequest(ctx context.Context, req *collections.Request) (*scripting.Response, error) {
	if req == nil {
		return nil, errors.New("pm.sendRequest: no request")
	}
	resolved := resolveRequest(req, func(s string) string { return s })
	b := newBehaviour(r.opts, r.coll.ProtocolProfileBehavior)
	p, err := prepare(resolved, b, r.opts.WorkingDir)
	if err != nil {
		return nil, err
	}
	var authz auth.Authorizer
	if a := req.Auth; a != nil && a.Type != "" && a.Type != "noauth" && a.Type != "inherit" {
		authz, err = auth.New(a, func(s string) string { return s })
		if err != nil {
			return nil, err
		}
	}
	out, err := r.sender.send(ctx, p, b, authz)
	if err != nil {
		return nil, err
	}
	r.exchanges.Store(out.resp, &Exchange{Header: newmanHeaders(out.header, p.lateType), Href: out.href, Timings: out.timings})
	return out.resp, nil
}

// newmanHeaders returns the headers sent without the Content-Type a body
// encoder added late (lateType), as Newman's request event holds them.
func newmanHeaders(sent []scripting.Header, lateType string) []scripting.Header {
	out := make([]scripting.Header, 0, len(sent))
	for _, h := range sent {
		if lateType != "" && h.Value == lateType && strings.EqualFold(h.Key, "Content-Type") {
			continue
		}
		out = append(out, h)
	}
	return out
}
