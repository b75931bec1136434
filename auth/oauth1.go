package auth

import (
	"crypto"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// oauth1Auth signs requests with OAuth 1.0a as postman-runtime does.
type oauth1Auth struct {
	p   *params
	now func() time.Time
}

var oauth1ParamNames = []string{"oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_timestamp",
	"oauth_nonce", "oauth_version", "oauth_signature", "oauth_callback", "oauth_verifier", "oauth_body_hash"}

const oauthNonceChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXTZabcdefghiklmnopqrstuvwxyz"

// OAuthPercentEncode encodes s as OAuth 1.0a requires (RFC 3986 unreserved
// characters kept, everything else as %XX of its UTF-8 bytes).
func OAuthPercentEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

type kv struct {
	k, v  string
	vNull bool
}

// decodeForm splits a query or form string into pairs (empty pieces
// skipped, "+" is a space, a piece without "=" has a null value).
func decodeForm(s string) []kv {
	var out []kv
	for _, piece := range strings.Split(s, "&") {
		if piece == "" {
			continue
		}
		k, v, ok := strings.Cut(piece, "=")
		if !ok {
			out = append(out, kv{k: percentDecode(piece), vNull: true})
			continue
		}
		out = append(out, kv{k: percentDecode(k), v: percentDecode(v)})
	}
	return out
}

func formEncode(ps []kv) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = OAuthPercentEncode(p.k) + "=" + OAuthPercentEncode(p.v)
	}
	return strings.Join(parts, "&")
}

