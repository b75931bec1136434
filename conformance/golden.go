// Package conformance holds postie's differential conformance suite: a corpus
// of small collections, newman's recorded results on them (goldens), and the
// normalization both sides go through before they are compared.
package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/postie-run/postie/conformance/echo"
)

// Golden is one collection's normalized run result.
type Golden struct {
	Newman              string         `json:"newman,omitempty"`
	Failed              bool           `json:"failed"`
	Executions          []Exec         `json:"executions"`
	Wire                []echo.Request `json:"wire"`
	Environment         map[string]any `json:"environment"`
	Globals             map[string]any `json:"globals"`
	CollectionVariables map[string]any `json:"collectionVariables"`
}

// Exec is one item execution: what ran, what it got, what its scripts did.
type Exec struct {
	Item         string   `json:"item"`
	Iteration    int      `json:"iteration"`
	Status       int      `json:"status,omitempty"`
	RequestError bool     `json:"requestError,omitempty"`
	Tests        []Test   `json:"tests,omitempty"`
	Console      []string `json:"console,omitempty"`
	ScriptErrors []string `json:"scriptErrors,omitempty"`
}

// Test is one assertion result.
type Test struct {
	Name    string `json:"name"`
	Passed  bool   `json:"passed"`
	Skipped bool   `json:"skipped,omitempty"`
	Error   string `json:"error,omitempty"`
}

// Options are a corpus case's run options (options.json), applied the same
// way to newman and postie.
type Options struct {
	Folders         []string          `json:"folder,omitempty"`
	IterationCount  int               `json:"iterationCount,omitempty"`
	EnvVars         map[string]string `json:"envVar,omitempty"`
	GlobalVars      map[string]string `json:"globalVar,omitempty"`
	TimeoutRequest  int               `json:"timeoutRequest,omitempty"` // ms
	TimeoutScript   int               `json:"timeoutScript,omitempty"`  // ms
	DelayRequest    int               `json:"delayRequest,omitempty"`   // ms
	Bail            bool              `json:"bail,omitempty"`
	IgnoreRedirects bool              `json:"ignoreRedirects,omitempty"`
	// MaskHeaders names request headers whose values are time-dependent by
	// nature (an awsv4 signature, say): compared as present, not by value.
	MaskHeaders []string `json:"maskHeaders,omitempty"`
}

// Case is one corpus collection and its side files.
type Case struct {
	Name        string
	Dir         string
	Collection  string // path
	Environment string // path or ""
	Globals     string // path or ""
	Data        string // path or ""
	Options     Options
}

// CLIArgs are the `run` arguments (after the word run) that give the
// case's options to newman or postie (both take newman's flags), with the
// echo server's URL as the global "echo".
func (c Case) CLIArgs(echoURL string) []string {
	o := c.Options
	args := []string{c.Collection, "--working-dir", c.Dir, "--global-var", "echo=" + echoURL}
	if c.Environment != "" {
		args = append(args, "-e", c.Environment)
	}
	if c.Globals != "" {
		args = append(args, "-g", c.Globals)
	}
	if c.Data != "" {
		args = append(args, "-d", c.Data)
	}
	for _, f := range o.Folders {
		args = append(args, "--folder", f)
	}
	if o.IterationCount > 0 {
		args = append(args, "-n", strconv.Itoa(o.IterationCount))
	}
	for _, k := range echo.SortedKeys(o.EnvVars) {
		args = append(args, "--env-var", k+"="+o.EnvVars[k])
	}
	for _, k := range echo.SortedKeys(o.GlobalVars) {
		args = append(args, "--global-var", k+"="+o.GlobalVars[k])
	}
	for _, f := range []struct {
		flag string
		v    int
	}{{"--timeout-request", o.TimeoutRequest}, {"--timeout-script", o.TimeoutScript}, {"--delay-request", o.DelayRequest}} {
		if f.v > 0 {
			args = append(args, f.flag, strconv.Itoa(f.v))
		}
	}
	if o.Bail {
		args = append(args, "--bail")
	}
	if o.IgnoreRedirects {
		args = append(args, "--ignore-redirects")
	}
	return args
}

// LoadCorpus lists the cases under dir (one folder each), sorted by name.
func LoadCorpus(dir string) ([]Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading corpus %s: %w", dir, err)
	}
	var cases []Case
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		d := filepath.Join(dir, e.Name())
		c := Case{Name: e.Name(), Dir: d, Collection: filepath.Join(d, "collection.json")}
		if _, err := os.Stat(c.Collection); err != nil {
			return nil, fmt.Errorf("corpus case %s: %w", d, err)
		}
		for _, side := range []struct {
			dst   *string
			names []string
		}{
			{&c.Environment, []string{"environment.json"}},
			{&c.Globals, []string{"globals.json"}},
			{&c.Data, []string{"data.csv", "data.json"}},
		} {
			for _, n := range side.names {
				if _, err := os.Stat(filepath.Join(d, n)); err == nil {
					*side.dst = filepath.Join(d, n)
				}
			}
		}
		if data, err := os.ReadFile(filepath.Join(d, "options.json")); err == nil {
			if err := json.Unmarshal(data, &c.Options); err != nil {
				return nil, fmt.Errorf("corpus case %s: options.json: %w", d, err)
			}
		}
		cases = append(cases, c)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].Name < cases[j].Name })
	return cases, nil
}

