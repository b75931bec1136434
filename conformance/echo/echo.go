// Package echo is the conformance corpus's local HTTP server: it answers with
// what it received and offers status, delay, redirect, cookie, compression and
// auth-challenge endpoints. It records every request in arrival order. It
// listens on loopback only.
package echo

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// Request is one request as the server received it.
type Request struct {
	Method  string            `json:"method"`
	Path    string            `json:"path"`
	Query   string            `json:"query,omitempty"`
	Headers map[string]string `json:"headers"`
	// Order is the header names as they came on the wire: in order, with
	// their case.
	Order []string `json:"order,omitempty"`
	Body  string   `json:"body,omitempty"`
}

// Server is a running echo server.
type Server struct {
	*httptest.Server
	mu  sync.Mutex
	log []Request
}

// New starts an echo server on 127.0.0.1.
func New() *Server {
	s := &Server{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.Server.Listener = headListener{s.Server.Listener}
	s.Server.Config.ConnContext = func(ctx context.Context, c net.Conn) context.Context {
		if hc, ok := c.(*headConn); ok {
			return context.WithValue(ctx, headConnKey{}, hc)
		}
		return ctx
	}
	s.Server.Start()
	return s
}

// headListener hands out connections that keep what they read, so that a
// request's header order and case can be recorded (net/http's Header map
// keeps neither).
type headListener struct{ net.Listener }

func (l headListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &headConn{Conn: c}, nil
}

// headConn keeps the bytes read since the last request was handled
// (clients here send one request at a time per connection).
type headConn struct {
	net.Conn
	mu  sync.Mutex
	buf []byte
}

type headConnKey struct{}

func (c *headConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.mu.Lock()
	if len(c.buf) < 1<<20 {
		c.buf = append(c.buf, p[:n]...)
	}
	c.mu.Unlock()
	return n, err
}

// takeOrder returns the header names of the request read so far, in order,
// and forgets what was read; call it once the request's body is read.
func (c *headConn) takeOrder() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	head, _, _ := bytes.Cut(c.buf, []byte("\r\n\r\n"))
	c.buf = c.buf[:0]
	lines := bytes.Split(head, []byte("\r\n"))
	var out []string
	for _, l := range lines[1:] {
		if name, _, ok := bytes.Cut(l, []byte(":")); ok {
			out = append(out, string(name))
		}
	}
	return out
}

// Requests returns the requests received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// Reset forgets the requests received so far.
func (s *Server) Reset() {
	s.mu.Lock()
	s.log = nil
	s.mu.Unlock()
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 10<<20))
	headers := map[string]string{}
	for k, v := range r.Header {
		headers[strings.ToLower(k)] = strings.Join(v, ", ")
	}
	if r.Host != "" {
		headers["host"] = r.Host
	}
	if len(r.TransferEncoding) > 0 {
		headers["transfer-encoding"] = strings.Join(r.TransferEncoding, ", ")
	}
	rec := Request{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery, Headers: headers, Body: string(body)}
	if hc, ok := r.Context().Value(headConnKey{}).(*headConn); ok {
		rec.Order = hc.takeOrder()
	}
	s.mu.Lock()
	s.log = append(s.log, rec)
	s.mu.Unlock()

	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	switch parts[0] {
	case "status":
		code := 200
		if len(parts) > 1 {
			code, _ = strconv.Atoi(parts[1])
		}
		if code < 100 || code > 999 {
			code = 400
		}
		writeJSON(w, code, map[string]any{"status": code})
		return
	case "delay":
		ms := 0
		if len(parts) > 1 {
			ms, _ = strconv.Atoi(parts[1])
		}
		select {
		case <-time.After(time.Duration(ms) * time.Millisecond):
		case <-r.Context().Done():
			return
		}
	case "redirect":
		n := 1
		if len(parts) > 1 {
			n, _ = strconv.Atoi(parts[1])
		}
		code := http.StatusFound
		if c := r.URL.Query().Get("status"); c != "" {
			code, _ = strconv.Atoi(c)
		}
		target := "/echo"
		if n > 1 {
			target = fmt.Sprintf("/redirect/%d", n-1)
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
		}
		http.Redirect(w, r, target, code)
		return
	case "redirect-to":
		code := http.StatusFound
		if c := r.URL.Query().Get("status"); c != "" {
			code, _ = strconv.Atoi(c)
		}
		http.Redirect(w, r, r.URL.Query().Get("url"), code)
		return
	case "cookies":
		if len(parts) > 1 && parts[1] == "set" {
			q := r.URL.Query()
			for _, k := range SortedKeys(q) { // in a stable order: clients order cookies by creation
				http.SetCookie(w, &http.Cookie{Name: k, Value: q[k][0], Path: "/"})
			}
		}
		if len(parts) > 1 && parts[1] == "delete" {
			for k := range r.URL.Query() {
				http.SetCookie(w, &http.Cookie{Name: k, Value: "", Path: "/", MaxAge: -1})
			}
		}
		got := map[string]string{}
		for _, c := range r.Cookies() {
			got[c.Name] = c.Value
		}
		writeJSON(w, 200, map[string]any{"cookies": got})
		return
	case "gzip", "deflate", "brotli":
		writeCompressed(w, parts[0], echoBody(r, rec, body))
		return
	case "basic-auth":
		user, pass, ok := r.BasicAuth()
		if !ok || len(parts) < 3 || user != parts[1] || pass != parts[2] {
			w.Header().Set("WWW-Authenticate", `Basic realm="echo"`)
			writeJSON(w, 401, map[string]any{"authenticated": false})
			return
		}
		writeJSON(w, 200, map[string]any{"authenticated": true, "user": user})
		return
	case "bearer":
		h := r.Header.Get("Authorization")
		if !strings.HasPrefix(h, "Bearer ") {
			writeJSON(w, 401, map[string]any{"authenticated": false})
			return
		}
		writeJSON(w, 200, map[string]any{"authenticated": true, "token": strings.TrimPrefix(h, "Bearer ")})
		return
	case "digest-auth":
		if len(parts) < 3 {
			writeJSON(w, 400, map[string]any{"error": "use /digest-auth/USER/PASS"})
			return
		}
		digest(w, r, parts[1], parts[2])
		return
	case "xml":
		w.Header().Set("Content-Type", "application/xml")
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><root><user id="1"><name>Ada</name><tags><tag>a</tag><tag>b</tag></tags></user></root>`)
		return
	case "html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><html><head><title>Echo page</title></head><body><h1 class="t">Hello</h1><ul><li>one</li><li>two</li></ul><a href="/x">x</a></body></html>`)
		return
	case "text":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "plain text body")
		return
	case "headers":
		for k, vs := range r.URL.Query() {
			for _, v := range vs {
				w.Header().Add(k, v)
			}
		}
	}
	writeJSON(w, 200, echoBody(r, rec, body))
}

