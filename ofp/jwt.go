package ofp

import (
	"bytes"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"
)

// claims is a decoded JWT payload.
type claims map[string]any

func (c claims) str(name string) string {
	v, _ := c[name].(string)
	return v
}

// num returns a NumericDate claim and whether it is present and numeric.
func (c claims) num(name string) (time.Time, bool) {
	switch v := c[name].(type) {
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return time.Time{}, false
		}
		return time.Unix(int64(f), 0), true
	case float64:
		return time.Unix(int64(v), 0), true
	}
	return time.Time{}, false
}

// audiences returns aud as a list (a string or an array of strings).
func (c claims) audiences() []string {
	switch v := c["aud"].(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, a := range v {
			if s, ok := a.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// verifyPS256 checks that token is a compact JWS signed with PS256 by key and
// returns its claims. what names the token in error descriptions.
func verifyPS256(token string, key *rsa.PublicKey, what string) (claims, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, fmt.Errorf("%s is not a compact JWS (expected 3 dot-separated parts, got %d)", what, len(parts))
	}
	hb, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return nil, fmt.Errorf("%s header is not base64url: %v", what, err)
	}
	var hdr struct {
		Alg string `json:"alg"`
	}
	if err := json.Unmarshal(hb, &hdr); err != nil {
		return nil, fmt.Errorf("%s header is not JSON: %v", what, err)
	}
	if hdr.Alg != "PS256" {
		return nil, fmt.Errorf("%s must be signed with PS256, header alg is %q", what, hdr.Alg)
	}
	payload, err := jws.Verify([]byte(token), jws.WithKey(jwa.PS256(), key))
	if err != nil {
		return nil, fmt.Errorf("%s signature does not verify with the registered client key (PS256)", what)
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	var c claims
	if err := dec.Decode(&c); err != nil || c == nil {
		return nil, fmt.Errorf("%s payload is not a JSON object", what)
	}
	return c, nil
}

// peekClaims decodes a JWT payload without verifying it (to find the client).
func peekClaims(token string) claims {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return nil
	}
	var c claims
	if json.Unmarshal(b, &c) != nil {
		return nil
	}
	return c
}

// authenticateClient authenticates a token-endpoint style request by
// private_key_jwt. Accepted audiences: the issuer, or the URL of the
// endpoint being called (FAPI 1 allowed the token endpoint; FAPI 2 requires
// the issuer; both are accepted).
func (s *Server) authenticateClient(r *http.Request, endpointURL string) (*Client, error) {
	typ := r.PostForm.Get("client_assertion_type")
	assertion := r.PostForm.Get("client_assertion")
	formClientID := r.PostForm.Get("client_id")
	if r.PostForm.Get("client_secret") != "" {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_secret authentication is not allowed; use private_key_jwt")
	}
	if typ == "" || assertion == "" {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client authentication required: client_assertion_type and client_assertion (private_key_jwt) are missing")
	}
	if typ != ClientAssertionType {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion_type must be %s, got %q", ClientAssertionType, typ)
	}
	peek := peekClaims(assertion)
	if peek == nil {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion is not a JWT")
	}
	cid := peek.str("iss")
	if cid == "" {
		cid = formClientID
	}
	c := s.clients[cid]
	if c == nil {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "unknown client %q (client_assertion iss)", cid)
	}
	if formClientID != "" && formClientID != c.ID {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_id %q does not match client_assertion iss %q", formClientID, c.ID)
	}
	cl, err := verifyPS256(assertion, c.PublicKey, "client_assertion")
	if err != nil {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "%v", err)
	}
	if cl.str("iss") != c.ID || cl.str("sub") != c.ID {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion iss and sub must both be the client_id %q (iss %q, sub %q)", c.ID, cl.str("iss"), cl.str("sub"))
	}
	iss := s.issuerFor(r)
	auds := cl.audiences()
	if !slices.Contains(auds, iss) && !slices.Contains(auds, endpointURL) {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion aud %q must be the issuer %q (or the endpoint %q)", auds, iss, endpointURL)
	}
	now := s.cfg.Now()
	exp, ok := cl.num("exp")
	if !ok {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion has no numeric exp claim")
	}
	if !now.Before(exp.Add(ClockSkew)) {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion expired at %s (now %s)", exp.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	iat, ok := cl.num("iat")
	if !ok {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion has no numeric iat claim")
	}
	if iat.After(now.Add(ClockSkew)) {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion iat %s is in the future", iat.UTC().Format(time.RFC3339))
	}
	if exp.Sub(iat) > MaxAssertionLifetime {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion lifetime exp-iat is %s, more than %s", exp.Sub(iat), MaxAssertionLifetime)
	}
	if nbf, ok := cl.num("nbf"); ok && nbf.After(now.Add(ClockSkew)) {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion is not valid before %s", nbf.UTC().Format(time.RFC3339))
	}
	jti := cl.str("jti")
	if jti == "" {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion has no jti claim")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, until := range s.jtis { // forget jtis whose assertions expired
		if now.After(until) {
			delete(s.jtis, k)
		}
	}
	key := c.ID + "\x00" + jti
	if _, seen := s.jtis[key]; seen {
		return nil, errorf(http.StatusUnauthorized, "invalid_client", "client_assertion jti %q was already used (replay)", jti)
	}
	s.jtis[key] = exp.Add(ClockSkew)
	return c, nil
}

// ClientJWK returns the client's public key as a JWK (for documentation and tests).
func ClientJWK(c Client) (jwk.Key, error) { return jwk.Import(c.PublicKey) }
