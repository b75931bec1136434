package chai

import (
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkLoad measures building chai (with the Postman plugin) in a new
// runtime, with programs already compiled.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		rt := goja.New()
		if _, err := Module().Load(rt, compiler); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPassingExpect measures a typical passing pm.expect chain.
func BenchmarkPassingExpect(b *testing.B) {
	rt := newRuntime(b)
	fn, err := rt.RunString(`(function () { expect({id: 7, name: 'x'}).to.have.property('id').that.is.a('number').and.equals(7); })`)
	if err != nil {
		b.Fatal(err)
	}
	call, _ := goja.AssertFunction(fn)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := call(goja.Undefined()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFailingEql measures a failing deep equality with its message.
func BenchmarkFailingEql(b *testing.B) {
	rt := newRuntime(b)
	fn, err := rt.RunString(`(function () { try { expect({a: [1, 2, {b: 3}], c: 'text'}).to.eql({a: [1, 2, {b: 4}], c: 'text'}); } catch (e) { return e.message; } })`)
	if err != nil {
		b.Fatal(err)
	}
	call, _ := goja.AssertFunction(fn)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := call(goja.Undefined()); err != nil {
			b.Fatal(err)
		}
	}
}
