package collections

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decoding: %v\n%s", err, b)
	}
	return v
}

func TestRoundTripTestdata(t *testing.T) {
	files, err := filepath.Glob("testdata/*.json")
	if err != nil || len(files) < 3 {
		t.Fatalf("testdata: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			orig, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			c, err := Load(f)
			if err != nil {
				t.Fatal(err)
			}
			out, err := c.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			want, got := decodeAny(t, orig), decodeAny(t, out)
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("round trip differs:\nwant %s\ngot  %s", mustJSON(want), mustJSON(got))
			}
			// Save and load again gives the same JSON too.
			p := filepath.Join(t.TempDir(), "saved.json")
			if err := c.Save(p); err != nil {
				t.Fatal(err)
			}
			c2, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			out2, _ := c2.MarshalJSON()
			if !reflect.DeepEqual(want, decodeAny(t, out2)) {
				t.Fatalf("saved file differs")
			}
		})
	}
}

func mustJSON(v any) string {
	b, _ := json.MarshalIndent(v, "", " ")
	return string(b)
}

func TestModelFromApp21(t *testing.T) {
	c, err := Load("testdata/app_v21.json")
	if err != nil {
		t.Fatal(err)
	}
	if c.Version() != SchemaV21 || c.Info.Name != "Users API" || !c.Info.Description.IsString {
		t.Fatalf("info: %+v", c.Info)
	}
	it, parents, ok := c.FindItem("Get user")
	if !ok || len(parents) != 1 || parents[0].Name != "Folder A" {
		t.Fatalf("FindItem: %v %v %v", it, parents, ok)
	}
	r := it.Request
	if r.Method != "GET" || len(r.Header) != 2 || !r.Header[1].Disabled {
		t.Fatalf("request: %+v", r)
	}
	if got := r.URL.String(); got != "{{baseUrl}}/users/42?verbose=true&fields" {
		t.Fatalf("URL.String() = %q", got)
	}
	if !r.URL.Query[1].ValueNull {
		t.Fatal("null query value not kept")
	}
	if len(it.Responses) != 1 {
		t.Fatal("saved response lost")
	}
	if it.Events[0].Script.Source() != "pm.test(\"Status code is 200\", function () {\n    pm.response.to.have.status(200);\n});" {
		t.Fatalf("script: %q", it.Events[0].Script.Source())
	}
	folder := parents[0]
	if !folder.IsFolder() || folder.Auth.Type != "apikey" || len(folder.Auth.Params["apikey"]) != 3 {
		t.Fatalf("folder auth: %+v", folder.Auth)
	}
	jwtItem, _, _ := c.FindItem("Sign with JWT")
	if v, ok := jwtItem.Request.Auth.Param("isSecretBase64Encoded"); !ok || v != false {
		t.Fatalf("jwt auth param: %v %v", v, ok)
	}
	if c.Variables[1].Value != 5.0 || !c.Variables[3].Disabled {
		t.Fatalf("variables: %+v %+v", c.Variables[1], c.Variables[3])
	}
}