func (a *oauth1Auth) Authorize(req *http.Request, body []byte) error {
	p := a.p
	method := p.str("signatureMethod")
	algoParts := strings.SplitN(method, "-", 2)
	sigAlgo := strings.ToUpper(algoParts[0])
	hashAlgo := ""
	if len(algoParts) > 1 {
		hashAlgo = strings.ToUpper(strings.SplitN(algoParts[1], "-", 2)[0])
	}
	if !p.truthy("consumerKey") || (sigAlgo != "RSA" && !p.truthy("consumerSecret")) || (sigAlgo == "RSA" && !p.truthy("privateKey")) {
		return nil
	}
	mode := bodyMode(req, body)
	urlencoded := mode == "urlencoded"
	removeHeader(req, "Authorization")
	removeQuery(req, oauth1ParamNames...)
	var bodyParams []kv
	if urlencoded {
		for _, f := range decodeForm(string(body)) {
			if !isOAuthParam(f.k) {
				bodyParams = append(bodyParams, f)
			}
		}
		if len(bodyParams) != len(decodeForm(string(body))) {
			body = []byte(formEncode(bodyParams))
			setBody(req, body)
		}
	}
	// parameter values, empty strings dropped unless addEmptyParamsToSign
	addEmpty := p.truthy("addEmptyParamsToSign")
	get := func(k string) (string, bool) {
		v := p.value(k)
		if v == nil {
			return "", false
		}
		s := p.str(k)
		if !addEmpty {
			if _, isStr := v.(string); isStr && strings.TrimSpace(s) == "" {
				return "", false
			}
		}
		return s, true
	}
	nonce, ok := get("nonce")
	if !ok || nonce == "" {
		nonce = randomString(oauthNonceChars, 11)
	}
	timestamp, ok := get("timestamp")
	if !ok || timestamp == "" {
		now := time.Now
		if a.now != nil {
			now = a.now
		}
		timestamp = strconv.FormatInt(now().Unix(), 10)
	}
	var bodyHash string
	if !urlencoded && p.truthy("includeBodyHash") && hashAlgo != "" && mode != "formdata" {
		if h := oauthHash(hashAlgo); h != nil {
			x := h()
			x.Write(body)
			bodyHash = base64.StdEncoding.EncodeToString(x.Sum(nil))
		}
	}
	type sp struct {
		k, v string
		ok   bool
	}
	consumerKey, okCK := get("consumerKey")
	token, okT := get("token")
	sigMethod, okSM := get("signatureMethod")
	version, okV := get("version")
	sig := []sp{
		{"oauth_consumer_key", consumerKey, okCK}, {"oauth_token", token, okT},
		{"oauth_signature_method", sigMethod, okSM}, {"oauth_timestamp", timestamp, true},
		{"oauth_nonce", nonce, true}, {"oauth_version", version, okV},
	}
	if bodyHash != "" {
		sig = append(sig, sp{"oauth_body_hash", bodyHash, true})
	}
	if v, ok := get("callback"); ok && v != "" {
		sig = append(sig, sp{"oauth_callback", v, true})
	}
	if v, ok := get("verifier"); ok && v != "" {
		sig = append(sig, sp{"oauth_verifier", v, true})
	}
	var signParams []kv
	for _, s := range sig {
		if addEmpty || (s.ok && s.v != "") {
			signParams = append(signParams, kv{k: s.k, v: s.v, vNull: !s.ok})
		}
	}
	// signature base string
	host, port := hostPort(req)
	authority := strings.ToLower(host)
	if port != "" && port != "80" && port != "443" {
		authority += ":" + port
	}
	scheme := strings.ToLower(req.URL.Scheme)
	if scheme == "" {
		scheme = "http"
	}
	path := escapedPath(req.URL)
	all := append([]kv(nil), decodeForm(req.URL.RawQuery)...)
	all = append(all, signParams...)
	all = append(all, bodyParams...)
	if sigMethod == "" {
		// node-oauth1 signs with HMAC-SHA1 and puts the method into the base
		// string only
		sigMethod = "HMAC-SHA1"
		kept := all[:0]
		for _, f := range all {
			if f.k != "oauth_signature_method" {
				kept = append(kept, f)
			}
		}
		all = append(kept, kv{k: "oauth_signature_method", v: sigMethod})
	}
	baseString := oauthBaseString(req.Method, scheme+"://"+authority+path, all)
	signature, err := oauthSign(sigMethod, baseString, p.str("consumerSecret"), p.str("tokenSecret"), p.str("privateKey"))
	if err != nil {
		return err
	}
	// re-encode the query as RFC 3986 (Postman does unless disableUrlEncoding)
	if req.URL.RawQuery != "" {
		var q []string
		for _, f := range decodeForm(req.URL.RawQuery) {
			if f.vNull {
				q = append(q, OAuthPercentEncode(f.k))
			} else {
				q = append(q, OAuthPercentEncode(f.k)+"="+OAuthPercentEncode(f.v))
			}
		}
		req.URL.RawQuery = strings.Join(q, "&")
	}
	signParams = append(signParams, kv{k: "oauth_signature", v: signature})
	switch {
	case p.truthy("addParamsToHeader"):
		req.Header["Authorization"] = []string{oauthHeader(p.str("realm"), signParams, p.truthy("disableHeaderEncoding"))}
	case urlencoded && postOrPut(req.Method):
		fields := append(bodyParams, signParams...)
		setBody(req, []byte(formEncode(fields)))
	default:
		for _, s := range signParams {
			pair := OAuthPercentEncode(s.k) + "=" + OAuthPercentEncode(s.v)
			if s.vNull {
				pair = OAuthPercentEncode(s.k) // an absent value: the key alone
			}
			if req.URL.RawQuery == "" {
				req.URL.RawQuery = pair
			} else {
				req.URL.RawQuery += "&" + pair
			}
		}
	}
	return nil
}

// postOrPut reports whether method contains PUT or POST, as postman-runtime's
// /PUT|POST/ test does.
func postOrPut(method string) bool {
	return strings.Contains(method, "PUT") || strings.Contains(method, "POST")
}

func isOAuthParam(k string) bool {
	for _, n := range oauth1ParamNames {
		if k == n {
			return true
		}
	}
	return false
}

func (a *oauth1Auth) Retry(*http.Response) bool { return false }

