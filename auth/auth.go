// Package auth implements Postman's request auth types: noauth, basic,
// bearer, apikey, digest, oauth1, oauth2, hawk, awsv4, ntlm, edgegrid, asap
// and jwt.
package auth

import (
	"net/http"

	"github.com/postie-run/postie/collections"
)

// Authorizer signs requests for one auth block.
type Authorizer interface {
	// Authorize modifies req (headers, query, body) before it is sent. body
	// is the request body as it will be sent (nil for none).
	Authorize(req *http.Request, body []byte) error
	// Retry inspects a response and reports whether the request must be
	// sent again (Authorize is called again first): digest and ntlm
	// challenges. Others return false.
	Retry(resp *http.Response) bool
}

// New returns the Authorizer for a (already chosen by inheritance: request <
// folder < collection). resolve substitutes {{variables}} in parameter
// values. A nil auth or type "noauth" gives an Authorizer that does nothing.
// An unsupported type is an error that names it.
func New(a *collections.Auth, resolve func(string) string) (Authorizer, error) {
	panic("not implemented")
}
