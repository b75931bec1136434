package chai

import (
	"syscall"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// cpuTime is the process's user+system CPU time: a per-op figure that a
// busy machine inflates less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchCall reports the cost of calling the function src evaluates to.
func benchCall(b *testing.B, src string) {
	rt := newRuntime(b)
	fn, err := rt.RunString(src)
	if err != nil {
		b.Fatal(err)
	}
	call, _ := goja.AssertFunction(fn)
	if _, err := call(goja.Undefined()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := call(goja.Undefined()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkLoad measures building chai (with the Postman plugin) in a new
// runtime, with programs already compiled.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		rt := goja.New()
		if _, err := Module().Load(rt, compiler); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkPassingExpect measures a typical passing pm.expect chain.
func BenchmarkPassingExpect(b *testing.B) {
	benchCall(b, `(function () { expect({id: 7, name: 'x'}).to.have.property('id').that.is.a('number').and.equals(7); })`)
}

// BenchmarkPassingEqual measures the simplest passing chain.
func BenchmarkPassingEqual(b *testing.B) {
	benchCall(b, `(function () { expect(200).to.equal(200); })`)
}

// BenchmarkFailingEqual measures a failing equal with its message.
func BenchmarkFailingEqual(b *testing.B) {
	benchCall(b, `(function () { try { expect(200).to.equal(404); } catch (e) { return e.message; } })`)
}

// BenchmarkFailingEql measures a failing deep equality with its message.
func BenchmarkFailingEql(b *testing.B) {
	benchCall(b, `(function () { try { expect({a: [1, 2, {b: 3}], c: 'text'}).to.eql({a: [1, 2, {b: 4}], c: 'text'}); } catch (e) { return e.message; } })`)
}

// BenchmarkPassingChains measures chains common in Postman test scripts.
func BenchmarkPassingChains(b *testing.B) {
	for _, c := range []struct{ name, src string }{
		{"eql-object", `expect({a: 1, b: [1, 2, {c: 'x'}]}).to.eql({a: 1, b: [1, 2, {c: 'x'}]})`},
		{"eql-number", `expect(100).to.eql(100)`},
		{"include-string", `expect('hello world').to.include('world')`},
		{"oneOf", `expect(201).to.be.oneOf([200, 201, 202])`},
		{"array-not-empty", `expect([1, 2]).to.be.an('array').that.is.not.empty`},
		{"below", `expect(120).to.be.below(200)`},
		{"have-keys", `expect({a: 1, b: 2}).to.have.all.keys('a', 'b')`},
		{"deep-include", `expect([{a: 1}, {b: 2}]).to.deep.include({b: 2})`},
	} {
		b.Run(c.name, func(b *testing.B) { benchCall(b, "(function () { "+c.src+"; })") })
	}
}
