package jsbn

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"math/big"
	"os"
	"testing"

	"github.com/dop251/goja"
	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

func newRT(t testing.TB, hooked bool) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	if hooked {
		if err := Init(rt, vectest.Compiler{}); err != nil {
			t.Fatal(err)
		}
	}
	return rt
}

func loadLib(t testing.TB, rt *goja.Runtime) {
	t.Helper()
	src, err := os.ReadFile("testdata/bigint_lib.js")
	if err != nil {
		t.Fatal(err)
	}
	// Evaluated inside a function scope, as collections eval cached libraries.
	if _, err := rt.RunString(`(function(){ eval(` + "`" + string(src) + "`" + `); globalThis.BI = defineBigIntegerLib(); })()`); err != nil {
		t.Fatal(err)
	}
}

func TestModPowMatchesReference(t *testing.T) {
	rt := newRT(t, true)
	loadLib(t, rt)
	cases := []struct{ name, base, exp, mod string }{
		{"small odd", "4", "d", "1f1"},
		{"even modulus", "123456789abcdef", "10001", "1000000000000"},
		{"base above modulus", "ffffffffffffffffffff", "3", "fffd"},
		{"zero base", "0", "5", "17"},
	}
	// Add random 2048-bit cases.
	for i := 0; i < 3; i++ {
		b, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 2048))
		e, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 2048))
		m, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 2048))
		m.SetBit(m, 0, 1)
		cases = append(cases, struct{ name, base, exp, mod string }{"random 2048", b.Text(16), e.Text(16), m.Text(16)})
	}
	for _, c := range cases {
		_ = rt.Set("B", c.base)
		_ = rt.Set("E", c.exp)
		_ = rt.Set("M", c.mod)
		v, err := rt.RunString(`(function(){
			var before = BI.calls.js;
			var fast = new BI(B, 16).modPow(new BI(E, 16), new BI(M, 16)).toString(16);
			var native = BI.calls.js === before;
			var ref = BI.reference.call(new BI(B, 16), new BI(E, 16), new BI(M, 16)).toString(16);
			return [fast === ref, native, fast];
		})()`)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := v.Export().([]interface{})
		if got[0] != true {
			t.Errorf("%s: native result %v differs from reference", c.name, got[2])
		}
		if got[1] != true {
			t.Errorf("%s: call was not served natively", c.name)
		}
		want := new(big.Int)
		b, _ := new(big.Int).SetString(c.base, 16)
		e, _ := new(big.Int).SetString(c.exp, 16)
		m, _ := new(big.Int).SetString(c.mod, 16)
		want.Exp(b, e, m)
		if got[2] != want.Text(16) {
			t.Errorf("%s: got %v want %s", c.name, got[2], want.Text(16))
		}
	}
}

func TestFallbacksUseJavaScript(t *testing.T) {
	rt := newRT(t, true)
	loadLib(t, rt)
	cases := []struct{ name, js, want string }{
		{"negative exponent", `new BI("5").modPow(new BI("-3"), new BI("7")).toString()`, "1"},
		{"zero exponent mod 1", `new BI("5").modPow(new BI("0"), new BI("1")).toString()`, "1"},
		{"negative base", `new BI("-5").modPow(new BI("3"), new BI("7")).toString()`, "1"},
		{"non BigInteger args", `(function(){ try { return new BI("5").modPow({v: 3n}, new BI("7")).toString(); } catch (e) { return "threw"; } })()`, "6"},
	}
	for _, c := range cases {
		before := rt.Get("BI").ToObject(rt).Get("calls").ToObject(rt).Get("js").ToInteger()
		v, err := rt.RunString(c.js)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if v.String() != c.want {
			t.Errorf("%s: got %s want %s", c.name, v, c.want)
		}
		after := rt.Get("BI").ToObject(rt).Get("calls").ToObject(rt).Get("js").ToInteger()
		if after != before+1 {
			t.Errorf("%s: JavaScript modPow called %d times, want 1", c.name, after-before)
		}
	}
}

