package auth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/lestrrat-go/jwx/v3/jws/jwsbb"
)

// asapAuth signs requests with an Atlassian ASAP token (a JWT with iss,
// sub, aud, jti, iat, exp and a kid header) sent as a Bearer token.
type asapAuth struct {
	p   *params
	now func() time.Time
}

// asapDataURI and asapPEMLine are compiled on first use, not at start-up.
var (
	asapDataURI = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^data:application/pkcs8;kid=([\w.\-+/]+);base64,([a-zA-Z0-9+/=]+)$`)
	})
	asapPEMLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(-----BEGIN [A-Z ]+-----)(.*?)(-----END [A-Z ]+-----)$`)
	})
)

// asapKey turns the private key parameter into a PEM document: newlines
// may have been removed, and a data: URI holding a PKCS#8 key is accepted.
func asapKey(kid, key string) (string, error) {
	key = strings.ReplaceAll(key, "\n", "")
	if len(key) > 1 && strings.HasPrefix(key, `"`) && strings.HasSuffix(key, `"`) {
		key = key[1 : len(key)-1]
	}
	if dec, err := url.PathUnescape(key); err == nil {
		key = dec
	}
	if strings.HasPrefix(key, "data:") {
		m := asapDataURI().FindStringSubmatch(key)
		if m == nil {
			return "", errors.New("malformed data URI")
		}
		if m[1] != kid {
			return "", errors.New("supplied key id does not match the one included in data uri")
		}
		return "-----BEGIN PRIVATE KEY-----\n" + m[2] + "\n-----END PRIVATE KEY-----\n", nil
	}
	// re-wrap a PEM whose newlines were removed
	if m := asapPEMLine().FindStringSubmatch(strings.TrimSpace(key)); m != nil {
		return m[1] + "\n" + strings.ReplaceAll(m[2], " ", "") + "\n" + m[3] + "\n", nil
	}
	return key, nil
}

func (a *asapAuth) Authorize(req *http.Request, _ []byte) error {
	p := a.p
	var claims jsonMembers
	switch c := p.value("claims").(type) {
	case string:
		if t := strings.TrimSpace(c); t != "" {
			var err error
			if claims, err = parseObject(t); err != nil {
				return errors.New("asap: Failed to parse claims")
			}
		}
	case map[string]any:
		b, _ := json.Marshal(c)
		claims, _ = parseObject(string(b))
	}
	claim := func(k string) string {
		for _, m := range claims {
			if m.key == k {
				var s any
				_ = json.Unmarshal(m.val, &s)
				if s == nil || s == "" || s == false || s == 0.0 {
					return ""
				}
				if str, ok := s.(string); ok {
					return str
				}
				return strings.TrimSpace(string(m.val))
			}
		}
		return ""
	}
	or := func(vs ...string) string {
		for _, v := range vs {
			if v != "" {
				return v
			}
		}
		return ""
	}
	issuer := or(claim("iss"), p.str("iss"))
	subject := or(claim("sub"), p.str("sub"), issuer)
	audience := or(claim("aud"), p.str("aud"))
	jti := or(claim("jti"), uuid.NewString())
	now := time.Now
	if a.now != nil {
		now = a.now
	}
	current := now().Unix()
	iat := or(claim("iat"), strconv.FormatInt(current, 10))
	expiry := int64(3600)
	if n, err := strconv.ParseInt(p.str("exp"), 10, 64); err == nil && n != 0 {
		expiry = n
	}
	exp := strconv.FormatInt(current+expiry, 10)
	if n, err := strconv.ParseInt(claim("exp"), 10, 64); err == nil && n != 0 {
		exp = strconv.FormatInt(n, 10)
	}
	kid := or(claim("kid"), p.str("kid"))
	alg := or(p.str("alg"), "RS256")
	privateKey, isString := p.value("privateKey").(string)
	if kid == "" || issuer == "" || audience == "" || privateKey == "" {
		return errors.New("asap: One or more of required claims missing")
	}
	if !jwtAlgorithm(alg) || strings.HasPrefix(alg, "HS") {
		return errors.New("asap: invalid algorithm")
	}
	if !isString {
		return errors.New("asap: privateKey must be a string")
	}
	pemKey, err := asapKey(kid, privateKey)
	if err != nil {
		return errors.New("asap: Failed to parse private key.")
	}
	key, err := parsePrivateKey(pemKey)
	if err != nil {
		return errors.New("asap: Failed to parse private key.")
	}
	if checkKeyForAlg(key, alg) != nil {
		return errors.New("asap: Failed to sign request with key.")
	}
	set := func(k string, raw json.RawMessage) {
		for i := range claims {
			if claims[i].key == k {
				claims[i].val = raw
				return
			}
		}
		claims = append(claims, struct {
			key string
			val json.RawMessage
		}{k, raw})
	}
	str := func(s string) json.RawMessage { b, _ := json.Marshal(s); return b }
	num := func(s string) json.RawMessage {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return json.RawMessage(s)
		}
		return str(s)
	}
	set("iat", num(iat))
	set("iss", str(issuer))
	set("sub", str(subject))
	set("jti", str(jti))
	set("aud", str(audience))
	set("exp", num(exp))
	hdr := jsonMembers{{"alg", str(alg)}, {"kid", str(kid)}}
	enc := base64.RawURLEncoding
	input := enc.EncodeToString(hdr.compact()) + "." + enc.EncodeToString(claims.compact())
	sig, err := jwsbb.Sign(key, alg, []byte(input), nil)
	if err != nil {
		return errors.New("asap: Failed to sign request with key.")
	}
	removeHeader(req, "Authorization")
	req.Header["Authorization"] = []string{"Bearer " + input + "." + enc.EncodeToString(sig)}
	return nil
}

func (a *asapAuth) Retry(*http.Response) bool { return false }
