package ofp

import (
	"crypto/subtle"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"time"
)

const sessionCookie = "ofp_session"

// session is a browser session of the authorization UI.
type session struct {
	csrf    string
	user    *User
	authAt  time.Time
	txs     map[string]*authTx
	expires time.Time
}

// authTx is one authorization in progress (a consumed request_uri).
type authTx struct {
	par *parRequest
	dp  string
}

// authCode is an issued authorization code.
type authCode struct {
	par     *parRequest
	user    *User
	authAt  time.Time
	dp      string
	consent string
	expires time.Time
	used    bool
	grants  []*grant // tokens issued from the code (revoked on reuse)
}

// pageTmpl is the authorization UI page, parsed on first use.
var pageTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Parse(pageSource))
})

const pageSource = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>OFP Malaysia sandbox - {{.Title}}</title>
<style>body{font-family:sans-serif;max-width:36em;margin:3em auto;color:#222}
.box{border:1px solid #ccc;border-radius:6px;padding:1.5em}.err{color:#b00}
label{display:block;margin:.6em 0}button{margin-right:.6em;padding:.4em 1.2em}</style></head>
<body><div class="box"><h2>{{.Title}}</h2>
<p class="note">Open Finance Malaysia <strong>sandbox</strong> (postie test double). Client: <code>{{.ClientID}}</code></p>
{{if .Error}}<p class="err" id="error">{{.Error}}</p>{{end}}
{{if eq .Step "login"}}
<form method="post" action="authorize" id="login">
<input type="hidden" name="tx" value="{{.Tx}}"><input type="hidden" name="csrf" value="{{.CSRF}}"><input type="hidden" name="step" value="login">
<label>Username <input name="username" autocomplete="username" autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Log in</button></form>
<p><small>Test users: mits / mits, aisyah / aisyah.</small></p>
{{else if eq .Step "dp"}}
<form method="post" action="authorize" id="dp">
<input type="hidden" name="tx" value="{{.Tx}}"><input type="hidden" name="csrf" value="{{.CSRF}}"><input type="hidden" name="step" value="dp">
<p>Choose the data provider (bank) to share data from:</p>
{{range .DPs}}<label><input type="radio" name="dp_id" value="{{.ID}}" required> {{.Name}} ({{.ID}})</label>{{end}}
<button type="submit">Continue</button></form>
{{else if eq .Step "consent"}}
<form method="post" action="authorize" id="consent">
<input type="hidden" name="tx" value="{{.Tx}}"><input type="hidden" name="csrf" value="{{.CSRF}}"><input type="hidden" name="step" value="consent">
<p>Signed in as <strong>{{.User}}</strong>. <code>{{.ClientID}}</code> asks to access your data at <strong>{{.DP}}</strong>:</p>
<ul id="permissions">{{range .Permissions}}<li>{{.}}</li>{{end}}</ul>
{{if .Expiry}}<p>Until {{.Expiry}}.</p>{{end}}
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></form>
{{end}}
</div></body></html>
`

type pageData struct {
	Title, Step, Error, ClientID, Tx, CSRF, User, DP, Expiry string
	DPs                                                      []DataProvider
	Permissions                                              []string
}

func renderPage(w http.ResponseWriter, status int, d pageData) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
	w.WriteHeader(status)
	_ = pageTmpl().Execute(w, d)
}

func renderError(w http.ResponseWriter, status int, code, desc string) {
	renderPage(w, status, pageData{Title: "Authorization error", Error: code + ": " + desc})
}

func (s *Server) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	cid, uri := q.Get("client_id"), q.Get("request_uri")
	c := s.clients[cid]
	if c == nil {
		renderError(w, http.StatusBadRequest, "invalid_client", "unknown client_id "+strconvQuote(cid))
		return
	}
	if uri == "" {
		renderError(w, http.StatusBadRequest, "invalid_request", "request_uri is required (this server only accepts pushed authorization requests)")
		return
	}
	now := s.cfg.Now()
	s.mu.Lock()
	p := s.pars[uri]
	var perr string
	switch {
	case p == nil:
		perr = "request_uri is unknown"
	case p.used:
		perr = "request_uri was already used"
	case now.After(p.expires):
		perr = "request_uri expired"
	case p.client.ID != c.ID:
		perr = "request_uri was not pushed by client " + strconvQuote(c.ID)
	default:
		p.used = true
	}
	s.mu.Unlock()
	if perr != "" {
		renderError(w, http.StatusBadRequest, "invalid_request_uri", perr)
		return
	}
	tx := &authTx{par: p, dp: p.consent.DPID}
	if s.cfg.AutoApprove {
		u := &s.cfg.Users[0]
		if tx.dp == "" {
			tx.dp = s.dps[0].ID
		}
		if s.cfg.Logf != nil {
			s.cfg.Logf("auto-approve: user %s, data provider %s, permissions %v", u.Username, tx.dp, p.consent.Permissions)
		}
		s.finish(w, r, tx, u, now, true)
		return
	}
	sess := s.session(w, r)
	id := randomToken(16)
	s.mu.Lock()
	sess.txs[id] = tx
	s.mu.Unlock()
	s.renderNext(w, sess, id, tx, "")
}

// session returns the request's session, creating one (and its cookie).
func (s *Server) session(w http.ResponseWriter, r *http.Request) *session {
	now := s.cfg.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.sessions {
		if now.After(v.expires) {
			delete(s.sessions, k)
		}
	}
	if ck, err := r.Cookie(sessionCookie); err == nil {
		if sess := s.sessions[ck.Value]; sess != nil {
			return sess
		}
	}
	id := randomToken(24)
	sess := &session{csrf: randomToken(24), txs: map[string]*authTx{}, expires: now.Add(30 * time.Minute)}
	s.sessions[id] = sess
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	return sess
}

func (s *Server) renderNext(w http.ResponseWriter, sess *session, id string, tx *authTx, errMsg string) {
	d := pageData{ClientID: tx.par.client.ID, Tx: id, CSRF: sess.csrf, Error: errMsg}
	switch {
	case sess.user == nil:
		d.Title, d.Step = "Log in", "login"
	case tx.dp == "":
		d.Title, d.Step, d.DPs = "Choose data provider", "dp", s.dps
	default:
		d.Title, d.Step, d.User, d.Permissions, d.Expiry = "Approve consent", "consent", sess.user.Name, tx.par.consent.Permissions, tx.par.consent.ExpirationDateTime
		if dp := s.dp(tx.dp); dp != nil {
			d.DP = dp.Name + " (" + dp.ID + ")"
		}
	}
	status := http.StatusOK
	if errMsg != "" {
		status = http.StatusBadRequest
	}
	renderPage(w, status, d)
}

func (s *Server) handleAuthorizeStep(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		renderError(w, http.StatusBadRequest, "invalid_request", "bad form: "+err.Error())
		return
	}
	ck, err := r.Cookie(sessionCookie)
	if err != nil {
		renderError(w, http.StatusBadRequest, "invalid_request", "no session cookie: start again from the authorization URL")
		return
	}
	s.mu.Lock()
	sess := s.sessions[ck.Value]
	var tx *authTx
	id := r.PostForm.Get("tx")
	if sess != nil {
		tx = sess.txs[id]
	}
	s.mu.Unlock()
	if sess == nil || tx == nil {
		renderError(w, http.StatusBadRequest, "invalid_request", "session or authorization expired: start again from the authorization URL")
		return
	}
	if subtle.ConstantTimeCompare([]byte(r.PostForm.Get("csrf")), []byte(sess.csrf)) != 1 {
		renderError(w, http.StatusForbidden, "invalid_request", "CSRF token mismatch")
		return
	}
	switch r.PostForm.Get("step") {
	case "login":
		u := s.users[r.PostForm.Get("username")]
		if u == nil || subtle.ConstantTimeCompare([]byte(u.Password), []byte(r.PostForm.Get("password"))) != 1 {
			s.renderNext(w, sess, id, tx, "Wrong username or password.")
			return
		}
		s.mu.Lock()
		sess.user, sess.authAt = u, s.cfg.Now()
		s.mu.Unlock()
	case "dp":
		if sess.user == nil {
			s.renderNext(w, sess, id, tx, "Log in first.")
			return
		}
		dp := r.PostForm.Get("dp_id")
		if s.dp(dp) == nil {
			s.renderNext(w, sess, id, tx, "Choose one of the data providers.")
			return
		}
		s.mu.Lock()
		tx.dp = dp
		s.mu.Unlock()
	case "consent":
		if sess.user == nil || tx.dp == "" {
			s.renderNext(w, sess, id, tx, "Complete the previous steps first.")
			return
		}
		s.mu.Lock()
		delete(sess.txs, id)
		s.mu.Unlock()
		s.finish(w, r, tx, sess.user, sess.authAt, r.PostForm.Get("decision") == "approve")
		return
	default:
		renderError(w, http.StatusBadRequest, "invalid_request", "unknown step")
		return
	}
	s.renderNext(w, sess, id, tx, "")
}

// finish redirects to the client with a code, or with access_denied.
func (s *Server) finish(w http.ResponseWriter, r *http.Request, tx *authTx, u *User, authAt time.Time, approved bool) {
	p := tx.par
	q := url.Values{}
	if approved {
		code := randomToken(32)
		ac := &authCode{par: p, user: u, authAt: authAt, dp: tx.dp, consent: ConsentIDPrefix + randomToken(12), expires: s.cfg.Now().Add(CodeLifetime)}
		s.mu.Lock()
		now := s.cfg.Now()
		for k, v := range s.codes {
			if now.After(v.expires.Add(10 * time.Minute)) {
				delete(s.codes, k)
			}
		}
		s.codes[code] = ac
		s.mu.Unlock()
		q.Set("code", code)
	} else {
		q.Set("error", "access_denied")
		q.Set("error_description", "the user denied the consent")
	}
	if p.state != "" {
		q.Set("state", p.state)
	}
	sep := "?"
	if slices.Contains([]byte(p.redirectURI), '?') {
		sep = "&"
	}
	http.Redirect(w, r, p.redirectURI+sep+q.Encode(), http.StatusFound)
}

func strconvQuote(s string) string { return strconv.Quote(s) }
