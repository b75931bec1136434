package ofp

import (
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// consentDetail is the authorization_details entry the server accepts.
type consentDetail struct {
	Type               string   `json:"type"`
	Permissions        []string `json:"permissions"`
	DPID               string   `json:"dp_id,omitempty"`
	ExpirationDateTime string   `json:"expirationDateTime,omitempty"`
	ConsentID          string   `json:"consentId,omitempty"`
}

// parRequest is a validated pushed authorization request.
type parRequest struct {
	client        *Client
	redirectURI   string
	scope         []string
	state         string
	nonce         string
	codeChallenge string
	consent       consentDetail
	expires       time.Time
	used          bool
}

// pkceChallenge reports whether ch is an S256 PKCE challenge: 43 characters
// of the base64url alphabet (^[A-Za-z0-9_-]{43}$).
func pkceChallenge(ch string) bool {
	if len(ch) != 43 {
		return false
	}
	for i := 0; i < len(ch); i++ {
		c := ch[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func (s *Server) handlePAR(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_request", "body is not application/x-www-form-urlencoded: %v", err))
		return
	}
	iss := s.issuerFor(r)
	c, err := s.authenticateClient(r, iss+"/par")
	if err != nil {
		writeOAuthError(w, err)
		return
	}
	if r.PostForm.Get("request_uri") != "" {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_request", "request_uri must not be sent to the PAR endpoint"))
		return
	}
	reqObj := r.PostForm.Get("request")
	if reqObj == "" {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_request", "a signed request object (request parameter) is required"))
		return
	}
	p, err := s.validateRequestObject(r, c, reqObj)
	if err != nil {
		writeOAuthError(w, err)
		return
	}
	uri := RequestURIPrefix + randomToken(24)
	p.expires = s.cfg.Now().Add(RequestURILifetime)
	s.mu.Lock()
	now := s.cfg.Now()
	for k, v := range s.pars {
		if now.After(v.expires) {
			delete(s.pars, k)
		}
	}
	s.pars[uri] = p
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, map[string]any{"request_uri": uri, "expires_in": int(RequestURILifetime / time.Second)})
}

func (s *Server) validateRequestObject(r *http.Request, c *Client, token string) (*parRequest, error) {
	bad := func(format string, args ...any) error {
		return errorf(http.StatusBadRequest, "invalid_request_object", format, args...)
	}
	cl, err := verifyPS256(token, c.PublicKey, "request object")
	if err != nil {
		return nil, bad("%v", err)
	}
	if got := cl.str("client_id"); got != c.ID {
		return nil, bad("request object client_id %q must be the authenticated client %q", got, c.ID)
	}
	if got := cl.str("iss"); got != c.ID {
		return nil, bad("request object iss %q must be the client_id %q", got, c.ID)
	}
	iss := s.issuerFor(r)
	if !slices.Contains(cl.audiences(), iss) {
		return nil, bad("request object aud %q must be the issuer %q", cl.audiences(), iss)
	}
	now := s.cfg.Now()
	exp, ok := cl.num("exp")
	if !ok {
		return nil, bad("request object has no numeric exp claim")
	}
	nbf, ok := cl.num("nbf")
	if !ok {
		return nil, bad("request object has no numeric nbf claim")
	}
	if !now.Before(exp.Add(ClockSkew)) {
		return nil, bad("request object expired at %s", exp.UTC().Format(time.RFC3339))
	}
	if nbf.After(now.Add(ClockSkew)) {
		return nil, bad("request object is not valid before nbf %s", nbf.UTC().Format(time.RFC3339))
	}
	if exp.Sub(nbf) > MaxRequestObjectLife {
		return nil, bad("request object lifetime exp-nbf is %s, more than %s", exp.Sub(nbf), MaxRequestObjectLife)
	}
	if rt := cl.str("response_type"); rt != "code" {
		return nil, errorf(http.StatusBadRequest, "invalid_request_object", "response_type must be \"code\", got %q", rt)
	}
	redirect := cl.str("redirect_uri")
	if redirect == "" {
		return nil, bad("request object has no redirect_uri")
	}
	if !redirectRegistered(c, redirect) {
		return nil, errorf(http.StatusBadRequest, "invalid_request_object", "redirect_uri %q is not registered for client %q", redirect, c.ID)
	}
	if m := cl.str("code_challenge_method"); m != "S256" {
		return nil, bad("code_challenge_method must be S256 (PKCE), got %q", m)
	}
	if ch := cl.str("code_challenge"); !pkceChallenge(ch) {
		return nil, bad("code_challenge must be base64url(SHA-256(code_verifier)) without padding (43 characters), got %q", ch)
	}
	scope := strings.Fields(cl.str("scope"))
	if len(scope) == 0 {
		return nil, errorf(http.StatusBadRequest, "invalid_scope", "request object has no scope")
	}
	for _, sc := range scope {
		if !slices.Contains(Scopes, sc) {
			return nil, errorf(http.StatusBadRequest, "invalid_scope", "scope %q is not supported (supported: %s)", sc, strings.Join(Scopes, " "))
		}
	}
	cd, err := s.parseConsent(cl["authorization_details"])
	if err != nil {
		return nil, err
	}
	return &parRequest{
		client:        c,
		redirectURI:   redirect,
		scope:         scope,
		state:         cl.str("state"),
		nonce:         cl.str("nonce"),
		codeChallenge: cl.str("code_challenge"),
		consent:       cd,
	}, nil
}

func (s *Server) parseConsent(raw any) (consentDetail, error) {
	bad := func(format string, args ...any) error {
		return errorf(http.StatusBadRequest, "invalid_request_object", format, args...)
	}
	var cd consentDetail
	if raw == nil {
		return cd, bad("request object has no authorization_details (the consent)")
	}
	b, _ := json.Marshal(raw)
	var list []consentDetail
	if err := json.Unmarshal(b, &list); err != nil {
		return cd, bad("authorization_details must be an array of objects: %v", err)
	}
	if len(list) != 1 {
		return cd, bad("authorization_details must hold exactly one consent, got %d", len(list))
	}
	cd = list[0]
	if cd.Type != AuthorizationDetailsT {
		return cd, bad("authorization_details type must be %q, got %q", AuthorizationDetailsT, cd.Type)
	}
	if len(cd.Permissions) == 0 {
		return cd, bad("authorization_details permissions is empty (allowed: %s)", strings.Join(Permissions, ", "))
	}
	for _, p := range cd.Permissions {
		if !slices.Contains(Permissions, p) {
			return cd, bad("authorization_details permission %q is not one of %s", p, strings.Join(Permissions, ", "))
		}
	}
	if cd.DPID != "" && s.dp(cd.DPID) == nil {
		return cd, bad("authorization_details dp_id %q is not a known data provider (%s)", cd.DPID, strings.Join(s.dpIDs(), ", "))
	}
	if cd.ExpirationDateTime != "" {
		t, err := time.Parse(time.RFC3339, cd.ExpirationDateTime)
		if err != nil {
			return cd, bad("authorization_details expirationDateTime %q is not RFC 3339", cd.ExpirationDateTime)
		}
		if !t.After(s.cfg.Now()) {
			return cd, bad("authorization_details expirationDateTime %s is in the past", cd.ExpirationDateTime)
		}
	}
	cd.ConsentID = ""
	return cd, nil
}

// redirectRegistered reports whether uri is registered for c; loopback http
// redirect URIs match on any port (RFC 8252 section 7.3).
func redirectRegistered(c *Client, uri string) bool {
	if slices.Contains(c.RedirectURIs, uri) {
		return true
	}
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "http" || !isLoopback(u.Hostname()) {
		return false
	}
	for _, reg := range c.RedirectURIs {
		ru, err := url.Parse(reg)
		if err != nil || ru.Scheme != "http" || !isLoopback(ru.Hostname()) {
			continue
		}
		if ru.Hostname() == u.Hostname() && ru.Path == u.Path && ru.RawQuery == u.RawQuery {
			return true
		}
	}
	return false
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
