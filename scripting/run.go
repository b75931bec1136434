package scripting

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// The user's script is compiled inside a function so that each script gets
// a fresh top-level scope and may `return`, as in Postman (uniscope). The
// prefix shares the first line with the script: lines need no adjusting and
// only columns on line 1 shift by len(scriptPrefix).
const (
	scriptPrefix = "(function(){"
	scriptSuffix = "\n})"
	scriptFile   = "script.js"
)

// interrupt values
type timeoutSignal struct{ async bool }
type memorySignal struct{}
type skipSignal struct{}

func (s *Sandbox) run(ctx context.Context, script Script, exec *Execution) (res *Result) {
	res = &Result{}
	if exec == nil {
		exec = &Execution{}
	}
	defer func() {
		if r := recover(); r != nil {
			res.Err = &ScriptError{Name: "Error", Message: fmt.Sprintf("sandbox: internal error: %v", r), Script: script.Name}
			// the runtime may be in an unknown state: start afresh next time
			s.vm = nil
		}
	}()
	if strings.TrimSpace(script.Source) == "" {
		return res
	}
	src, rewritten := s.evals.wrappedSource(script.Source)
	prog, err := s.comp.Compile(scriptFile, src)
	if err != nil && rewritten { // report the error of the script as written
		prog, err = s.comp.Compile(scriptFile, scriptPrefix+script.Source+scriptSuffix)
	}
	if err != nil {
		res.Err = syntaxError(err, script)
		return res
	}
	if s.vm == nil {
		v, err := s.newVM()
		if err != nil {
			res.Err = &ScriptError{Name: "Error", Message: "sandbox: " + err.Error(), Script: script.Name}
			return res
		}
		s.vm = v
	}
	v := s.vm
	if rewritten {
		s.evals.install(s, v)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	var cancel context.CancelFunc
	if s.opts.Timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, s.opts.Timeout)
	} else {
		ctx, cancel = context.WithCancel(ctx)
	}
	defer cancel()
	st := &runState{ctx: ctx, script: script, exec: exec, res: res}
	v.cur = st
	rt := v.rt
	var async atomic.Bool
	stopWatch := v.watch(ctx, &async)
	defer func() {
		stopWatch()
		rt.ClearInterrupt()
		v.loop.Reset()
		v.cur = nil
	}()

	if _, err := v.begin(goja.Undefined(), v.meta(script, exec), v.chaiFn); err != nil {
		res.Err = v.scriptError(err, script)
		return res
	}
	var runErr error
	fnVal, err := rt.RunProgram(prog)
	if err == nil {
		fn, _ := goja.AssertFunction(fnVal)
		_, err = fn(rt.GlobalObject())
	}
	runErr = err
	if res.SkipRequest {
		rt.ClearInterrupt()
		var intr *goja.InterruptedError
		if errors.As(runErr, &intr) {
			if _, ok := intr.Value().(skipSignal); ok {
				runErr = nil
			}
		}
	} else {
		// Timers and pending requests run even after a synchronous error,
		// as in Postman; the first error wins.
		async.Store(true)
		if lerr := v.loop.Run(ctx); lerr != nil && runErr == nil {
			runErr = lerr
		}
	}
	// A promise rejected with nobody handling it fails the script, as an
	// uncaught error in a callback does.
	if runErr == nil && len(v.rejected) > 0 && !res.SkipRequest {
		res.Err = v.valueError(v.rejected[0].Result(), script)
	}
	v.rejected = v.rejected[:0]
	// The error is described before finish: describing may evaluate
	// pm.response (see probeNull), which needs the run.
	var early *ScriptError
	if runErr != nil {
		early = v.scriptError(runErr, script)
	}
	// finish: legacy tests[] assertions, request write-back
	out, ferr := v.finish(goja.Undefined())
	if ferr == nil && out != nil && exec.Request != nil && exec.Info.EventName != "test" {
		if reqJSON := out.String(); reqJSON != "" {
			orig, _ := requestToJSON(exec.Request)
			if !sameRequestJSON(orig, reqJSON) {
				if err := applyRequestJSON(exec.Request, reqJSON); err != nil && runErr == nil {
					runErr = fmt.Errorf("writing back request: %w", err)
				}
			}
		}
	}
	if ferr != nil && runErr == nil {
		runErr = ferr
	}
	if early != nil {
		res.Err = early
	} else if runErr != nil {
		res.Err = v.scriptError(runErr, script)
	}
	return res
}

