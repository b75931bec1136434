package runner

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/google/uuid"
	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/scripting"
)

// userAgent is the User-Agent newman 6.2 (postman-runtime 7.39.1) sends.
const userAgent = "PostmanRuntime/7.39.1"

// contentTypeByLanguage maps options.raw.language to the Content-Type
// postman-runtime adds to raw bodies.
var contentTypeByLanguage = map[string]string{
	"html":       "text/html",
	"text":       "text/plain",
	"json":       "application/json",
	"javascript": "application/javascript",
	"xml":        "application/xml",
}

// methodsWithoutBody are the methods whose body postman-runtime drops unless
// protocolProfileBehavior.disableBodyPruning is set.
var methodsWithoutBody = map[string]bool{"GET": true, "COPY": true, "HEAD": true, "PURGE": true, "UNLOCK": true}

// resolveRequest returns a copy of req with {{variables}} substituted in the
// URL, path variables, query, headers, body and (shallowly) auth parameters.
// Disabled entries are kept (marked disabled) so scripts see them.
func resolveRequest(req *collections.Request, resolve func(string) string) *collections.Request {
	out := &collections.Request{Method: strings.ToUpper(resolve(req.Method)), Description: req.Description, Extra: req.Extra}
	if out.Method == "" {
		out.Method = "GET"
	}
	if req.URL != nil {
		var u *collections.URL
		if isParts(req.URL) {
			// Parts: the query stays a list of params (a value may hold "&").
			base := resolve(rawURL(req.URL, false))
			u = splitURL(base)
			var sb strings.Builder
			sb.WriteString(base)
			for _, q := range req.URL.Query {
				if q == nil || q.Disabled {
					continue
				}
				u.Query = append(u.Query, &collections.Param{Key: resolve(q.Key), Value: resolve(q.Value), ValueNull: q.ValueNull, KeyNull: q.KeyNull})
			}
			if u.Query == nil {
				u.Query = []*collections.Param{}
			}
			writeQuery(&sb, u.Query, false)
			if req.URL.Hash != "" {
				u.Hash = resolve(req.URL.Hash)
				sb.WriteString("#" + u.Hash)
			}
			u.Raw = sb.String()
		} else {
			u = splitURL(resolve(rawURL(req.URL, true)))
			u.IsString = true
		}
		for _, v := range req.URL.Variables {
			if v == nil {
				continue
			}
			nv := *v
			nv.Value = resolve(environments.String(v.Value))
			u.Variables = append(u.Variables, &nv)
		}
		out.URL = u
	}
	for _, h := range req.Header {
		if h == nil {
			continue
		}
		nh := *h
		nh.Key, nh.Value = resolve(h.Key), resolve(h.Value)
		out.Header = append(out.Header, &nh)
	}
	if b := req.Body; b != nil {
		nb := *b
		nb.Raw = resolve(b.Raw)
		nb.URLEncoded = nil
		for _, p := range b.URLEncoded {
			if p == nil {
				continue
			}
			np := *p
			np.Key, np.Value = resolve(p.Key), resolve(p.Value)
			nb.URLEncoded = append(nb.URLEncoded, &np)
		}
		nb.FormData = nil
		for _, p := range b.FormData {
			if p == nil {
				continue
			}
			np := *p
			np.Key, np.Value = resolve(p.Key), resolve(p.Value)
			np.ContentType = resolve(p.ContentType)
			np.Src = nil
			for _, s := range p.Src {
				np.Src = append(np.Src, resolve(s))
			}
			nb.FormData = append(nb.FormData, &np)
		}
		if b.GraphQL != nil {
			g := *b.GraphQL
			g.Query, g.Variables = resolve(g.Query), resolve(g.Variables)
			nb.GraphQL = &g
		}
		if b.File != nil {
			f := *b.File
			f.Src = resolve(f.Src)
			nb.File = &f
		}
		out.Body = &nb
	}
	if req.Auth != nil {
		a := *req.Auth
		a.Params = make(map[string][]*collections.AuthParam, len(req.Auth.Params))
		for k, ps := range req.Auth.Params {
			nps := make([]*collections.AuthParam, 0, len(ps))
			for _, p := range ps {
				if p == nil {
					continue
				}
				np := *p
				if s, ok := p.Value.(string); ok {
					np.Value = resolve(s)
				}
				nps = append(nps, &np)
			}
			a.Params[k] = nps
		}
		out.Auth = &a
	}
	return out
}

