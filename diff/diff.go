// Package diff compares two Postman/postie files: environment and globals
// exports, collection exports (their variables) and postie's (Newman's)
// JSON reports (their final variables, test results and response times).
//
// Rules:
//
//   - The kind of each file is detected from its JSON: an object with "run"
//     and "collection" is a report; "info" or "item" is a collection; a
//     "values" array (or a bare array of variables) is an environment, or
//     globals when _postman_variable_scope says so.
//   - Variables are compared by scope (environment, globals, collection) and
//     key: added, removed, changed (value, or enabled/disabled). A report
//     contributes all three scopes.
//   - Secrets are masked unless Options.ShowSecrets: values of variables of
//     type "secret", whose key looks like a credential (token, secret,
//     password, passwd, assertion, key, verifier, credential, auth, cookie,
//     session) or whose value is a PEM block or a JWT.
//   - When both values are JWTs, the decoded header and claims are compared
//     field by field (the signature is not: it changes with any claim). The
//     claims iat, exp, nbf and jti (DefaultIgnores) are ignored unless
//     Options.NoDefaultIgnores. Claim values are shown: they are not the
//     credential (the token is).
//   - Options.Ignore holds path.Match globs. A glob ignores a variable when it
//     matches its key or "scope.key"; a JWT field when it matches the claim
//     name, "header.NAME"/"claims.NAME" or "KEY.NAME"; a test or timing when
//     it matches the item name or the test name.
//   - Two reports also compare tests, keyed by iteration, item name and test
//     name (with an occurrence number for repeats): newly failing, newly
//     passing, missing (in A, not in B) and new; and response times per
//     iteration and item: a change is large when it is at least
//     Options.TimeThreshold (default 200ms) AND at least Options.TimeRatio
//     (default 0.5, i.e. 50%) of the old time.
package diff

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/postie-run/postie/environments"
)

// Kind is a detected file kind.
type Kind string

// The file kinds diff understands.
const (
	KindEnvironment Kind = "environment"
	KindGlobals     Kind = "globals"
	KindCollection  Kind = "collection"
	KindReport      Kind = "report"
)

// DefaultIgnores are the JWT claims ignored unless Options.NoDefaultIgnores:
// they change on every token issue.
var DefaultIgnores = []string{"iat", "exp", "nbf", "jti"}

// Defaults for Options' response-time thresholds.
const (
	DefaultTimeThreshold = 200 * time.Millisecond
	DefaultTimeRatio     = 0.5
)

// Masked replaces a secret value in output.
const Masked = "********"

// Options control a comparison.
type Options struct {
	ShowSecrets      bool          // print secret values instead of Masked
	Ignore           []string      // path.Match globs (see the package doc)
	NoDefaultIgnores bool          // compare iat, exp, nbf, jti too
	TimeThreshold    time.Duration // 0: DefaultTimeThreshold
	TimeRatio        float64       // 0: DefaultTimeRatio
}

// Var is one variable of a document.
type Var struct {
	Scope    string
	Key      string
	Value    any
	Type     string
	Disabled bool
}

// Test is one test result of a report.
type Test struct {
	Key     string // "iteration N › item › test[ #k]"
	Item    string
	Name    string
	Failed  bool
	Skipped bool
	Message string
}

// Timing is one request's response time in a report.
type Timing struct {
	Key  string // "iteration N › item[ #k]"
	Item string
	MS   int64
}

// Document is a loaded file.
type Document struct {
	Path    string
	Kind    Kind
	Vars    []Var
	Tests   []Test
	Timings []Timing
}

// InputError is a file that cannot be read or understood (exit code 2).
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return fmt.Sprintf("diff: %s: %v", e.Path, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }

// Load reads and parses a file.
func Load(p string) (*Document, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, &InputError{p, err}
	}
	return Parse(data, p)
}

