package webcrypto

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"math/big"
	"strings"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules/encoding"
)

// params is a normalized algorithm dictionary.
type params struct {
	name       string // canonical: HMAC, RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA, SHA-256...
	hash       string // canonical hash name, "" when absent
	namedCurve string
	length     int // HMAC key length in bits (0 = absent)
	saltLength int
	hasSalt    bool
	modulusLen int
	pubExp     []byte
}

var canonical = map[string]string{
	"hmac": "HMAC", "rsassa-pkcs1-v1_5": "RSASSA-PKCS1-v1_5", "rsa-pss": "RSA-PSS", "ecdsa": "ECDSA",
	"sha-1": "SHA-1", "sha-256": "SHA-256", "sha-384": "SHA-384", "sha-512": "SHA-512",
	"aes-gcm": "AES-GCM", "aes-cbc": "AES-CBC", "aes-ctr": "AES-CTR", "aes-kw": "AES-KW",
	"rsa-oaep": "RSA-OAEP", "ecdh": "ECDH", "ed25519": "Ed25519", "x25519": "X25519",
	"pbkdf2": "PBKDF2", "hkdf": "HKDF",
}

func canon(s string) string {
	if c, ok := canonical[strings.ToLower(s)]; ok {
		return c
	}
	return s
}

// algParams normalizes an AlgorithmIdentifier (a string or a dictionary).
func algParams(rt *goja.Runtime, v goja.Value) params {
	var p params
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return p
	}
	o, ok := v.(*goja.Object)
	if !ok {
		p.name = canon(v.String())
		return p
	}
	if nv := o.Get("name"); nv != nil && !goja.IsUndefined(nv) {
		p.name = canon(nv.String())
	}
	if hv := o.Get("hash"); hv != nil && !goja.IsUndefined(hv) {
		p.hash = algParams(rt, hv).name
	}
	if cv := o.Get("namedCurve"); cv != nil && !goja.IsUndefined(cv) {
		p.namedCurve = cv.String()
	}
	if lv := o.Get("length"); lv != nil && !goja.IsUndefined(lv) {
		p.length = int(lv.ToInteger())
	}
	if sv := o.Get("saltLength"); sv != nil && !goja.IsUndefined(sv) {
		p.saltLength, p.hasSalt = int(sv.ToInteger()), true
	}
	if mv := o.Get("modulusLength"); mv != nil && !goja.IsUndefined(mv) {
		p.modulusLen = int(mv.ToInteger())
	}
	if ev := o.Get("publicExponent"); ev != nil && encoding.IsBufferSource(ev) {
		p.pubExp = append([]byte(nil), encoding.BufferSource(rt, ev)...)
	}
	return p
}

func hashByName(name string) (crypto.Hash, error) {
	switch canon(name) {
	case "SHA-1":
		return crypto.SHA1, nil
	case "SHA-256":
		return crypto.SHA256, nil
	case "SHA-384":
		return crypto.SHA384, nil
	case "SHA-512":
		return crypto.SHA512, nil
	}
	return 0, errf("NotSupportedError", "Unrecognized algorithm name")
}

// Ensure the hash implementations are linked in.
var _ = []func() any{func() any { return sha1.New() }, func() any { return sha256.New() }, func() any { return sha512.New() }}

// key is the Go side of a CryptoKey.
type key struct {
	alg    string
	hash   string
	curve  string
	typ    string // secret, public, private
	secret []byte
	rsaPub *rsa.PublicKey
	rsaKey *rsa.PrivateKey
	ecPub  *ecdsa.PublicKey
	ecKey  *ecdsa.PrivateKey
}

func (k *key) algorithm() map[string]any {
	m := map[string]any{"name": k.alg}
	switch k.alg {
	case "HMAC":
		m["hash"] = map[string]any{"name": k.hash}
		m["length"] = len(k.secret) * 8
	case "RSASSA-PKCS1-v1_5", "RSA-PSS":
		pub := k.rsaPub
		m["hash"] = map[string]any{"name": k.hash}
		m["modulusLength"] = pub.N.BitLen()
		e := big.NewInt(int64(pub.E)).Bytes()
		exp := make([]any, len(e))
		for i, b := range e {
			exp[i] = int64(b)
		}
		m["publicExponent"] = exp
	case "ECDSA":
		m["namedCurve"] = k.curve
	}
	return m
}