var (
	uuidRE     = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	isoRE      = regexp.MustCompile(`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})`)
	boundaryRE = regexp.MustCompile(`boundary=([^\s;,]+)`)
)

// volatileKey reports whether a variable, header or query key is excluded
// from comparison (the corpus puts random values under such keys).
func volatileKey(k string) bool {
	return strings.HasPrefix(strings.ToLower(k), "volatile") || strings.HasPrefix(strings.ToLower(k), "x-volatile")
}

// Normalize rewrites g in place so that runs against different echo servers
// and at different times compare equal: the server's address becomes ECHO,
// uuids, ISO times and multipart boundaries become placeholders, volatile
// keys and per-request headers that are random by nature are dropped.
func Normalize(g *Golden, serverURL string, o Options) {
	host := strings.TrimPrefix(serverURL, "http://")
	str := func(s string) string {
		s = strings.ReplaceAll(s, serverURL, "ECHO")
		s = strings.ReplaceAll(s, host, "ECHOHOST")
		s = uuidRE.ReplaceAllString(s, "<uuid>")
		s = isoRE.ReplaceAllString(s, "<iso>")
		return s
	}
	for i := range g.Wire {
		w := &g.Wire[i]
		if m := boundaryRE.FindStringSubmatch(w.Headers["content-type"]); m != nil {
			b := strings.Trim(m[1], `"`)
			w.Body = strings.ReplaceAll(w.Body, b, "<boundary>")
			w.Headers["content-type"] = strings.ReplaceAll(w.Headers["content-type"], b, "<boundary>")
			delete(w.Headers, "content-length") // depends on the boundary's length
		}
		for k, v := range w.Headers {
			if volatileKey(k) {
				delete(w.Headers, k)
				continue
			}
			if slices.Contains(o.MaskHeaders, k) {
				w.Headers[k] = "<masked>"
				continue
			}
			w.Headers[k] = str(v)
		}
		w.Path = str(w.Path)
		w.Query = str(dropVolatileQuery(w.Query))
		w.Body = str(w.Body)
	}
	for i := range g.Executions {
		e := &g.Executions[i]
		for j := range e.Tests {
			e.Tests[j].Name = str(e.Tests[j].Name)
			e.Tests[j].Error = str(e.Tests[j].Error)
		}
		for j := range e.Console {
			e.Console[j] = str(e.Console[j])
		}
		e.ScriptErrors = dedupeExceptions(e.ScriptErrors)
		for j := range e.ScriptErrors {
			e.ScriptErrors[j] = str(e.ScriptErrors[j])
		}
	}
	for _, m := range []map[string]any{g.Environment, g.Globals, g.CollectionVariables} {
		for k, v := range m {
			if volatileKey(k) {
				delete(m, k)
				continue
			}
			if s, ok := v.(string); ok {
				m[k] = str(s)
			}
		}
	}
}

func dropVolatileQuery(q string) string {
	if q == "" {
		return q
	}
	parts := strings.Split(q, "&")
	kept := parts[:0]
	for _, p := range parts {
		k, _, _ := strings.Cut(p, "=")
		if !volatileKey(k) {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "&")
}

// Canonical returns g as indented JSON with maps in key order, the form
// goldens are stored and compared in.
func Canonical(g *Golden) ([]byte, error) {
	data, err := json.Marshal(g)
	if err != nil {
		return nil, err
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return json.MarshalIndent(v, "", "  ")
}

// Diff returns a line diff of want and got ("" when equal), showing each
// differing region with a little context.
func Diff(want, got []byte) string {
	a := strings.Split(string(want), "\n")
	b := strings.Split(string(got), "\n")
	// Longest common subsequence table over lines; inputs are small.
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	changed := false
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&out, "+ %s\n", b[j])
			changed = true
			j++
		default:
			fmt.Fprintf(&out, "- %s\n", a[i])
			changed = true
			i++
		}
	}
	if !changed {
		return ""
	}
	return out.String()
}

// dedupeExceptions drops newman's "exception: X" entries that repeat a script
// error already recorded as "<event>: X".
func dedupeExceptions(errs []string) []string {
	var out []string
	for _, e := range errs {
		msg, isException := strings.CutPrefix(e, "exception: ")
		if isException && slices.ContainsFunc(errs, func(o string) bool {
			return o != e && strings.HasSuffix(o, ": "+msg)
		}) {
			continue
		}
		out = append(out, e)
	}
	return out
}
