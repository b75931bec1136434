package main

import (
	"context"
	"io"
	"strings"
	"testing"
)

// benchmarkRun runs `postie run` in-process on a collection of n requests,
// each with one pm.test, against a local server (process start-up excluded).
func benchmarkRun(b *testing.B, n int) {
	srv := newServer(b)
	items := make([][2]string, n)
	for i := range items {
		items[i] = [2]string{"/a", `pm.test("ok", function () { pm.response.to.have.status(200); });`}
	}
	dir := b.TempDir()
	coll := write(b, dir, "c.json", collectionJSON("bench", items...))
	args := []string{"run", coll, "--env-var", "base=" + srv.URL}
	b.ReportAllocs()
	for b.Loop() {
		if code := dispatch(context.Background(), args, stdio{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

func BenchmarkRun1(b *testing.B)    { benchmarkRun(b, 1) }
func BenchmarkRun1000(b *testing.B) { benchmarkRun(b, 1000) }
