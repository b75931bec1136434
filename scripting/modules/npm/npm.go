// Package npm implements pm.require('npm:name@version'): packages are fetched
// from an npm registry on first use (integrity-checked), kept in a local
// cache folder, and loaded as CommonJS modules into a goja runtime.
package npm

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

// DefaultRegistry is the public npm registry.
const DefaultRegistry = "https://registry.npmjs.org"

// Limits on what a package may contain.
const (
	maxTarball  = 64 << 20 // bytes of a compressed tarball
	maxUnpacked = 256 << 20
	maxMetadata = 64 << 20
)

// Loader resolves, fetches, caches and loads npm packages. One Loader may
// serve several runtimes (each has its own module instances); it is safe for
// concurrent use.
type Loader struct {
	// Cache is the cache folder (see DefaultCacheDir).
	Cache string
	// Registry is the registry base URL (DefaultRegistry when empty).
	Registry string
	// Offline forbids network access: only cached packages load.
	Offline bool
	// Client performs registry requests (http.DefaultClient when nil).
	Client *http.Client
	// Builtin resolves require(name) of built-in modules (e.g. "lodash",
	// "path") inside packages; nil means none.
	Builtin func(rt *goja.Runtime, name string) (goja.Value, bool, error)

	mu       sync.Mutex
	fetching map[string]*sync.Mutex // per package@version
	runtimes map[*goja.Runtime]*rtState
}

type rtState struct {
	modules map[string]*goja.Object // file path -> module object
}

// DefaultCacheDir is $XDG_CACHE_HOME/postie/npm, else ~/.cache/postie/npm.
func DefaultCacheDir() string {
	if x := os.Getenv("XDG_CACHE_HOME"); x != "" {
		return filepath.Join(x, "postie", "npm")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".cache", "postie", "npm")
	}
	return filepath.Join(os.TempDir(), "postie", "npm")
}

// Spec is a parsed "npm:name@range".
type Spec struct {
	Name  string
	Range string // "" means latest
}

// ParseSpec parses "npm:name@range", "npm:@scope/name@range" or "npm:name".
func ParseSpec(s string) (Spec, error) {
	rest, ok := strings.CutPrefix(s, "npm:")
	if !ok {
		return Spec{}, fmt.Errorf("package %q: not an npm: specifier", s)
	}
	at := strings.LastIndex(rest, "@")
	var sp Spec
	if at > 0 {
		sp = Spec{Name: rest[:at], Range: strings.TrimSpace(rest[at+1:])}
	} else {
		sp = Spec{Name: rest}
	}
	if !validName(sp.Name) {
		return Spec{}, fmt.Errorf("package %q: invalid package name %q", s, sp.Name)
	}
	return sp, nil
}

func validName(n string) bool {
	if n == "" || len(n) > 214 || strings.HasPrefix(n, ".") || strings.Contains(n, "..") || strings.ContainsAny(n, "\\ %:") {
		return false
	}
	if strings.HasPrefix(n, "@") {
		parts := strings.Split(n, "/")
		return len(parts) == 2 && len(parts[0]) > 1 && parts[1] != ""
	}
	return !strings.Contains(n, "/")
}

// Require loads the package named by spec ("npm:name@version") into rt and
// returns its module.exports. Errors read like Postman's ("Cannot find
// package ...", "Error in package ...") with the cause.
func (l *Loader) Require(ctx context.Context, rt *goja.Runtime, c modules.Compiler, spec string) (goja.Value, error) {
	sp, err := ParseSpec(spec)
	if err != nil {
		return nil, fmt.Errorf("Cannot find package '%s': %w", spec, err)
	}
	dir, err := l.install(ctx, sp)
	if err != nil {
		return nil, fmt.Errorf("Cannot find package '%s': %w", spec, err)
	}
	v, err := l.loadPackage(ctx, rt, c, dir, "")
	if err != nil {
		return nil, fmt.Errorf("Error in package '%s': %w", spec, err)
	}
	return v, nil
}

// Forget drops rt's module instances (call when a runtime is discarded).
func (l *Loader) Forget(rt *goja.Runtime) {
	l.mu.Lock()
	delete(l.runtimes, rt)
	l.mu.Unlock()
}

func (l *Loader) state(rt *goja.Runtime) *rtState {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.runtimes == nil {
		l.runtimes = map[*goja.Runtime]*rtState{}
	}
	st := l.runtimes[rt]
	if st == nil {
		st = &rtState{modules: map[string]*goja.Object{}}
		l.runtimes[rt] = st
	}
	return st
}

