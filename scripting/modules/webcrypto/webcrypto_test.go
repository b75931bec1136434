package webcrypto

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"regexp"
	"testing"

	"github.com/dop251/goja"
	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/postie-run/postie/scripting/modules/encoding"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

func newRT(t *testing.T) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	if err := encoding.Init(rt, vectest.Compiler{}); err != nil {
		t.Fatal(err)
	}
	if err := Init(rt, vectest.Compiler{}); err != nil {
		t.Fatal(err)
	}
	if _, err := rt.RunString(`
		function b64u(buf) { var s = ''; var u = new Uint8Array(buf); for (var i = 0; i < u.length; i++) s += String.fromCharCode(u[i]); return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''); }
		function hex(buf) { return Array.from(new Uint8Array(buf)).map(function (b) { return (b + 256).toString(16).slice(1); }).join(''); }
		function bytes(h) { var u = new Uint8Array(h.length / 2); for (var i = 0; i < u.length; i++) u[i] = parseInt(h.substr(i * 2, 2), 16); return u; }
		function utf8(s) { return new TextEncoder().encode(s); }
	`); err != nil {
		t.Fatal(err)
	}
	return rt
}

// await runs an async function body and returns its result, or the
// rejection as "Name: message".
func await(t *testing.T, rt *goja.Runtime, body string) string {
	t.Helper()
	_, err := rt.RunString(`globalThis.__out = undefined; (async function(){ ` + body + ` })().then(
		function (r) { globalThis.__out = 'ok:' + (typeof r === 'string' ? r : JSON.stringify(r)); },
		function (e) { globalThis.__out = 'err:' + (e && e.name) + ': ' + (e && e.message); });`)
	if err != nil {
		t.Fatalf("running %s: %v", body, err)
	}
	v := rt.Get("__out")
	if v == nil || goja.IsUndefined(v) {
		t.Fatalf("promise did not settle: %s", body)
	}
	return v.String()
}

func TestDigest(t *testing.T) {
	rt := newRT(t)
	msg := "hello wörld"
	s1 := sha256.Sum256([]byte(msg))
	s5 := sha512.Sum512([]byte(msg))
	s3 := sha512.Sum384([]byte(msg))
	cases := []struct{ alg, input, want string }{
		{`"SHA-256"`, `utf8(MSG)`, "ok:" + hex.EncodeToString(s1[:])},
		{`{name: "sha-512"}`, `utf8(MSG).buffer`, "ok:" + hex.EncodeToString(s5[:])},
		{`"SHA-384"`, `new DataView(utf8(MSG).buffer)`, "ok:" + hex.EncodeToString(s3[:])},
		{`"SHA-1"`, `new Uint8Array(0)`, "ok:da39a3ee5e6b4b0d3255bfef95601890afd80709"},
		{`"MD5"`, `utf8(MSG)`, "err:NotSupportedError: Unrecognized algorithm name"},
		{`"SHA-256"`, `"a string"`, "err:TypeError: Failed to execute on 'SubtleCrypto': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'."},
	}
	_ = rt.Set("MSG", msg)
	for _, c := range cases {
		got := await(t, rt, `var d = await crypto.subtle.digest(`+c.alg+`, `+c.input+`); if (!(d instanceof ArrayBuffer)) throw new Error("not an ArrayBuffer"); return hex(d);`)
		if got != c.want {
			t.Errorf("digest(%s, %s) = %s, want %s", c.alg, c.input, got, c.want)
		}
	}
}

