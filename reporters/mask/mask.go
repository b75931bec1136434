// Package mask hides credentials in run reports: values of credential
// headers (Authorization, Cookie, Set-Cookie, ...), credential fields in
// bodies, queries and URLs (client_assertion, client_secret, access_token,
// refresh_token, id_token, code_verifier, password, ...), PEM private keys,
// bearer/basic credentials, auth block secrets, and the values of every
// variable of Postman type "secret" wherever they appear.
//
// Reporters that render a Summary (JSON, JUnit, HTML) are wrapped with
// Reporter; the original Summary is left untouched (exports still write the
// real values).
package mask

import (
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// Masked replaces a secret value.
const Masked = "********"

// secretHeader reports whether the lower-case header name always carries a credential.
func secretHeader(name string) bool {
	switch name {
	case "authorization", "proxy-authorization", "cookie", "set-cookie",
		"x-api-key", "api-key", "x-auth-token", "x-amz-security-token":
		return true
	}
	return false
}

var secretFields = []string{
	"client_assertion", "client_secret", "access_token", "refresh_token", "id_token",
	"code_verifier", "password", "assertion", "token", "apikey", "api_key",
}

// maskPatterns are the regexps that find credentials in text and in names.
type maskPatterns struct {
	pemBlock, formField, jsonField, bearer, authKey, secretKey *regexp.Regexp
}

// patterns compiles the mask patterns on first use, not at start-up.
var patterns = sync.OnceValue(func() *maskPatterns {
	fields := strings.Join(secretFields, "|")
	return &maskPatterns{
		pemBlock:  regexp.MustCompile(`-----BEGIN(?:[A-Z0-9 +]|%20)*PRIVATE(?: |\+|%20)KEY-----[\s\S]*?-----END(?:[A-Z0-9 +]|%20)*PRIVATE(?: |\+|%20)KEY-----`),
		formField: regexp.MustCompile(`(?i)(^|[?&\s])(` + fields + `)=([^&\s"]*)`),
		jsonField: regexp.MustCompile(`(?i)("(?:` + fields + `)"\s*:\s*)"(?:[^"\\]|\\.)*"`),
		bearer:    regexp.MustCompile(`(?i)\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*`),
		authKey:   regexp.MustCompile(`(?i)^(accesskey|authkey|sessiontoken|nonce|signature)$`),
		secretKey: regexp.MustCompile(`(?i)^(` + fields + `)$|secret|token|password|private|passphrase|assertion|verifier`),
	}
})

// IsSecretHeader reports whether a header's value is a credential.
func IsSecretHeader(key string) bool {
	k := strings.ToLower(key)
	if k == "postman-token" { // a random request id
		return false
	}
	return secretHeader(k) || strings.Contains(k, "token") || strings.Contains(k, "secret")
}

// Header returns value, or Masked when the header carries credentials.
func Header(key, value string) string {
	if IsSecretHeader(key) {
		return Masked
	}
	return value
}

// Masker masks text, knowing the values of the run's secret variables.
type Masker struct {
	values []string // secret variable values, longest first
}

// New returns a Masker that also hides each of values (values shorter than
// 3 characters are ignored: masking them would garble the text).
func New(values ...string) *Masker {
	m := &Masker{}
	seen := map[string]bool{}
	for _, v := range values {
		if len(v) >= 3 && !seen[v] {
			seen[v] = true
			m.values = append(m.values, v)
		}
	}
	sort.Slice(m.values, func(i, j int) bool { return len(m.values[i]) > len(m.values[j]) })
	return m
}

// Text masks secrets in a body, URL or message.
func (m *Masker) Text(s string) string {
	if s == "" {
		return s
	}
	for _, v := range m.values {
		if strings.Contains(s, v) {
			s = strings.ReplaceAll(s, v, Masked)
		}
	}
	pat := patterns()
	if strings.Contains(s, "KEY-----") {
		s = pat.pemBlock.ReplaceAllString(s, "-----BEGIN PRIVATE KEY-----"+Masked+"-----END PRIVATE KEY-----")
	}
	s = pat.formField.ReplaceAllString(s, "${1}${2}="+Masked)
	s = pat.jsonField.ReplaceAllString(s, `${1}"`+Masked+`"`)
	s = pat.bearer.ReplaceAllString(s, "${1} "+Masked)
	return s
}

func (m *Masker) bytes(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	s := string(b)
	if t := m.Text(s); t != s {
		return []byte(t)
	}
	return b
}

// secretValues returns the values of variables of type "secret" in lists.
func secretValues(lists ...[]*environments.Variable) []string {
	var out []string
	for _, l := range lists {
		for _, v := range l {
			if v != nil && strings.EqualFold(v.Type, "secret") {
				out = append(out, environments.String(v.Get()))
			}
		}
	}
	return out
}

// Secrets returns the values of the variables of type "secret" in env,
// globals and coll (any may be nil), for New.
func Secrets(env, globals *environments.File, coll []*environments.Variable) []string {
	return secretValues(vars(env), vars(globals), coll)
}

func vars(f *environments.File) []*environments.Variable {
	if f == nil || f.Values == nil {
		return nil
	}
	return f.Values.Variables()
}

// Summary returns a copy of s with secrets masked; s is not changed.
func Summary(s *runner.Summary) *runner.Summary {
	if s == nil {
		return nil
	}
	var collVars []*environments.Variable
	if s.Collection != nil {
		collVars = s.Collection.Variables
	}
	m := New(secretValues(vars(s.Environment), vars(s.Globals), collVars)...)
	out := *s
	out.Executions = make([]*runner.Execution, len(s.Executions))
	done := map[*runner.Execution]*runner.Execution{}
	for i, ex := range s.Executions {
		out.Executions[i] = m.execution(ex)
		done[ex] = out.Executions[i]
	}
	out.Failures = make([]runner.Failure, len(s.Failures))
	for i, f := range s.Failures {
		f.Message = m.Text(f.Message)
		if f.Execution != nil {
			if mx, ok := done[f.Execution]; ok {
				f.Execution = mx
			} else {
				f.Execution = m.execution(f.Execution)
			}
		}
		out.Failures[i] = f
	}
	out.Environment = m.file(s.Environment)
	out.Globals = m.file(s.Globals)
	if s.Collection != nil {
		c := *s.Collection
		c.Variables = m.variables(s.Collection.Variables)
		c.Items = m.items(s.Collection.Items)
		c.Auth = m.auth(s.Collection.Auth)
		out.Collection = &c
	}
	return &out
}

// items copies a tree of items with their requests and auth masked.
func (m *Masker) items(its []*collections.Item) []*collections.Item {
	if its == nil {
		return nil
	}
	out := make([]*collections.Item, len(its))
	for i, it := range its {
		if it == nil {
			continue
		}
		c := *it
		c.Request = m.request(it.Request)
		c.Auth = m.auth(it.Auth)
		c.Variables = m.variables(it.Variables)
		c.Items = m.items(it.Items)
		out[i] = &c
	}
	return out
}

func (m *Masker) results(rs []*scripting.Result) []*scripting.Result {
	if rs == nil {
		return nil
	}
	out := make([]*scripting.Result, len(rs))
	for i, r := range rs {
		if r == nil {
			continue
		}
		c := *r
		c.Tests = make([]scripting.TestResult, len(r.Tests))
		for j, t := range r.Tests {
			t.Error = m.Text(t.Error)
			c.Tests[j] = t
		}
		c.Console = make([]scripting.ConsoleEntry, len(r.Console))
		for j, e := range r.Console {
			e.Text = m.Text(e.Text)
			c.Console[j] = e
		}
		if r.Err != nil {
			e := *r.Err
			e.Message, e.Stack = m.Text(e.Message), m.Text(e.Stack)
			c.Err = &e
		}
		out[i] = &c
	}
	return out
}

func (m *Masker) file(f *environments.File) *environments.File {
	if f == nil {
		return nil
	}
	c := *f
	if f.Values != nil {
		c.Values = environments.NewList(m.variables(f.Values.Variables())...)
	}
	return &c
}

func (m *Masker) variables(vs []*environments.Variable) []*environments.Variable {
	out := make([]*environments.Variable, len(vs))
	for i, v := range vs {
		if v == nil {
			continue
		}
		if strings.EqualFold(v.Type, "secret") || patterns().secretKey.MatchString(v.Key) {
			c := v.Clone()
			c.SetValue(Masked)
			out[i] = c
			continue
		}
		if s, ok := v.Value.(string); ok {
			if t := m.Text(s); t != s {
				c := v.Clone()
				c.SetValue(t)
				out[i] = c
				continue
			}
		}
		out[i] = v
	}
	return out
}

func (m *Masker) execution(ex *runner.Execution) *runner.Execution {
	if ex == nil {
		return nil
	}
	c := *ex
	c.URL = m.Text(ex.URL)
	c.DisplayURL = m.Text(ex.DisplayURL)
	c.RequestHeaders = m.headers(ex.RequestHeaders)
	c.RequestBody = m.bytes(ex.RequestBody)
	c.Prerequest = m.results(ex.Prerequest)
	c.Test = m.results(ex.Test)
	c.Request = m.request(ex.Request)
	if ex.Item != nil {
		it := *ex.Item
		it.Request = m.request(ex.Item.Request)
		c.Item = &it
	}
	if ex.Response != nil {
		r := *ex.Response
		r.Header = m.headers(ex.Response.Header)
		r.Body = m.bytes(ex.Response.Body)
		if len(ex.Response.Cookies) > 0 {
			r.Cookies = make([]*http.Cookie, len(ex.Response.Cookies))
			for i, ck := range ex.Response.Cookies {
				cc := *ck
				cc.Value = Masked
				cc.Raw = ""
				r.Cookies[i] = &cc
			}
		}
		c.Response = &r
	}
	return &c
}

func (m *Masker) headers(hs []scripting.Header) []scripting.Header {
	if hs == nil {
		return nil
	}
	out := make([]scripting.Header, len(hs))
	for i, h := range hs {
		out[i] = scripting.Header{Key: h.Key, Value: m.Text(Header(h.Key, h.Value))}
	}
	return out
}

func (m *Masker) params(ps []*collections.Param, header bool) {
	for i, p := range ps {
		if p == nil {
			continue
		}
		v := p.Value
		if header {
			v = Header(p.Key, v)
		} else if patterns().secretKey.MatchString(p.Key) {
			v = Masked
		}
		v = m.Text(v)
		if v != p.Value {
			c := *p
			c.Value = v
			ps[i] = &c
		}
	}
}

func (m *Masker) request(r *collections.Request) *collections.Request {
	if r == nil {
		return nil
	}
	c := r.Clone()
	m.params(c.Header, true)
	if c.URL != nil {
		m.params(c.URL.Query, false)
		c.URL.Raw = m.Text(c.URL.Raw)
	}
	if c.Body != nil {
		c.Body.Raw = m.Text(c.Body.Raw)
		m.params(c.Body.URLEncoded, false)
		for _, f := range c.Body.FormData {
			if f != nil && (patterns().secretKey.MatchString(f.Key) || m.Text(f.Value) != f.Value) {
				f.Value = Masked
			}
		}
	}
	c.Auth = m.auth(c.Auth)
	return c
}

// auth returns a copy of a with credential parameters masked.
func (m *Masker) auth(a *collections.Auth) *collections.Auth {
	if a == nil {
		return nil
	}
	c := a.Clone()
	if c != nil {
		for _, ps := range c.Params {
			for _, p := range ps {
				if p == nil {
					continue
				}
				if s, ok := p.Value.(string); ok && s != "" && (patterns().secretKey.MatchString(p.Key) || p.Key == "value" || patterns().authKey.MatchString(p.Key)) {
					p.Value = Masked
				}
			}
		}
	}
	return c
}

// Reporter wraps r so that its Done receives a masked copy of the summary.
// Events pass through unchanged (the JSON, JUnit and HTML reporters render
// only the summary).
func Reporter(r runner.Reporter) runner.Reporter { return &reporter{r} }

type reporter struct{ r runner.Reporter }

func (w *reporter) Event(e runner.Event)         { w.r.Event(e) }
func (w *reporter) Done(s *runner.Summary) error { return w.r.Done(Summary(s)) }
