package reporters_test

import (
	"io"
	"testing"

	"github.com/postie-run/postie/reporters/cli"
	"github.com/postie-run/postie/reporters/internal/fixture"
	"github.com/postie-run/postie/reporters/jsonreport"
	"github.com/postie-run/postie/reporters/junit"
	"github.com/postie-run/postie/runner"
)

// benchmarkReporter feeds a 1,000-execution run (250 iterations of the
// sample) to a reporter built by mk.
func benchmarkReporter(b *testing.B, mk func() runner.Reporter) {
	events, sum := fixture.Sample(250)
	b.ReportAllocs()
	for b.Loop() {
		r := mk()
		for _, e := range events {
			r.Event(e)
		}
		if err := r.Done(sum); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCLI1000(b *testing.B) {
	benchmarkReporter(b, func() runner.Reporter {
		return cli.New(io.Discard, cli.Options{CollectionName: "bench", Iterations: 250})
	})
}

func BenchmarkJSON1000(b *testing.B) {
	benchmarkReporter(b, func() runner.Reporter { return jsonreport.New(io.Discard, jsonreport.Options{}) })
}

func BenchmarkJUnit1000(b *testing.B) {
	benchmarkReporter(b, func() runner.Reporter { return junit.New(io.Discard) })
}