func TestModelFromV20(t *testing.T) {
	c, err := Load("testdata/export_v20.json")
	if err != nil {
		t.Fatal(err)
	}
	if c.Version() != SchemaV20 {
		t.Fatalf("version %s", c.Version())
	}
	d := c.Items[0].Request
	if !d.Auth.ObjectForm || d.Auth.Type != "digest" {
		t.Fatalf("auth %+v", d.Auth)
	}
	if v, _ := d.Auth.Param("username"); v != "postman" {
		t.Fatalf("username %v", v)
	}
	if d.URL.String() != "http://127.0.0.1:3000/digest?x=1&y" || d.URL.Host[0] != "127" || d.URL.Query[1].Key != "y" || !d.URL.Query[1].ValueNull {
		t.Fatalf("url %+v", d.URL)
	}
	if !c.Items[0].Events[0].Script.ExecIsString {
		t.Fatal("exec string form lost")
	}
	h := c.Items[1].Request
	if h.URL.String() != "http://127.0.0.1:3000/hawk" || h.URL.Port != "3000" {
		t.Fatalf("hawk url %q %+v", h.URL.String(), h.URL)
	}
	if len(h.Header) != 2 || h.Header[1].Key != "X-Trace" || h.Header[1].Value != "abc" {
		t.Fatalf("string headers %+v", h.Header)
	}
	p := c.Items[2].Request
	if !p.IsString || p.URL.String() != "http://127.0.0.1:3000/plain" || p.Method != "" {
		t.Fatalf("string request %+v", p)
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		raw      string
		protocol string
		host     []string
		port     string
		path     []string
		query    string // key=value pairs joined by & as parsed, "∅" for null
		hash     string
		vars     []string
	}{
		{"{{baseUrl}}/users/:id?x=1", "", []string{"{{baseUrl}}"}, "", []string{"users", ":id"}, "x=1", "", []string{"id"}},
		{"http://a.com", "http", []string{"a", "com"}, "", nil, "", "", nil},
		{"http://a.com/", "http", []string{"a", "com"}, "", []string{""}, "", "", nil},
		{"https://{{host.name}}:{{port}}/p?flag&&y=#frag", "https", []string{"{{host.name}}"}, "{{port}}", []string{"p"}, "flag=∅&∅=∅&y=", "frag", nil},
		{"localhost:3000/api", "", []string{"localhost"}, "3000", []string{"api"}, "", "", nil},
		{"http://user:pw@[::1]:8080/a/b/?q", "http", []string{"[::1]"}, "8080", []string{"a", "b", ""}, "q=∅", "", nil},
		{"  http:\\\\a.com\\x", "http", []string{"a", "com"}, "", []string{"x"}, "", "", nil},
		{"{{url}}", "", []string{"{{url}}"}, "", nil, "", "", nil},
		{"http://x/:a.json/:a/:b", "http", []string{"x"}, "", []string{":a.json", ":a", ":b"}, "", "", []string{"a", "b"}},
		{"http://x/?a=1=2&b", "http", []string{"x"}, "", []string{""}, "a=1=2&b=∅", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			u := ParseURL(tt.raw)
			var q []string
			for _, p := range u.Query {
				k, v := p.Key, p.Value
				if p.KeyNull {
					k = "∅"
				}
				if p.ValueNull {
					v = "∅"
				}
				q = append(q, k+"="+v)
			}
			var vars []string
			for _, v := range u.Variables {
				vars = append(vars, v.Key)
			}
			if u.Protocol != tt.protocol || !reflect.DeepEqual(u.Host, tt.host) || u.Port != tt.port ||
				!reflect.DeepEqual(u.Path, tt.path) || strings.Join(q, "&") != tt.query || u.Hash != tt.hash ||
				!reflect.DeepEqual(vars, tt.vars) {
				t.Fatalf("got protocol=%q host=%q port=%q path=%q query=%q hash=%q vars=%q",
					u.Protocol, u.Host, u.Port, u.Path, strings.Join(q, "&"), u.Hash, vars)
			}
		})
	}
}

