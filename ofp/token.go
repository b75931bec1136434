package ofp

import (
	"crypto/sha256"
	"crypto/subtle"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

// grant is an issued access or refresh token.
type grant struct {
	client  *Client
	user    *User
	scope   []string
	consent consentDetail // with ConsentID and DPID set
	expires time.Time
	revoked bool
	x5t     string // cnf x5t#S256 when bound to a TLS client certificate
	pair    *grant // the access token's refresh token and vice versa
}

func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_request", "body is not application/x-www-form-urlencoded: %v", err))
		return
	}
	iss := s.issuerFor(r)
	c, err := s.authenticateClient(r, iss+"/token")
	if err != nil {
		writeOAuthError(w, err)
		return
	}
	switch gt := r.PostForm.Get("grant_type"); gt {
	case "authorization_code":
		s.codeGrant(w, r, c)
	case "refresh_token":
		s.refreshGrant(w, r, c)
	case "":
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_request", "grant_type is required"))
	default:
		writeOAuthError(w, errorf(http.StatusBadRequest, "unsupported_grant_type", "grant_type %q is not supported (authorization_code, refresh_token)", gt))
	}
}

func (s *Server) codeGrant(w http.ResponseWriter, r *http.Request, c *Client) {
	code := r.PostForm.Get("code")
	if code == "" {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_request", "code is required"))
		return
	}
	now := s.cfg.Now()
	s.mu.Lock()
	ac := s.codes[code]
	var gerr error
	switch {
	case ac == nil:
		gerr = errorf(http.StatusBadRequest, "invalid_grant", "authorization code is unknown")
	case ac.used:
		gerr = errorf(http.StatusBadRequest, "invalid_grant", "authorization code was already used; tokens issued from it are revoked")
		for _, g := range ac.grants {
			g.revoked = true
			if g.pair != nil {
				g.pair.revoked = true
			}
		}
	case now.After(ac.expires):
		gerr = errorf(http.StatusBadRequest, "invalid_grant", "authorization code expired (codes live %s)", CodeLifetime)
	case ac.par.client.ID != c.ID:
		gerr = errorf(http.StatusBadRequest, "invalid_grant", "authorization code was issued to another client")
	default:
		ac.used = true
	}
	s.mu.Unlock()
	if gerr != nil {
		writeOAuthError(w, gerr)
		return
	}
	p := ac.par
	if got := r.PostForm.Get("redirect_uri"); got != p.redirectURI {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_grant", "redirect_uri %q does not match the one in the authorization request %q", got, p.redirectURI))
		return
	}
	verifier := r.PostForm.Get("code_verifier")
	if verifier == "" {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_grant", "code_verifier is required (PKCE)"))
		return
	}
	if len(verifier) < 43 || len(verifier) > 128 {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_grant", "code_verifier must be 43-128 characters, got %d", len(verifier)))
		return
	}
	if subtle.ConstantTimeCompare([]byte(s256(verifier)), []byte(p.codeChallenge)) != 1 {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_grant", "PKCE verification failed: base64url(SHA-256(code_verifier)) does not equal the code_challenge"))
		return
	}
	cd := p.consent
	cd.DPID = ac.dp
	cd.ConsentID = ac.consent
	g := &grant{client: c, user: ac.user, scope: p.scope, consent: cd, x5t: certThumbprint(r)}
	resp, err := s.issue(r, g, p.nonce, p.state, ac.authAt)
	if err != nil {
		writeOAuthError(w, err)
		return
	}
	s.mu.Lock()
	ac.grants = append(ac.grants, g)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) refreshGrant(w http.ResponseWriter, r *http.Request, c *Client) {
	rt := r.PostForm.Get("refresh_token")
	if rt == "" {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_request", "refresh_token is required"))
		return
	}
	now := s.cfg.Now()
	s.mu.Lock()
	old := s.refresh[rt]
	var gerr error
	switch {
	case old == nil:
		gerr = errorf(http.StatusBadRequest, "invalid_grant", "refresh token is unknown")
	case old.revoked:
		gerr = errorf(http.StatusBadRequest, "invalid_grant", "refresh token was revoked or already rotated")
	case now.After(old.expires):
		gerr = errorf(http.StatusBadRequest, "invalid_grant", "refresh token expired")
	case old.client.ID != c.ID:
		gerr = errorf(http.StatusBadRequest, "invalid_grant", "refresh token was issued to another client")
	default:
		old.revoked = true // rotation: the old refresh token and its access token end
		if old.pair != nil {
			old.pair.revoked = true
		}
	}
	s.mu.Unlock()
	if gerr != nil {
		writeOAuthError(w, gerr)
		return
	}
	g := &grant{client: c, user: old.user, scope: old.scope, consent: old.consent, x5t: certThumbprint(r)}
	resp, err := s.issue(r, g, "", "", time.Time{})
	if err != nil {
		writeOAuthError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// issue stores an access token (g) and a refresh token and builds the
// token response; an id_token is included when authAt is set.
func (s *Server) issue(r *http.Request, g *grant, nonce, state string, authAt time.Time) (map[string]any, error) {
	now := s.cfg.Now()
	at, rt := randomToken(32), randomToken(32)
	g.expires = now.Add(AccessTokenLifetime)
	rg := *g
	rg.expires = now.Add(RefreshTokenLifetime)
	g.pair, rg.pair = &rg, g
	s.mu.Lock()
	s.access[at] = g
	s.refresh[rt] = &rg
	s.mu.Unlock()
	resp := map[string]any{
		"access_token":          at,
		"refresh_token":         rt,
		"token_type":            "Bearer",
		"expires_in":            int(AccessTokenLifetime / time.Second),
		"scope":                 strings.Join(g.scope, " "),
		"authorization_details": []consentDetail{g.consent},
	}
	if !authAt.IsZero() {
		idt, err := s.idToken(r, g, at, nonce, state, authAt)
		if err != nil {
			return nil, err
		}
		resp["id_token"] = idt
	}
	return resp, nil
}

func halfHash(v string) string {
	h := sha256.Sum256([]byte(v))
	return base64.RawURLEncoding.EncodeToString(h[:16])
}

func (s *Server) idToken(r *http.Request, g *grant, accessToken, nonce, state string, authAt time.Time) (string, error) {
	now := s.cfg.Now()
	b := jwt.NewBuilder().
		Issuer(s.issuerFor(r)).
		Subject(g.user.Subject).
		Audience([]string{g.client.ID}).
		IssuedAt(now).
		Expiration(now.Add(AccessTokenLifetime)).
		Claim("auth_time", authAt.Unix()).
		Claim("at_hash", halfHash(accessToken)).
		Claim("name", g.user.Name)
	if nonce != "" {
		b = b.Claim("nonce", nonce)
	}
	if state != "" {
		b = b.Claim("s_hash", halfHash(state))
	}
	tok, err := b.Build()
	if err != nil {
		return "", fmt.Errorf("building id_token: %w", err)
	}
	tok.Options().Enable(jwt.FlattenAudience) // "aud": "client_id", as OIDC clients expect
	hdr := jws.NewHeaders()
	_ = hdr.Set(jws.KeyIDKey, s.kid)
	out, err := jwt.Sign(tok, jwt.WithKey(jwa.PS256(), s.key, jws.WithProtectedHeaders(hdr)))
	if err != nil {
		return "", fmt.Errorf("signing id_token: %w", err)
	}
	return string(out), nil
}

// certThumbprint returns the base64url SHA-256 of the TLS client
// certificate, or "" without one.
func certThumbprint(r *http.Request) string {
	if r.TLS == nil || len(r.TLS.PeerCertificates) == 0 {
		return ""
	}
	return thumbprint(r.TLS.PeerCertificates[0])
}

func thumbprint(c *x509.Certificate) string {
	h := sha256.Sum256(c.Raw)
	return base64.RawURLEncoding.EncodeToString(h[:])
}

func (s *Server) handleRevoke(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_request", "body is not application/x-www-form-urlencoded: %v", err))
		return
	}
	c, err := s.authenticateClient(r, s.issuerFor(r)+"/revoke")
	if err != nil {
		writeOAuthError(w, err)
		return
	}
	tok := r.PostForm.Get("token")
	if tok == "" {
		writeOAuthError(w, errorf(http.StatusBadRequest, "invalid_request", "token is required"))
		return
	}
	s.mu.Lock()
	if g := s.access[tok]; g != nil && g.client.ID == c.ID {
		g.revoked = true
	}
	if g := s.refresh[tok]; g != nil && g.client.ID == c.ID {
		g.revoked = true
		if g.pair != nil { // revoking a refresh token ends its access token too (RFC 7009 2.1)
			g.pair.revoked = true
		}
	}
	s.mu.Unlock()
	// RFC 7009: 200 whether or not the token was valid.
	w.WriteHeader(http.StatusOK)
}

// bearer authenticates an API call by its access token.
func (s *Server) bearer(r *http.Request) (*grant, error) {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		return nil, errorf(http.StatusUnauthorized, "invalid_token", "an Authorization: Bearer access token is required")
	}
	s.mu.Lock()
	g := s.access[strings.TrimSpace(tok)]
	revoked := g != nil && g.revoked
	s.mu.Unlock()
	switch {
	case g == nil:
		return nil, errorf(http.StatusUnauthorized, "invalid_token", "access token is unknown")
	case revoked:
		return nil, errorf(http.StatusUnauthorized, "invalid_token", "access token was revoked")
	case s.cfg.Now().After(g.expires):
		return nil, errorf(http.StatusUnauthorized, "invalid_token", "access token expired")
	case g.x5t != "" && certThumbprint(r) != g.x5t:
		return nil, errorf(http.StatusUnauthorized, "invalid_token", "access token is bound to a TLS client certificate (cnf x5t#S256) not presented on this connection")
	}
	return g, nil
}

func (s *Server) handleUserinfo(w http.ResponseWriter, r *http.Request) {
	g, err := s.bearer(r)
	if err != nil {
		writeOAuthError(w, err)
		return
	}
	out := map[string]any{"sub": g.user.Subject}
	if slices.Contains(g.scope, "profile") {
		out["name"] = g.user.Name
		out["preferred_username"] = g.user.Username
	}
	writeJSON(w, http.StatusOK, out)
}