func curveByName(name string) (elliptic.Curve, error) {
	switch name {
	case "P-256":
		return elliptic.P256(), nil
	case "P-384":
		return elliptic.P384(), nil
	case "P-521":
		return elliptic.P521(), nil
	}
	return nil, errf("NotSupportedError", "Unrecognized namedCurve '%s'", name)
}

func curveName(c elliptic.Curve) string { return c.Params().Name }

func isRSA(alg string) bool { return alg == "RSASSA-PKCS1-v1_5" || alg == "RSA-PSS" }

func importKey(rt *goja.Runtime, format string, data goja.Value, p params) (*key, error) {
	k := &key{alg: p.name, hash: p.hash}
	switch {
	case p.name == "HMAC":
		if _, err := hashByName(p.hash); err != nil {
			return nil, errf("TypeError", "HMAC import requires a supported hash")
		}
		k.typ = "secret"
		switch format {
		case "raw":
			if !encoding.IsBufferSource(data) {
				return nil, errf("TypeError", "Key data must be a BufferSource for non-JWK formats")
			}
			k.secret = append([]byte(nil), encoding.BufferSource(rt, data)...)
		case "jwk":
			j, err := jwkOf(data)
			if err != nil {
				return nil, err
			}
			if j["kty"] != "oct" {
				return nil, errf("DataError", "Invalid JWK \"kty\" Parameter")
			}
			if k.secret, err = b64field(j, "k"); err != nil {
				return nil, err
			}
			if a, ok := j["alg"].(string); ok && a != "HS"+strings.TrimPrefix(p.hash, "SHA-") && !(p.hash == "SHA-1" && a == "HS1") {
				return nil, errf("DataError", "JWK \"alg\" does not match the requested algorithm")
			}
		default:
			return nil, errf("NotSupportedError", "Unable to import HMAC key with format %s", format)
		}
		if len(k.secret) == 0 {
			return nil, errf("DataError", "Zero-length key is not supported")
		}
		if p.length > 0 && (p.length > len(k.secret)*8 || p.length <= len(k.secret)*8-8) {
			return nil, errf("DataError", "Invalid key length")
		}
		return k, nil
	case isRSA(p.name):
		if _, err := hashByName(p.hash); err != nil {
			return nil, errf("TypeError", "RSA import requires a supported hash")
		}
		switch format {
		case "spki", "pkcs8":
			key, err := parseDER(rt, data, format)
			if err != nil {
				return nil, err
			}
			switch key := key.(type) {
			case *rsa.PublicKey:
				k.typ, k.rsaPub = "public", key
			case *rsa.PrivateKey:
				k.typ, k.rsaKey, k.rsaPub = "private", key, &key.PublicKey
			default:
				return nil, errf("DataError", "Invalid key type")
			}
		case "jwk":
			j, err := jwkOf(data)
			if err != nil {
				return nil, err
			}
			if err := rsaFromJWK(k, j, p); err != nil {
				return nil, err
			}
		default:
			return nil, errf("NotSupportedError", "Unable to import RSA key with format %s", format)
		}
		return k, nil
	case p.name == "ECDSA":
		curve, err := curveByName(p.namedCurve)
		if err != nil {
			return nil, err
		}
		k.curve = p.namedCurve
		switch format {
		case "raw":
			if !encoding.IsBufferSource(data) {
				return nil, errf("TypeError", "Key data must be a BufferSource for non-JWK formats")
			}
			b := encoding.BufferSource(rt, data)
			pub, err := ecdsa.ParseUncompressedPublicKey(curve, b)
			if err != nil {
				x, y := elliptic.UnmarshalCompressed(curve, b)
				if x == nil {
					return nil, errf("DataError", "Invalid keyData")
				}
				pub = &ecdsa.PublicKey{Curve: curve, X: x, Y: y}
			}
			k.typ, k.ecPub = "public", pub
		case "spki", "pkcs8":
			key, err := parseDER(rt, data, format)
			if err != nil {
				return nil, err
			}
			switch key := key.(type) {
			case *ecdsa.PublicKey:
				k.typ, k.ecPub = "public", key
			case *ecdsa.PrivateKey:
				k.typ, k.ecKey, k.ecPub = "private", key, &key.PublicKey
			default:
				return nil, errf("DataError", "Invalid key type")
			}
			if curveName(k.ecPub.Curve) != p.namedCurve {
				return nil, errf("DataError", "Named curve mismatch")
			}
		case "jwk":
			j, err := jwkOf(data)
			if err != nil {
				return nil, err
			}
			if j["kty"] != "EC" {
				return nil, errf("DataError", "Invalid JWK \"kty\" Parameter")
			}
			if j["crv"] != p.namedCurve {
				return nil, errf("DataError", "JWK \"crv\" does not match the requested algorithm")
			}
			x, err := b64field(j, "x")
			if err != nil {
				return nil, err
			}
			y, err := b64field(j, "y")
			if err != nil {
				return nil, err
			}
			size := (curve.Params().BitSize + 7) / 8
			if len(x) != size || len(y) != size {
				return nil, errf("DataError", "Invalid JWK EC key")
			}
			pt := append(append([]byte{4}, x...), y...)
			pub, err := ecdsa.ParseUncompressedPublicKey(curve, pt)
			if err != nil {
				return nil, errf("DataError", "Invalid JWK EC key")
			}
			k.typ, k.ecPub = "public", pub
			if _, ok := j["d"]; ok {
				d, err := b64field(j, "d")
				if err != nil {
					return nil, err
				}
				priv, err := ecdsa.ParseRawPrivateKey(curve, d)
				if err != nil || priv.X.Cmp(pub.X) != 0 || priv.Y.Cmp(pub.Y) != 0 {
					return nil, errf("DataError", "Invalid JWK EC private key")
				}
				k.typ, k.ecKey = "private", priv
			}
		default:
			return nil, errf("NotSupportedError", "Unable to import ECDSA key with format %s", format)
		}
		return k, nil
	}
	return nil, errf("NotSupportedError", "Unrecognized algorithm name")
}

