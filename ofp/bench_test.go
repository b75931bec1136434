package ofp

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/lestrrat-go/jwx/v3/jwa"
)

// BenchmarkNew measures server construction (signing key generation
// dominates; `postie demo` pays it once).
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPAR measures a pushed authorization request with assertion and
// request object verification.
func BenchmarkPAR(b *testing.B) {
	f := newFixture(b, true)
	rc := f.requestClaims(verifier)
	req := sign(b, f.key, jwa.PS256(), rc)
	for b.Loop() {
		form := url.Values{"client_assertion_type": {ClientAssertionType}, "client_assertion": {sign(b, f.key, jwa.PS256(), f.assertionClaims())}, "request": {req}}
		r := httptest.NewRequest(http.MethodPost, f.iss+"/par", nil)
		r.PostForm = form
		r.Host = f.ts.Listener.Addr().String()
		w := httptest.NewRecorder()
		f.srv.ServeHTTP(w, r)
		if w.Code != http.StatusCreated {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}