func TestRandom(t *testing.T) {
	rt := newRT(t)
	cases := []struct{ name, js, want string }{
		{"same array returned", `(function(){ var a = new Uint8Array(64); return crypto.getRandomValues(a) === a && a.some(function (x) { return x !== 0; }); })()`, "true"},
		{"uint32", `crypto.getRandomValues(new Uint32Array(4)).length`, "4"},
		{"subarray only", `(function(){ var a = new Uint8Array(8); crypto.getRandomValues(a.subarray(2, 4)); return a[0] + a[1] + a[4] + a[5] + a[6] + a[7]; })()`, "0"},
		{"float rejected", `(function(){ try { crypto.getRandomValues(new Float32Array(2)); } catch (e) { return e.name + "/" + (e instanceof DOMException); } })()`, "TypeMismatchError/true"},
		{"quota", `(function(){ try { crypto.getRandomValues(new Uint8Array(65537)); } catch (e) { return e.name + ": " + e.message; } })()`, "QuotaExceededError: The ArrayBufferView's byte length (65537) exceeds the number of bytes of entropy available via this API (65536)"},
		{"quota boundary ok", `crypto.getRandomValues(new Uint8Array(65536)).length`, "65536"},
		{"not a view", `(function(){ try { crypto.getRandomValues([1, 2]); } catch (e) { return e.name; } })()`, "TypeError"},
		{"crypto not enumerable", `Object.keys(globalThis).indexOf("crypto")`, "-1"},
		{"tags", `String(crypto) + String(crypto.subtle)`, "[object Crypto][object SubtleCrypto]"},
	}
	for _, c := range cases {
		v, err := rt.RunString(c.js)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if v.String() != c.want {
			t.Errorf("%s: got %s want %s", c.name, v, c.want)
		}
	}
	re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	v, _ := rt.RunString(`crypto.randomUUID()`)
	if !re.MatchString(v.String()) {
		t.Errorf("randomUUID = %s", v)
	}
}

// jwtJS signs header.payload with an imported key and returns the JWT.
const jwtJS = `
	var key = await crypto.subtle.importKey(FORMAT, KEYDATA, ALG, false, ["sign"]);
	var input = b64u(utf8(JSON.stringify(HEADER))) + "." + b64u(utf8(JSON.stringify({sub: "postie", n: 1})));
	var sig = await crypto.subtle.sign(SIGNALG, key, utf8(input));
	return input + "." + b64u(sig);`

func setKeyData(t *testing.T, rt *goja.Runtime, der []byte) {
	t.Helper()
	_ = rt.Set("DER", hex.EncodeToString(der))
	if _, err := rt.RunString(`var KEYDATA = bytes(DER)`); err != nil {
		t.Fatal(err)
	}
}

func TestJWTsVerifyWithJWX(t *testing.T) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	rsaDER, _ := x509.MarshalPKCS8PrivateKey(rsaKey)
	ecKeys := map[string]*ecdsa.PrivateKey{}
	for _, c := range []elliptic.Curve{elliptic.P256(), elliptic.P384(), elliptic.P521()} {
		k, _ := ecdsa.GenerateKey(c, rand.Reader)
		ecKeys[c.Params().Name] = k
	}
	ecDER := func(name string) []byte { d, _ := x509.MarshalPKCS8PrivateKey(ecKeys[name]); return d }
	cases := []struct {
		name    string
		der     []byte
		alg     string
		signAlg string
		jwsAlg  jwa.SignatureAlgorithm
		pub     any
	}{
		{"PS256", rsaDER, `{name: "RSA-PSS", hash: "SHA-256"}`, `{name: "RSA-PSS", saltLength: 32}`, jwa.PS256(), &rsaKey.PublicKey},
		{"PS512", rsaDER, `{name: "RSA-PSS", hash: {name: "SHA-512"}}`, `{name: "RSA-PSS", saltLength: 64}`, jwa.PS512(), &rsaKey.PublicKey},
		{"RS256", rsaDER, `{name: "RSASSA-PKCS1-v1_5", hash: "SHA-256"}`, `"RSASSA-PKCS1-v1_5"`, jwa.RS256(), &rsaKey.PublicKey},
		{"ES256", ecDER("P-256"), `{name: "ECDSA", namedCurve: "P-256"}`, `{name: "ECDSA", hash: "SHA-256"}`, jwa.ES256(), &ecKeys["P-256"].PublicKey},
		{"ES384", ecDER("P-384"), `{name: "ECDSA", namedCurve: "P-384"}`, `{name: "ECDSA", hash: "SHA-384"}`, jwa.ES384(), &ecKeys["P-384"].PublicKey},
		{"ES512", ecDER("P-521"), `{name: "ECDSA", namedCurve: "P-521"}`, `{name: "ECDSA", hash: "SHA-512"}`, jwa.ES512(), &ecKeys["P-521"].PublicKey},
	}
	for _, c := range cases {
		rt := newRT(t)
		setKeyData(t, rt, c.der)
		_, err := rt.RunString(fmt.Sprintf(`var FORMAT = "pkcs8", ALG = %s, SIGNALG = %s, HEADER = {alg: %q, typ: "JWT"};`, c.alg, c.signAlg, c.name))
		if err != nil {
			t.Fatal(err)
		}
		out := await(t, rt, jwtJS)
		if len(out) < 3 || out[:3] != "ok:" {
			t.Fatalf("%s: %s", c.name, out)
		}
		token := out[3:]
		payload, err := jws.Verify([]byte(token), jws.WithKey(c.jwsAlg, c.pub))
		if err != nil {
			t.Errorf("%s: jwx rejects %s: %v", c.name, token, err)
			continue
		}
		if string(payload) != `{"sub":"postie","n":1}` {
			t.Errorf("%s: payload %s", c.name, payload)
		}
	}
}

