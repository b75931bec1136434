package runner

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/postie-run/postie/auth"
	"github.com/postie-run/postie/scripting"
)

// behaviour is the effective protocolProfileBehavior of one request.
type behaviour struct {
	disableBodyPruning        bool
	followRedirects           bool
	followOriginalHTTPMethod  bool
	followAuthorizationHeader bool
	removeRefererHeader       bool
	maxRedirects              int
	strictSSL                 bool
	disableURLEncoding        bool
	disableCookies            bool
	// disabledHeaders holds the system headers turned off with
	// protocolProfileBehavior.disabledSystemHeaders (lower-case names of
	// sysHeaderBits).
	disabledHeaders uint16
}

// sysHeaderBits numbers the headers disabledSystemHeaders can turn off.
var sysHeaderBits = map[string]uint16{
	"user-agent": 1 << 0, "accept": 1 << 1, "cache-control": 1 << 2, "postman-token": 1 << 3, "host": 1 << 4,
	"accept-encoding": 1 << 5, "connection": 1 << 6, "content-type": 1 << 7, "content-length": 1 << 8,
}

// headerOff reports whether the system header name is disabled.
func (b behaviour) headerOff(name string) bool {
	return b.disabledHeaders&sysHeaderBits[strings.ToLower(name)] != 0
}

// newBehaviour applies protocolProfileBehavior maps (collection, then
// folders outer to inner, then the item: later wins) over the run options.
func newBehaviour(opts *Options, maps ...map[string]any) behaviour {
	b := behaviour{followRedirects: !opts.IgnoreRedirects, maxRedirects: opts.MaxRedirects, strictSSL: !opts.Insecure, disableCookies: opts.DisableCookies}
	if b.maxRedirects <= 0 {
		b.maxRedirects = 10
	}
	for _, m := range maps {
		for k, v := range m {
			switch k {
			case "maxRedirects":
				if f, ok := v.(float64); ok && f >= 0 {
					b.maxRedirects = int(f)
				}
				continue
			case "disabledSystemHeaders":
				if m, ok := v.(map[string]any); ok {
					for name, off := range m {
						bit := sysHeaderBits[strings.ToLower(name)]
						if on, _ := off.(bool); on {
							b.disabledHeaders |= bit
						} else {
							b.disabledHeaders &^= bit
						}
					}
				}
				continue
			}
			on, ok := v.(bool)
			if !ok {
				continue
			}
			switch k {
			case "disableBodyPruning":
				b.disableBodyPruning = on
			case "followRedirects":
				b.followRedirects = on
			case "followOriginalHttpMethod":
				b.followOriginalHTTPMethod = on
			case "followAuthorizationHeader":
				b.followAuthorizationHeader = on
			case "removeRefererHeaderOnRedirect":
				b.removeRefererHeader = on
			case "strictSSL":
				b.strictSSL = on && !opts.Insecure
			case "disableUrlEncoding":
				b.disableURLEncoding = on
			case "disableCookies":
				b.disableCookies = on
			}
		}
	}
	return b
}

// sent is the outcome of sending one prepared request.
type sent struct {
	header     []scripting.Header // request headers on the wire (first hop), in order
	href       string
	resp       *scripting.Response
	headerSize int
	// signedBody is the body the authorizer replaced on the first hop
	// (oauth1's parameters added to an urlencoded body); nil: not replaced.
	signedBody []byte
	// timings are the last hop's phases (nil when not traced).
	timings *Timings
	// challenges are the responses that asked the auth to try again
	// (digest's and NTLM's 401s), in order; Newman reports each as a request.
	challenges []*scripting.Response
	// challengeHops are the challenges' requests as sent.
	challengeHops []*Exchange
}

// sender sends prepared requests with the run's transports and jar.
type sender struct {
	tr             *transports
	jar            *Jar
	requestTimeout time.Duration
}

// capturing links a request to the connection it was sent on, and times
// it.
type capturing struct {
	conn  *captureConn
	wire  []scripting.Header // the request's headers in wire order
	clock hopClock           // the hop's moments, for Timings
}

