package auth

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/lestrrat-go/jwx/v3/jws/jwsbb"
	"github.com/postie-run/postie/environments"
)

// jwtAuth generates a signed JWT from the auth's header and payload JSON and
// adds it as "Authorization: <headerPrefix> <token>" or a query parameter.
type jwtAuth struct{ p *params }

// jwtAlgorithm reports whether alg is a JWT signing algorithm Postman offers.
func jwtAlgorithm(alg string) bool {
	switch alg {
	case "HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
		"PS256", "PS384", "PS512", "ES256", "ES384", "ES512":
		return true
	}
	return false
}

// jsonMembers is a JSON object's members in their written order.
type jsonMembers []struct {
	key string
	val json.RawMessage
}

func parseObject(text string) (jsonMembers, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, errors.New("expected a JSON object")
	}
	var out jsonMembers
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		k := kt.(string)
		replaced := false
		for i := range out {
			if out[i].key == k { // a later duplicate wins, in the first one's place (JSON.parse)
				out[i].val, replaced = v, true
			}
		}
		if !replaced {
			out = append(out, struct {
				key string
				val json.RawMessage
			}{k, v})
		}
	}
	return out, nil
}

// compact writes the object as JSON.stringify would: members in order,
// numbers in JavaScript's shortest form.
func (m jsonMembers) compact() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := environments.MarshalNoEscape(e.key)
		b.Write(kb)
		b.WriteByte(':')
		writeJSValue(&b, e.val)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// writeJSValue re-encodes one JSON value as JSON.stringify(JSON.parse(raw))
// would (order kept, numbers normalized, duplicate keys: last value wins).
func writeJSValue(b *bytes.Buffer, raw json.RawMessage) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		b.WriteString("null")
		return
	}
	switch raw[0] {
	case '{':
		obj, err := parseObject(string(raw))
		if err != nil {
			b.Write(raw)
			return
		}
		b.Write(obj.compact())
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			b.Write(raw)
			return
		}
		b.WriteByte('[')
		for i, it := range items {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSValue(b, it)
		}
		b.WriteByte(']')
	case '"':
		var s string
		_ = json.Unmarshal(raw, &s)
		enc, _ := environments.MarshalNoEscape(s)
		b.Write(enc)
	case 't', 'f', 'n':
		b.Write(raw)
	default:
		f, err := strconv.ParseFloat(string(raw), 64)
		if err != nil {
			b.Write(raw)
			return
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			b.WriteString("null")
			return
		}
		b.WriteString(environments.NumberString(f))
	}
}

func (a *jwtAuth) token() (string, error) {
	p := a.p
	alg := p.str("algorithm")
	if !jwtAlgorithm(alg) {
		return "", errors.New("jwt: invalid algorithm")
	}
	isHS := strings.HasPrefix(alg, "HS")
	secret, secretIsString := p.value("secret").(string)
	privateKey, keyIsString := p.value("privateKey").(string)
	if isHS && (!secretIsString || secret == "") {
		return "", errors.New("jwt: Invalid secret key. Enter a valid key.")
	}
	if !isHS && (!keyIsString || privateKey == "") {
		return "", errors.New("jwt: Invalid private key. Enter a valid key.")
	}
	// header: the user's JSON object with "alg" set to the algorithm
	var header jsonMembers
	if h := strings.TrimSpace(p.str("header")); h != "" && p.has("header") {
		var err error
		if header, err = parseObject(h); err != nil {
			return "", fmt.Errorf("jwt: header: %w", err)
		}
	}
	algJSON, _ := json.Marshal(alg)
	found := false
	for i := range header {
		if header[i].key == "alg" {
			header[i].val, found = algJSON, true
		}
	}
	if !found {
		header = append(header, struct {
			key string
			val json.RawMessage
		}{"alg", algJSON})
	}
	payload := []byte("{}")
	if pl := strings.TrimSpace(p.str("payload")); pl != "" {
		if !json.Valid([]byte(pl)) {
			return "", errors.New("jwt: payload is not valid JSON")
		}
		if obj, err := parseObject(pl); err == nil {
			payload = obj.compact()
		} else {
			return "", errors.New("jwt: payload must be a JSON object")
		}
	}
	var key any
	if isHS {
		if p.truthy("isSecretBase64Encoded") {
			k, err := base64.StdEncoding.DecodeString(strings.TrimRight(secret, "="))
			if err != nil {
				if k, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(secret, "=")); err != nil {
					return "", fmt.Errorf("jwt: secret is not base64: %w", err)
				}
			}
			key = k
		} else {
			key = []byte(secret)
		}
	} else {
		k, err := parsePrivateKey(privateKey)
		if err != nil {
			return "", fmt.Errorf("jwt: %w", err)
		}
		if err := checkKeyForAlg(k, alg); err != nil {
			return "", fmt.Errorf("jwt: %w", err)
		}
		key = k
	}
	enc := base64.RawURLEncoding
	signingInput := enc.EncodeToString(header.compact()) + "." + enc.EncodeToString(payload)
	sig, err := jwsbb.Sign(key, alg, []byte(signingInput), nil)
	if err != nil {
		return "", fmt.Errorf("jwt: signing: %w", err)
	}
	return signingInput + "." + enc.EncodeToString(sig), nil
}

func (a *jwtAuth) Authorize(req *http.Request, _ []byte) error {
	tok, err := a.token()
	if err != nil {
		return err
	}
	addTo := a.p.str("addTokenTo")
	if addTo == "" {
		addTo = "header"
	}
	queryKey := a.p.str("queryParamKey")
	if queryKey == "" {
		queryKey = "token"
	}
	switch addTo {
	case "header":
		removeHeader(req, "Authorization")
		prefix := "Bearer"
		if a.p.has("headerPrefix") {
			prefix = a.p.str("headerPrefix")
		}
		if prefix != "" {
			prefix += " "
		}
		req.Header["Authorization"] = []string{prefix + tok}
	case "queryParam":
		removeQuery(req, queryKey)
		addQuery(req, queryKey, tok)
	}
	return nil
}

func (a *jwtAuth) Retry(*http.Response) bool { return false }

// checkKeyForAlg applies the key checks Postman's JOSE library makes: RSA
// keys for RS*/PS* of at least 2048 bits, EC keys on the algorithm's curve.
func checkKeyForAlg(k crypto.Signer, alg string) error {
	switch alg[:2] {
	case "RS", "PS":
		rk, ok := k.(*rsa.PrivateKey)
		if !ok {
			return fmt.Errorf("%s requires an RSA private key", alg)
		}
		if rk.N.BitLen() < 2048 {
			return fmt.Errorf("%s requires key modulusLength to be 2048 bits or larger", alg)
		}
	case "ES":
		ek, ok := k.(*ecdsa.PrivateKey)
		if !ok {
			return fmt.Errorf("%s requires an EC private key", alg)
		}
		want := map[string]string{"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}[alg]
		if ek.Curve.Params().Name != want {
			return fmt.Errorf("%s requires the %s curve, got %s", alg, want, ek.Curve.Params().Name)
		}
	}
	return nil
}