// Parse detects the kind of data (named name in errors) and extracts what
// diff compares.
func Parse(data []byte, name string) (*Document, error) {
	text, err := environments.DecodeText(data)
	if err != nil {
		return nil, &InputError{name, err}
	}
	text = bytes.TrimSpace(text)
	doc := &Document{Path: name}
	if len(text) > 0 && text[0] == '[' {
		f, err := environments.ParseFile(text, name)
		if err != nil {
			return nil, &InputError{name, err}
		}
		doc.Kind = KindEnvironment
		doc.Vars = listVars("environment", f.Values)
		return doc, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(text, &top); err != nil {
		return nil, &InputError{name, environments.PositionError(text, err)}
	}
	switch {
	case top["run"] != nil && top["collection"] != nil:
		doc.Kind = KindReport
		err = parseReport(doc, text)
	case top["info"] != nil || top["item"] != nil:
		doc.Kind = KindCollection
		err = parseCollectionVars(doc, "collection", top["variable"])
	case top["values"] != nil:
		f, perr := environments.ParseFile(text, name)
		if perr != nil {
			return nil, &InputError{name, perr}
		}
		doc.Kind = KindEnvironment
		if f.Scope == "globals" {
			doc.Kind = KindGlobals
		}
		doc.Vars = listVars(string(doc.Kind), f.Values)
	default:
		err = errors.New("not an environment, globals, collection or postie/newman JSON report (no values, info/item or run)")
	}
	if err != nil {
		return nil, &InputError{name, err}
	}
	return doc, nil
}

func listVars(scope string, l *environments.List) []Var {
	if l == nil {
		return nil
	}
	out := make([]Var, 0, l.Len())
	for _, v := range l.Variables() {
		if v == nil {
			continue
		}
		out = append(out, Var{Scope: scope, Key: v.Key, Value: v.Value, Type: v.Type, Disabled: v.Disabled})
	}
	return out
}

func parseCollectionVars(doc *Document, scope string, raw json.RawMessage) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var vs []*environments.Variable
	if err := json.Unmarshal(raw, &vs); err != nil {
		return fmt.Errorf("%s variables: %w", scope, err)
	}
	doc.Vars = append(doc.Vars, listVars(scope, environments.NewList(vs...))...)
	return nil
}

// report is the part of a JSON report diff reads.
type report struct {
	Environment *struct {
		Values []*environments.Variable `json:"values"`
	} `json:"environment"`
	Globals *struct {
		Values []*environments.Variable `json:"values"`
	} `json:"globals"`
	Collection struct {
		Variable json.RawMessage `json:"variable"`
	} `json:"collection"`
	Run struct {
		Executions []struct {
			Cursor struct {
				Iteration int `json:"iteration"`
			} `json:"cursor"`
			Item struct {
				Name string `json:"name"`
			} `json:"item"`
			Response *struct {
				ResponseTime int64 `json:"responseTime"`
			} `json:"response"`
			Assertions []struct {
				Assertion string `json:"assertion"`
				Skipped   bool   `json:"skipped"`
				Error     *struct {
					Message string `json:"message"`
				} `json:"error"`
			} `json:"assertions"`
		} `json:"executions"`
	} `json:"run"`
}

func parseReport(doc *Document, text []byte) error {
	var r report
	if err := json.Unmarshal(text, &r); err != nil {
		return fmt.Errorf("reading report: %w", err)
	}
	if r.Environment != nil {
		doc.Vars = append(doc.Vars, listVars("environment", environments.NewList(r.Environment.Values...))...)
	}
	if r.Globals != nil {
		doc.Vars = append(doc.Vars, listVars("globals", environments.NewList(r.Globals.Values...))...)
	}
	if err := parseCollectionVars(doc, "collection", r.Collection.Variable); err != nil {
		return err
	}
	seenT := map[string]int{}
	seenR := map[string]int{}
	for _, ex := range r.Run.Executions {
		base := fmt.Sprintf("iteration %d › %s", ex.Cursor.Iteration+1, ex.Item.Name)
		if ex.Response != nil {
			k := occurrence(seenR, base)
			doc.Timings = append(doc.Timings, Timing{Key: k, Item: ex.Item.Name, MS: ex.Response.ResponseTime})
		}
		for _, a := range ex.Assertions {
			t := Test{Key: occurrence(seenT, base+" › "+a.Assertion), Item: ex.Item.Name, Name: a.Assertion, Skipped: a.Skipped}
			if a.Error != nil {
				t.Failed, t.Message = true, a.Error.Message
			}
			doc.Tests = append(doc.Tests, t)
		}
	}
	return nil
}

func occurrence(seen map[string]int, k string) string {
	seen[k]++
	if n := seen[k]; n > 1 {
		return k + " #" + strconv.Itoa(n)
	}
	return k
}

// Change is one variable difference. Field is empty for the whole value,
// "disabled" for the enabled state, or "header.NAME"/"claims.NAME" inside
// JWTs.
type Change struct {
	Change string `json:"change"` // "added", "removed", "changed"
	Scope  string `json:"scope"`
	Key    string `json:"key"`
	Field  string `json:"field,omitempty"`
	Old    string `json:"old,omitempty"`
	New    string `json:"new,omitempty"`
	Secret bool   `json:"secret,omitempty"` // the value is masked (or would be)
}

