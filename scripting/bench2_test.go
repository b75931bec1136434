package scripting

import (
	"context"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user+system CPU time: a per-op figure that a
// busy machine inflates less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScriptVariants measures the sandbox's own per-script cost for
// scripts that do not assert through chai.
func BenchmarkScriptVariants(b *testing.B) {
	for _, src := range []string{`1`, `pm.test("x", function(){})`, `pm.test("code", function(){ if (pm.response.code !== 200) throw new Error("bad") })`, `pm.environment.set("a", pm.response.json().name)`} {
		b.Run(src, func(b *testing.B) {
			s := New(Options{})
			defer s.Close()
			ex := newExec("test")
			s.Run(context.Background(), Script{Source: src}, ex)
			b.ReportAllocs()
			b.ResetTimer()
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				s.Run(context.Background(), Script{Source: src}, ex)
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkNewRuntime is the cost a fresh runtime per script would add
// (the sandbox instead keeps one runtime per run, as Postman does).
func BenchmarkNewRuntime(b *testing.B) {
	s := New(Options{})
	for i := 0; i < b.N; i++ {
		if _, err := s.newVM(); err != nil {
			b.Fatal(err)
		}
	}
}
