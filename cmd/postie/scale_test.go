package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShardedParallelRunWithMergedReports runs a data-driven collection as
// three shards with --parallel, each writing JSON and HTML reports, then
// merges the JSON reports: every iteration appears exactly once, in order.
func TestShardedParallelRunWithMergedReports(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"id":%q}`, r.URL.Query().Get("id"))
	}))
	defer srv.Close()
	dir := t.TempDir()
	coll := write(t, dir, "c.json", collectionJSON("Sharded", [2]string{"/r?id={{id}}", "pm.test('echo', function () { pm.expect(pm.response.json().id).to.equal(String(pm.iterationData.get('id'))); });"}))
	data := write(t, dir, "d.csv", "id\n0\n1\n2\n3\n4\n5\n6\n")
	var reports []string
	for i := 1; i <= 3; i++ {
		js := filepath.Join(dir, fmt.Sprintf("s%d.json", i))
		htmlPath := filepath.Join(dir, fmt.Sprintf("s%d.html", i))
		code, _, er := runPostie(t, context.Background(), coll, "-d", data, "--env-var", "base="+srv.URL, "--parallel", "3",
			"--shard", fmt.Sprintf("%d/3", i), "-r", "json,html", "--reporter-json-export", js, "--reporter-html-export", htmlPath)
		if code != 0 {
			t.Fatalf("shard %d: exit %d: %s %s", i, code, er, mustRead(js))
		}
		page, err := os.ReadFile(htmlPath)
		if err != nil || !strings.Contains(string(page), `id="executions"`) || !strings.Contains(string(page), "req 1") {
			t.Errorf("shard %d html report: %v", i, err)
		}
		reports = append(reports, js)
	}
	merged := filepath.Join(dir, "merged.json")
	var so, se strings.Builder
	if code := dispatch(context.Background(), append([]string{"merge-reports", "-o", merged}, reports...), stdio{Out: &so, Err: &se}); code != 0 {
		t.Fatalf("merge-reports: exit %d: %s", code, se.String())
	}
	raw, err := os.ReadFile(merged)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Run struct {
			Stats struct {
				Iterations, Assertions struct{ Total, Failed int }
			}
			Executions []struct {
				Cursor  struct{ Iteration int }
				Request struct {
					URL struct{ Query []struct{ Value string } }
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Run.Stats.Iterations.Total != 7 || rep.Run.Stats.Assertions.Total != 7 || rep.Run.Stats.Assertions.Failed != 0 || len(rep.Run.Executions) != 7 {
		t.Fatalf("merged stats %+v, %d executions", rep.Run.Stats, len(rep.Run.Executions))
	}
	for i, ex := range rep.Run.Executions {
		if ex.Cursor.Iteration != i || len(ex.Request.URL.Query) != 1 || ex.Request.URL.Query[0].Value != fmt.Sprint(i) {
			t.Errorf("execution %d: %+v", i, ex)
		}
	}
}

func TestScaleFlagErrors(t *testing.T) {
	dir := t.TempDir()
	coll := write(t, dir, "c.json", collectionJSON("C", [2]string{"/a", ""}))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{coll, "--parallel", "0"}, "--parallel must be at least 1"},
		{[]string{coll, "--shard", "4/3"}, "invalid shard"},
		{[]string{coll, "--shard", "1/2", "--folder", "x"}, "cannot be combined with --folder"},
	}
	for _, tc := range tests {
		code, _, er := runPostie(t, context.Background(), tc.args...)
		if code != exitUsage || !strings.Contains(er, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, er)
		}
	}
}

func mustRead(p string) string { b, _ := os.ReadFile(p); return string(b) }