// splitURL splits a resolved URL string into Postman's URL parts (keeping
// the string as Raw).
func splitURL(raw string) *collections.URL {
	u := &collections.URL{Raw: raw}
	s := raw
	if i := strings.IndexByte(s, '#'); i >= 0 {
		u.Hash = s[i+1:]
		s = s[:i]
	}
	if i := strings.Index(s, "://"); i >= 0 && validScheme(s[:i]) {
		u.Protocol = s[:i]
		s = s[i+3:]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		for _, p := range strings.Split(s[i+1:], "&") {
			k, v, ok := strings.Cut(p, "=")
			u.Query = append(u.Query, &collections.Param{Key: k, Value: v, ValueNull: !ok})
		}
		s = s[:i]
	}
	host := s
	if i := strings.IndexByte(s, '/'); i >= 0 {
		host = s[:i]
		u.Path = strings.Split(s[i+1:], "/")
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.Contains(host[i:], "]") {
		u.Port = host[i+1:]
		host = host[:i]
	}
	if host != "" {
		u.Host = strings.Split(host, ".")
	}
	return u
}

// unresolvedRE matches a {{name}} reference; compiled on first use.
var unresolvedRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{\{([^{}]+)\}\}`) })

// unresolved lists the distinct {{names}} left in a resolved request.
func unresolved(req *collections.Request) []string {
	var names []string
	seen := map[string]bool{}
	add := func(s string) {
		if !strings.Contains(s, "{{") {
			return
		}
		for _, m := range unresolvedRE().FindAllStringSubmatch(s, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				names = append(names, m[1])
			}
		}
	}
	if req.URL != nil {
		add(req.URL.Raw)
		for _, v := range req.URL.Variables {
			add(environments.String(v.Value))
		}
	}
	for _, h := range req.Header {
		if !h.Disabled {
			add(h.Key)
			add(h.Value)
		}
	}
	if b := req.Body; b != nil && !b.Disabled {
		switch b.Mode {
		case "raw":
			add(b.Raw)
		case "urlencoded":
			for _, p := range b.URLEncoded {
				if !p.Disabled {
					add(p.Key)
					add(p.Value)
				}
			}
		case "formdata":
			for _, p := range b.FormData {
				if !p.Disabled {
					add(p.Key)
					add(p.Value)
				}
			}
		case "graphql":
			if b.GraphQL != nil {
				add(b.GraphQL.Query)
				add(b.GraphQL.Variables)
			}
		}
	}
	return names
}

// unresolvedAuth lists the {{names}} left in the parameters of auth block a
// (of its type) after resolve, appended to names without duplicates.
func unresolvedAuth(names []string, a *collections.Auth, resolve func(string) string) []string {
	if a == nil {
		return names
	}
	for _, p := range a.Params[a.Type] {
		s, ok := p.Value.(string)
		if !ok || !strings.Contains(s, "{{") {
			continue
		}
		for _, m := range unresolvedRE().FindAllStringSubmatch(resolve(s), -1) {
			dup := false
			for _, n := range names {
				dup = dup || n == m[1]
			}
			if !dup {
				names = append(names, m[1])
			}
		}
	}
	return names
}

// prepared is a resolved request ready to send.
type prepared struct {
	method string
	url    *builtURL
	// header holds the headers in the order newman sends them, without the
	// Cookie and Content-Length headers, which the sender adds.
	header []scripting.Header
	// lateType is a Content-Type the body encoder adds after the system
	// headers (urlencoded, formdata, file bodies); "" when none.
	lateType  string
	body      []byte
	hasBody   bool
	mode      string
	userCount int      // the user's enabled headers lead header
	warnings  []string // console warnings newman prints (missing body files)
}

// fileErr words a file read error as newman does.
func fileErr(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "no such file"
	}
	return err.Error()
}

func hasHeader(hs []scripting.Header, name string) bool {
	for _, h := range hs {
		if strings.EqualFold(h.Key, name) {
			return true
		}
	}
	return false
}

// prepare builds the wire request from a resolved request: URL, headers in
// newman's order (user headers, body Content-Type, system headers) and body.
func prepare(req *collections.Request, b behaviour, workDir string) (*prepared, error) {
	p := &prepared{method: req.Method}
	if p.method == "" {
		p.method = "GET"
	}
	var pathVars map[string]string
	raw := ""
	if req.URL != nil {
		raw = req.URL.Raw
		for _, v := range req.URL.Variables {
			if v == nil || v.Disabled {
				continue
			}
			if pathVars == nil {
				pathVars = map[string]string{}
			}
			pathVars[v.Key] = environments.String(v.Value)
		}
	}
	var params []*collections.Param
	if isParts(req.URL) {
		params = req.URL.Query // each value is one parameter, "&" and all
		if params == nil {
			params = []*collections.Param{}
		}
	}
	u, err := buildURL(raw, params, pathVars, b.disableURLEncoding)
	if err != nil {
		return nil, urlError(err)
	}
	p.url = u
	for _, h := range req.Header {
		if h == nil || h.Disabled || h.Key == "" {
			continue
		}
		p.header = append(p.header, scripting.Header{Key: h.Key, Value: h.Value})
	}
	p.userCount = len(p.header)
	if err := p.encodeBody(req, b, workDir); err != nil {
		return nil, err
	}
	sys := [...]scripting.Header{
		{Key: "User-Agent", Value: userAgent},
		{Key: "Accept", Value: "*/*"},
		{Key: "Cache-Control", Value: "no-cache"},
		{Key: "Postman-Token", Value: ""},
		{Key: "Host", Value: u.host},
		{Key: "Accept-Encoding", Value: "gzip, deflate, br"},
		{Key: "Connection", Value: "keep-alive"},
	}
	for _, h := range sys {
		if hasHeader(p.header, h.Key) || b.headerOff(h.Key) {
			continue
		}
		if h.Key == "Postman-Token" {
			h.Value = uuid.NewString()
		}
		p.header = append(p.header, h)
	}
	if ui := u.u.User; ui != nil && !hasHeader(p.header, "Authorization") {
		// Credentials in the URL become basic auth, as the request library does.
		pw, _ := ui.Password()
		user, _ := url.PathUnescape(ui.Username())
		pw, _ = url.PathUnescape(pw)
		p.header = append(p.header, scripting.Header{Key: "authorization", Value: "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+pw))})
	}
	if p.lateType != "" && (hasHeader(p.header, "Content-Type") || b.headerOff("Content-Type")) {
		p.lateType = ""
	}
	return p, nil
}

// encodeBody sets p.body (and Content-Type headers) from the request body as
// postman-runtime does.
func (p *prepared) encodeBody(req *collections.Request, b behaviour, workDir string) error {
	body := req.Body
	if body == nil || body.Disabled || body.Mode == "" {
		return nil
	}
	if methodsWithoutBody[p.method] && !b.disableBodyPruning {
		return nil
	}
	p.mode = body.Mode
	switch body.Mode {
	case "raw":
		if body.Raw == "" {
			return nil
		}
		if !hasHeader(p.header, "Content-Type") && !b.headerOff("Content-Type") {
			lang := "text"
			if o, ok := body.Options["raw"].(map[string]any); ok {
				if l, ok := o["language"].(string); ok {
					lang = l
				}
			}
			ct, ok := contentTypeByLanguage[lang]
			if !ok {
				ct = "text/plain"
			}
			p.header = append(p.header, scripting.Header{Key: "Content-Type", Value: ct})
			if lang == "json" {
				// postman-runtime's JSON-comment pass builds a json body
				// before the auth handlers run, which adds its Content-Type
				// then: auth signs it and puts its headers after it.
				p.userCount++
			}
		}
		p.body, p.hasBody = []byte(body.Raw), true
	case "urlencoded":
		var sb strings.Builder
		n := 0
		for _, f := range body.URLEncoded {
			if f == nil || f.Disabled {
				continue
			}
			if n > 0 {
				sb.WriteByte('&')
			}
			n++
			sb.WriteString(formEncode(f.Key))
			sb.WriteByte('=')
			sb.WriteString(formEncode(f.Value))
		}
		if n == 0 {
			return nil
		}
		p.body, p.hasBody = []byte(sb.String()), true
		p.lateType = "application/x-www-form-urlencoded"
	case "formdata":
		return p.encodeMultipart(body.FormData, workDir)
	case "file":
		if body.File == nil || body.File.Src == "" && body.File.Content == "" {
			return nil
		}
		if body.File.Src == "" {
			p.body, p.hasBody = []byte(body.File.Content), true
			return nil
		}
		path := filePath(workDir, body.File.Src)
		data, err := os.ReadFile(path)
		if err != nil {
			// newman warns on the console and sends no body.
			p.warnings = append(p.warnings, fmt.Sprintf("Binary file load error: %q, %s", body.File.Src, fileErr(err)))
			p.mode = ""
			return nil
		}
		p.body, p.hasBody = data, true
		p.lateType = typeByExtension(path, "")
	case "graphql":
		g := body.GraphQL
		if g == nil {
			g = &collections.GraphQL{}
		}
		var sb strings.Builder
		sb.WriteString(`{"query":`)
		q, _ := json.Marshal(g.Query)
		sb.Write(q)
		if op, ok := g.Extra["operationName"]; ok {
			var s string
			if json.Unmarshal(op, &s) == nil {
				sb.WriteString(`,"operationName":`)
				o, _ := json.Marshal(s)
				sb.Write(o)
			}
		}
		if g.Variables != "" {
			sb.WriteString(`,"variables":`)
			sb.WriteString(g.Variables)
		}
		sb.WriteByte('}')
		if !hasHeader(p.header, "Content-Type") && !b.headerOff("Content-Type") {
			p.header = append(p.header, scripting.Header{Key: "Content-Type", Value: "application/json"})
		}
		p.body, p.hasBody = []byte(sb.String()), true
	default:
		p.mode = ""
	}
	return nil
}

func filePath(workDir, src string) string {
	if filepath.IsAbs(src) || workDir == "" {
		return src
	}
	return filepath.Join(workDir, src)
}

// typeByExtension is the MIME type newman's mime-types lookup gives a file
// name (without parameters), or def.
func typeByExtension(name, def string) string {
	t := mime.TypeByExtension(filepath.Ext(name))
	if t == "" {
		return def
	}
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = t[:i]
	}
	return t
}

// boundary returns a multipart boundary shaped like form-data's (26 dashes
// and 24 digits).
func boundary() string {
	id := uuid.New()
	var sb strings.Builder
	sb.WriteString("--------------------------")
	for i := 0; sb.Len() < 50; i++ {
		sb.WriteString(strconv.Itoa(int(id[i%16]) % 10))
	}
	return sb.String()
}

func (p *prepared) encodeMultipart(fields []*collections.FormParam, workDir string) error {
	enabled := 0
	for _, f := range fields {
		if f != nil && !f.Disabled {
			enabled++
		}
	}
	if enabled == 0 {
		return nil
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	bd := boundary()
	if err := w.SetBoundary(bd); err != nil {
		return fmt.Errorf("multipart boundary: %w", err)
	}
	for _, f := range fields {
		if f == nil || f.Disabled {
			continue
		}
		if f.Type == "file" {
			for _, src := range f.Src {
				if src == "" {
					continue
				}
				path := filePath(workDir, src)
				data, err := os.ReadFile(path)
				if err != nil {
					// newman warns on the console and leaves the field out.
					p.warnings = append(p.warnings, fmt.Sprintf("Form param `%s`, file load error: %q, %s", f.Key, src, fileErr(err)))
					continue
				}
				h := textproto.MIMEHeader{}
				h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, escapeQuotes(f.Key), escapeQuotes(filepath.Base(src))))
				ct := f.ContentType
				if ct == "" {
					ct = typeByExtension(path, "application/octet-stream")
				}
				h.Set("Content-Type", ct)
				pw, err := w.CreatePart(h)
				if err != nil {
					return fmt.Errorf("form-data field %q: %w", f.Key, err)
				}
				pw.Write(data)
			}
			continue
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"`, escapeQuotes(f.Key)))
		if f.ContentType != "" {
			h.Set("Content-Type", f.ContentType)
		}
		pw, err := w.CreatePart(h)
		if err != nil {
			return fmt.Errorf("form-data field %q: %w", f.Key, err)
		}
		pw.Write([]byte(f.Value))
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("form-data: %w", err)
	}
	p.body, p.hasBody = buf.Bytes(), true
	p.lateType = "multipart/form-data; boundary=" + bd
	return nil
}

func escapeQuotes(s string) string {
	if !strings.ContainsAny(s, "\"\\\r\n") {
		return s
	}
	return strings.NewReplacer("\\", "\\\\", `"`, "%22", "\r", "%0D", "\n", "%0A").Replace(s)
}
