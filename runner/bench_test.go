package runner

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// benchCollection generates a collection of n requests, each with a
// trivial test script, against base.
func benchCollection(n int, base string) string {
	var sb strings.Builder
	sb.WriteString(`{"info":{"name":"bench","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"variable":[{"key":"base","value":"` + base + `"}],"item":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"name":"r%d","event":[{"listen":"test","script":{"exec":["pm.test('status', function () { pm.response.to.have.status(200); });"]}}],`+
			`"request":{"method":"POST","url":"{{base}}/items/%d?q=a b","header":[{"key":"Content-Type","value":"application/json"}],"body":{"mode":"raw","raw":"{\"i\":%d}"}}}`, i, i, i)
	}
	sb.WriteString(`]}`)
	return sb.String()
}

func BenchmarkRun1000(b *testing.B) {
	needSandbox(b)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok":true}`))
	}))
	defer srv.Close()
	coll := parseColl(b, benchCollection(1000, srv.URL), srv.URL)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sum, err := Run(context.Background(), Options{Collection: coll})
		if err != nil {
			b.Fatal(err)
		}
		if sum.Stats.Requests.Total != 1000 || sum.Stats.Assertions.Total != 1000 || sum.Failed() {
			b.Fatalf("stats %+v failures %d", sum.Stats, len(sum.Failures))
		}
	}
}

// BenchmarkRun1000NoScripts measures the runner and HTTP path alone.
func BenchmarkRun1000NoScripts(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Write([]byte(`{"ok":true}`))
	}))
	defer srv.Close()
	js := strings.ReplaceAll(benchCollection(1000, srv.URL), `{"listen":"test","script":{"exec":["pm.test('status', function () { pm.response.to.have.status(200); });"]}}`, "")
	coll := parseColl(b, js, srv.URL)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sum, err := Run(context.Background(), Options{Collection: coll})
		if err != nil {
			b.Fatal(err)
		}
		if sum.Stats.Requests.Total != 1000 || sum.Failed() {
			b.Fatalf("stats %+v", sum.Stats)
		}
	}
}