// TestChange is one test difference between two reports.
type TestChange struct {
	Change  string `json:"change"` // "newly failing", "newly passing", "missing", "new"
	Key     string `json:"key"`
	Message string `json:"message,omitempty"` // the failure message, when failing
}

// TimeChange is a large response-time change between two reports.
type TimeChange struct {
	Key   string `json:"key"`
	OldMS int64  `json:"oldMs"`
	NewMS int64  `json:"newMs"`
}

// Result is the outcome of Compare.
type Result struct {
	A         string       `json:"a"`
	B         string       `json:"b"`
	KindA     Kind         `json:"kindA"`
	KindB     Kind         `json:"kindB"`
	Variables []Change     `json:"variables"`
	Tests     []TestChange `json:"tests,omitempty"`
	Times     []TimeChange `json:"times,omitempty"`
}

// Equal reports whether nothing differs.
func (r *Result) Equal() bool {
	return len(r.Variables) == 0 && len(r.Tests) == 0 && len(r.Times) == 0
}

// Compare compares two documents.
func Compare(a, b *Document, opts Options) *Result {
	c := comparer{opts: opts}
	if !opts.NoDefaultIgnores {
		c.jwtIgnore = DefaultIgnores
	}
	res := &Result{A: a.Path, B: b.Path, KindA: a.Kind, KindB: b.Kind, Variables: []Change{}}
	c.vars(res, a.Vars, b.Vars)
	if a.Kind == KindReport && b.Kind == KindReport {
		c.tests(res, a.Tests, b.Tests)
		c.times(res, a.Timings, b.Timings)
	}
	return res
}

type comparer struct {
	opts      Options
	jwtIgnore []string
}

func (c *comparer) ignored(names ...string) bool {
	for _, g := range c.opts.Ignore {
		for _, n := range names {
			if ok, _ := path.Match(g, n); ok {
				return true
			}
		}
	}
	return false
}

type varKey struct{ scope, key string }

func (c *comparer) vars(res *Result, a, b []Var) {
	index := func(vs []Var) (map[varKey]Var, []varKey) {
		m := make(map[varKey]Var, len(vs))
		var order []varKey
		for _, v := range vs {
			k := varKey{v.Scope, v.Key}
			if _, dup := m[k]; !dup {
				order = append(order, k)
			}
			m[k] = v // the last of duplicate keys wins, as in Postman
		}
		return m, order
	}
	am, aorder := index(a)
	bm, border := index(b)
	for _, k := range aorder {
		if c.ignored(k.key, k.scope+"."+k.key) {
			continue
		}
		av := am[k]
		bv, ok := bm[k]
		if !ok {
			secret := isSecret(av)
			res.Variables = append(res.Variables, Change{Change: "removed", Scope: k.scope, Key: k.key, Old: c.show(av.Value, secret), Secret: secret})
			continue
		}
		c.changed(res, av, bv)
	}
	for _, k := range border {
		if _, ok := am[k]; ok || c.ignored(k.key, k.scope+"."+k.key) {
			continue
		}
		bv := bm[k]
		secret := isSecret(bv)
		res.Variables = append(res.Variables, Change{Change: "added", Scope: k.scope, Key: k.key, New: c.show(bv.Value, secret), Secret: secret})
	}
}

func (c *comparer) changed(res *Result, av, bv Var) {
	if av.Disabled != bv.Disabled {
		res.Variables = append(res.Variables, Change{Change: "changed", Scope: av.Scope, Key: av.Key, Field: "disabled",
			Old: strconv.FormatBool(av.Disabled), New: strconv.FormatBool(bv.Disabled)})
	}
	as, bs := text(av.Value), text(bv.Value)
	if as == bs {
		return
	}
	ha, ca, okA := decodeJWT(as)
	hb, cb, okB := decodeJWT(bs)
	if okA && okB {
		c.fields(res, av, "header", ha, hb)
		c.fields(res, av, "claims", ca, cb)
		return
	}
	secret := isSecret(av) || isSecret(bv)
	res.Variables = append(res.Variables, Change{Change: "changed", Scope: av.Scope, Key: av.Key,
		Old: c.show(av.Value, secret), New: c.show(bv.Value, secret), Secret: secret})
}

