package eventloop

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

func run(t *testing.T, src string, host func(rt *goja.Runtime, l *Loop)) (string, error) {
	t.Helper()
	rt := goja.New()
	l := New(rt)
	l.Install(rt.GlobalObject())
	var out []string
	_ = rt.Set("log", func(s string) { out = append(out, s) })
	if host != nil {
		host(rt, l)
	}
	if _, err := rt.RunString(src); err != nil {
		return strings.Join(out, ","), err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := l.Run(ctx)
	return strings.Join(out, ","), err
}

func TestTimersOrder(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"timeouts by delay", `setTimeout(()=>log("b"),20); setTimeout(()=>log("a"),5); log("sync")`, "sync,a,b"},
		{"same delay keeps order", `setTimeout(()=>log("1"),5); setTimeout(()=>log("2"),5)`, "1,2"},
		{"immediate before timeout", `setTimeout(()=>log("t"),0); setImmediate(()=>log("i"))`, "i,t"},
		{"promise jobs before timers", `setTimeout(()=>log("t"),0); Promise.resolve().then(()=>log("p"))`, "p,t"},
		{"clearTimeout", `var id=setTimeout(()=>log("no"),5); clearTimeout(id); setTimeout(()=>log("yes"),6)`, "yes"},
		{"interval stops", `var n=0; var id=setInterval(()=>{ n++; log("i"+n); if(n==3) clearInterval(id) },1)`, "i1,i2,i3"},
		{"args passed", `setTimeout((a,b)=>log(a+b),1,"x","y")`, "xy"},
		{"async await", `(async()=>{ await new Promise(r=>setTimeout(r,5)); log("after") })()`, "after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := run(t, tt.src, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q want %q", got, tt.want)
			}
		})
	}
}

func TestCallbackErrorStopsLoop(t *testing.T) {
	got, err := run(t, `setTimeout(()=>{ throw new Error("boom") },1); setTimeout(()=>log("late"),50)`, nil)
	var ex *goja.Exception
	if !errors.As(err, &ex) || !strings.Contains(ex.Error(), "boom") {
		t.Fatalf("err = %v", err)
	}
	if got != "" {
		t.Errorf("ran %q after error", got)
	}
}

func TestAsyncHostOperation(t *testing.T) {
	got, err := run(t, `fetchLater(v => log("got "+v)); log("sync")`, func(rt *goja.Runtime, l *Loop) {
		_ = rt.Set("fetchLater", func(cb goja.Callable) {
			done := l.Async()
			go func() {
				time.Sleep(10 * time.Millisecond)
				done(func() error { _, err := cb(goja.Undefined(), rt.ToValue(42)); return err })
			}()
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != "sync,got 42" {
		t.Errorf("got %q", got)
	}
}

func TestContextEndsWait(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	l.Install(rt.GlobalObject())
	if _, err := rt.RunString(`setTimeout(function(){}, 100000)`); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := l.Run(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	l.Reset()
	if l.Pending() {
		t.Error("pending after Reset")
	}
	// A completion from before Reset is dropped.
	done := l.Async()
	l.Reset()
	done(func() error { t.Error("stale completion ran"); return nil })
	if err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
}