// sameRequestJSON compares the request before and after the script,
// ignoring key order (both are normalised through the SDK shape).
func sameRequestJSON(orig, after string) bool {
	var a, b any
	if json.Unmarshal([]byte(orig), &a) != nil || json.Unmarshal([]byte(after), &b) != nil {
		return false
	}
	na, _ := json.Marshal(normalizeReq(a))
	nb, _ := json.Marshal(normalizeReq(b))
	return string(na) == string(nb)
}

// normalizeReq reduces a request JSON to what the runner sends: url as a
// string and its path variables, headers, method, body, auth.
func normalizeReq(x any) any {
	m, ok := x.(map[string]any)
	if !ok {
		return x
	}
	out := map[string]any{"method": m["method"], "header": stripEmpty(m["header"]), "body": m["body"], "auth": m["auth"]}
	switch u := m["url"].(type) {
	case string:
		out["url"] = u
	case map[string]any:
		out["url"] = u["raw"]
		out["pathVariables"] = stripEmpty(u["variable"])
	}
	return out
}

func stripEmpty(x any) any {
	if l, ok := x.([]any); ok && len(l) == 0 {
		return nil
	}
	return x
}

// meta is what pm.info, pm.execution and the legacy globals read.
func (v *vm) meta(script Script, exec *Execution) *goja.Object {
	rt := v.rt
	info := exec.Info
	event := info.EventName
	if event == "" {
		event = "test"
	}
	m := rt.NewObject()
	_ = m.Set("eventName", event)
	_ = m.Set("iteration", info.Iteration)
	_ = m.Set("iterationCount", info.IterationCount)
	_ = m.Set("requestName", info.RequestName)
	_ = m.Set("requestId", info.RequestID)
	_ = m.Set("hasResponse", exec.Response != nil)
	loc, _ := json.Marshal(exec.Location)
	if exec.Location == nil {
		loc = []byte("[]")
	}
	_ = m.Set("location", string(loc))
	current := ""
	if n := len(script.Location); n > 0 {
		current = script.Location[n-1]
	} else if n := len(exec.Location); n > 0 {
		current = exec.Location[n-1]
	}
	_ = m.Set("current", current)
	if exec.EnvironmentName != "" {
		_ = m.Set("envName", exec.EnvironmentName)
	}
	return m
}

// watch arms the timeout and the memory guard for one run; the returned
// function disarms them, after which neither can interrupt the runtime.
func (v *vm) watch(ctx context.Context, async *atomic.Bool) func() {
	limit := v.s.opts.MemoryLimit
	if limit == 0 {
		limit = DefaultMemoryLimit
	}
	var mu sync.Mutex
	active := true
	interrupt := func(sig any) {
		mu.Lock()
		if active {
			v.rt.Interrupt(sig)
			active = false
		}
		mu.Unlock()
	}
	stopCtx := context.AfterFunc(ctx, func() {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			interrupt(timeoutSignal{async: async.Load()})
		} else {
			interrupt(ctx.Err())
		}
	})
	var memTimer *time.Timer
	var check func()
	check = func() {
		// ReadMemStats rather than runtime/metrics: the latter builds its
		// metric table at process start, a cost every run would pay.
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapAlloc > limit {
			interrupt(memorySignal{})
			return
		}
		mu.Lock()
		if active {
			memTimer.Reset(memoryCheckEvery)
		}
		mu.Unlock()
	}
	mu.Lock()
	memTimer = time.AfterFunc(memoryCheckEvery, check)
	mu.Unlock()
	return func() {
		stopCtx()
		mu.Lock()
		active = false
		memTimer.Stop()
		mu.Unlock()
	}
}

// memoryCheckEvery is how often a running script's heap use is sampled.
const memoryCheckEvery = 25 * time.Millisecond