func (l *Loader) cacheDir() string {
	if l.Cache != "" {
		return l.Cache
	}
	return DefaultCacheDir()
}

func (l *Loader) registry() string {
	if l.Registry != "" {
		return strings.TrimRight(l.Registry, "/")
	}
	return DefaultRegistry
}

func (l *Loader) client() *http.Client {
	if l.Client != nil {
		return l.Client
	}
	return http.DefaultClient
}

// pkgDir is where name@version is unpacked.
func (l *Loader) pkgDir(name, version string) string {
	return filepath.Join(l.cacheDir(), filepath.FromSlash(name)+"@"+version)
}

const completeMarker = ".postie-complete"

func (l *Loader) cachedVersions(name string) []string {
	base := filepath.Join(l.cacheDir(), filepath.FromSlash(name))
	parent, prefix := filepath.Dir(base), filepath.Base(base)+"@"
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if v, ok := strings.CutPrefix(e.Name(), prefix); ok && e.IsDir() {
			if _, err := os.Stat(filepath.Join(parent, e.Name(), completeMarker)); err == nil {
				out = append(out, v)
			}
		}
	}
	return out
}

// install makes sure a version satisfying sp is unpacked and returns its folder.
func (l *Loader) install(ctx context.Context, sp Spec) (string, error) {
	// An exact cached version needs no network; offline, any cached
	// version in range will do. Ranges are resolved against the registry when
	// online, falling back to the cache when it cannot be reached.
	cached := l.cachedVersions(sp.Name)
	cachedBest, inCache := maxSatisfying(cached, sp.Range)
	if _, err := parseVersion(sp.Range); err == nil && inCache {
		return l.pkgDir(sp.Name, cachedBest), nil
	}
	if l.Offline {
		if inCache {
			return l.pkgDir(sp.Name, cachedBest), nil
		}
		return "", fmt.Errorf("%s@%s is not in the npm cache %s and the run is offline", sp.Name, orLatest(sp.Range), l.cacheDir())
	}
	meta, err := l.metadata(ctx, sp.Name)
	if err != nil {
		if inCache && ctx.Err() == nil {
			return l.pkgDir(sp.Name, cachedBest), nil
		}
		return "", err
	}
	version, err := meta.resolve(sp.Range)
	if err != nil {
		return "", fmt.Errorf("%s@%s: %w", sp.Name, orLatest(sp.Range), err)
	}
	dir := l.pkgDir(sp.Name, version)
	if _, err := os.Stat(filepath.Join(dir, completeMarker)); err == nil {
		return dir, nil
	}
	lock := l.fetchLock(sp.Name + "@" + version)
	lock.Lock()
	defer lock.Unlock()
	if _, err := os.Stat(filepath.Join(dir, completeMarker)); err == nil {
		return dir, nil
	}
	if err := l.fetchTarball(ctx, sp.Name, version, meta.Versions[version].Dist, dir); err != nil {
		return "", err
	}
	return dir, nil
}

func orLatest(r string) string {
	if r == "" {
		return "latest"
	}
	return r
}

func (l *Loader) fetchLock(key string) *sync.Mutex {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fetching == nil {
		l.fetching = map[string]*sync.Mutex{}
	}
	m := l.fetching[key]
	if m == nil {
		m = &sync.Mutex{}
		l.fetching[key] = m
	}
	return m
}

type dist struct {
	Tarball   string `json:"tarball"`
	Integrity string `json:"integrity"`
	Shasum    string `json:"shasum"`
}

type packument struct {
	Name     string            `json:"name"`
	DistTags map[string]string `json:"dist-tags"`
	Versions map[string]struct {
		Dist dist `json:"dist"`
	} `json:"versions"`
}

func (p *packument) resolve(r string) (string, error) {
	if r == "" {
		r = "latest"
	}
	if v, ok := p.DistTags[r]; ok {
		return v, nil
	}
	if _, ok := p.Versions[r]; ok {
		return r, nil
	}
	vs := make([]string, 0, len(p.Versions))
	for v := range p.Versions {
		vs = append(vs, v)
	}
	if v, ok := maxSatisfying(vs, r); ok {
		return v, nil
	}
	return "", fmt.Errorf("no version matches %q", r)
}

