package auth

import (
	"encoding/base64"
	"net/http"
	"strings"
)

// basicAuth sends "Authorization: Basic base64(username:password)".
type basicAuth struct{ p *params }

func (a *basicAuth) Authorize(req *http.Request, _ []byte) error {
	cred := a.p.str("username") + ":" + a.p.str("password")
	setHeader(req, "Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(cred)))
	return nil
}

func (a *basicAuth) Retry(*http.Response) bool { return false }

// bearerAuth sends "Authorization: Bearer <token>" when a token is set.
type bearerAuth struct{ p *params }

func (a *bearerAuth) Authorize(req *http.Request, _ []byte) error {
	if !a.p.truthy("token") {
		return nil
	}
	setHeader(req, "Authorization", "Bearer "+a.p.str("token"))
	return nil
}

func (a *bearerAuth) Retry(*http.Response) bool { return false }

// apiKeyAuth adds a key/value pair as a header (default) or query parameter
// ("in": "query").
type apiKeyAuth struct{ p *params }

func (a *apiKeyAuth) Authorize(req *http.Request, _ []byte) error {
	key, value := a.p.str("key"), a.p.str("value")
	if key == "" && value == "" {
		return nil
	}
	if a.p.str("in") == "query" {
		removeQuery(req, key)
		addQuery(req, key, value)
		return nil
	}
	if key == "" {
		return nil // a header needs a name
	}
	setHeader(req, key, value)
	return nil
}

func (a *apiKeyAuth) Retry(*http.Response) bool { return false }

// oauth2Auth adds an existing access token (no token flows are run) as
// "Authorization: <headerPrefix> <token>" or as the access_token query
// parameter (addTokenTo "queryParams").
type oauth2Auth struct{ p *params }

func (a *oauth2Auth) Authorize(req *http.Request, _ []byte) error {
	if !a.p.truthy("accessToken") {
		return nil
	}
	token := a.p.str("accessToken")
	addTo := a.p.str("addTokenTo")
	if addTo == "" {
		addTo = "header"
	}
	tokenType := strings.ToLower(a.p.str("tokenType"))
	if tokenType == "mac" {
		return nil
	}
	prefix := "Bearer"
	if a.p.has("headerPrefix") {
		prefix = strings.TrimSpace(a.p.str("headerPrefix"))
	}
	if prefix != "" {
		prefix += " "
	}
	removeHeader(req, "Authorization")
	removeQuery(req, "access_token")
	switch addTo {
	case "queryParams":
		addQuery(req, "access_token", token)
	case "header":
		req.Header["Authorization"] = []string{prefix + token}
	}
	return nil
}

func (a *oauth2Auth) Retry(*http.Response) bool { return false }
