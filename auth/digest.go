package auth

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"math/big"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

const alphaNum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// randomString returns n characters drawn from alphabet with crypto/rand.
func randomString(alphabet string, n int) string {
	b := make([]byte, n)
	max := big.NewInt(int64(len(alphabet)))
	for i := range b {
		r, err := rand.Int(rand.Reader, max)
		if err != nil {
			panic(err) // crypto/rand never fails on supported platforms
		}
		b[i] = alphabet[r.Int64()]
	}
	return string(b)
}

// digestAuth implements HTTP digest auth as postman-runtime does: the first
// request is sent unsigned unless nonce and realm are given; a 401/403 with a
// Digest challenge fills them in and Retry asks for one more send.
type digestAuth struct {
	mu sync.Mutex
	p  *params
}

func newDigest(p *params) *digestAuth { return &digestAuth{p: p} }

// digestFieldRes matches the challenge fields read back (name="value",
// name in any case), compiled on first use.
var digestFieldRes = sync.OnceValue(func() map[string]*regexp.Regexp {
	res := make(map[string]*regexp.Regexp, 4)
	for _, f := range []string{"nonce", "realm", "qop", "opaque"} {
		res[f] = regexp.MustCompile(`(?i)` + f + `="([^"]*)"`)
	}
	return res
})

// extractField returns the quoted value of the challenge field named field.
func extractField(s, field string) string {
	if m := digestFieldRes()[field].FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// digestHash returns the hash for a Postman digest algorithm name.
func digestHash(algorithm string) (func() hash.Hash, string, error) {
	switch algorithm {
	case "SHA-256", "SHA-256-sess":
		return sha256.New, algorithm, nil
	case "MD5", "MD5-sess":
		return md5.New, algorithm, nil
	case "":
		return md5.New, "MD5", nil
	case "SHA-512-256", "SHA-512-256-sess":
		return sha512.New512_256, algorithm, nil
	}
	return nil, "", fmt.Errorf("unsupported digest algorithm: %s", algorithm)
}

func hexHash(h func() hash.Hash, data string) string {
	x := h()
	x.Write([]byte(data))
	return hex.EncodeToString(x.Sum(nil))
}

func (a *digestAuth) Authorize(req *http.Request, body []byte) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	p := a.p
	if !(p.truthy("nonce") && p.truthy("realm")) {
		return nil // pre hook: wait for the server's challenge
	}
	if !p.truthy("username") || !p.truthy("realm") {
		return nil
	}
	h, algorithm, err := digestHash(p.str("algorithm"))
	if err != nil {
		return err
	}
	removeHeader(req, "Authorization")
	username, realm, password := p.str("username"), p.str("realm"), p.str("password")
	nonce, nc, cnonce := p.str("nonce"), p.str("nonceCount"), p.str("clientNonce")
	qop, opaque := p.str("qop"), p.str("opaque")
	uri := requestURI(req)
	var a1 string
	if strings.HasSuffix(algorithm, "-sess") {
		a1 = hexHash(h, username+":"+realm+":"+password) + ":" + nonce + ":" + cnonce
	} else {
		a1 = username + ":" + realm + ":" + password
	}
	a2 := req.Method + ":" + uri
	if qop == "auth-int" {
		bodyHash := "undefined" // Postman cannot hash multipart bodies
		if bodyMode(req, body) != "formdata" {
			bodyHash = hexHash(h, string(body))
		}
		a2 += ":" + bodyHash
	}
	ha1, ha2 := hexHash(h, a1), hexHash(h, a2)
	var response string
	if qop == "auth" || qop == "auth-int" {
		response = hexHash(h, strings.Join([]string{ha1, nonce, nc, cnonce, qop, ha2}, ":"))
	} else {
		response = hexHash(h, ha1+":"+nonce+":"+ha2)
	}
	parts := []string{
		`username="` + username + `"`, `realm="` + realm + `"`, `nonce="` + nonce + `"`, `uri="` + uri + `"`,
		`algorithm="` + algorithm + `"`,
	}
	if qop == "auth" || qop == "auth-int" {
		parts = append(parts, "qop="+qop)
	}
	if qop == "auth" || qop == "auth-int" || algorithm == "MD5-sess" {
		if nc != "" {
			parts = append(parts, "nc="+nc)
		}
		parts = append(parts, `cnonce="`+cnonce+`"`)
	}
	parts = append(parts, `response="`+response+`"`)
	if opaque != "" {
		parts = append(parts, `opaque="`+opaque+`"`)
	}
	req.Header["Authorization"] = []string{"Digest " + strings.Join(parts, ", ")}
	return nil
}

// Retry answers a Digest challenge once: it stores the server's nonce,
// realm, qop and opaque (where the user left them empty) and asks for the
// request to be sent again. After a success the nonce count goes up.
func (a *digestAuth) Retry(resp *http.Response) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	p := a.p
	if resp == nil || p.truthy("disableRetryRequest") {
		return false
	}
	var challenge string
	for k, vs := range resp.Header {
		if !strings.EqualFold(k, "WWW-Authenticate") {
			continue
		}
		for _, v := range vs {
			if strings.HasPrefix(strings.ToLower(v), "digest ") && challenge == "" {
				challenge = v
			}
		}
	}
	if (resp.StatusCode == 401 || resp.StatusCode == 403) && challenge != "" {
		got := map[string]string{
			"nonce": extractField(challenge, "nonce"),
			"realm": extractField(challenge, "realm"),
		}
		keys := []string{"nonce", "realm"}
		if v := extractField(challenge, "opaque"); v != "" {
			got["opaque"] = v
			keys = append(keys, "opaque")
		}
		if v := extractField(challenge, "qop"); v != "" {
			got["qop"] = v
			keys = append(keys, "qop")
		}
		if got["qop"] != "" || p.truthy("qop") {
			got["clientNonce"] = randomString(alphaNum, 8)
			got["nonceCount"] = "00000001"
			keys = append(keys, "clientNonce", "nonceCount")
		}
		all := true
		for _, k := range keys {
			if !p.truthy(k) {
				all = false
				break
			}
		}
		if all {
			return false // the user's parameters were already complete
		}
		for _, k := range keys {
			p.store(k, got[k])
		}
		return true
	}
	nc, err := strconv.Atoi(strings.TrimLeft(p.str("nonceCount"), " "))
	next := "00000001"
	if err == nil {
		next = fmt.Sprintf("%08d", nc+1)
	}
	p.store("nonceCount", next)
	return false
}