func TestVerifyGoSignatures(t *testing.T) {
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	msg := []byte("signed by Go")
	d := sha256.Sum256(msg)
	pss, _ := rsa.SignPSS(rand.Reader, rsaKey, crypto.SHA256, d[:], &rsa.PSSOptions{SaltLength: 32})
	pkcs1, _ := rsa.SignPKCS1v15(rand.Reader, rsaKey, crypto.SHA256, d[:])
	r, s, _ := ecdsa.Sign(rand.Reader, ecKey, d[:])
	p1363 := append(r.FillBytes(make([]byte, 32)), s.FillBytes(make([]byte, 32))...)
	mac := hmac.New(sha256.New, []byte("secret"))
	mac.Write(msg)
	rsaSPKI, _ := x509.MarshalPKIXPublicKey(&rsaKey.PublicKey)
	ecSPKI, _ := x509.MarshalPKIXPublicKey(&ecKey.PublicKey)
	ecRaw, _ := ecKey.PublicKey.Bytes()
	b64 := base64.RawURLEncoding.EncodeToString
	rsaJWK := fmt.Sprintf(`{kty: "RSA", n: %q, e: %q}`, b64(rsaKey.N.Bytes()), b64(big.NewInt(int64(rsaKey.E)).Bytes()))
	ecJWK := fmt.Sprintf(`{kty: "EC", crv: "P-256", x: %q, y: %q}`, b64(ecKey.X.FillBytes(make([]byte, 32))), b64(ecKey.Y.FillBytes(make([]byte, 32))))
	cases := []struct {
		name, format, keyData, alg, verifyAlg string
		sig                                   []byte
		want                                  string
	}{
		{"pss spki", "spki", "bytes('" + hex.EncodeToString(rsaSPKI) + "')", `{name: "RSA-PSS", hash: "SHA-256"}`, `{name: "RSA-PSS", saltLength: 32}`, pss, "ok:true"},
		{"pss wrong salt length", "spki", "bytes('" + hex.EncodeToString(rsaSPKI) + "')", `{name: "RSA-PSS", hash: "SHA-256"}`, `{name: "RSA-PSS", saltLength: 20}`, pss, "ok:false"},
		{"pkcs1 jwk", "jwk", rsaJWK, `{name: "RSASSA-PKCS1-v1_5", hash: "SHA-256"}`, `"RSASSA-PKCS1-v1_5"`, pkcs1, "ok:true"},
		{"ecdsa spki", "spki", "bytes('" + hex.EncodeToString(ecSPKI) + "')", `{name: "ECDSA", namedCurve: "P-256"}`, `{name: "ECDSA", hash: "SHA-256"}`, p1363, "ok:true"},
		{"ecdsa raw", "raw", "bytes('" + hex.EncodeToString(ecRaw) + "')", `{name: "ECDSA", namedCurve: "P-256"}`, `{name: "ECDSA", hash: "SHA-256"}`, p1363, "ok:true"},
		{"ecdsa jwk", "jwk", ecJWK, `{name: "ECDSA", namedCurve: "P-256"}`, `{name: "ECDSA", hash: "SHA-256"}`, p1363, "ok:true"},
		{"ecdsa tampered", "jwk", ecJWK, `{name: "ECDSA", namedCurve: "P-256"}`, `{name: "ECDSA", hash: "SHA-256"}`, append([]byte{p1363[0] ^ 1}, p1363[1:]...), "ok:false"},
		{"ecdsa der signature is not p1363", "jwk", ecJWK, `{name: "ECDSA", namedCurve: "P-256"}`, `{name: "ECDSA", hash: "SHA-256"}`, p1363[:63], "ok:false"},
		{"hmac raw", "raw", "utf8('secret')", `{name: "HMAC", hash: "SHA-256"}`, `"HMAC"`, mac.Sum(nil), "ok:true"},
		{"hmac jwk", "jwk", `{kty: "oct", k: "` + b64([]byte("secret")) + `", alg: "HS256"}`, `{name: "HMAC", hash: "SHA-256"}`, `"HMAC"`, mac.Sum(nil), "ok:true"},
		{"curve mismatch", "spki", "bytes('" + hex.EncodeToString(ecSPKI) + "')", `{name: "ECDSA", namedCurve: "P-384"}`, `{name: "ECDSA", hash: "SHA-256"}`, p1363, "err:DataError: Named curve mismatch"},
		{"bad der", "spki", "new Uint8Array([1, 2, 3])", `{name: "RSA-PSS", hash: "SHA-256"}`, `{name: "RSA-PSS", saltLength: 32}`, pss, "err:DataError: Invalid keyData"},
		{"algorithm mismatch", "spki", "bytes('" + hex.EncodeToString(rsaSPKI) + "')", `{name: "RSA-PSS", hash: "SHA-256"}`, `"RSASSA-PKCS1-v1_5"`, pss, "err:InvalidAccessError: The requested operation is not valid for the provided key"},
		{"unknown algorithm", "raw", "utf8('k')", `{name: "FOO"}`, `"FOO"`, pss, "err:NotSupportedError: Unrecognized algorithm name"},
	}
	for _, c := range cases {
		rt := newRT(t)
		_ = rt.Set("MSG", string(msg))
		_ = rt.Set("SIG", hex.EncodeToString(c.sig))
		got := await(t, rt, `var key = await crypto.subtle.importKey("`+c.format+`", `+c.keyData+`, `+c.alg+`, true, ["verify"]);
			return await crypto.subtle.verify(`+c.verifyAlg+`, key, bytes(SIG), utf8(MSG));`)
		if got != c.want {
			t.Errorf("%s: got %s want %s", c.name, got, c.want)
		}
	}
}