func TestHookInvisibleToScripts(t *testing.T) {
	rt := newRT(t, true)
	cases := []struct{ name, js, want string }{
		{"keys of {}", `Object.keys({}).length`, "0"},
		{"for in {}", `(function(){ var n = 0; for (var k in {}) { n++; } return n; })()`, "0"},
		{"read is undefined", `({}).modPow === undefined`, "true"},
		{"assignment makes own enumerable data property", `(function(){ var o = {}; o.modPow = 5; var d = Object.getOwnPropertyDescriptor(o, "modPow"); return [o.modPow, d.enumerable, d.writable, d.configurable, Object.keys(o).join()].join(); })()`, "5,true,true,true,modPow"},
		{"json", `JSON.stringify((function(){ var o = {a: 1}; o.modPow = 2; return o; })())`, `{"a":1,"modPow":2}`},
		{"function assignment on non jsbn object kept as is", `(function(){ var f = function(){ return 7; }; var o = {}; o.modPow = f; return o.modPow === f; })()`, "true"},
		{"object literal", `({modPow: 3}).modPow`, "3"},
		{"Object.assign", `JSON.stringify(Object.assign({}, {modPow: 4}))`, `{"modPow":4}`},
		{"JSON.parse", `JSON.parse('{"modPow": 5}').modPow`, "5"},
		{"class prototype not jsbn-shaped", `(function(){ function C(){}; C.prototype.modPow = function(){ return 1; }; return new C().modPow(); })()`, "1"},
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
}

const jsrsasignPath = "/tmp/jsrsasign/node_modules/jsrsasign/lib/jsrsasign-all-min.js"

// loadJsrsasign evaluates the jsrsasign bundle (never committed: installed
// with `npm i jsrsasign` in /tmp/jsrsasign) inside a function scope and
// exposes KEYUTIL and KJUR as globals.
func loadJsrsasign(t testing.TB, rt *goja.Runtime) {
	t.Helper()
	src, err := os.ReadFile(jsrsasignPath)
	if err != nil {
		t.Skipf("jsrsasign not installed at %s (cd /tmp/jsrsasign && npm i jsrsasign): %v", jsrsasignPath, err)
	}
	_ = rt.Set("__src", string(src))
	if _, err := rt.RunString(`var navigator = {}, window = {}; (function(){ eval(__src); globalThis.KEYUTIL = KEYUTIL; globalThis.KJUR = KJUR; globalThis.RSAKey = RSAKey; globalThis.BigInteger = BigInteger; })()`); err != nil {
		t.Fatal(err)
	}
}

func testKey(t testing.TB) (*rsa.PrivateKey, string) {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return k, string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
}

const signJS = `KJUR.jws.JWS.sign('PS256', {alg: 'PS256', typ: 'JWT'}, {sub: 'postie'}, KEYUTIL.getKey(PEM))`

// TestJsrsasignPS256WithIntrinsic signs a PS256 JWT with jsrsasign on the
// intrinsic and verifies it with jwx; the plain-goja path is exercised by
// the benchmarks (it takes seconds).
func TestJsrsasignPS256WithIntrinsic(t *testing.T) {
	key, pemText := testKey(t)
	for _, hooked := range []bool{true} {
		rt := newRT(t, hooked)
		loadJsrsasign(t, rt)
		_ = rt.Set("PEM", pemText)
		if hooked {
			v, _ := rt.RunString(`BigInteger.prototype.modPow.name + "/" + Object.prototype.hasOwnProperty.call(BigInteger.prototype, "modPow")`)
			if v.String() != "modPow/true" {
				t.Fatalf("jsbn BigInteger was not detected: %s", v)
			}
		}
		v, err := rt.RunString(signJS)
		if err != nil {
			t.Fatalf("hooked=%v: %v", hooked, err)
		}
		if _, err := jws.Verify([]byte(v.String()), jws.WithKey(jwa.PS256(), &key.PublicKey)); err != nil {
			t.Errorf("hooked=%v: jwx rejects the JWT: %v", hooked, err)
		}
		// Deterministic raw RSA private operation compares exactly with Go.
		m, _ := rand.Int(rand.Reader, key.N)
		_ = rt.Set("MSG", m.Text(16))
		r, err := rt.RunString(`KEYUTIL.getKey(PEM).doPrivate(new BigInteger(MSG, 16)).toString(16)`)
		if err != nil {
			t.Fatal(err)
		}
		if want := new(big.Int).Exp(m, key.D, key.N).Text(16); r.String() != want {
			t.Errorf("hooked=%v: doPrivate differs from Go", hooked)
		}
	}
}

func benchSign(b *testing.B, hooked bool) {
	_, pemText := testKey(b)
	rt := newRT(b, hooked)
	loadJsrsasign(b, rt)
	_ = rt.Set("PEM", pemText)
	prog := goja.MustCompile("sign", signJS, false)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := rt.RunProgram(prog); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJsrsasignPS256Plain is KEYUTIL.getKey + JWS.sign('PS256') in bare goja.
func BenchmarkJsrsasignPS256Plain(b *testing.B) { benchSign(b, false) }

// BenchmarkJsrsasignPS256Intrinsic is the same with the jsbn intrinsic.
func BenchmarkJsrsasignPS256Intrinsic(b *testing.B) { benchSign(b, true) }

const forgeJsbnPath = "/tmp/newman/node_modules/node-forge/lib/jsbn.js"

// TestNodeForgeJsbn checks detection and results on node-forge's copy of
// jsbn when it is installed locally (it ships with newman; never committed).
func TestNodeForgeJsbn(t *testing.T) {
	src, err := os.ReadFile(forgeJsbnPath)
	if err != nil {
		t.Skipf("node-forge not installed at %s: %v", forgeJsbnPath, err)
	}
	rt := newRT(t, true)
	_ = rt.Set("__src", string(src))
	if _, err := rt.RunString(`(function(){ var module = {exports: {}}; var require = function(){ return {}; };
		(new Function("module", "require", __src))(module, require); globalThis.FBI = module.exports.BigInteger; })()`); err != nil {
		t.Fatal(err)
	}
	v, _ := rt.RunString(`FBI.prototype.modPow.name + "/" + Object.prototype.hasOwnProperty.call(FBI.prototype, "modPow")`)
	if v.String() != "modPow/true" {
		t.Fatalf("forge BigInteger not detected: %s", v)
	}
	for i := 0; i < 3; i++ {
		b, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 1024))
		e, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 1024))
		m, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 1024))
		_ = rt.Set("B", b.Text(16))
		_ = rt.Set("E", e.Text(16))
		_ = rt.Set("M", m.Text(16))
		r, err := rt.RunString(`new FBI(B, 16).modPow(new FBI(E, 16), new FBI(M, 16)).toString(16)`)
		if err != nil {
			t.Fatal(err)
		}
		if want := new(big.Int).Exp(b, e, m).Text(16); r.String() != want {
			t.Errorf("forge modPow: got %s want %s", r, want)
		}
	}
}