func (l *Loader) metadata(ctx context.Context, name string) (*packument, error) {
	u := l.registry() + "/" + strings.Replace(url.PathEscape(name), "%40", "@", 1)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("fetching metadata of %s: %w", name, err)
	}
	req.Header.Set("Accept", "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8")
	resp, err := l.client().Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetching metadata of %s: %w", name, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil, fmt.Errorf("package %s does not exist in the registry %s", name, l.registry())
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetching metadata of %s: registry answered %s", name, resp.Status)
	}
	var p packument
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxMetadata)).Decode(&p); err != nil {
		return nil, fmt.Errorf("reading metadata of %s: %w", name, err)
	}
	return &p, nil
}

func (l *Loader) fetchTarball(ctx context.Context, name, version string, d dist, dir string) error {
	if d.Tarball == "" {
		return fmt.Errorf("%s@%s: registry metadata has no tarball", name, version)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, d.Tarball, nil)
	if err != nil {
		return fmt.Errorf("fetching %s@%s: %w", name, version, err)
	}
	resp, err := l.client().Do(req)
	if err != nil {
		return fmt.Errorf("fetching %s@%s: %w", name, version, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("fetching %s@%s: registry answered %s", name, version, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxTarball+1))
	if err != nil {
		return fmt.Errorf("fetching %s@%s: %w", name, version, err)
	}
	if len(data) > maxTarball {
		return fmt.Errorf("%s@%s: tarball larger than %d bytes", name, version, maxTarball)
	}
	if err := verify(data, d); err != nil {
		return fmt.Errorf("%s@%s: %w", name, version, err)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("creating npm cache %s: %w", filepath.Dir(dir), err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".tmp-")
	if err != nil {
		return fmt.Errorf("creating npm cache %s: %w", filepath.Dir(dir), err)
	}
	defer os.RemoveAll(tmp)
	if err := extract(data, tmp); err != nil {
		return fmt.Errorf("unpacking %s@%s: %w", name, version, err)
	}
	if err := os.WriteFile(filepath.Join(tmp, completeMarker), nil, 0o644); err != nil {
		return fmt.Errorf("unpacking %s@%s: %w", name, version, err)
	}
	_ = os.RemoveAll(dir)
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("storing %s@%s in %s: %w", name, version, dir, err)
	}
	return nil
}

// verify checks the tarball against the registry's integrity (SRI, sha512
// preferred) or, lacking it, the sha1 shasum.
func verify(data []byte, d dist) error {
	if d.Integrity != "" {
		for _, item := range strings.Fields(d.Integrity) {
			algo, want, ok := strings.Cut(item, "-")
			if !ok {
				continue
			}
			var h hash.Hash
			switch algo {
			case "sha512":
				h = sha512.New()
			case "sha1":
				h = sha1.New()
			default:
				continue
			}
			h.Write(data)
			if base64.StdEncoding.EncodeToString(h.Sum(nil)) != want {
				return fmt.Errorf("integrity check failed (%s)", algo)
			}
			return nil
		}
	}
	if d.Shasum != "" {
		sum := sha1.Sum(data)
		if hex.EncodeToString(sum[:]) != strings.ToLower(d.Shasum) {
			return errors.New("integrity check failed (sha1 shasum)")
		}
		return nil
	}
	return errors.New("registry metadata has no integrity for the tarball")
}

// extract unpacks a gzipped npm tarball into dir, dropping the top folder.
func extract(data []byte, dir string) error {
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	var total int64
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		// Entries live under one top folder ("package/" in npm tarballs).
		name := path.Clean(strings.TrimPrefix(h.Name, "./"))
		_, name, ok := strings.Cut(name, "/")
		if !ok {
			continue
		}
		if name == "" || name == "." || strings.HasPrefix(name, "../") || name == ".." || path.IsAbs(name) {
			continue
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			total += h.Size
			if total > maxUnpacked {
				return fmt.Errorf("package unpacks to more than %d bytes", maxUnpacked)
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, io.LimitReader(tr, h.Size))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
	}
}

// ---- CommonJS loading ----

type pkgJSON struct {
	Name         string            `json:"name"`
	Version      string            `json:"version"`
	Main         string            `json:"main"`
	Dependencies map[string]string `json:"dependencies"`
	Exports      json.RawMessage   `json:"exports"`
}

// exportTarget resolves subpath ("." or "./x") through the package.json
// "exports" field with CommonJS conditions (require, node, default).
func (p pkgJSON) exportTarget(subpath string) (string, bool) {
	if len(p.Exports) == 0 {
		return "", false
	}
	var root any
	if err := json.Unmarshal(p.Exports, &root); err != nil {
		return "", false
	}
	// A string, an array or a conditions object applies to "." only.
	if m, ok := root.(map[string]any); ok {
		sugar := true
		for k := range m {
			if strings.HasPrefix(k, ".") {
				sugar = false
			}
		}
		if !sugar {
			if t, ok := m[subpath]; ok {
				return conditionTarget(t)
			}
			// Pattern subpaths: "./features/*".
			for k, t := range m {
				if pre, post, ok := strings.Cut(k, "*"); ok && strings.HasPrefix(subpath, pre) && strings.HasSuffix(subpath, post) && len(subpath) >= len(pre)+len(post) {
					star := subpath[len(pre) : len(subpath)-len(post)]
					if target, ok := conditionTarget(t); ok {
						return strings.ReplaceAll(target, "*", star), true
					}
				}
			}
			return "", false
		}
	}
	if subpath != "." {
		return "", false
	}
	return conditionTarget(root)
}

func conditionTarget(t any) (string, bool) {
	switch v := t.(type) {
	case string:
		return v, true
	case []any:
		for _, e := range v {
			if s, ok := conditionTarget(e); ok {
				return s, true
			}
		}
	case map[string]any:
		for _, c := range []string{"require", "node", "default"} {
			if x, ok := v[c]; ok {
				if s, ok := conditionTarget(x); ok {
					return s, true
				}
			}
		}
	}
	return "", false
}

func readPkg(dir string) (pkgJSON, error) {
	var p pkgJSON
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return p, fmt.Errorf("%s: %w", filepath.Join(dir, "package.json"), err)
	}
	return p, nil
}