func TestURLString(t *testing.T) {
	tests := []struct {
		name string
		u    *URL
		want string
	}{
		{"parts", &URL{Protocol: "https", Host: []string{"api", "example", "com"}, Port: "8443", Path: []string{"v1", "users"},
			Query: []*Param{{Key: "a", Value: "1"}, {Key: "off", Value: "x", Disabled: true}, {Key: "flag", ValueNull: true}}, Hash: "top"},
			"https://api.example.com:8443/v1/users?a=1&flag#top"},
		{"raw only", &URL{Raw: "http://raw/only"}, "http://raw/only"},
		{"string form wins", &URL{Raw: "http://s", IsString: true, Host: []string{"other"}}, "http://s"},
		{"all query disabled", &URL{Host: []string{"h"}, Query: []*Param{{Key: "a", Disabled: true}}}, "h"},
		{"empty query param", &URL{Host: []string{"h"}, Query: []*Param{{Key: "", ValueNull: true}}}, "h?"},
		{"reserved chars encoded", &URL{Host: []string{"h"}, Query: []*Param{{Key: "a=b", Value: "c&d#e={{x&y}}"}}}, "h?a%3Db=c%26d%23e={{x&y}}"},
		{"path variable", &URL{Host: []string{"h"}, Path: []string{"users", ":id.json"}, Variables: pathVars("id", "42")}, "h/users/42.json"},
		{"empty path variable kept", &URL{Host: []string{"h"}, Path: []string{":id"}, Variables: pathVars("id", "")}, "h/:id"},
		{"protocol with separator", &URL{Protocol: "http://", Host: []string{"h"}}, "http://h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.u.String(); got != tt.want {
				t.Fatalf("String() = %q, want %q", got, tt.want)
			}
		})
	}
	// ParseURL then String gives the raw URL back.
	for _, raw := range []string{"{{baseUrl}}/users/:id?x=1&flag&&y=#frag", "http://user:pw@h:1/a/?q", "https://{{host.name}}/p", "http://a.com/"} {
		if got := ParseURL(raw); got.String() != raw {
			t.Errorf("raw %q: IsString=false String()", raw)
		}
		u := ParseURL(raw)
		u.Raw = ""
		if got := u.String(); got != raw {
			t.Errorf("rebuilt %q, want %q", got, raw)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"syntax", "{\n  \"info\": {\n    \"name\": \"x\",,\n  }\n}", "c.json: invalid JSON at line 3, column 17"},
		{"url number", `{"info":{"schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"Folder A","item":[{"name":"Get user","request":{"url":5}}]}]}`,
			`c.json: item "Folder A/Get user": request.url: expected string or object, got number`},
		{"header type", `{"info":{},"item":[{"name":"R","request":{"url":"x","header":{"a":1}}}]}`,
			`c.json: item "R": request.header: expected string or array, got object`},
		{"header item", `{"info":{},"item":[{"name":"R","request":{"url":"x","header":[{"key":"a","disabled":"yes"}]}}]}`,
			`c.json: item "R": request.header[0].disabled: expected boolean, got string`},
		{"unknown schema", `{"info":{"schema":"https://example.com/schema.json"}}`, `c.json: info.schema: unknown collection schema "https://example.com/schema.json"`},
		{"v1", `{"name":"x","order":[],"requests":[]}`, "v1 format is not supported"},
		{"info type", `{"info":5}`, "info: expected object, got number"},
		{"not object", `[1]`, "expected a collection object, got array"},
		{"exec type", `{"info":{},"item":[{"name":"R","event":[{"listen":"test","script":{"exec":[1]}}]}]}`,
			`c.json: item "R": event[0].script.exec[0]: expected string, got number`},
		{"unnamed item", `{"info":{},"item":[{"name":"F","item":[{},{"request":{"method":3}}]}]}`,
			`c.json: item "F/#2": request.method: expected string, got number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data), "c.json")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestNoInfoBlock(t *testing.T) {
	// newman runs collections without "info" (as v2)
	doc := `{"item":[{"request":{"url":"http://127.0.0.1/x","method":"GET"}}],"variable":[{"key":"k","value":"v"}]}`
	c, err := Parse([]byte(doc), "noinfo.json")
	if err != nil {
		t.Fatal(err)
	}
	if c.Version() != SchemaV21 || len(c.Items) != 1 {
		t.Fatalf("%+v", c)
	}
	out, _ := c.MarshalJSON()
	if !reflect.DeepEqual(decodeAny(t, []byte(doc)), decodeAny(t, out)) {
		t.Fatalf("round trip: %s", out)
	}
}

func TestSingleEventObject(t *testing.T) {
	doc := `{"info":{},"item":[{"name":"F","item":[],"event":{"listen":"test","script":{"exec":["pm.test('x')"]}}}]}`
	c, err := Parse([]byte(doc), "ev.json")
	if err != nil {
		t.Fatal(err)
	}
	if evs := c.Items[0].Events; len(evs) != 1 || evs[0].Listen != "test" || evs[0].Script.Source() != "pm.test('x')" {
		t.Fatalf("%+v", c.Items[0].Events)
	}
	out, _ := c.MarshalJSON()
	if !reflect.DeepEqual(decodeAny(t, []byte(doc)), decodeAny(t, out)) {
		t.Fatalf("round trip: %s", out)
	}
}

func TestSchemaVersion(t *testing.T) {
	tests := []struct{ url, want, err string }{
		{"https://schema.getpostman.com/json/collection/v2.1.0/collection.json", SchemaV21, ""},
		{"http://schema.getpostman.com/json/collection/v2.0.0/collection.json", SchemaV20, ""},
		{"https://schema.postman.com/json/collection/v2.1.0/collection.json", SchemaV21, ""},
		{"https://schema.postman.com/collection/json/v2.1.0/draft-07/collection.json", SchemaV21, ""},
		{"https://schema.getpostman.com/json/collection/v2.1.0/", SchemaV21, ""},
		{"", SchemaV21, ""},
		{"https://schema.getpostman.com/json/collection/v1.0.0/collection.json", "", "version 1.0.0"},
		{"https://example.com/v2.1.0/collection.json", "", `unknown collection schema "https://example.com/v2.1.0/collection.json"`},
	}
	for _, tt := range tests {
		got, err := SchemaVersion(tt.url)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.url, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: %q %v, want %q", tt.url, got, err, tt.want)
		}
	}
}

func TestLoadEncodings(t *testing.T) {
	doc := `{"info":{"name":"Ünïcode ✓","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[]}`
	utf16le := func(s string, be bool) []byte {
		var b bytes.Buffer
		if be {
			b.Write([]byte{0xFE, 0xFF})
		} else {
			b.Write([]byte{0xFF, 0xFE})
		}
		for _, u := range utf16.Encode([]rune(s)) {
			if be {
				b.WriteByte(byte(u >> 8))
				b.WriteByte(byte(u))
			} else {
				b.WriteByte(byte(u))
				b.WriteByte(byte(u >> 8))
			}
		}
		return b.Bytes()
	}
	cases := map[string][]byte{
		"utf8":    []byte(doc),
		"utf8bom": append([]byte{0xEF, 0xBB, 0xBF}, doc...),
		"utf16le": utf16le(doc, false),
		"utf16be": utf16le(doc, true),
	}
	dir := t.TempDir()
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name+".json")
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			if c.Info.Name != "Ünïcode ✓" {
				t.Fatalf("name %q", c.Info.Name)
			}
		})
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Fatalf("missing file error %v", err)
	}
}

