package cryptojs

import (
	"os"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

// A typical Postman signing script: AWS-style HMAC-SHA256 key chain over a
// 2 KB canonical request, plus an AES passphrase round trip.
const benchScript = `(function(){
	var body = BODY;
	var h = CryptoJS.SHA256(body).toString();
	var k = CryptoJS.HmacSHA256("20240101", "AWS4" + "secretkey");
	k = CryptoJS.HmacSHA256("us-east-1", k);
	k = CryptoJS.HmacSHA256("execute-api", k);
	k = CryptoJS.HmacSHA256("aws4_request", k);
	var sig = CryptoJS.HmacSHA256(h, k).toString(CryptoJS.enc.Hex);
	var ct = CryptoJS.AES.encrypt(body, "passphrase").toString();
	return sig + CryptoJS.AES.decrypt(ct, "passphrase").toString(CryptoJS.enc.Utf8).length;
})()`

func runBench(b *testing.B, rt *goja.Runtime) {
	_ = rt.Set("BODY", strings.Repeat("{\"key\":\"value\"},", 128))
	prog := goja.MustCompile("bench", benchScript, false)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := rt.RunProgram(prog); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSigningScript runs the script on postie's Go-backed CryptoJS.
func BenchmarkSigningScript(b *testing.B) {
	runBench(b, vectest.NewRuntime(b, Module(), "CryptoJS"))
}

// BenchmarkSigningScriptRealCryptoJS runs it on the real crypto-js 3.3.0
// evaluated in goja, when installed in /tmp/cjs (never committed).
func BenchmarkSigningScriptRealCryptoJS(b *testing.B) {
	src, err := os.ReadFile("/tmp/cjs/node_modules/crypto-js/crypto-js.js")
	if err != nil {
		b.Skipf("crypto-js not installed in /tmp/cjs: %v", err)
	}
	rt := goja.New()
	_ = rt.Set("__src", string(src))
	if _, err := rt.RunString(`var module = {exports: {}}, exports = module.exports; eval(__src); var CryptoJS = module.exports;`); err != nil {
		b.Fatal(err)
	}
	runBench(b, rt)
}
