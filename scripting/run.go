package scripting

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/metrics"
	"strings"
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

type runMeta struct {
	Info        map[string]any `json:"info"`
	HasResponse bool           `json:"hasResponse"`
	Location    []string       `json:"location"`
	Current     string         `json:"current"`
	EnvName     string         `json:"envName,omitempty"`
}

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
	prog, err := s.comp.Compile(scriptFile, scriptPrefix+script.Source+scriptSuffix)
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

	meta := buildMeta(script, exec)
	metaJSON, _ := json.Marshal(meta)
	if _, err := v.begin(goja.Undefined(), rt.ToValue(string(metaJSON)), v.chaiFn); err != nil {
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
	if runErr != nil {
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
// string, headers, method, body, auth.
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
	}
	return out
}

func stripEmpty(x any) any {
	if l, ok := x.([]any); ok && len(l) == 0 {
		return nil
	}
	return x
}

func buildMeta(script Script, exec *Execution) runMeta {
	info := exec.Info
	event := info.EventName
	if event == "" {
		event = "test"
	}
	m := runMeta{
		Info: map[string]any{
			"eventName": event, "iteration": info.Iteration, "iterationCount": info.IterationCount,
			"requestName": info.RequestName, "requestId": info.RequestID,
		},
		HasResponse: exec.Response != nil,
		Location:    exec.Location,
	}
	if m.Location == nil {
		m.Location = []string{}
	}
	if n := len(script.Location); n > 0 {
		m.Current = script.Location[n-1]
	} else if n := len(exec.Location); n > 0 {
		m.Current = exec.Location[n-1]
	}
	return m
}

// watch arms the timeout and the memory guard for one run; the returned
// function disarms them.
func (v *vm) watch(ctx context.Context, async *atomic.Bool) func() {
	done := make(chan struct{})
	limit := v.s.opts.MemoryLimit
	if limit == 0 {
		limit = DefaultMemoryLimit
	}
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(25 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				if errors.Is(ctx.Err(), context.DeadlineExceeded) {
					v.rt.Interrupt(timeoutSignal{async: async.Load()})
				} else {
					v.rt.Interrupt(ctx.Err())
				}
				return
			case <-tick.C:
				metrics.Read(sample)
				if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > limit {
					v.rt.Interrupt(memorySignal{})
					return
				}
			}
		}
	}()
	// Wait for the watcher to exit so that it cannot interrupt the runtime
	// after the caller's ClearInterrupt (it could still pick ctx.Done).
	return func() { close(done); <-exited }
}