func TestDeepNesting(t *testing.T) {
	const depth = 1000
	var b strings.Builder
	b.WriteString(`{"info":{"name":"deep"},"item":[`)
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, `{"name":"f%d","item":[`, i)
	}
	b.WriteString(`{"name":"leaf","request":{"url":"http://127.0.0.1/leaf"}}`)
	for i := 0; i < depth; i++ {
		b.WriteString(`]}`)
	}
	b.WriteString(`]}`)
	c, err := Parse([]byte(b.String()), "deep.json")
	if err != nil {
		t.Fatal(err)
	}
	it, parents, ok := c.FindItem("leaf")
	if !ok || len(parents) != depth || it.Request.URL.String() != "http://127.0.0.1/leaf" {
		t.Fatalf("leaf: ok=%v parents=%d", ok, len(parents))
	}
	out, err := c.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(decodeAny(t, []byte(b.String())), decodeAny(t, out)) {
		t.Fatal("deep round trip differs")
	}
}

func TestWalkAndFind(t *testing.T) {
	c, err := Parse([]byte(`{"info":{},"item":[
		{"id":"1","name":"A","item":[{"id":"2","name":"dup","request":"http://x/1"},{"id":"3","name":"B","item":[{"id":"dup","name":"C","request":"http://x/2"}]}]},
		{"id":"4","name":"dup","request":"http://x/3"}]}`), "w.json")
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	c.Walk(func(it *Item, ps []*Item) bool {
		order = append(order, fmt.Sprintf("%s@%d", it.Name, len(ps)))
		return it.Name != "B"
	})
	if got := strings.Join(order, ","); got != "A@0,dup@1,B@1,dup@0" {
		t.Fatalf("walk order %s", got)
	}
	it, ps, ok := c.FindItem("dup") // id match wins over earlier name matches
	if !ok || it.Name != "C" || len(ps) != 2 {
		t.Fatalf("FindItem(dup) = %v %d", it.Name, len(ps))
	}
	it, _, ok = c.FindItem("B")
	if !ok || it.ID != "3" {
		t.Fatalf("FindItem(B) = %+v", it)
	}
	if _, _, ok := c.FindItem("nope"); ok {
		t.Fatal("found missing item")
	}
}

func TestRequestClone(t *testing.T) {
	c, err := Load("testdata/app_v21.json")
	if err != nil {
		t.Fatal(err)
	}
	it, _, _ := c.FindItem("Get user")
	before, _ := it.Request.marshal()
	cl := it.Request.Clone()
	cl.URL.Query[0].Value = "changed"
	cl.URL.Path[0] = "changed"
	cl.URL.Variables[0].Value = "changed"
	cl.Header[0].Value = "changed"
	cl.Header = append(cl.Header, &Param{Key: "new"})
	up, _, _ := c.FindItem("Create user")
	cl2 := up.Request.Clone()
	cl2.Auth.Params["basic"][0].Value = "changed"
	cl2.Body.Options["raw"].(map[string]any)["language"] = "changed"
	after, _ := it.Request.marshal()
	if !bytes.Equal(before, after) {
		t.Fatal("modifying the clone changed the original")
	}
	if v, _ := up.Request.Auth.Param("password"); v != "{{password}}" {
		t.Fatal("auth clone shares params")
	}
	if up.Request.Body.Options["raw"].(map[string]any)["language"] != "json" {
		t.Fatal("body options shared")
	}
}

func pathVars(kv ...string) []*environmentsVariable {
	var out []*environmentsVariable
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, &environmentsVariable{Key: kv[i], Value: kv[i+1]})
	}
	return out
}
