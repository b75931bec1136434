package runner

// Parallel iterations (postie's --parallel N; Newman has no equivalent).
//
// RunParallel runs the iterations of a data-driven run on up to N workers.
// The isolation model is simple and the same for every iteration:
//
//   - Each iteration gets its OWN COPY of the starting environment, globals
//     and collection variables (as given in Options, before any iteration
//     ran), its own cookie jar (a copy of Options.Cookies, or empty), its own
//     JavaScript sandbox and its own iteration data row. Nothing an
//     iteration's scripts set (pm.environment.set, pm.globals.set,
//     pm.collectionVariables.set, pm.variables.set, cookies from responses) is seen by any
//     other iteration. A collection that passes state from one iteration to
//     the next must run without --parallel.
//   - Shared, read-only: the collection definition, the options, and the HTTP
//     transports (keep-alive connection pools, TLS settings).
//   - pm.info.iteration and pm.info.iterationCount are the same as in a
//     sequential run.
//   - Results come out in iteration order: reporters receive each
//     iteration's events only after every earlier iteration's, exactly as a
//     sequential run emits them; the summary's executions and failures are
//     in iteration order.
//   - The final state (Summary.Environment, Globals, Collection variables,
//     Cookies: what --export-* write) is the state the LAST iteration (in
//     iteration order) ended with. No merging.
//   - --bail: after the first iteration (in order) with a failure, no new
//     iterations start; iterations already running finish but their results
//     are discarded, so the summary is what a sequential run would have.
//     Interrupting (ctx) behaves the same way.
//   - Options.MissingVariables (the interactive OAuth browser step) is
//     called for one iteration at a time.
//   - --timeout applies to the whole run: each iteration gets what is left;
//     the first iteration (in order) that times out ends the run, as a
//     run-level failure (timeout, setNextRequest loop guard) does.

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
)

// iterRecorder buffers one iteration's events for in-order replay.
type iterRecorder struct{ events []Event }

func (r *iterRecorder) Event(e Event) {
	if e.Kind != EventStart && e.Kind != EventDone {
		r.events = append(r.events, e)
	}
}

func (r *iterRecorder) Done(*Summary) error { return nil }

// iterationResult is one finished iteration of a parallel run.
type iterationResult struct {
	sum    *Summary
	events []Event
	err    error
	done   chan struct{}
}

