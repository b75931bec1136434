package auth

import "testing"

func TestASAPKey(t *testing.T) {
	const pem = "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\n"
	for _, tc := range []struct {
		name, kid, key, want, err string
	}{
		{"data URI", "svc/key1", "data:application/pkcs8;kid=svc%2Fkey1;base64,QUJD", pem, ""},
		{"data URI, other kid", "svc/key2", "data:application/pkcs8;kid=svc/key1;base64,QUJD", "", "supplied key id does not match the one included in data uri"},
		{"malformed data URI", "k", "data:text/plain;base64,QUJD", "", "malformed data URI"},
		{"one-line PEM", "k", "-----BEGIN PRIVATE KEY-----Q U J D-----END PRIVATE KEY-----", pem, ""},
		{"quoted one-line PEM", "k", "\"-----BEGIN PRIVATE KEY-----QUJD-----END PRIVATE KEY-----\"", pem, ""},
		{"not a PEM", "k", "secret", "secret", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := asapKey(tc.kid, tc.key)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("asapKey = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestPostOrPut(t *testing.T) {
	for _, tc := range []struct {
		method string
		want   bool
	}{
		{"POST", true}, {"PUT", true}, {"XPOSTX", true}, {"PUTS", true},
		{"GET", false}, {"post", false}, {"PATCH", false}, {"", false},
	} {
		if got := postOrPut(tc.method); got != tc.want {
			t.Errorf("postOrPut(%q) = %v, want %v", tc.method, got, tc.want)
		}
	}
}

func TestExtractField(t *testing.T) {
	const challenge = `Digest REALM="r1", qop="auth,auth-int", Nonce="n1", opaque=""`
	for _, tc := range []struct{ field, want string }{
		{"realm", "r1"}, {"qop", "auth,auth-int"}, {"nonce", "n1"}, {"opaque", ""},
	} {
		if got := extractField(challenge, tc.field); got != tc.want {
			t.Errorf("extractField(%q) = %q, want %q", tc.field, got, tc.want)
		}
	}
	if got := extractField(`Digest realm="r"`, "nonce"); got != "" {
		t.Errorf("missing nonce = %q", got)
	}
}