// loadPackage loads sub (a path inside the package, "" for its main).
func (l *Loader) loadPackage(ctx context.Context, rt *goja.Runtime, c modules.Compiler, dir, sub string) (goja.Value, error) {
	var file string
	var err error
	p, perr := readPkg(dir)
	if perr != nil && !os.IsNotExist(perr) {
		return nil, perr
	}
	subpath := "."
	if sub != "" {
		subpath = "./" + sub
	}
	if target, ok := p.exportTarget(subpath); ok {
		file, err = resolveFile(dir, filepath.Join(dir, filepath.FromSlash(target)))
		if err != nil {
			return nil, err
		}
		return l.loadFile(ctx, rt, c, dir, file)
	}
	if sub == "" {
		main := p.Main
		if main == "" {
			main = "index.js"
		}
		file, err = resolveFile(dir, filepath.Join(dir, filepath.FromSlash(main)))
		if err != nil && main != "index.js" {
			file, err = resolveFile(dir, filepath.Join(dir, "index.js"))
		}
	} else {
		file, err = resolveFile(dir, filepath.Join(dir, filepath.FromSlash(sub)))
	}
	if err != nil {
		return nil, err
	}
	return l.loadFile(ctx, rt, c, dir, file)
}

// resolveFile applies Node's file and directory resolution inside root.
func resolveFile(root, p string) (string, error) {
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside its package", p)
	}
	for _, cand := range []string{p, p + ".js", p + ".json", p + ".cjs"} {
		if st, err := os.Stat(cand); err == nil && st.Mode().IsRegular() {
			return cand, nil
		}
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		if pj, err := readPkg(p); err == nil && pj.Main != "" {
			if f, err := resolveFile(root, filepath.Join(p, filepath.FromSlash(pj.Main))); err == nil {
				return f, nil
			}
		}
		for _, cand := range []string{"index.js", "index.json", "index.cjs"} {
			f := filepath.Join(p, cand)
			if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() {
				return f, nil
			}
		}
	}
	return "", fmt.Errorf("cannot find module %s", p)
}

// The wrapper shadows pm, as Postman blocks it inside external packages.
const wrapperHead = "(function (exports, require, module, __filename, __dirname, pm) {"
const wrapperTail = "\n})"