// RunParallel runs the iterations of opts on up to workers goroutines, one
// sandbox each, with the isolation model documented above; workers <= 1 is
// Run.
func RunParallel(ctx context.Context, opts Options, workers int) (*Summary, error) {
	if workers <= 1 {
		return Run(ctx, opts)
	}
	if opts.Collection == nil {
		return nil, errors.New("run: no collection")
	}
	items, err := collectItems(opts.Collection, opts.Folders)
	if err != nil {
		return nil, err
	}
	total := opts.IterationCount
	if total <= 0 {
		total = len(opts.Data)
		if total == 0 {
			total = 1
		}
	}
	from, to := 0, total
	if opts.iterTo > 0 {
		from, to = opts.iterFrom, min(opts.iterTo, total)
	}
	var startJar []byte
	if opts.Cookies != nil && !opts.DisableCookies {
		var err error
		if startJar, err = opts.Cookies.Export(); err != nil {
			return nil, fmt.Errorf("copying the cookie jar: %w", err)
		}
	}
	tr, err := newTransports(&opts)
	if err != nil {
		return nil, err
	}
	defer tr.close()

	if hook := opts.MissingVariables; hook != nil {
		// The hook may prompt the user: one iteration at a time.
		var mu sync.Mutex
		opts.MissingVariables = func(ctx context.Context, item *collections.Item, names []string, vars *environments.Scopes) error {
			mu.Lock()
			defer mu.Unlock()
			return hook(ctx, item, names, vars)
		}
	}
	start := time.Now()
	var deadline time.Time
	if opts.Timeout > 0 {
		deadline = start.Add(opts.Timeout)
	}
	n := to - from
	results := make([]*iterationResult, n)
	for i := range results {
		results[i] = &iterationResult{done: make(chan struct{})}
	}
	var next atomic.Int64
	var halt atomic.Bool
	var wg sync.WaitGroup
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				res := results[k]
				if halt.Load() || ctx.Err() != nil {
					close(res.done)
					continue
				}
				o := opts
				o.iterFrom, o.iterTo = from+k, from+k+1
				o.IterationCount = total
				o.sharedTransports = tr
				o.sharedItems = items
				rec := &iterRecorder{}
				o.Reporters = []Reporter{rec}
				if !deadline.IsZero() {
					o.Timeout = time.Until(deadline)
					if o.Timeout <= 0 {
						o.Timeout = time.Nanosecond
					}
				}
				o.Cookies = nil
				if startJar != nil {
					jar, err := ParseJar(startJar)
					if err != nil {
						res.err = err
						close(res.done)
						continue
					}
					o.Cookies = jar
				}
				res.sum, res.err = Run(ctx, o)
				res.events = rec.events
				close(res.done)
			}
		}()
	}

	emit := func(e Event) {
		for _, rep := range opts.Reporters {
			rep.Event(e)
		}
	}
	sum := &Summary{CollectionName: opts.Collection.Info.Name, Start: start}
	emit(Event{Kind: EventStart})
	var last *Summary
	var runErr error
	for k := 0; k < n; k++ {
		res := results[k]
		<-res.done
		if halt.Load() {
			continue // drain: results after a bail or interruption are dropped
		}
		if res.err != nil {
			runErr = fmt.Errorf("iteration %d: %w", from+k+1, res.err)
			halt.Store(true)
			continue
		}
		if res.sum == nil { // not started: interrupted
			sum.Interrupted = true
			halt.Store(true)
			continue
		}
		for _, e := range res.events {
			emit(e)
		}
		mergeSummary(sum, res.sum)
		last = res.sum
		if res.sum.Interrupted || opts.Bail && len(res.sum.Failures) > 0 || res.sum.Iterations == 0 || stoppedRun(res.sum) {
			halt.Store(true)
		}
	}
	wg.Wait()
	if runErr != nil {
		return nil, runErr
	}
	sum.End = time.Now()
	if last != nil {
		sum.Environment, sum.Globals, sum.Collection, sum.Cookies = last.Environment, last.Globals, last.Collection, last.Cookies
	} else {
		sum.Environment, sum.Globals, sum.Collection = opts.Environment, opts.Globals, opts.Collection
	}
	emit(Event{Kind: EventDone, Iteration: sum.Iterations - 1})
	for _, rep := range opts.Reporters {
		_ = rep.Done(sum) // reporter errors are the reporters' to print, as in Run
	}
	return sum, nil
}

// stoppedRun reports a run-level failure (run timeout, setNextRequest loop
// guard): a sequential run stops there, so the parallel one does too.
func stoppedRun(s *Summary) bool {
	for _, f := range s.Failures {
		if f.At == "run" {
			return true
		}
	}
	return false
}

// mergeSummary appends one iteration's results to the run's summary.
func mergeSummary(dst, src *Summary) {
	dst.Iterations += src.Iterations
	dst.Executions = append(dst.Executions, src.Executions...)
	dst.Failures = append(dst.Failures, src.Failures...)
	dst.OtherResponses = append(dst.OtherResponses, src.OtherResponses...)
	dst.Interrupted = dst.Interrupted || src.Interrupted
	a, b := &dst.Stats, &src.Stats
	for _, p := range [...][2]*Count{
		{&a.Iterations, &b.Iterations}, {&a.Items, &b.Items}, {&a.Scripts, &b.Scripts},
		{&a.PrerequestScripts, &b.PrerequestScripts}, {&a.TestScripts, &b.TestScripts},
		{&a.Requests, &b.Requests}, {&a.Assertions, &b.Assertions},
		{&a.Prerequests, &b.Prerequests}, {&a.Tests, &b.Tests},
	} {
		p[0].Total += p[1].Total
		p[0].Failed += p[1].Failed
	}
}