func (c *capturing) gotConn(info httptrace.GotConnInfo) {
	if cc, ok := info.Conn.(*captureConn); ok {
		cc.orderNext(c.wire)
		cc.start()
		c.conn = cc
	}
}

// roundTrip sends one hop, its headers in the order of wire, and returns
// the response with its captured head (nil when the connection could not
// be captured).
func (s *sender) roundTrip(req *http.Request, wire []scripting.Header, insecure bool) (*http.Response, *capturing, error) {
	c := &capturing{wire: wire}
	if req.URL.Scheme == "http" && s.tr.proxy != nil && strings.HasPrefix(req.URL.Opaque, "/") && !strings.HasPrefix(req.URL.Opaque, "//") {
		if p, err := s.tr.proxy(req.URL); err == nil && p != nil {
			// net/http sends the absolute form to proxies only for URLs
			// without Opaque; give it the absolute form itself.
			u := *req.URL
			u.Opaque = "//" + u.Host + u.Opaque
			req = req.Clone(req.Context())
			req.URL = &u
		}
	}
	if s.tr.override == nil {
		trace := &httptrace.ClientTrace{GotConn: c.gotConn}
		c.clock.trace(trace)
		req = req.WithContext(httptrace.WithClientTrace(req.Context(), trace))
	}
	resp, err := s.tr.forURL(hrefOf(req.URL), insecure).RoundTrip(req)
	return resp, c, err
}

func (c *capturing) head() []byte {
	if c == nil || c.conn == nil {
		return nil
	}
	return c.conn.take()
}

// RequestError is a request that could not complete (connection refused,
// DNS, TLS, timeout, too many redirects), with newman's message.
type RequestError struct {
	Message string // as newman prints it, e.g. "connect ECONNREFUSED 127.0.0.1:1"
	Err     error
}

func (e *RequestError) Error() string { return e.Message }
func (e *RequestError) Unwrap() error { return e.Err }