func (l *Loader) loadFile(ctx context.Context, rt *goja.Runtime, c modules.Compiler, pkgRoot, file string) (goja.Value, error) {
	st := l.state(rt)
	l.mu.Lock()
	m := st.modules[file]
	l.mu.Unlock()
	if m != nil {
		return m.Get("exports"), nil
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	module := rt.NewObject()
	exports := rt.NewObject()
	_ = module.Set("exports", exports)
	_ = module.Set("id", file)
	_ = module.Set("filename", file)
	_ = module.Set("loaded", false)
	l.mu.Lock()
	st.modules[file] = module
	l.mu.Unlock()
	if strings.HasSuffix(file, ".json") {
		v, err := jsonParse(rt, string(src))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		_ = module.Set("exports", v)
		return v, nil
	}
	body := strings.TrimPrefix(string(src), "\ufeff")
	if strings.HasPrefix(body, "#!") {
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			body = "//" + body[2:]
		}
	}
	prg, err := c.Compile(file, wrapperHead+body+wrapperTail)
	if err != nil {
		l.drop(st, file)
		return nil, fmt.Errorf("compiling %s: %w", file, err)
	}
	fnv, err := rt.RunProgram(prg)
	if err != nil {
		l.drop(st, file)
		return nil, fmt.Errorf("running %s: %w", file, err)
	}
	fn, ok := goja.AssertFunction(fnv)
	if !ok {
		l.drop(st, file)
		return nil, fmt.Errorf("%s: module wrapper is not a function", file)
	}
	req := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		v, err := l.requireFrom(ctx, rt, c, pkgRoot, file, call.Argument(0).String())
		if err != nil {
			var ex *goja.Exception
			if errors.As(err, &ex) {
				panic(ex)
			}
			panic(rt.NewGoError(err))
		}
		return v
	})
	if _, err := fn(exports, exports, req, module, rt.ToValue(file), rt.ToValue(filepath.Dir(file)), goja.Undefined()); err != nil {
		l.drop(st, file)
		return nil, err
	}
	_ = module.Set("loaded", true)
	return module.Get("exports"), nil
}

func (l *Loader) drop(st *rtState, file string) {
	l.mu.Lock()
	delete(st.modules, file)
	l.mu.Unlock()
}

func jsonParse(rt *goja.Runtime, s string) (goja.Value, error) {
	parse, ok := goja.AssertFunction(rt.Get("JSON").ToObject(rt).Get("parse"))
	if !ok {
		return nil, errors.New("JSON.parse is missing")
	}
	return parse(goja.Undefined(), rt.ToValue(s))
}

// requireFrom implements require() inside a package file.
func (l *Loader) requireFrom(ctx context.Context, rt *goja.Runtime, c modules.Compiler, pkgRoot, from, name string) (goja.Value, error) {
	if strings.HasPrefix(name, "./") || strings.HasPrefix(name, "../") || name == "." || name == ".." || strings.HasPrefix(name, "/") {
		target := filepath.Join(filepath.Dir(from), filepath.FromSlash(name))
		if strings.HasPrefix(name, "/") {
			target = filepath.Join(pkgRoot, filepath.FromSlash(name))
		}
		file, err := resolveFile(pkgRoot, target)
		if err != nil {
			return nil, fmt.Errorf("Cannot find module '%s' from %s", name, from)
		}
		return l.loadFile(ctx, rt, c, pkgRoot, file)
	}
	bare := strings.TrimPrefix(name, "node:")
	if l.Builtin != nil {
		if v, ok, err := l.Builtin(rt, bare); err != nil {
			return nil, err
		} else if ok {
			return v, nil
		}
	}
	// A dependency: "dep" or "dep/sub/path" (scoped: "@s/dep/sub").
	depName, sub := splitModuleName(bare)
	if !validName(depName) {
		return nil, fmt.Errorf("Cannot find module '%s'", name)
	}
	if local := filepath.Join(pkgRoot, "node_modules", filepath.FromSlash(depName)); dirExists(local) {
		return l.loadPackage(ctx, rt, c, local, sub)
	}
	p, _ := readPkg(pkgRoot)
	rng := p.Dependencies[depName]
	if rng == "" {
		rng = "latest"
	}
	dir, err := l.install(ctx, Spec{Name: depName, Range: normalizeRange(rng)})
	if err != nil {
		return nil, fmt.Errorf("Cannot find module '%s': %w", name, err)
	}
	return l.loadPackage(ctx, rt, c, dir, sub)
}

func normalizeRange(r string) string {
	if r == "latest" || r == "*" {
		return ""
	}
	return r
}

func splitModuleName(n string) (string, string) {
	parts := strings.Split(n, "/")
	if strings.HasPrefix(n, "@") && len(parts) >= 2 {
		return parts[0] + "/" + parts[1], strings.Join(parts[2:], "/")
	}
	return parts[0], strings.Join(parts[1:], "/")
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
