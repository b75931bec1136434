package merge

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/reporters/jsonreport"
	"github.com/postie-run/postie/reporters/junit"
	"github.com/postie-run/postie/runner"
)

const coll = `{"info":{"name":"merge","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
 {"name":"f","item":[{"name":"one","request":"%URL%/one","event":[{"listen":"test","script":{"exec":["pm.test('ok', function () { pm.response.to.have.status(200); });"]}}]}]},
 {"name":"two","request":"%URL%/two","event":[{"listen":"test","script":{"exec":["pm.environment.set('last', 'two'); pm.test('ok', function () { pm.response.to.have.status(200); });"]}}]},
 {"name":"three","request":"%URL%/three","event":[{"listen":"test","script":{"exec":["pm.environment.set('last', 'three'); pm.test('fails', function () { pm.response.to.have.status(201); });"]}}]}
]}`

// shardReports runs the collection whole and as n shards and returns the
// full run's JSON and JUnit reports and the shards'.
func shardReports(t *testing.T, n int) (fullJSON, fullXML []byte, jsons, xmls []Input) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "{}") }))
	t.Cleanup(srv.Close)
	c, err := collections.Parse([]byte(strings.ReplaceAll(coll, "%URL%", srv.URL)), "merge.json")
	if err != nil {
		t.Fatal(err)
	}
	run := func(o runner.Options) ([]byte, []byte) {
		sum, err := runner.Run(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		js, err := jsonreport.Marshal(sum, jsonreport.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return js, []byte(junit.Render(sum))
	}
	fullJSON, fullXML = run(runner.Options{Collection: c})
	for i := 1; i <= n; i++ {
		o, err := runner.ShardOptions(runner.Options{Collection: c}, i, n)
		if err != nil {
			t.Fatal(err)
		}
		js, x := run(o)
		jsons = append(jsons, Input{fmt.Sprintf("shard%d.json", i), js})
		xmls = append(xmls, Input{fmt.Sprintf("shard%d.xml", i), x})
	}
	return
}

type reportView struct {
	Collection struct {
		Item []struct{ Name string }
	}
	Environment struct {
		Values []struct{ Key, Value string }
	}
	Run struct {
		Stats      jsonreport.Stats
		Executions []struct {
			Item struct{ Name string }
		}
		Failures []struct {
			Source struct{ Name string }
		}
		Timings jsonreport.Timings
	}
}

func TestMergeShardReports(t *testing.T) {
	for n := 1; n <= 3; n++ {
		t.Run(fmt.Sprintf("n=%d", n), func(t *testing.T) {
			fullJSON, fullXML, jsons, xmls := shardReports(t, n)
			merged, err := JSON(jsons)
			if err != nil {
				t.Fatal(err)
			}
			var got, want reportView
			if err := json.Unmarshal(merged, &got); err != nil {
				t.Fatal(err)
			}
			json.Unmarshal(fullJSON, &want)
			if got.Run.Stats.Requests != want.Run.Stats.Requests || got.Run.Stats.Assertions != want.Run.Stats.Assertions || got.Run.Stats.Items != want.Run.Stats.Items {
				t.Errorf("stats %+v, want %+v", got.Run.Stats, want.Run.Stats)
			}
			if fmt.Sprint(got.Run.Executions) != fmt.Sprint(want.Run.Executions) || fmt.Sprint(got.Run.Failures) != fmt.Sprint(want.Run.Failures) {
				t.Errorf("executions %v failures %v, want %v %v", got.Run.Executions, got.Run.Failures, want.Run.Executions, want.Run.Failures)
			}
			if fmt.Sprint(got.Collection.Item) != fmt.Sprint(want.Collection.Item) || len(got.Collection.Item) != 3 {
				t.Errorf("collection items %v, want %v", got.Collection.Item, want.Collection.Item)
			}
			if fmt.Sprint(got.Environment.Values) != fmt.Sprint(want.Environment.Values) {
				t.Errorf("environment %v, want the last shard's %v", got.Environment.Values, want.Environment.Values)
			}
			if got.Run.Timings.ResponseMax < got.Run.Timings.ResponseMin || got.Run.Timings.Started == 0 || got.Run.Timings.Completed < got.Run.Timings.Started {
				t.Errorf("timings %+v", got.Run.Timings)
			}

			mx, err := JUnit(xmls)
			if err != nil {
				t.Fatal(err)
			}
			var gx, wx junitFile
			if err := xml.Unmarshal(mx, &gx); err != nil {
				t.Fatalf("merged JUnit is not XML: %v\n%s", err, mx)
			}
			xml.Unmarshal(fullXML, &wx)
			if gx.Tests != wx.Tests || gx.Name != wx.Name || len(gx.Suites) != len(wx.Suites) {
				t.Errorf("junit: tests %s name %s suites %d, want %s %s %d", gx.Tests, gx.Name, len(gx.Suites), wx.Tests, wx.Name, len(wx.Suites))
			}
			for i := range gx.Suites {
				if noTime(gx.Suites[i].Inner) != noTime(wx.Suites[i].Inner) {
					t.Errorf("suite %d differs:\n%s\nwant\n%s", i, gx.Suites[i].Inner, wx.Suites[i].Inner)
				}
			}
		})
	}
}

var timeAttr = regexp.MustCompile(`time="[0-9.]*"`)

// noTime drops time attributes (the shard runs and the full run differ).
func noTime(b []byte) string { return timeAttr.ReplaceAllString(string(b), "") }

func TestMergeErrorsNameTheFile(t *testing.T) {
	tests := []struct {
		name  string
		merge func([]Input) ([]byte, error)
		in    Input
	}{
		{"bad json", JSON, Input{"a.json", []byte("{")}},
		{"not a report", JSON, Input{"env.json", []byte(`{"values":[]}`)}},
		{"bad xml", JUnit, Input{"a.xml", []byte("<testsuites><testsuite>")}},
		{"bad tests attr", JUnit, Input{"b.xml", []byte(`<testsuites tests="x"></testsuites>`)}},
	}
	for _, tc := range tests {
		if _, err := tc.merge([]Input{tc.in}); err == nil || !strings.Contains(err.Error(), tc.in.Name) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	if _, err := JSON(nil); err == nil {
		t.Error("no inputs accepted")
	}
}
