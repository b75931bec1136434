// Package eventloop runs a goja runtime's timers (setTimeout, setInterval,
// setImmediate) and asynchronous host operations to completion on the
// caller's goroutine. Promise jobs are run by goja after every call into
// JavaScript, so draining the loop drains them too.
package eventloop

import (
	"container/heap"
	"context"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// Loop is one runtime's event loop. Its methods other than Enqueue-ing
// through Async callbacks must be called on the goroutine running the
// runtime.
type Loop struct {
	rt     *goja.Runtime
	timers timerHeap
	byID   map[int64]*timer
	nextID int64
	seq    uint64

	mu      sync.Mutex
	gen     uint64 // bumped by Reset; stale async completions are dropped
	jobs    []func() error
	pending int
	wake    chan struct{}
}

type timer struct {
	id       int64
	when     time.Time
	seq      uint64
	interval time.Duration
	repeat   bool
	fn       goja.Callable
	args     []goja.Value
	index    int
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].seq < h[j].seq
	}
	return h[i].when.Before(h[j].when)
}
func (h timerHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i]; h[i].index = i; h[j].index = j }
func (h *timerHeap) Push(x any)   { t := x.(*timer); t.index = len(*h); *h = append(*h, t) }
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

// New returns a loop for rt.
func New(rt *goja.Runtime) *Loop {
	return &Loop{rt: rt, byID: make(map[int64]*timer), wake: make(chan struct{}, 1)}
}

// Install defines setTimeout, setInterval, setImmediate, clearTimeout,
// clearInterval and clearImmediate on obj (usually the global object).
func (l *Loop) Install(obj *goja.Object) {
	set := func(repeat bool, immediate bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(l.rt.NewTypeError("The \"callback\" argument must be of type function. Received %s", call.Argument(0).String()))
			}
			var delay time.Duration
			var args []goja.Value
			if immediate {
				delay = -1
				if len(call.Arguments) > 1 {
					args = append([]goja.Value(nil), call.Arguments[1:]...)
				}
			} else {
				d := call.Argument(1).ToFloat()
				if d != d || d < 1 {
					d = 1
				}
				if d > 2147483647 {
					d = 1
				}
				delay = time.Duration(d * float64(time.Millisecond))
				if len(call.Arguments) > 2 {
					args = append([]goja.Value(nil), call.Arguments[2:]...)
				}
			}
			return l.rt.ToValue(l.add(fn, delay, args, repeat))
		}
	}
	clearFn := func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).ToInteger()
		l.Clear(id)
		return goja.Undefined()
	}
	_ = obj.Set("setTimeout", set(false, false))
	_ = obj.Set("setInterval", set(true, false))
	_ = obj.Set("setImmediate", set(false, true))
	_ = obj.Set("clearTimeout", clearFn)
	_ = obj.Set("clearInterval", clearFn)
	_ = obj.Set("clearImmediate", clearFn)
}

func (l *Loop) add(fn goja.Callable, delay time.Duration, args []goja.Value, repeat bool) int64 {
	l.nextID++
	l.seq++
	when := time.Now()
	if delay > 0 {
		when = when.Add(delay)
	} else if delay < 0 {
		// setImmediate runs before timers that are already due.
		when = time.Time{}.Add(time.Duration(l.seq))
	}
	t := &timer{id: l.nextID, when: when, seq: l.seq, interval: delay, repeat: repeat, fn: fn, args: args}
	heap.Push(&l.timers, t)
	l.byID[t.id] = t
	return t.id
}

// SetTimeout schedules fn after delay (for host code); it returns the timer id.
func (l *Loop) SetTimeout(fn goja.Callable, delay time.Duration, args ...goja.Value) int64 {
	return l.add(fn, delay, args, false)
}

// Clear cancels the timer with the given id, if any.
func (l *Loop) Clear(id int64) {
	if t, ok := l.byID[id]; ok {
		delete(l.byID, id)
		if t.index >= 0 {
			heap.Remove(&l.timers, t.index)
		}
	}
}

// Async registers one pending host operation (e.g. an HTTP request running
// on another goroutine). The loop does not finish until the returned
// function is called; it may be called from any goroutine, at most once, and
// schedules cb to run on the loop.
func (l *Loop) Async() func(cb func() error) {
	l.mu.Lock()
	l.pending++
	gen := l.gen
	l.mu.Unlock()
	var once sync.Once
	return func(cb func() error) {
		once.Do(func() {
			l.mu.Lock()
			if gen != l.gen {
				l.mu.Unlock()
				return
			}
			l.pending--
			l.jobs = append(l.jobs, cb)
			l.mu.Unlock()
			select {
			case l.wake <- struct{}{}:
			default:
			}
		})
	}
}

// Pending reports whether timers or host operations are outstanding.
func (l *Loop) Pending() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.timers) > 0 || l.pending > 0 || len(l.jobs) > 0
}

// Reset drops every timer and forgets pending host operations (their late
// completions are ignored). The runtime can then be reused.
func (l *Loop) Reset() {
	for i := range l.timers {
		l.timers[i] = nil
	}
	l.timers = l.timers[:0]
	clear(l.byID)
	l.mu.Lock()
	l.gen++
	l.pending = 0
	l.jobs = nil
	l.mu.Unlock()
	select {
	case <-l.wake:
	default:
	}
}

// Run runs timers and host completions until none are left, ctx is done, or
// a callback throws. It returns the callback's error (a *goja.Exception or
// *goja.InterruptedError) or ctx.Err().
func (l *Loop) Run(ctx context.Context) error {
	var wait *time.Timer
	defer func() {
		if wait != nil {
			wait.Stop()
		}
	}()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		// Host completions first.
		l.mu.Lock()
		jobs := l.jobs
		l.jobs = nil
		pending := l.pending
		l.mu.Unlock()
		if len(jobs) > 0 {
			for _, j := range jobs {
				if err := l.call(j); err != nil {
					return err
				}
			}
			continue
		}
		if len(l.timers) > 0 {
			t := l.timers[0]
			now := time.Now()
			if !t.when.After(now) {
				heap.Pop(&l.timers)
				if t.repeat {
					t.seq = l.seq + 1
					l.seq++
					t.when = now.Add(t.interval)
					heap.Push(&l.timers, t)
				} else {
					delete(l.byID, t.id)
				}
				if _, err := t.fn(goja.Undefined(), t.args...); err != nil {
					return err
				}
				continue
			}
			d := t.when.Sub(now)
			if wait == nil {
				wait = time.NewTimer(d)
			} else {
				wait.Reset(d)
			}
			select {
			case <-wait.C:
			case <-l.wake:
				if !wait.Stop() {
					<-wait.C
				}
			case <-ctx.Done():
				return ctx.Err()
			}
			continue
		}
		if pending == 0 {
			return nil
		}
		select {
		case <-l.wake:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// call runs a host completion, turning a JavaScript panic into an error.
func (l *Loop) call(j func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case *goja.Exception:
				err = e
			case *goja.InterruptedError:
				err = e
			default:
				panic(r)
			}
		}
	}()
	return j()
}