// newmanMessage maps a Go transport error to newman's wording.
func newmanMessage(err error, host string, timedOut bool) string {
	if timedOut || errors.Is(err, context.DeadlineExceeded) {
		return "ESOCKETTIMEDOUT"
	}
	if m := tlsMessage(err); m != "" {
		return m
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return "getaddrinfo ENOTFOUND " + dnsErr.Name
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		addr := host
		if opErr.Addr != nil {
			addr = opErr.Addr.String()
		}
		switch {
		case errors.Is(err, syscall.ECONNREFUSED):
			return "connect ECONNREFUSED " + addr
		case errors.Is(err, syscall.ECONNRESET):
			return "read ECONNRESET"
		case errors.Is(err, syscall.EHOSTUNREACH):
			return "connect EHOSTUNREACH " + addr
		case errors.Is(err, os.ErrDeadlineExceeded):
			return "connect ETIMEDOUT " + addr
		}
	}
	if errors.Is(err, syscall.ECONNRESET) {
		return "read ECONNRESET"
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "socket hang up"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

// tlsMessage maps certificate verification errors to Node's (OpenSSL's)
// wording, which newman prints; "" when err is not one.
func tlsMessage(err error) string {
	var cv *tls.CertificateVerificationError
	var chain []*x509.Certificate
	if errors.As(err, &cv) {
		chain = cv.UnverifiedCertificates
	}
	var ua x509.UnknownAuthorityError
	var inv x509.CertificateInvalidError
	var host x509.HostnameError
	switch {
	case errors.As(err, &ua):
		if len(chain) > 0 {
			last := chain[len(chain)-1]
			if bytes.Equal(last.RawIssuer, last.RawSubject) && last.CheckSignatureFrom(last) == nil {
				if len(chain) == 1 {
					return "self-signed certificate"
				}
				return "self-signed certificate in certificate chain"
			}
			if len(chain) == 1 {
				return "unable to verify the first certificate"
			}
		}
		return "unable to get local issuer certificate"
	case errors.As(err, &inv):
		switch inv.Reason {
		case x509.Expired:
			if inv.Cert != nil && time.Now().Before(inv.Cert.NotBefore) {
				return "certificate is not yet valid"
			}
			return "certificate has expired"
		}
		return "certificate verify failed: " + inv.Error()
	case errors.As(err, &host):
		if ip := net.ParseIP(host.Host); ip != nil {
			return "Hostname/IP does not match certificate's altnames: IP: " + host.Host + " is not in the cert's list: " + altNames(host.Certificate)
		}
		return "Hostname/IP does not match certificate's altnames: Host: " + host.Host + ". is not in the cert's altnames: " + altNames(host.Certificate)
	}
	return ""
}

func altNames(c *x509.Certificate) string {
	if c == nil {
		return ""
	}
	var names []string
	for _, d := range c.DNSNames {
		names = append(names, "DNS:"+d)
	}
	for _, ip := range c.IPAddresses {
		names = append(names, "IP Address:"+ip.String())
	}
	return strings.Join(names, ", ")
}

func isRedirect(code int) bool {
	switch code {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}

// send performs p: cookies from the jar, auth (with challenge retries),
// redirects as the behaviour says, body decoding. ctx bounds it.
func (s *sender) send(ctx context.Context, p *prepared, b behaviour, authz auth.Authorizer) (*sent, error) {
	if s.requestTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, s.requestTimeout)
		defer cancel()
	}
	out := &sent{href: p.url.href}
	start := time.Now()
	h := hop{method: p.method, body: p.body, hasBody: p.hasBody, u: p.url.u, header: p.header, lateType: p.lateType, userCount: p.userCount, mode: p.mode}
	hops, authTries := 0, 0
	for hopStart := start; ; hopStart = time.Now() {
		var req *http.Request
		var wire []scripting.Header
		var err error
		if authz != nil && (hops == 0 || authTries > 0) {
			req, wire, err = s.authorize(ctx, &h, b, authz, authTries > 0)
		} else {
			req, wire, err = s.build(ctx, &h, b)
		}
		if err != nil {
			return out, err
		}
		if hops == 0 {
			out.header = wire
			out.href = hrefOf(req.URL)
			if h.signed {
				out.signedBody = h.body
				if out.signedBody == nil {
					out.signedBody = []byte{}
				}
			}
		}
		resp, capt, err := s.roundTrip(req, wire, !b.strictSSL)
		if err != nil {
			timedOut := ctx.Err() == context.DeadlineExceeded
			if timedOut && capt.conn == nil && s.tr.override == nil {
				// still connecting: the request library's connect timeout
				return out, &RequestError{Message: "ETIMEDOUT", Err: err}
			}
			return out, &RequestError{Message: newmanMessage(err, req.URL.Host, timedOut), Err: err}
		}
		if !b.disableCookies && s.jar != nil {
			if cs := resp.Cookies(); len(cs) > 0 {
				s.jar.SetCookies(req.URL, cs)
			}
		}
		if authz != nil && authTries < 3 && authz.Retry(resp) {
			// A challenge (digest, ntlm): authorize again and resend.
			authTries++
			raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
			resp.Body.Close()
			end := time.Now()
			cr, _ := toResponse(resp, raw, end.Sub(start), capt.head())
			out.challenges = append(out.challenges, cr)
			xc := &Exchange{Header: newmanHeaders(wire, h.lateType), Href: hrefOf(req.URL)}
			if s.tr.override == nil {
				xc.Timings = capt.clock.timings(hopStart, end, time.Now())
			}
			out.challengeHops = append(out.challengeHops, xc)
			start = time.Now()
			continue
		}
		authTries = 0
		loc := resp.Header.Get("Location")
		if b.followRedirects && isRedirect(resp.StatusCode) && loc != "" {
			if hops >= b.maxRedirects {
				resp.Body.Close()
				msg := "Exceeded maxRedirects. Probably stuck in a redirect loop " + hrefOf(req.URL)
				return out, &RequestError{Message: msg, Err: errors.New(msg)}
			}
			next, err := req.URL.Parse(loc)
			io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
			resp.Body.Close()
			if err != nil {
				return out, &RequestError{Message: "invalid redirect location " + loc, Err: err}
			}
			hops++
			prevHost := req.URL.Hostname()
			if !b.removeRefererHeader {
				h.referer = hrefOf(req.URL)
			}
			if !b.followOriginalHTTPMethod && resp.StatusCode != 307 && resp.StatusCode != 308 && h.method != "HEAD" {
				h.method, h.body, h.hasBody, h.lateType, h.mode = "GET", nil, false, "", ""
				h.header = withoutHeaders(h.header, "Content-Type", "Content-Length")
			}
			if next.Hostname() != prevHost && !b.followAuthorizationHeader {
				h.header = withoutHeaders(h.header, "Authorization")
			}
			h.header = setHeader(h.header, "Host", next.Host)
			h.redirected = true
			h.u = opaqueURL(next)
			continue
		}
		raw, dropped, err := readBody(resp.Body, MaxResponseBody)
		resp.Body.Close()
		if err != nil {
			return out, &RequestError{Message: newmanMessage(err, req.URL.Host, ctx.Err() == context.DeadlineExceeded), Err: err}
		}
		end := time.Now()
		elapsed := end.Sub(start)
		out.resp, out.headerSize = toResponse(resp, raw, elapsed, capt.head())
		if dropped > 0 && out.resp.ResponseSize < len(raw)+int(dropped) {
			out.resp.ResponseSize = len(raw) + int(dropped) // the body past MaxResponseBody is counted, not kept
		}
		if s.tr.override == nil {
			out.timings = capt.clock.timings(hopStart, end, time.Now())
		}
		return out, nil
	}
}

// hop is the state of one request on the way: method, URL, headers (in
// newman's order, without Cookie and Content-Length) and body.
type hop struct {
	method    string
	u         *url.URL
	header    []scripting.Header
	userCount int // how many leading entries of header are the user's (auth headers go after them)
	lateType  string
	body      []byte
	hasBody   bool
	mode      string // the collection body mode ("" for none)
	referer   string
	signed    bool // the authorizer replaced the body
	// redirected is set on the hops after a redirect, which send Referer
	// and then Host last (newman's request library re-adds them).
	redirected bool
}

// senderHeaders names the headers of h that the sender adds itself and
// postman-runtime adds only after the auth handlers ran: the system headers
// and the body's Content-Type (after the user's headers), the late
// Content-Type, Cookie, Content-Length and Referer.
func (h *hop) senderHeaders() []string {
	names := make([]string, 0, len(h.header)-h.userCount+4)
	for _, x := range h.header[min(h.userCount, len(h.header)):] {
		names = append(names, x.Key)
	}
	if h.lateType != "" {
		names = append(names, "Content-Type")
	}
	for _, n := range [...]string{"Cookie", "Content-Length", "Referer"} {
		if !hasHeader(h.header[:min(h.userCount, len(h.header))], n) {
			names = append(names, n)
		}
	}
	return names
}

// authorize lets authz sign the hop, keeps what it set in h (headers after
// the user's, as postman-runtime adds auth headers, and the URL) so that
// redirects and retries carry it, and builds the request to send.
func (s *sender) authorize(ctx context.Context, h *hop, b behaviour, authz auth.Authorizer, retry bool) (*http.Request, []scripting.Header, error) {
	info := auth.RequestInfo{BodyMode: h.mode, SenderHeaders: h.senderHeaders()}
	req, _, err := s.build(auth.WithRequestInfo(ctx, info), h, b)
	if err != nil {
		return nil, nil, err
	}
	body := req.Body
	if err := authz.Authorize(req, h.body); err != nil {
		return nil, nil, &RequestError{Message: "auth: " + err.Error(), Err: err}
	}
	if req.Body != body {
		// The authorizer replaced the body (oauth1 adds its parameters to
		// an urlencoded body): send that one.
		h.signed = true
		h.body, h.hasBody = nil, req.Body != nil && req.Body != http.NoBody
		if h.hasBody {
			nb, err := io.ReadAll(req.Body)
			req.Body.Close()
			if err != nil {
				return nil, nil, &RequestError{Message: "auth: reading the signed body: " + err.Error(), Err: err}
			}
			h.body = nb
		}
		if h.mode == "urlencoded" && h.lateType == "" && h.hasBody && !hasHeader(h.header, "Content-Type") && !b.headerOff("Content-Type") {
			// an urlencoded body without enabled fields that now holds
			// the authorizer's: postman-runtime encodes it as any other
			h.lateType = "application/x-www-form-urlencoded"
		}
	}
	var order []string
	if o, ok := authz.(auth.HeaderOrderer); ok {
		order = o.HeaderOrder()
	}
	h.header, h.userCount = authHeaders(h.header, req.Header, h.lateType, h.userCount, retry, order)
	h.u = req.URL
	return s.build(ctx, h, b)
}

func opaqueURL(u *url.URL) *url.URL {
	if u.Opaque != "" {
		return u
	}
	n := *u
	n.Opaque = u.EscapedPath()
	if n.Opaque == "" {
		n.Opaque = "/"
	}
	n.Path, n.RawPath = "", ""
	return &n
}

func hrefOf(u *url.URL) string {
	var sb strings.Builder
	sb.WriteString(u.Scheme)
	sb.WriteString("://")
	sb.WriteString(u.Host)
	if u.Opaque != "" {
		sb.WriteString(u.Opaque)
	} else {
		sb.WriteString(u.EscapedPath())
	}
	if u.RawQuery != "" || u.ForceQuery {
		sb.WriteByte('?')
		sb.WriteString(u.RawQuery)
	}
	return sb.String()
}

func withoutHeaders(hs []scripting.Header, names ...string) []scripting.Header {
	out := make([]scripting.Header, 0, len(hs))
outer:
	for _, h := range hs {
		for _, n := range names {
			if strings.EqualFold(h.Key, n) {
				continue outer
			}
		}
		out = append(out, h)
	}
	return out
}

func setHeader(hs []scripting.Header, name, value string) []scripting.Header {
	out := make([]scripting.Header, len(hs))
	copy(out, hs)
	for i, h := range out {
		if strings.EqualFold(h.Key, name) {
			out[i].Value = value
			return out
		}
	}
	return append(out, scripting.Header{Key: name, Value: value})
}

// goSpecial are headers net/http handles itself; they are stored under
// their canonical keys so it does not add its own.
func goSpecial(k string) (string, bool) {
	switch strings.ToLower(k) {
	case "host":
		return "Host", true
	case "user-agent":
		return "User-Agent", true
	case "content-length":
		return "Content-Length", true
	case "transfer-encoding":
		return "Transfer-Encoding", true
	}
	return "", false
}

// build makes the http.Request for one hop and the ordered header list as
// it goes on the wire.
func (s *sender) build(ctx context.Context, h *hop, b behaviour) (*http.Request, []scripting.Header, error) {
	method, u, header, lateType, body, hasBody, referer := h.method, h.u, h.header, h.lateType, h.body, h.hasBody, h.referer
	req := &http.Request{
		Method:     method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     make(http.Header, len(header)+4),
		Host:       u.Host,
	}
	req = req.WithContext(ctx)
	wire := make([]scripting.Header, 0, len(header)+4)
	userLength := ""
	var lastHost *scripting.Header // a redirect hop's Host, sent last
	for _, x := range header {
		if ck, ok := goSpecial(x.Key); ok {
			switch ck {
			case "Host":
				req.Host = x.Value
				if h.redirected {
					lastHost = &x
					continue
				}
			case "Content-Length":
				userLength = x.Value
				continue
			}
			req.Header[ck] = append(req.Header[ck], x.Value)
		} else {
			req.Header[x.Key] = append(req.Header[x.Key], x.Value)
		}
		wire = append(wire, x)
	}
	if _, ok := req.Header["User-Agent"]; !ok {
		req.Header["User-Agent"] = []string{""} // no Go default when the user turned it off
	}
	if referer != "" && !hasHeader(header, "Referer") {
		req.Header["Referer"] = []string{referer}
	}
	addLate := func() {
		if lateType != "" {
			req.Header["Content-Type"] = []string{lateType}
			wire = append(wire, scripting.Header{Key: "Content-Type", Value: lateType})
		}
	}
	cookie := ""
	if !b.disableCookies && s.jar != nil && !hasHeader(header, "Cookie") {
		cookie = s.jar.cookieHeader(u)
	}
	addCookie := func() {
		if cookie != "" {
			req.Header["Cookie"] = []string{cookie}
			wire = append(wire, scripting.Header{Key: "Cookie", Value: cookie})
		}
	}
	length := len(body)
	sendLength := (hasBody || !lengthlessMethod(method)) && !b.headerOff("content-length")
	addLength := func() {
		if sendLength {
			v := strconv.Itoa(length)
			if userLength != "" {
				v = userLength
			}
			wire = append(wire, scripting.Header{Key: "Content-Length", Value: v})
		}
	}
	if lateType != "" && strings.HasPrefix(lateType, "multipart/") {
		addLate()
		addCookie()
		addLength()
	} else if lateType != "" && strings.HasPrefix(lateType, "application/x-www-form-urlencoded") {
		addLate()
		addLength()
		addCookie()
	} else if lateType != "" {
		addCookie()
		addLength()
		addLate()
	} else if hasBody {
		addLength()
		addCookie()
	} else {
		addCookie()
		addLength()
	}
	if referer != "" && !hasHeader(header, "Referer") {
		wire = append(wire, scripting.Header{Key: "Referer", Value: referer})
	}
	if lastHost != nil {
		wire = append(wire, *lastHost)
	}
	if hasBody {
		req.ContentLength = int64(length)
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	} else if sendLength {
		req.Body = http.NoBody
		// net/http writes "Content-Length: 0" itself only for POST, PUT
		// and PATCH; an explicit identity encoding makes it write it for
		// the other methods too (no Transfer-Encoding header goes out).
		req.TransferEncoding = []string{"identity"}
	}
	return req, wire, nil
}

// lengthlessMethod reports whether a request without a body goes out
// without Content-Length; every other method gets "Content-Length: 0", as
// newman sends them (measured: PURGE, COPY, LOCK, PROPFIND, custom ones).
func lengthlessMethod(method string) bool {
	switch method {
	case "GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT":
		return true
	}
	return false
}

// authHeaders returns header updated with the values an Authorizer set in
// h: existing keys updated in place, removed ones dropped, new ones
// inserted (sorted, or in order when the Authorizer gives one: a Host
// named there moves into place) after the first userCount entries, or at
// the end when retry (a challenge answered). Headers the sender adds
// itself are left out. It also returns the new user count.
func authHeaders(header []scripting.Header, h http.Header, lateType string, userCount int, retry bool, order []string) ([]scripting.Header, int) {
	out := make([]scripting.Header, 0, len(header)+2)
	seen := make(map[string]bool, len(header))
	var extra []string
	for k := range h {
		ck := http.CanonicalHeaderKey(k)
		if ck == "Cookie" || ck == "Content-Length" || ck == "Referer" || (ck == "Content-Type" && lateType != "") || hasHeader(header, k) {
			continue
		}
		extra = append(extra, k)
	}
	sort.Strings(extra)
	var host *scripting.Header // the Host entry order moves among the auth's headers
	if len(order) > 0 {
		if slices.ContainsFunc(order, isHost) {
			for i := min(userCount, len(header)); i < len(header); i++ {
				if isHost(header[i].Key) {
					e := header[i]
					host = &e
					header = append(header[:i:i], header[i+1:]...)
					break
				}
			}
		}
		extra = inOrder(extra, order, host != nil)
	}
	newUser := userCount
	var last []string
	if retry {
		// answering a challenge (digest): the request already went out
		// once, so what the auth adds now goes after everything (and is
		// not the user's), as postman-runtime appends it to the request
		// it sent
		last, extra = extra, nil
	}
	for i, x := range header {
		if i == userCount {
			for _, k := range extra {
				if k == "" {
					out = append(out, *host)
					newUser++
				}
				for _, v := range h[k] {
					out = append(out, scripting.Header{Key: k, Value: v})
					newUser++
				}
			}
			extra = nil
		}
		ck := http.CanonicalHeaderKey(x.Key)
		if seen[ck] {
			continue
		}
		seen[ck] = true
		vs, ok := h[x.Key]
		if !ok {
			vs, ok = h[ck]
		}
		if !ok {
			if ck == "Host" || ck == "User-Agent" {
				out = append(out, x)
			} else if i < userCount {
				newUser--
			}
			continue
		}
		for j, v := range vs {
			out = append(out, scripting.Header{Key: x.Key, Value: v})
			if j > 0 && i < userCount {
				newUser++
			}
		}
	}
	for _, k := range extra {
		if k == "" {
			out = append(out, *host)
			newUser++
		}
		for _, v := range h[k] {
			out = append(out, scripting.Header{Key: k, Value: v})
			newUser++
		}
	}
	for _, k := range last {
		if k == "" {
			out = append(out, *host)
		}
		for _, v := range h[k] {
			out = append(out, scripting.Header{Key: k, Value: v})
		}
	}
	return out, newUser
}

func isHost(k string) bool { return strings.EqualFold(k, "Host") }

// inOrder returns the header names extra with those order names first, in
// order's order, then the others as they were; with host, "" stands for
// the Host entry at Host's place in order.
func inOrder(extra, order []string, host bool) []string {
	out := make([]string, 0, len(extra)+1)
	used := make([]bool, len(extra))
	for _, name := range order {
		if isHost(name) {
			if host {
				out = append(out, "")
			}
			continue
		}
		for i, k := range extra {
			if !used[i] && strings.EqualFold(k, name) {
				used[i] = true
				out = append(out, k)
				break
			}
		}
	}
	for i, k := range extra {
		if !used[i] {
			out = append(out, k)
		}
	}
	return out
}

// toResponse decodes the body (gzip, deflate, br) and builds the script
// view of resp; it also returns the size of the status line and headers.
func toResponse(resp *http.Response, raw []byte, elapsed time.Duration, head []byte) (*scripting.Response, int) {
	r := &scripting.Response{
		Code:         resp.StatusCode,
		Status:       strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode))),
		ResponseTime: elapsed,
		Body:         raw,
		Cookies:      resp.Cookies(),
	}
	if r.Status == "" {
		r.Status = http.StatusText(resp.StatusCode)
	}
	if hs := parseHead(head); hs != nil {
		r.Header = hs
	} else {
		keys := make([]string, 0, len(resp.Header))
		for k := range resp.Header {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			for _, v := range resp.Header[k] {
				r.Header = append(r.Header, scripting.Header{Key: k, Value: v})
			}
		}
	}
	// Sizes as postman-collection's Response.size() computes them: the head
	// as "HTTP/X.X code reason" plus "key: value\r\n" per header; the body
	// as declared by Content-Length when gzip/deflate-encoded, else decoded.
	size := len("HTTP/X.X ") + 3 + 1 + len(r.Status) + 4
	for _, h := range r.Header {
		size += len(h.Key) + 2 + len(h.Value) + 2
	}
	enc := resp.Header.Get("Content-Encoding")
	if dec, err := decode(enc, raw); err == nil {
		r.Body = dec
	}
	r.ResponseSize = len(r.Body)
	if le := strings.ToLower(enc); strings.Contains(le, "gzip") || strings.Contains(le, "deflate") {
		if n, err := strconv.Atoi(resp.Header.Get("Content-Length")); err == nil {
			r.ResponseSize = n
		}
	}
	return r, size
}

func decode(enc string, raw []byte) ([]byte, error) {
	enc = strings.ToLower(strings.TrimSpace(enc))
	if enc == "" || enc == "identity" || len(raw) == 0 {
		return raw, nil
	}
	var rd io.Reader
	switch enc {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, err
		}
		rd = zr
	case "deflate":
		if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			rd = zr
		} else {
			rd = flate.NewReader(bytes.NewReader(raw))
		}
	case "br":
		rd = brotli.NewReader(bytes.NewReader(raw))
	default:
		return raw, nil
	}
	out, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("decoding %s body: %w", enc, err)
	}
	return out, nil
}