func derOf(rt *goja.Runtime, data goja.Value) ([]byte, error) {
	if !encoding.IsBufferSource(data) {
		return nil, errf("TypeError", "Key data must be a BufferSource for non-JWK formats")
	}
	return append([]byte(nil), encoding.BufferSource(rt, data)...), nil
}

func jwkOf(data goja.Value) (map[string]any, error) {
	o, ok := data.(*goja.Object)
	if !ok {
		return nil, errf("TypeError", "Key data must be an object for JWK import")
	}
	m, ok := o.Export().(map[string]any)
	if !ok {
		return nil, errf("DataError", "Invalid JWK")
	}
	return m, nil
}

func b64field(j map[string]any, name string) ([]byte, error) {
	s, ok := j[name].(string)
	if !ok {
		return nil, errf("DataError", "JWK member \"%s\" is missing or not a string", name)
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil {
		return nil, errf("DataError", "JWK member \"%s\" is not base64url", name)
	}
	return b, nil
}

func jwsAlg(alg, hash string) string {
	bitsStr := strings.TrimPrefix(hash, "SHA-")
	if hash == "SHA-1" {
		bitsStr = "1"
	}
	switch alg {
	case "RSASSA-PKCS1-v1_5":
		return "RS" + bitsStr
	case "RSA-PSS":
		return "PS" + bitsStr
	case "HMAC":
		return "HS" + bitsStr
	}
	return ""
}

func rsaFromJWK(k *key, j map[string]any, p params) error {
	if j["kty"] != "RSA" {
		return errf("DataError", "Invalid JWK \"kty\" Parameter")
	}
	if a, ok := j["alg"].(string); ok && a != jwsAlg(p.name, p.hash) {
		return errf("DataError", "JWK \"alg\" does not match the requested algorithm")
	}
	n, err := b64field(j, "n")
	if err != nil {
		return err
	}
	e, err := b64field(j, "e")
	if err != nil {
		return err
	}
	eInt := new(big.Int).SetBytes(e)
	if !eInt.IsInt64() || eInt.Int64() > 1<<31-1 || eInt.Int64() < 3 {
		return errf("DataError", "Invalid RSA public exponent")
	}
	pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(eInt.Int64())}
	k.typ, k.rsaPub = "public", pub
	if _, ok := j["d"]; !ok {
		return nil
	}
	vals := map[string]*big.Int{}
	for _, f := range []string{"d", "p", "q", "dp", "dq", "qi"} {
		b, err := b64field(j, f)
		if err != nil {
			return err
		}
		vals[f] = new(big.Int).SetBytes(b)
	}
	priv := &rsa.PrivateKey{PublicKey: *pub, D: vals["d"], Primes: []*big.Int{vals["p"], vals["q"]}}
	priv.Precompute()
	if err := priv.Validate(); err != nil {
		return errf("DataError", "Invalid RSA private key")
	}
	k.typ, k.rsaKey, k.rsaPub = "private", priv, &priv.PublicKey
	return nil
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func pad(b []byte, size int) []byte {
	if len(b) >= size {
		return b
	}
	out := make([]byte, size)
	copy(out[size-len(b):], b)
	return out
}

func exportKey(rt *goja.Runtime, format string, k *key) (goja.Value, error) {
	if k == nil {
		return nil, errf("TypeError", "Failed to execute 'exportKey' on 'SubtleCrypto': parameter 2 is not of type 'CryptoKey'.")
	}
	ab := func(b []byte) (goja.Value, error) { return rt.ToValue(rt.NewArrayBuffer(b)), nil }
	switch format {
	case "raw":
		switch {
		case k.alg == "HMAC":
			return ab(append([]byte(nil), k.secret...))
		case k.alg == "ECDSA" && k.typ == "public":
			b, err := k.ecPub.Bytes()
			if err != nil {
				return nil, errf("OperationError", "%v", err)
			}
			return ab(b)
		}
	case "spki":
		if k.typ == "public" {
			var pub any = k.rsaPub
			if k.alg == "ECDSA" {
				pub = k.ecPub
			}
			der, err := x509.MarshalPKIXPublicKey(pub)
			if err != nil {
				return nil, errf("OperationError", "%v", err)
			}
			return ab(der)
		}
	case "pkcs8":
		if k.typ == "private" {
			var priv any = k.rsaKey
			if k.alg == "ECDSA" {
				priv = k.ecKey
			}
			der, err := x509.MarshalPKCS8PrivateKey(priv)
			if err != nil {
				return nil, errf("OperationError", "%v", err)
			}
			return ab(der)
		}
	case "jwk":
		j := rt.NewObject()
		switch {
		case k.alg == "HMAC":
			_ = j.Set("kty", "oct")
			_ = j.Set("k", b64(k.secret))
			_ = j.Set("alg", jwsAlg("HMAC", k.hash))
		case isRSA(k.alg):
			_ = j.Set("kty", "RSA")
			_ = j.Set("n", b64(k.rsaPub.N.Bytes()))
			_ = j.Set("e", b64(big.NewInt(int64(k.rsaPub.E)).Bytes()))
			if k.rsaKey != nil {
				r := k.rsaKey
				_ = j.Set("d", b64(r.D.Bytes()))
				_ = j.Set("p", b64(r.Primes[0].Bytes()))
				_ = j.Set("q", b64(r.Primes[1].Bytes()))
				_ = j.Set("dp", b64(r.Precomputed.Dp.Bytes()))
				_ = j.Set("dq", b64(r.Precomputed.Dq.Bytes()))
				_ = j.Set("qi", b64(r.Precomputed.Qinv.Bytes()))
			}
			_ = j.Set("alg", jwsAlg(k.alg, k.hash))
		case k.alg == "ECDSA":
			size := (k.ecPub.Curve.Params().BitSize + 7) / 8
			_ = j.Set("kty", "EC")
			_ = j.Set("crv", k.curve)
			_ = j.Set("x", b64(pad(k.ecPub.X.Bytes(), size)))
			_ = j.Set("y", b64(pad(k.ecPub.Y.Bytes(), size)))
			if k.ecKey != nil {
				d, err := k.ecKey.Bytes()
				if err != nil {
					return nil, errf("OperationError", "%v", err)
				}
				_ = j.Set("d", b64(d))
			}
		}
		return j, nil
	default:
		return nil, errf("NotSupportedError", "Unsupported export format %s", format)
	}
	return nil, errf("InvalidAccessError", "Unable to export a %s %s key in %s format", k.typ, k.alg, format)
}

func digestOf(hash string, data []byte) (crypto.Hash, []byte, error) {
	h, err := hashByName(hash)
	if err != nil {
		return 0, nil, err
	}
	d := h.New()
	d.Write(data)
	return h, d.Sum(nil), nil
}

func checkAlg(p params, k *key) error {
	if k == nil {
		return errf("TypeError", "parameter 2 is not of type 'CryptoKey'.")
	}
	if p.name != k.alg {
		return errf("InvalidAccessError", "The requested operation is not valid for the provided key")
	}
	return nil
}

func sign(p params, k *key, data []byte) ([]byte, error) {
	if err := checkAlg(p, k); err != nil {
		return nil, err
	}
	switch k.alg {
	case "HMAC":
		h, _ := hashByName(k.hash)
		m := hmac.New(h.New, k.secret)
		m.Write(data)
		return m.Sum(nil), nil
	case "RSASSA-PKCS1-v1_5", "RSA-PSS":
		if k.rsaKey == nil {
			return nil, errf("InvalidAccessError", "The requested operation is not valid for the provided key")
		}
		h, d, err := digestOf(k.hash, data)
		if err != nil {
			return nil, err
		}
		if k.alg == "RSA-PSS" {
			if !p.hasSalt {
				return nil, errf("TypeError", "RSA-PSS requires saltLength")
			}
			if p.saltLength < 0 {
				return nil, errf("OperationError", "Invalid saltLength")
			}
			sig, err := rsa.SignPSS(rand.Reader, k.rsaKey, h, d, &rsa.PSSOptions{SaltLength: p.saltLength})
			if err != nil {
				return nil, errf("OperationError", "%v", err)
			}
			return sig, nil
		}
		sig, err := rsa.SignPKCS1v15(rand.Reader, k.rsaKey, h, d)
		if err != nil {
			return nil, errf("OperationError", "%v", err)
		}
		return sig, nil
	case "ECDSA":
		if k.ecKey == nil {
			return nil, errf("InvalidAccessError", "The requested operation is not valid for the provided key")
		}
		_, d, err := digestOf(p.hash, data)
		if err != nil {
			return nil, err
		}
		r, s, err := ecdsa.Sign(rand.Reader, k.ecKey, d)
		if err != nil {
			return nil, errf("OperationError", "%v", err)
		}
		size := (k.ecKey.Curve.Params().BitSize + 7) / 8
		return append(pad(r.Bytes(), size), pad(s.Bytes(), size)...), nil
	}
	return nil, errf("NotSupportedError", "Unrecognized algorithm name")
}

func verify(p params, k *key, sig, data []byte) (bool, error) {
	if err := checkAlg(p, k); err != nil {
		return false, err
	}
	switch k.alg {
	case "HMAC":
		h, _ := hashByName(k.hash)
		m := hmac.New(h.New, k.secret)
		m.Write(data)
		return hmac.Equal(m.Sum(nil), sig), nil
	case "RSASSA-PKCS1-v1_5", "RSA-PSS":
		if k.typ != "public" {
			return false, errf("InvalidAccessError", "The requested operation is not valid for the provided key")
		}
		h, d, err := digestOf(k.hash, data)
		if err != nil {
			return false, err
		}
		if k.alg == "RSA-PSS" {
			if !p.hasSalt {
				return false, errf("TypeError", "RSA-PSS requires saltLength")
			}
			return rsa.VerifyPSS(k.rsaPub, h, d, sig, &rsa.PSSOptions{SaltLength: p.saltLength}) == nil, nil
		}
		return rsa.VerifyPKCS1v15(k.rsaPub, h, d, sig) == nil, nil
	case "ECDSA":
		if k.typ != "public" {
			return false, errf("InvalidAccessError", "The requested operation is not valid for the provided key")
		}
		_, d, err := digestOf(p.hash, data)
		if err != nil {
			return false, err
		}
		size := (k.ecPub.Curve.Params().BitSize + 7) / 8
		if len(sig) != 2*size {
			return false, nil
		}
		r, s := new(big.Int).SetBytes(sig[:size]), new(big.Int).SetBytes(sig[size:])
		return ecdsa.Verify(k.ecPub, d, r, s), nil
	}
	return false, errf("NotSupportedError", "Unrecognized algorithm name")
}

func generateKey(p params) (priv, pub *key, err error) {
	switch {
	case p.name == "HMAC":
		h, err := hashByName(p.hash)
		if err != nil {
			return nil, nil, errf("TypeError", "HMAC generateKey requires a supported hash")
		}
		n := h.New().BlockSize() * 8
		if p.length > 0 {
			n = p.length
		}
		b := make([]byte, (n+7)/8)
		_, _ = rand.Read(b)
		return &key{alg: "HMAC", hash: p.hash, typ: "secret", secret: b}, nil, nil
	case isRSA(p.name):
		if _, err := hashByName(p.hash); err != nil {
			return nil, nil, errf("TypeError", "RSA generateKey requires a supported hash")
		}
		e := new(big.Int).SetBytes(p.pubExp)
		if e.Cmp(big.NewInt(65537)) != 0 {
			return nil, nil, errf("NotSupportedError", "Only publicExponent 65537 is supported")
		}
		if p.modulusLen < 1024 || p.modulusLen > 8192 || p.modulusLen%8 != 0 {
			return nil, nil, errf("OperationError", "Invalid modulusLength")
		}
		rk, err := rsa.GenerateKey(rand.Reader, p.modulusLen)
		if err != nil {
			return nil, nil, errf("OperationError", "%v", err)
		}
		return &key{alg: p.name, hash: p.hash, typ: "private", rsaKey: rk, rsaPub: &rk.PublicKey},
			&key{alg: p.name, hash: p.hash, typ: "public", rsaPub: &rk.PublicKey}, nil
	case p.name == "ECDSA":
		curve, err := curveByName(p.namedCurve)
		if err != nil {
			return nil, nil, err
		}
		ek, err := ecdsa.GenerateKey(curve, rand.Reader)
		if err != nil {
			return nil, nil, errf("OperationError", "%v", err)
		}
		return &key{alg: "ECDSA", curve: p.namedCurve, typ: "private", ecKey: ek, ecPub: &ek.PublicKey},
			&key{alg: "ECDSA", curve: p.namedCurve, typ: "public", ecPub: &ek.PublicKey}, nil
	}
	return nil, nil, errf("NotSupportedError", "Unrecognized algorithm name")
}

// parseDER parses keyData as an spki public key or a pkcs8 private key.
func parseDER(rt *goja.Runtime, data goja.Value, format string) (any, error) {
	der, err := derOf(rt, data)
	if err != nil {
		return nil, err
	}
	var key any
	if format == "spki" {
		key, err = x509.ParsePKIXPublicKey(der)
	} else {
		key, err = x509.ParsePKCS8PrivateKey(der)
	}
	if err != nil {
		return nil, errf("DataError", "Invalid keyData")
	}
	return key, nil
}
