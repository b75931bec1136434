package npm

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

// tarball builds a gzipped npm tarball with files under "package/".
func tarball(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for name, body := range files {
		full := "package/" + name
		if strings.HasPrefix(name, "../") {
			full = name
		}
		if err := tw.WriteHeader(&tar.Header{Name: full, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type fakePkg struct {
	files    map[string]string
	badHash  bool
	distTags map[string]string
}

// registry serves packuments and tarballs for pkgs (name -> version -> pkg).
type registry struct {
	srv  *httptest.Server
	hits atomic.Int64
}

func newRegistry(t *testing.T, pkgs map[string]map[string]fakePkg) *registry {
	t.Helper()
	r := &registry{}
	tars := map[string][]byte{}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, req *http.Request) {
		r.hits.Add(1)
		p := req.URL.Path
		if strings.HasPrefix(p, "/-/tar/") {
			b, ok := tars[strings.TrimPrefix(p, "/-/tar/")]
			if !ok {
				http.NotFound(w, req)
				return
			}
			_, _ = w.Write(b)
			return
		}
		name, _ := strings.CutPrefix(req.URL.EscapedPath(), "/")
		name = strings.ReplaceAll(name, "%2F", "/")
		versions, ok := pkgs[name]
		if !ok {
			http.NotFound(w, req)
			return
		}
		type distJSON struct {
			Tarball   string `json:"tarball"`
			Integrity string `json:"integrity"`
		}
		meta := map[string]any{"name": name}
		vs := map[string]any{}
		latest := ""
		tags := map[string]string{}
		for v, pk := range versions {
			key := strings.ReplaceAll(name, "/", "_") + "-" + v + ".tgz"
			b := tarball(t, pk.files)
			tars[key] = b
			sum := sha512.Sum512(b)
			integ := "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
			if pk.badHash {
				integ = "sha512-" + base64.StdEncoding.EncodeToString(make([]byte, 64))
			}
			vs[v] = map[string]any{"dist": distJSON{Tarball: r.srv.URL + "/-/tar/" + key, Integrity: integ}}
			if v > latest {
				latest = v
			}
			for k, tv := range pk.distTags {
				tags[k] = tv
			}
		}
		if _, ok := tags["latest"]; !ok {
			tags["latest"] = latest
		}
		meta["versions"] = vs
		meta["dist-tags"] = tags
		_ = json.NewEncoder(w).Encode(meta)
	})
	r.srv = httptest.NewServer(mux)
	t.Cleanup(r.srv.Close)
	return r
}

func pkgJSONFor(name, version, main string, deps map[string]string) string {
	b, _ := json.Marshal(map[string]any{"name": name, "version": version, "main": main, "dependencies": deps})
	return string(b)
}

func testPackages() map[string]map[string]fakePkg {
	return map[string]map[string]fakePkg{
		"greet": {"1.0.0": {files: map[string]string{
			"package.json":  pkgJSONFor("greet", "1.0.0", "lib/index.js", map[string]string{"dep": "^2.0.0"}),
			"lib/index.js":  "var u = require('./util'); var data = require('../data.json'); var dep = require('dep'); var p = require('path');\nmodule.exports = { hello: function (n) { return u.shout('hello ' + n); }, data: data, dep: dep.version, builtin: p, pm: typeof pm, dirname: typeof __dirname };",
			"lib/util.js":   "exports.shout = function (s) { return s.toUpperCase() + '!'; }; globalThis.loadCount = (globalThis.loadCount || 0) + 1;",
			"data.json":     `{"k": [1, 2]}`,
			"../escape.txt": "must not be written",
		}}},
		"dep": {
			"2.0.0": {files: map[string]string{"package.json": pkgJSONFor("dep", "2.0.0", "", nil), "index.js": "module.exports = {version: '2.0.0'};"}},
			"2.1.0": {files: map[string]string{"package.json": pkgJSONFor("dep", "2.1.0", "", nil), "index.js": "module.exports = {version: '2.1.0'};"}},
			"3.0.0": {files: map[string]string{"package.json": pkgJSONFor("dep", "3.0.0", "", nil), "index.js": "module.exports = {version: '3.0.0'};"}},
		},
		"@acme/tool": {"0.2.0": {files: map[string]string{"package.json": pkgJSONFor("@acme/tool", "0.2.0", "main.js", nil), "main.js": "module.exports = function () { return 'tool'; };"}}},
		"broken":     {"1.0.0": {badHash: true, files: map[string]string{"index.js": "module.exports = 1;"}}},
		"throws":     {"1.0.0": {files: map[string]string{"index.js": "throw new Error('nope');"}}},
		"modern": {"1.0.0": {files: map[string]string{
			"package.json":   `{"name":"modern","version":"1.0.0","main":"wrong.js","exports":{".":{"import":"./esm.mjs","require":"./dist/cjs.js"},"./feature/*":{"default":"./dist/feat-*.js"}}}`,
			"dist/cjs.js":    "module.exports = { kind: 'cjs', feat: require('modern/feature/x') };",
			"dist/feat-x.js": "module.exports = 'feature x';",
		}}},
	}
}

func newLoader(t *testing.T, reg *registry, cache string) *Loader {
	return &Loader{
		Cache:    cache,
		Registry: reg.srv.URL,
		Client:   reg.srv.Client(),
		Builtin: func(rt *goja.Runtime, name string) (goja.Value, bool, error) {
			if name == "path" {
				return rt.ToValue("builtin-path"), true, nil
			}
			return nil, false, nil
		},
	}
}

func jsonOf(t *testing.T, rt *goja.Runtime, v goja.Value) string {
	t.Helper()
	_ = rt.Set("__v", v)
	out, err := rt.RunString("JSON.stringify(__v)")
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestRequireFetchesVerifiesCachesAndLoads(t *testing.T) {
	reg := newRegistry(t, testPackages())
	cache := t.TempDir()
	l := newLoader(t, reg, cache)
	rt := goja.New()
	_ = rt.Set("pm", "global pm")
	ctx := context.Background()
	v, err := l.Require(ctx, rt, vectest.Compiler{}, "npm:greet@1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	_ = rt.Set("g", v)
	got, err := rt.RunString(`JSON.stringify([g.hello('bob'), g.data, g.dep, g.builtin, g.pm, g.dirname])`)
	if err != nil {
		t.Fatal(err)
	}
	if want := `["HELLO BOB!",{"k":[1,2]},"2.1.0","builtin-path","undefined","string"]`; got.String() != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// Same runtime: the module instance is reused, not re-run.
	v2, err := l.Require(ctx, rt, vectest.Compiler{}, "npm:greet@1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	if v2.ToObject(rt) != v.ToObject(rt) {
		t.Error("second require returned a new module instance")
	}
	if n := rt.Get("loadCount").ToInteger(); n != 1 {
		t.Errorf("util.js ran %d times, want 1", n)
	}
	if _, err := os.Stat(filepath.Join(cache, "greet@1.0.0", "lib", "util.js")); err != nil {
		t.Errorf("package not cached: %v", err)
	}
	if _, err := os.Stat(filepath.Join(cache, "escape.txt")); err == nil {
		t.Error("tarball entry outside the package was written")
	}

	// Offline with a warm cache: no request at all.
	before := reg.hits.Load()
	off := newLoader(t, reg, cache)
	off.Offline = true
	rt2 := goja.New()
	v3, err := off.Require(ctx, rt2, vectest.Compiler{}, "npm:greet@1.0.0")
	if err != nil {
		t.Fatalf("offline from cache: %v", err)
	}
	if got := jsonOf(t, rt2, rt2.ToValue(v3.ToObject(rt2).Get("dep"))); got != `"2.1.0"` {
		t.Errorf("offline dep = %s", got)
	}
	if hits := reg.hits.Load() - before; hits != 0 {
		t.Errorf("offline load made %d registry requests", hits)
	}
}

func TestRequireErrors(t *testing.T) {
	reg := newRegistry(t, testPackages())
	tests := []struct {
		name, spec string
		offline    bool
		want       []string
	}{
		{"offline uncached", "npm:greet@1.0.0", true, []string{"Cannot find package 'npm:greet@1.0.0'", "offline"}},
		{"integrity", "npm:broken@1.0.0", false, []string{"Cannot find package", "integrity check failed"}},
		{"unknown", "npm:nosuch@1.0.0", false, []string{"does not exist"}},
		{"no version", "npm:dep@^9", false, []string{`no version matches "^9"`}},
		{"bad name", "npm:../evil@1", false, []string{"invalid package name"}},
		{"not npm", "lodash", false, []string{"not an npm: specifier"}},
		{"throws", "npm:throws@1.0.0", false, []string{"Error in package 'npm:throws@1.0.0'", "nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cache := t.TempDir()
			l := newLoader(t, reg, cache)
			l.Offline = tt.offline
			_, err := l.Require(context.Background(), goja.New(), vectest.Compiler{}, tt.spec)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if tt.name == "integrity" {
				if entries, _ := os.ReadDir(cache); len(entries) != 0 {
					t.Errorf("cache not empty after failed integrity: %v", entries)
				}
			}
		})
	}
}

func TestScopedAndRanges(t *testing.T) {
	reg := newRegistry(t, testPackages())
	l := newLoader(t, reg, t.TempDir())
	rt := goja.New()
	ctx := context.Background()
	v, err := l.Require(ctx, rt, vectest.Compiler{}, "npm:@acme/tool@0.2.0")
	if err != nil {
		t.Fatal(err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		t.Fatal("exports is not a function")
	}
	if r, _ := fn(goja.Undefined()); r.String() != "tool" {
		t.Errorf("got %s", r)
	}
	mv, err := l.Require(ctx, rt, vectest.Compiler{}, "npm:modern@1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonOf(t, rt, mv); got != `{"kind":"cjs","feat":"feature x"}` {
		t.Errorf("exports map: got %s", got)
	}
	for spec, want := range map[string]string{"npm:dep": "3.0.0", "npm:dep@~2.0.0": "2.0.0", "npm:dep@2": "2.1.0", "npm:dep@latest": "3.0.0"} {
		v, err := l.Require(ctx, goja.New(), vectest.Compiler{}, spec)
		if err != nil {
			t.Fatalf("%s: %v", spec, err)
		}
		if got := v.ToObject(rt).Get("version").String(); got != want {
			t.Errorf("%s resolved to %s, want %s", spec, got, want)
		}
	}
}

func TestMaxSatisfying(t *testing.T) {
	vs := []string{"0.1.0", "0.1.5", "0.2.0", "1.0.0", "1.2.3", "1.3.0-beta.1", "1.3.0", "1.10.0", "2.0.0-rc.1", "2.0.0", "2.5.1"}
	tests := []struct{ rng, want string }{
		{"", "2.5.1"},
		{"*", "2.5.1"},
		{"1.2.3", "1.2.3"},
		{"=1.2.3", "1.2.3"},
		{"^1.2.0", "1.10.0"},
		{"~1.2.0", "1.2.3"},
		{"^0.1.0", "0.1.5"},
		{"~0.1", "0.1.5"},
		{"1.x", "1.10.0"},
		{"1", "1.10.0"},
		{"1.3", "1.3.0"},
		{">=1.0.0 <2.0.0", "1.10.0"},
		{"> 1.0.0 <= 1.3.0", "1.3.0"},
		{"<1.0.0", "0.2.0"},
		{"1.0.0 - 1.3.0", "1.3.0"},
		{"^3.0.0 || ^0.2.0", "0.2.0"},
		{"2.0.0-rc.1", "2.0.0-rc.1"},
		{">=2.0.0-rc.1 <2.0.0", "2.0.0-rc.1"},
		{"^9", ""},
		{"nonsense!", ""},
	}
	for _, tt := range tests {
		got, ok := maxSatisfying(vs, tt.rng)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("maxSatisfying(%q) = %q, want %q", tt.rng, got, tt.want)
		}
	}
}

func TestParseSpec(t *testing.T) {
	tests := []struct {
		in   string
		want Spec
		err  bool
	}{
		{"npm:lodash@4.17.21", Spec{"lodash", "4.17.21"}, false},
		{"npm:@scope/x@^1", Spec{"@scope/x", "^1"}, false},
		{"npm:@scope/x", Spec{"@scope/x", ""}, false},
		{"npm:left-pad", Spec{"left-pad", ""}, false},
		{"npm:a/b@1", Spec{}, true},
		{"jsr:x@1", Spec{}, true},
	}
	for _, tt := range tests {
		got, err := ParseSpec(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseSpec(%q) = %+v, %v", tt.in, got, err)
		}
	}
}

func TestDefaultCacheDir(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/x/cache")
	if got := DefaultCacheDir(); got != filepath.Join("/x/cache", "postie", "npm") {
		t.Errorf("got %s", got)
	}
}

func TestLoaderModule(t *testing.T) {
	reg := newRegistry(t, testPackages())
	cache := t.TempDir()
	// Warm the cache through a Loader, then load offline through the module.
	if _, err := newLoader(t, reg, cache).Require(context.Background(), goja.New(), vectest.Compiler{}, "npm:greet@1.0.0"); err != nil {
		t.Fatal(err)
	}
	rt := goja.New()
	_ = rt.Set("require", func(call goja.FunctionCall) goja.Value {
		if call.Argument(0).String() == "path" {
			return rt.ToValue("global-path")
		}
		panic(rt.NewGoError(os.ErrNotExist))
	})
	fn, err := Module().Load(rt, vectest.Compiler{})
	if err != nil {
		t.Fatal(err)
	}
	_ = rt.Set("load", fn)
	_ = rt.Set("cache", cache)
	got, err := rt.RunString(`var g = load('npm:greet@1.0.0', {cacheDir: cache, offline: true}); JSON.stringify([g.hello('x'), g.builtin, g.dep])`)
	if err != nil {
		t.Fatal(err)
	}
	if want := `["HELLO X!","global-path","2.1.0"]`; got.String() != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// Same execution: one instance; a new execution evaluates the package afresh.
	got, err = rt.RunString(`var o = {cacheDir: cache, offline: true, execution: 1};
		var a = load('npm:greet@1.0.0', o), b = load('npm:greet@1.0.0', o);
		o.execution = 2; var c = load('npm:greet@1.0.0', o);
		JSON.stringify([a === b, a === c])`)
	if err != nil {
		t.Fatal(err)
	}
	if want := `[true,false]`; got.String() != want {
		t.Errorf("instances: got %s, want %s", got, want)
	}
	_, err = rt.RunString(`load('npm:other@1.0.0', {cacheDir: cache, offline: true})`)
	if err == nil || !strings.Contains(err.Error(), "Cannot find package 'npm:other@1.0.0'") {
		t.Errorf("offline miss: %v", err)
	}
}

func TestModuleWithRegistry(t *testing.T) {
	reg := newRegistry(t, testPackages())
	rt := goja.New()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := ModuleWith(Config{Registry: reg.srv.URL, Client: reg.srv.Client(), Context: func() context.Context { return ctx }})
	fn, err := m.Load(rt, vectest.Compiler{})
	if err != nil {
		t.Fatal(err)
	}
	_ = rt.Set("load", fn)
	_ = rt.Set("cache", t.TempDir())
	got, err := rt.RunString(`load('npm:dep@^2', {cacheDir: cache}).version`)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != "2.1.0" {
		t.Errorf("got %s", got)
	}
	cancel()
	if _, err := rt.RunString(`load('npm:@acme/tool@0.2.0', {cacheDir: cache})`); err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("cancelled context: %v", err)
	}
}