// oauthBaseString builds the OAuth 1.0a signature base string from the
// method, the base URL (scheme://authority/path) and every parameter.
func oauthBaseString(method, baseURL string, ps []kv) string {
	type pair struct {
		sortKey string
		p       kv
	}
	var sortable []pair
	for _, p := range ps {
		if p.k == "oauth_signature" {
			continue
		}
		sortable = append(sortable, pair{OAuthPercentEncode(p.k) + " " + OAuthPercentEncode(p.v), p})
	}
	sort.SliceStable(sortable, func(i, j int) bool { return sortable[i].sortKey < sortable[j].sortKey })
	sorted := make([]kv, len(sortable))
	for i, s := range sortable {
		sorted[i] = s.p
	}
	return OAuthPercentEncode(strings.ToUpper(method)) + "&" + OAuthPercentEncode(baseURL) + "&" + OAuthPercentEncode(formEncode(sorted))
}

func oauthHash(name string) func() hash.Hash {
	switch name {
	case "SHA1":
		return sha1.New
	case "SHA256":
		return sha256.New
	case "SHA512":
		return sha512.New
	}
	return nil
}

func oauthSign(method, base, consumerSecret, tokenSecret, privateKey string) (string, error) {
	key := OAuthPercentEncode(consumerSecret) + "&" + OAuthPercentEncode(tokenSecret)
	var h func() hash.Hash
	var ch crypto.Hash
	switch method {
	case "PLAINTEXT":
		return key, nil
	case "HMAC-SHA1":
		h = sha1.New
	case "HMAC-SHA256":
		h = sha256.New
	case "HMAC-SHA512":
		h = sha512.New
	case "RSA-SHA1":
		ch = crypto.SHA1
	case "RSA-SHA256":
		ch = crypto.SHA256
	case "RSA-SHA512":
		ch = crypto.SHA512
	default:
		return "", fmt.Errorf("oauth1: unsupported signature method %q", method)
	}
	if h != nil {
		m := hmac.New(h, []byte(key))
		m.Write([]byte(base))
		return base64.StdEncoding.EncodeToString(m.Sum(nil)), nil
	}
	rk, err := parseRSAPrivateKey(privateKey)
	if err != nil {
		return "", fmt.Errorf("oauth1: %w", err)
	}
	d := ch.New()
	d.Write([]byte(base))
	sig, err := rsa.SignPKCS1v15(rand.Reader, rk, ch, d.Sum(nil))
	if err != nil {
		return "", fmt.Errorf("oauth1: %w", err)
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// parsePrivateKey reads a PEM private key (PKCS#8, PKCS#1 or SEC 1).
func parsePrivateKey(s string) (crypto.Signer, error) {
	block, _ := pem.Decode([]byte(strings.TrimSpace(s)))
	if block == nil {
		return nil, errors.New("invalid private key: no PEM block")
	}
	if k, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
		if s, ok := k.(crypto.Signer); ok {
			return s, nil
		}
		return nil, errors.New("invalid private key: unsupported key type")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	if k, err := x509.ParseECPrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	return nil, errors.New("invalid private key")
}

func parseRSAPrivateKey(s string) (*rsa.PrivateKey, error) {
	k, err := parsePrivateKey(s)
	if err != nil {
		return nil, err
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("invalid private key: not an RSA key")
	}
	return rk, nil
}

// oauthHeader builds `OAuth realm="...",oauth_...="..."`.
func oauthHeader(realm string, ps []kv, noEncoding bool) string {
	var parts []string
	if strings.TrimSpace(realm) != "" {
		if !noEncoding {
			realm = OAuthPercentEncode(realm)
		}
		parts = append(parts, `realm="`+realm+`"`)
	}
	for _, p := range ps {
		if p.v == "" {
			continue
		}
		k, v := p.k, strings.TrimSpace(p.v)
		if !noEncoding {
			k, v = OAuthPercentEncode(k), OAuthPercentEncode(v)
		}
		if strings.HasPrefix(k, "oauth_") {
			parts = append(parts, k+`="`+v+`"`)
		}
	}
	return "OAuth " + strings.Join(parts, ",")
}
