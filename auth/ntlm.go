package auth

import (
	"encoding/base64"
	"net/http"
	"strings"
	"sync"

	"github.com/Azure/go-ntlmssp"
)

// ntlmAuth runs the NTLM handshake as postman-runtime does: the request is
// first sent without credentials; a 401/403 offering NTLM makes Retry send
// a NEGOTIATE (type 1) message, and the server's CHALLENGE (type 2) is
// answered with an AUTHENTICATE (type 3) message. The connection must be
// kept alive between the sends (NTLM authenticates the connection).
type ntlmAuth struct {
	mu     sync.Mutex
	p      *params
	state  int    // 0 initialized, 1 type 1 sent, 2 type 3 sent
	header string // Authorization value for the next send
	// Err is the last handshake failure (the request then goes on unsigned).
	err error
}

func newNTLM(p *params) *ntlmAuth { return &ntlmAuth{p: p} }

func (a *ntlmAuth) Authorize(req *http.Request, _ []byte) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	removeHeader(req, "Authorization")
	if a.header != "" {
		req.Header["Authorization"] = []string{a.header}
	}
	return nil
}

// credentials returns user (with "DOMAIN\" when a domain is known),
// password and workstation.
func (a *ntlmAuth) credentials() (user, domain, password, workstation string) {
	user, domain = a.p.str("username"), a.p.str("domain")
	password, workstation = a.p.str("password"), a.p.str("workstation")
	if domain == "" {
		dll, upn := strings.Split(user, `\`), strings.Split(user, "@")
		switch {
		case len(dll) > 1 && len(upn) > 1:
		case len(dll) == 2 && dll[0] != "" && dll[1] != "":
			user, domain = dll[1], dll[0]
		case len(upn) == 2 && upn[0] != "" && upn[1] != "":
			user, domain = upn[0], upn[1]
		}
	}
	return user, domain, password, workstation
}

func (a *ntlmAuth) reset() bool {
	a.state, a.header = 0, ""
	return false
}

func (a *ntlmAuth) Retry(resp *http.Response) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if resp == nil || a.p.truthy("disableRetryRequest") {
		return false
	}
	if resp.StatusCode != 401 && resp.StatusCode != 403 {
		return a.reset()
	}
	var challenges []string
	for k, vs := range resp.Header {
		if strings.EqualFold(k, "WWW-Authenticate") {
			challenges = append(challenges, vs...)
		}
	}
	user, domain, password, workstation := a.credentials()
	switch a.state {
	case 0:
		offered := false
		for _, c := range challenges {
			if c == "NTLM" || c == "Negotiate" || strings.Contains(c, "NTLM") {
				offered = true
			}
		}
		if !offered {
			return a.reset()
		}
		msg, err := ntlmssp.NewNegotiateMessage(domain, workstation)
		if err != nil {
			a.err = err
			return a.reset()
		}
		a.header = "NTLM " + base64.StdEncoding.EncodeToString(msg)
		a.state = 1
		return true
	case 1:
		var type2 string
		for _, c := range challenges {
			if strings.HasPrefix(c, "NTLM ") {
				type2 = strings.TrimSpace(c[5:])
				break
			}
		}
		if type2 == "" {
			return a.reset()
		}
		challenge, err := base64.StdEncoding.DecodeString(type2)
		if err != nil {
			a.err = err
			return a.reset()
		}
		name := user
		if domain != "" {
			name = domain + `\` + user
		}
		msg, err := ntlmssp.NewAuthenticateMessage(challenge, name, password, &ntlmssp.AuthenticateMessageOptions{WorkstationName: workstation})
		if err != nil {
			a.err = err
			return a.reset()
		}
		a.header = "NTLM " + base64.StdEncoding.EncodeToString(msg)
		a.state = 2
		return true
	}
	return a.reset()
}