// fields compares one JWT part field by field, in sorted field order.
func (c *comparer) fields(res *Result, v Var, part string, a, b map[string]any) {
	names := make([]string, 0, len(a)+len(b))
	for k := range a {
		names = append(names, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		if part == "claims" && contains(c.jwtIgnore, n) {
			continue
		}
		if c.ignored(n, part+"."+n, v.Key+"."+n) {
			continue
		}
		x, inA := a[n]
		y, inB := b[n]
		ch := Change{Scope: v.Scope, Key: v.Key, Field: part + "." + n}
		switch {
		case !inB:
			ch.Change, ch.Old = "removed", jsonText(x)
		case !inA:
			ch.Change, ch.New = "added", jsonText(y)
		case jsonText(x) != jsonText(y):
			ch.Change, ch.Old, ch.New = "changed", jsonText(x), jsonText(y)
		default:
			continue
		}
		res.Variables = append(res.Variables, ch)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (c *comparer) show(v any, secret bool) string {
	if secret && !c.opts.ShowSecrets {
		return Masked
	}
	return text(v)
}

func (c *comparer) tests(res *Result, a, b []Test) {
	bm := make(map[string]Test, len(b))
	for _, t := range b {
		bm[t.Key] = t
	}
	am := make(map[string]bool, len(a))
	for _, t := range a {
		am[t.Key] = true
		if c.ignored(t.Item, t.Name) {
			continue
		}
		u, ok := bm[t.Key]
		switch {
		case !ok:
			res.Tests = append(res.Tests, TestChange{Change: "missing", Key: t.Key})
		case !t.Failed && u.Failed:
			res.Tests = append(res.Tests, TestChange{Change: "newly failing", Key: t.Key, Message: u.Message})
		case t.Failed && !u.Failed:
			res.Tests = append(res.Tests, TestChange{Change: "newly passing", Key: t.Key})
		}
	}
	for _, t := range b {
		if !am[t.Key] && !c.ignored(t.Item, t.Name) {
			tc := TestChange{Change: "new", Key: t.Key}
			if t.Failed {
				tc.Message = t.Message
			}
			res.Tests = append(res.Tests, tc)
		}
	}
}

func (c *comparer) times(res *Result, a, b []Timing) {
	th := c.opts.TimeThreshold
	if th <= 0 {
		th = DefaultTimeThreshold
	}
	ratio := c.opts.TimeRatio
	if ratio <= 0 {
		ratio = DefaultTimeRatio
	}
	bm := make(map[string]int64, len(b))
	for _, t := range b {
		bm[t.Key] = t.MS
	}
	for _, t := range a {
		n, ok := bm[t.Key]
		if !ok || c.ignored(t.Item) {
			continue
		}
		d := n - t.MS
		if d < 0 {
			d = -d
		}
		if time.Duration(d)*time.Millisecond >= th && float64(d) >= ratio*float64(t.MS) {
			res.Times = append(res.Times, TimeChange{Key: t.Key, OldMS: t.MS, NewMS: n})
		}
	}
}

// secretKey matches variable names that look like credentials and pemRe a
// PEM block's first line; both are compiled on first use.
var (
	secretKey = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)token|secret|passw|assertion|key|verifier|credential|auth|cookie|session`)
	})
	pemRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`-----BEGIN [A-Z0-9 ]+-----`) })
)

// IsSecretValue reports whether a value is a PEM block or a JWT.
func IsSecretValue(s string) bool {
	if pemRe().MatchString(s) {
		return true
	}
	_, _, ok := decodeJWT(s)
	return ok
}

func isSecret(v Var) bool {
	return v.Type == "secret" || secretKey().MatchString(v.Key) || IsSecretValue(text(v.Value))
}

// decodeJWT decodes a compact JWS/JWT's header and claims (signature
// unchecked). ok is false unless s has three base64url parts whose first
// two are JSON objects and the header has "alg".
func decodeJWT(s string) (header, claims map[string]any, ok bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "Bearer ")
	if strings.Count(s, ".") != 2 || len(s) < 10 {
		return nil, nil, false
	}
	parts := strings.SplitN(s, ".", 3)
	dec := func(p string) (map[string]any, bool) {
		b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(p, "="))
		if err != nil {
			return nil, false
		}
		var m map[string]any
		if json.Unmarshal(b, &m) != nil || m == nil {
			return nil, false
		}
		return m, true
	}
	h, ok1 := dec(parts[0])
	c, ok2 := dec(parts[1])
	if !ok1 || !ok2 {
		return nil, nil, false
	}
	if _, has := h["alg"]; !has {
		return nil, nil, false
	}
	return h, c, true
}

// text is a variable value as a string: strings as they are, other
// values as JSON.
func text(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if v == nil {
		return ""
	}
	return jsonText(v) // numbers, booleans, objects and arrays as JSON
}

func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
