package vectest_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/cheerio"
	"github.com/postie-run/postie/scripting/modules/csvparse"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
	"github.com/postie-run/postie/scripting/modules/lodash"
	"github.com/postie-run/postie/scripting/modules/moment"
	"github.com/postie-run/postie/scripting/modules/node"
	"github.com/postie-run/postie/scripting/modules/xml2js"
)

// BenchmarkLoad measures building each module's exports in a fresh runtime
// with programs already compiled (the sandbox caches them per process).
func BenchmarkLoad(b *testing.B) {
	for _, m := range []modules.Module{lodash.Module(), lodash.Legacy(), moment.Module(), xml2js.Module(), csvparse.Module(), cheerio.Module(), node.Assert(), node.URL(), node.Buffer()} {
		b.Run(m.Name, func(b *testing.B) {
			c := &vectest.CachingCompiler{}
			for b.Loop() {
				rt := goja.New()
				if m.Init != nil {
					if err := m.Init(rt, c); err != nil {
						b.Fatal(err)
					}
				}
				if _, err := m.Load(rt, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
