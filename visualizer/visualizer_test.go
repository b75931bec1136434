package visualizer

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name     string
		template string
		data     any
		selector string
		want     string
	}{
		{"variable", `<p id="u">{{url}}</p>`, map[string]any{"url": "http://x/a?b=1&c=2"}, "#u", "http://x/a?b=1&c=2"},
		{"escaped", `<p id="u">{{v}}</p>`, map[string]any{"v": "<b>bold</b>"}, "#u", "<b>bold</b>"},
		{"each", `<ul>{{#each rows}}<li>{{name}}={{value}}</li>{{/each}}</ul>`, map[string]any{"rows": []any{map[string]any{"name": "a", "value": 1.0}, map[string]any{"name": "b", "value": "two"}}}, "ul", "a=1b=two"},
		{"if", `<p id="p">{{#if ok}}yes{{else}}no{{/if}}</p>`, map[string]any{"ok": false}, "#p", "no"},
		{"missing", `<p id="p">[{{nope}}]</p>`, map[string]any{}, "#p", "[]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Render(tc.template, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Find(tc.selector).Text(); got != tc.want {
				t.Errorf("%s text = %q, want %q\n%s", tc.selector, got, tc.want, out)
			}
		})
	}
}

var shim = regexp.MustCompile(`pm\.getData = function \(cb\) \{ cb\(null, (.*)\); \};`)

func TestGetDataShim(t *testing.T) {
	data := map[string]any{"authCodeUrl": "http://127.0.0.1/authorize?a=1&b=</script><script>alert(1)</script>"}
	out, err := Render(`<button id="copy">Copy</button><script>pm.getData(function (err, d) { window.x = d.authCodeUrl; });</script>`, data)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(out))
	if n := doc.Find("script").Length(); n != 2 {
		t.Fatalf("%d script elements (data broke out of the shim?)\n%s", n, out)
	}
	m := shim.FindSubmatch([]byte(doc.Find("head script").Text()))
	if m == nil {
		t.Fatalf("no getData shim in %s", out)
	}
	var got map[string]any
	if err := json.Unmarshal(m[1], &got); err != nil || got["authCodeUrl"] != data["authCodeUrl"] {
		t.Errorf("shim data %s: %v", m[1], err)
	}
}

func TestRenderErrors(t *testing.T) {
	if _, err := Render(`{{#each rows}}`, nil); err == nil || !strings.Contains(err.Error(), "parsing visualizer template") {
		t.Errorf("unclosed block: %v", err)
	}
	if _, err := Render(`x`, map[string]any{"f": func() {}}); err == nil {
		t.Error("unencodable data: no error")
	}
}

func TestWriteFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vis")
	name := FileName(0, []string{"Auth / flow", "50 - DC -> OFP: POST /par"})
	if name != "1-Auth-flow-50-DC-OFP-POST-par.html" {
		t.Errorf("FileName = %q", name)
	}
	p, err := WriteFile(dir, name, []byte("<html></html>"))
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(p); err != nil || string(b) != "<html></html>" {
		t.Errorf("read back %q %v", b, err)
	}
}

func TestReporter(t *testing.T) {
	dir := t.TempDir()
	var log strings.Builder
	r := NewReporter(dir, &log)
	x := &runner.Execution{Item: &collections.Item{Name: "50 - POST /par"}, Path: []string{"50 - POST /par"}, Iteration: 1,
		Visualizer: &scripting.Visualizer{Template: `<a id="u" href="{{url}}">{{url}}</a>`, Data: map[string]any{"url": "http://127.0.0.1/x?a=1"}}}
	r.Event(runner.Event{Kind: runner.EventRequest, Execution: x}) // ignored: not the item end
	r.Event(runner.Event{Kind: runner.EventItem, Execution: &runner.Execution{Item: &collections.Item{Name: "no visualizer"}}})
	r.Event(runner.Event{Kind: runner.EventItem, Execution: x})
	if err := r.Done(nil); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "2-50-POST-par.html" {
		t.Fatalf("files %v", entries)
	}
	b, _ := os.ReadFile(filepath.Join(dir, entries[0].Name()))
	doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(b))
	if href, _ := doc.Find("#u").Attr("href"); href != "http://127.0.0.1/x?a=1" || doc.Find("title").Text() != "50 - POST /par" {
		t.Errorf("page %s", b)
	}
	if !strings.Contains(log.String(), "2-50-POST-par.html") {
		t.Errorf("log %q", log.String())
	}
}