func TestKeysAndExport(t *testing.T) {
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	rsaDER, _ := x509.MarshalPKCS8PrivateKey(rsaKey)
	rsaSPKI, _ := x509.MarshalPKIXPublicKey(&rsaKey.PublicKey)
	b64 := base64.RawURLEncoding.EncodeToString
	rt := newRT(t)
	setKeyData(t, rt, rsaDER)
	_ = rt.Set("SPKI", hex.EncodeToString(rsaSPKI))
	cases := []struct{ name, body, want string }{
		{"key shape", `var k = await crypto.subtle.importKey("pkcs8", KEYDATA, {name: "RSA-PSS", hash: "SHA-256"}, true, ["sign"]);
			return [String(k), k.type, k.extractable, k.usages.join(), k.algorithm.name, k.algorithm.hash.name, k.algorithm.modulusLength, Array.from(k.algorithm.publicExponent).join("."), k instanceof CryptoKey, Object.keys(k).length].join()`,
			"ok:[object CryptoKey],private,true,sign,RSA-PSS,SHA-256,2048,1.0.1,true,0"},
		{"export pkcs8 round trip", `var k = await crypto.subtle.importKey("pkcs8", KEYDATA, {name: "RSA-PSS", hash: "SHA-256"}, true, ["sign"]);
			return hex(await crypto.subtle.exportKey("pkcs8", k)) === DER`, "ok:true"},
		{"export jwk", `var k = await crypto.subtle.importKey("pkcs8", KEYDATA, {name: "RSASSA-PKCS1-v1_5", hash: "SHA-384"}, true, ["sign"]);
			var j = await crypto.subtle.exportKey("jwk", k); return [j.kty, j.alg, j.n, j.e, j.d, j.ext, j.key_ops.join()].join()`,
			"ok:RSA,RS384," + b64(rsaKey.N.Bytes()) + ",AQAB," + b64(rsaKey.D.Bytes()) + ",true,sign"},
		{"jwk private round trip signs", `var k = await crypto.subtle.importKey("pkcs8", KEYDATA, {name: "RSASSA-PKCS1-v1_5", hash: "SHA-256"}, true, ["sign"]);
			var j = await crypto.subtle.exportKey("jwk", k);
			var k2 = await crypto.subtle.importKey("jwk", j, {name: "RSASSA-PKCS1-v1_5", hash: "SHA-256"}, false, ["sign"]);
			var p = await crypto.subtle.importKey("spki", bytes(SPKI), {name: "RSASSA-PKCS1-v1_5", hash: "SHA-256"}, true, ["verify"]);
			var sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", k2, utf8("x"));
			return [hex(sig) === hex(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", k, utf8("x"))), await crypto.subtle.verify("RSASSA-PKCS1-v1_5", p, sig, utf8("x"))].join()`, "ok:true,true"},
		{"export spki", `var p = await crypto.subtle.importKey("spki", bytes(SPKI), {name: "RSA-PSS", hash: "SHA-256"}, false, ["verify"]);
			return [p.extractable, hex(await crypto.subtle.exportKey("spki", p)) === SPKI].join()`, "ok:true,true"},
		{"not extractable", `var k = await crypto.subtle.importKey("pkcs8", KEYDATA, {name: "RSA-PSS", hash: "SHA-256"}, false, ["sign"]);
			return await crypto.subtle.exportKey("pkcs8", k)`, "err:InvalidAccessError: key is not extractable"},
		{"usage not granted", `var k = await crypto.subtle.importKey("raw", utf8("k"), {name: "HMAC", hash: "SHA-256"}, false, ["verify"]);
			return await crypto.subtle.sign("HMAC", k, utf8("x"))`, "err:InvalidAccessError: The requested operation is not valid for the provided key"},
		{"bad usage", `return await crypto.subtle.importKey("pkcs8", KEYDATA, {name: "RSA-PSS", hash: "SHA-256"}, false, ["verify"])`, "err:SyntaxError: Unsupported key usage for a RSA-PSS key"},
		{"empty usages", `return await crypto.subtle.importKey("raw", utf8("k"), {name: "HMAC", hash: "SHA-256"}, false, [])`, "err:SyntaxError: Usages cannot be empty when creating a key."},
		{"spki for private is invalid", `var k = await crypto.subtle.importKey("pkcs8", KEYDATA, {name: "RSA-PSS", hash: "SHA-256"}, true, ["sign"]);
			return await crypto.subtle.exportKey("spki", k)`, "err:InvalidAccessError: Unable to export a private RSA-PSS key in spki format"},
		{"hmac export raw and jwk", `var k = await crypto.subtle.importKey("raw", utf8("secret"), {name: "HMAC", hash: "SHA-512"}, true, ["sign", "verify"]);
			var j = await crypto.subtle.exportKey("jwk", k);
			return [hex(await crypto.subtle.exportKey("raw", k)), j.kty, j.k, j.alg, k.algorithm.length, k.algorithm.hash.name].join()`,
			"ok:" + hex.EncodeToString([]byte("secret")) + ",oct," + b64([]byte("secret")) + ",HS512,48,SHA-512"},
		{"generate ecdsa", `var p = await crypto.subtle.generateKey({name: "ECDSA", namedCurve: "P-384"}, false, ["sign", "verify"]);
			var sig = await crypto.subtle.sign({name: "ECDSA", hash: "SHA-384"}, p.privateKey, utf8("m"));
			var raw = await crypto.subtle.exportKey("raw", p.publicKey);
			return [sig.byteLength, raw.byteLength, p.privateKey.extractable, p.publicKey.extractable, p.privateKey.usages.join(), p.publicKey.usages.join(), await crypto.subtle.verify({name: "ECDSA", hash: "SHA-384"}, p.publicKey, sig, utf8("m"))].join()`,
			"ok:96,97,false,true,sign,verify,true"},
		{"generate ec jwk round trip", `var p = await crypto.subtle.generateKey({name: "ECDSA", namedCurve: "P-256"}, true, ["sign", "verify"]);
			var j = await crypto.subtle.exportKey("jwk", p.privateKey);
			var k = await crypto.subtle.importKey("jwk", j, {name: "ECDSA", namedCurve: "P-256"}, true, ["sign"]);
			var sig = await crypto.subtle.sign({name: "ECDSA", hash: "SHA-256"}, k, utf8("m"));
			return [j.kty, j.crv, j.d.length, await crypto.subtle.verify({name: "ECDSA", hash: "SHA-256"}, p.publicKey, sig, utf8("m"))].join()`, "ok:EC,P-256,43,true"},
		{"generate hmac", `var k = await crypto.subtle.generateKey({name: "HMAC", hash: "SHA-256"}, true, ["sign"]);
			return [k.type, k.algorithm.length, (await crypto.subtle.exportKey("raw", k)).byteLength].join()`, "ok:secret,512,64"},
		{"generate rsa", `var p = await crypto.subtle.generateKey({name: "RSASSA-PKCS1-v1_5", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256"}, true, ["sign", "verify"]);
			var sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", p.privateKey, utf8("m"));
			return [p.privateKey.algorithm.modulusLength, p.publicKey.algorithm.hash.name, sig.byteLength, await crypto.subtle.verify("RSASSA-PKCS1-v1_5", p.publicKey, sig, utf8("m"))].join()`, "ok:1024,SHA-256,128,true"},
		{"generate rsa odd exponent", `return await crypto.subtle.generateKey({name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([3]), hash: "SHA-256"}, true, ["sign"])`, "err:NotSupportedError: Only publicExponent 65537 is supported"},
		{"pss needs salt length", `var k = await crypto.subtle.importKey("pkcs8", KEYDATA, {name: "RSA-PSS", hash: "SHA-256"}, false, ["sign"]);
			return await crypto.subtle.sign("RSA-PSS", k, utf8("x"))`, "err:TypeError: RSA-PSS requires saltLength"},
		{"encrypt unsupported", `return await crypto.subtle.encrypt({name: "AES-GCM"}, null, utf8("x"))`, "err:NotSupportedError: postie does not support SubtleCrypto.encrypt yet"},
		{"rsa raw import unsupported", `return await crypto.subtle.importKey("raw", KEYDATA, {name: "RSA-PSS", hash: "SHA-256"}, false, ["sign"])`, "err:NotSupportedError: Unable to import RSA key with format raw"},
	}
	for _, c := range cases {
		if got := await(t, rt, c.body); got != c.want {
			t.Errorf("%s: got %s\nwant %s", c.name, got, c.want)
		}
	}
}