func echoBody(r *http.Request, rec Request, body []byte) map[string]any {
	out := map[string]any{
		"method":  rec.Method,
		"path":    rec.Path,
		"headers": rec.Headers,
		"args":    flatten(r.URL.Query()),
	}
	ct, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case ct == "application/x-www-form-urlencoded":
		v, _ := url.ParseQuery(string(body))
		out["form"] = flatten(v)
	case strings.HasPrefix(ct, "multipart/"):
		form := map[string]any{}
		files := map[string]any{}
		mr := multipart.NewReader(strings.NewReader(string(body)), params["boundary"])
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			data, _ := io.ReadAll(p)
			if p.FileName() != "" {
				files[p.FormName()] = map[string]any{"filename": p.FileName(), "contentType": p.Header.Get("Content-Type"), "size": len(data), "content": string(data)}
			} else {
				form[p.FormName()] = string(data)
			}
		}
		out["form"] = form
		out["files"] = files
	default:
		var j any
		if json.Unmarshal(body, &j) == nil {
			out["json"] = j
		}
	}
	out["data"] = string(body)
	cookies := map[string]string{}
	for _, c := range r.Cookies() {
		cookies[c.Name] = c.Value
	}
	out["cookies"] = cookies
	return out
}

func flatten(v url.Values) map[string]any {
	out := map[string]any{}
	for k, vs := range v {
		if len(vs) == 1 {
			out[k] = vs[0]
		} else {
			out[k] = vs
		}
	}
	return out
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeCompressed(w http.ResponseWriter, kind string, v any) {
	data, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	var zw io.WriteCloser
	switch kind {
	case "gzip":
		w.Header().Set("Content-Encoding", "gzip")
		zw = gzip.NewWriter(w)
	case "deflate":
		w.Header().Set("Content-Encoding", "deflate")
		zw, _ = flate.NewWriter(w, flate.DefaultCompression)
	default:
		w.Header().Set("Content-Encoding", "br")
		zw = brotli.NewWriter(w)
	}
	zw.Write(data)
	zw.Close()
}

// digest implements RFC 7616 digest auth with MD5 and qop=auth, with a fixed
// nonce so that recorded runs are reproducible.
func digest(w http.ResponseWriter, r *http.Request, user, pass string) {
	const realm, nonce, opaque = "echo@postie", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "5ccc069c403ebaf9f0171e9517f40e41"
	challenge := func() {
		w.Header().Set("WWW-Authenticate", fmt.Sprintf(`Digest realm="%s", qop="auth", nonce="%s", opaque="%s", algorithm=MD5`, realm, nonce, opaque))
		writeJSON(w, 401, map[string]any{"authenticated": false})
	}
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Digest ") {
		challenge()
		return
	}
	f := parseDigest(strings.TrimPrefix(h, "Digest "))
	md := func(s string) string { sum := md5.Sum([]byte(s)); return hex.EncodeToString(sum[:]) }
	ha1 := md(user + ":" + realm + ":" + pass)
	ha2 := md(r.Method + ":" + f["uri"])
	var want string
	if f["qop"] != "" {
		want = md(strings.Join([]string{ha1, f["nonce"], f["nc"], f["cnonce"], f["qop"], ha2}, ":"))
	} else {
		want = md(ha1 + ":" + f["nonce"] + ":" + ha2)
	}
	if f["username"] != user || f["response"] != want {
		challenge()
		return
	}
	writeJSON(w, 200, map[string]any{"authenticated": true, "user": user})
}

func parseDigest(s string) map[string]string {
	out := map[string]string{}
	for _, part := range splitDigest(s) {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		out[strings.ToLower(k)] = strings.Trim(v, `"`)
	}
	return out
}

func splitDigest(s string) []string {
	var parts []string
	quoted, start := false, 0
	for i, c := range s {
		switch {
		case c == '"':
			quoted = !quoted
		case c == ',' && !quoted:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// SortedKeys returns m's keys sorted (used by normalizers).
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
