package auth

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/collections"
)

// mkAuth builds an auth block of type typ from key/value pairs.
func mkAuth(typ string, kv ...any) *collections.Auth {
	a := &collections.Auth{Type: typ, Params: map[string][]*collections.AuthParam{}}
	for i := 0; i+1 < len(kv); i += 2 {
		a.Params[typ] = append(a.Params[typ], &collections.AuthParam{Key: kv[i].(string), Value: kv[i+1]})
	}
	return a
}

func newReq(t *testing.T, method, url string, body string, headers ...string) (*http.Request, []byte) {
	t.Helper()
	var b []byte
	var r io.Reader
	if body != "" {
		b = []byte(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header[headers[i]] = []string{headers[i+1]}
	}
	return req, b
}

// TestNewmanGolden compares with what newman 6.2.2 sent for the same auth
// blocks (captured by a recording server on 127.0.0.1).
func TestNewmanGolden(t *testing.T) {
	at := func(s string) func() time.Time {
		tm, err := time.Parse("20060102T150405Z", s)
		if err != nil {
			t.Fatal(err)
		}
		return func() time.Time { return tm }
	}
	tests := []struct {
		name      string
		auth      *collections.Auth
		method    string
		url       string
		body      string
		headers   []string
		now       func() time.Time
		wantAuth  string // "" means no Authorization header
		wantQuery string
		wantBody  string
	}{
		{
			name: "oauth1 header HMAC-SHA1 realm",
			auth: mkAuth("oauth1", "consumerKey", "ck", "consumerSecret", "cs", "token", "tk", "tokenSecret", "ts",
				"signatureMethod", "HMAC-SHA1", "timestamp", "1700000000", "nonce", "abcNONCE", "version", "1.0",
				"realm", "Photos r", "addParamsToHeader", true, "addEmptyParamsToSign", false),
			method: "GET", url: "http://127.0.0.1:18931/oauth1/a%20b?x=1&y=a+b&z=%20q&flag",
			wantAuth:  `OAuth realm="Photos%20r",oauth_consumer_key="ck",oauth_token="tk",oauth_signature_method="HMAC-SHA1",oauth_timestamp="1700000000",oauth_nonce="abcNONCE",oauth_version="1.0",oauth_signature="ZgA6XdQOWphPXqVGeSFvoOec3t8%3D"`,
			wantQuery: "x=1&y=a%20b&z=%20q&flag",
		},
		{
			name: "oauth1 query HMAC-SHA256 empty params signed",
			auth: mkAuth("oauth1", "consumerKey", "ck", "consumerSecret", "cs", "signatureMethod", "HMAC-SHA256",
				"timestamp", "1700000000", "nonce", "n2", "version", "1.0", "addParamsToHeader", false, "addEmptyParamsToSign", true),
			method: "GET", url: "http://127.0.0.1:18931/oauth1q?b=2&a=1",
			wantQuery: "b=2&a=1&oauth_consumer_key=ck&oauth_token&oauth_signature_method=HMAC-SHA256&oauth_timestamp=1700000000&oauth_nonce=n2&oauth_version=1.0&oauth_signature=esuAGmnBE7jKjGk4%2FKBAOMa9QsnUxaYkCLYjZKSyzT0%3D",
		},
		{
			name: "oauth1 urlencoded body HMAC-SHA512",
			auth: mkAuth("oauth1", "consumerKey", "ck", "consumerSecret", "cs", "token", "tk", "tokenSecret", "ts",
				"signatureMethod", "HMAC-SHA512", "timestamp", "1700000000", "nonce", "n3", "version", "1.0", "addParamsToHeader", false),
			method: "POST", url: "http://127.0.0.1:18931/oauth1b", body: "f=v%201&g=%C3%BC",
			headers:  []string{"Content-Type", "application/x-www-form-urlencoded"},
			wantBody: "f=v%201&g=%C3%BC&oauth_consumer_key=ck&oauth_token=tk&oauth_signature_method=HMAC-SHA512&oauth_timestamp=1700000000&oauth_nonce=n3&oauth_version=1.0&oauth_signature=qzFOWpE5XpLpdPhXBbIgLA4IiS%2FWW9tr3iA1kdLr8O9XUECGVx6MXecD%2FfgcpWYBo0LayBSLFTz97Es7yf4xvw%3D%3D",
		},
		{
			name: "oauth1 body hash",
			auth: mkAuth("oauth1", "consumerKey", "ck", "consumerSecret", "cs", "signatureMethod", "HMAC-SHA256",
				"timestamp", "1700000000", "nonce", "n4", "includeBodyHash", true, "addParamsToHeader", true),
			method: "PUT", url: "http://127.0.0.1:18931/oauth1h", body: `{"a":1}`, headers: []string{"Content-Type", "application/json"},
			wantAuth: `OAuth oauth_consumer_key="ck",oauth_signature_method="HMAC-SHA256",oauth_timestamp="1700000000",oauth_nonce="n4",oauth_body_hash="AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX%2BGI%3D",oauth_signature="4a2Q%2BG8r3p2Jn%2F0tXHDVvieH6mzGu8odru3Lg%2FbJft0%3D"`,
		},
		{
			name: "oauth1 RSA-SHA256 header",
			auth: mkAuth("oauth1", "consumerKey", "ck", "signatureMethod", "RSA-SHA256", "privateKey", testRSA1024,
				"timestamp", "1700000000", "nonce", "nn", "version", "1.0", "addParamsToHeader", true),
			method: "GET", url: "http://127.0.0.1:18931/rsa?x=1",
			wantAuth: `OAuth oauth_consumer_key="ck",oauth_signature_method="RSA-SHA256",oauth_timestamp="1700000000",oauth_nonce="nn",oauth_version="1.0",oauth_signature="H0oME%2FT7j8kNA6ftN2uyH1bkoyCs3safqsGv%2BrvQJKBfRJb4j9NCm30hSRoLwSk%2BklNE1tfV4qhr3JR8jPN7atKn1gn%2FomiojkG8OnXHuhB5pA9dVb%2FeqfLAgxK2FV2xOgxvyGXR7LB3FdlrLLIGzdmEPPJqrY2ZUL7P9%2FarK38%3D"`,
		},
		{
			name: "oauth1 PLAINTEXT header",
			auth: mkAuth("oauth1", "consumerKey", "ck", "consumerSecret", "c s", "tokenSecret", "t&s", "signatureMethod", "PLAINTEXT",
				"timestamp", "1700000000", "nonce", "nn", "addParamsToHeader", true),
			method: "GET", url: "http://127.0.0.1:18931/plain",
			wantAuth: `OAuth oauth_consumer_key="ck",oauth_signature_method="PLAINTEXT",oauth_timestamp="1700000000",oauth_nonce="nn",oauth_signature="c%2520s%26t%2526s"`,
		},
		{
			name: "hawk with payload, ext, app, dlg",
			auth: mkAuth("hawk", "authId", "id1", "authKey", "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn", "algorithm", "sha256",
				"nonce", "Ygvqdz", "timestamp", "1353809207", "extraData", "some-app-data", "app", "app1", "delegation", "d1", "includePayloadHash", true),
			method: "POST", url: "http://127.0.0.1:18931/hawk?q=1", body: "hello hawk", headers: []string{"Content-Type", "text/plain; charset=utf-8"},
			wantAuth:  `Hawk id="id1", ts="1353809207", nonce="Ygvqdz", hash="WA95/MZcbtB3OVG9dxSr9C4BidLaNIyw4GNYjJVFGx0=", ext="some-app-data", mac="jNGZwXVAW0b079XI6rlNTEesmwmhbu1n9PyfsKjCo/w=", app="app1", dlg="d1"`,
			wantQuery: "q=1",
		},
		{
			name: "jwt HS256 custom header and prefix",
			auth: mkAuth("jwt", "algorithm", "HS256", "secret", "s3cr3t", "payload", "{\n \"sub\": \"123\", \"name\": \"Ann\",\n \"n\": 1.50, \"admin\": true}",
				"header", `{"typ":"JWT","kid":"k1"}`, "headerPrefix", "JWT", "addTokenTo", "header"),
			method: "GET", url: "http://127.0.0.1:18931/jwt",
			wantAuth: "JWT eyJ0eXAiOiJKV1QiLCJraWQiOiJrMSIsImFsZyI6IkhTMjU2In0.eyJzdWIiOiIxMjMiLCJuYW1lIjoiQW5uIiwibiI6MS41LCJhZG1pbiI6dHJ1ZX0.QSLc1RPn48Rpl55mgbz8YdwsR7oq6DS7hSixZZd3V1Y",
		},
		{
			name: "jwt HS512 base64 secret in query",
			auth: mkAuth("jwt", "algorithm", "HS512", "secret", "c2VjcmV0IGtleQ==", "isSecretBase64Encoded", true, "payload", "{}",
				"addTokenTo", "queryParam", "queryParamKey", "jwt"),
			method: "GET", url: "http://127.0.0.1:18931/jwtq?a=1",
			wantQuery: "a=1&jwt=eyJhbGciOiJIUzUxMiJ9.e30.d6SLjyqX6GYID2GSH090voRfEbr_-RIdhmW_vrcLbFm3dz1-rqwlMEY6vCwEDkiIgzhXb71CqpDM4gIiiQdWoA",
		},
		{
			name: "edgegrid POST with signed header",
			auth: mkAuth("edgegrid", "accessToken", "akab-access", "clientToken", "akab-client", "clientSecret", "secret==",
				"nonce", "nonce-1", "timestamp", "20240101T00:00:00+0000", "headersToSign", "x-test,missing"),
			method: "POST", url: "http://127.0.0.1:18931/eg/path?x=1", body: `{"k":"v"}`,
			headers:  []string{"X-Test", "  a   b ", "Content-Type", "application/json"},
			wantAuth: "EG1-HMAC-SHA256 client_token=akab-client;access_token=akab-access;timestamp=20240101T00:00:00+0000;nonce=nonce-1;signature=O+PsJLqcxju4TeDQJdfb23uCzC7cr3Q28268mhan5v4=",
		},
		{
			name: "digest MD5 qop=auth (challenge values as newman stored them)",
			auth: mkAuth("digest", "username", "u", "password", "pw", "algorithm", "MD5", "realm", "r1", "nonce", "abc123",
				"qop", "auth", "opaque", "op9", "clientNonce", "1W1BSvpJ", "nonceCount", "00000001"),
			method: "GET", url: "http://127.0.0.1:18932/p/x?y=1",
			wantAuth: `Digest username="u", realm="r1", nonce="abc123", uri="/p/x?y=1", algorithm="MD5", qop=auth, nc=00000001, cnonce="1W1BSvpJ", response="bc35c7cadb8324a975693f3e811af7f3", opaque="op9"`,
		},
		{
			name: "digest MD5-sess qop=auth",
			auth: mkAuth("digest", "username", "u", "password", "pw", "algorithm", "MD5-sess", "realm", "r1", "nonce", "abc123",
				"qop", "auth", "opaque", "op9", "clientNonce", "5K2HrWDU", "nonceCount", "00000001"),
			method: "GET", url: "http://127.0.0.1:18932/p/x?y=2",
			wantAuth: `Digest username="u", realm="r1", nonce="abc123", uri="/p/x?y=2", algorithm="MD5-sess", qop=auth, nc=00000001, cnonce="5K2HrWDU", response="3e148ca283eb998e53150f72e099c5d3", opaque="op9"`,
		},
		{
			name:   "apikey in query replaces the old value",
			auth:   mkAuth("apikey", "key", "api_key", "value", "v a&l#u=e", "in", "query"),
			method: "GET", url: "http://127.0.0.1:18931/ak?api_key=old&z=1",
			wantQuery: "z=1&api_key=v%20a%26l%23u=e",
		},
		{
			name:   "oauth2 token in query",
			auth:   mkAuth("oauth2", "accessToken", "tok en", "addTokenTo", "queryParams"),
			method: "GET", url: "http://127.0.0.1:18931/o2?access_token=old",
			wantQuery: "access_token=tok%20en",
		},
		{
			name:   "awsv4 headers with session token",
			auth:   mkAuth("awsv4", "accessKey", "AKID", "secretKey", "SECRET", "region", "eu-west-1", "service", "s3x", "sessionToken", "TOKEN"),
			method: "GET", url: "http://127.0.0.1:18931/aws/a%20b/../c?b=2&a=1&a=0", now: at("20261125T125915Z"),
			wantAuth:  "AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/s3x/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0238619494a8f6856f732b1f5a171c03915d06b111486fee7ff12c4f2ea5f8f",
			wantQuery: "b=2&a=1&a=0",
		},
		{
			name:   "awsv4 signed query",
			auth:   mkAuth("awsv4", "accessKey", "AKID", "secretKey", "SECRET", "addAuthDataToQuery", true),
			method: "GET", url: "http://127.0.0.1:18931/awsq?z=1", now: at("20261125T125915Z"),
			wantQuery: "z=1&X-Amz-Date=20261125T125915Z&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20261125%2Fus-east-1%2Fexecute-api%2Faws4_request&X-Amz-SignedHeaders=host&X-Amz-Signature=8c7fc94d8133a23a308cf1f7e9ffe5c2cc1107abdc2ed770d310c89a0b01d663",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := New(tt.auth, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.now != nil {
				if aw, ok := a.(*awsV4Auth); ok {
					aw.now = tt.now
				}
			}
			req, body := newReq(t, tt.method, tt.url, tt.body, tt.headers...)
			if err := a.Authorize(req, body); err != nil {
				t.Fatal(err)
			}
			got, _ := getHeader(req.Header, "Authorization")
			if got != tt.wantAuth {
				t.Errorf("Authorization:\n got %s\nwant %s", got, tt.wantAuth)
			}
			if tt.wantQuery != "" && req.URL.RawQuery != tt.wantQuery {
				t.Errorf("query:\n got %s\nwant %s", req.URL.RawQuery, tt.wantQuery)
			}
			if tt.wantBody != "" {
				b, _ := io.ReadAll(req.Body)
				if string(b) != tt.wantBody || req.ContentLength != int64(len(b)) {
					t.Errorf("body:\n got %s (length %d)\nwant %s", b, req.ContentLength, tt.wantBody)
				}
			}
			if tt.name == "awsv4 headers with session token" {
				if d, _ := getHeader(req.Header, "X-Amz-Date"); d != "20261125T125915Z" {
					t.Errorf("X-Amz-Date %q", d)
				}
				if d, _ := getHeader(req.Header, "X-Amz-Security-Token"); d != "TOKEN" {
					t.Errorf("token header %q", d)
				}
			}
		})
	}
}

func TestAWSDocumentedExample(t *testing.T) {
	// AWS's SigV4 documentation example (IAM ListUsers, 2015-08-30).
	key := AWSSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "iam")
	if got := strings.ToLower(hexString(key)); got != "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9" {
		t.Fatalf("signing key %s", got)
	}
	a, _ := New(mkAuth("awsv4", "accessKey", "AKIDEXAMPLE", "secretKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "region", "us-east-1", "service", "iam"), nil)
	a.(*awsV4Auth).now = func() time.Time { return time.Date(2015, 8, 30, 12, 36, 0, 0, time.UTC) }
	req, _ := newReq(t, "GET", "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08", "",
		"Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	if err := a.Authorize(req, nil); err != nil {
		t.Fatal(err)
	}
	want := "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
	if got, _ := getHeader(req.Header, "Authorization"); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func hexString(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// TestSenderHeadersIgnored builds the request as the runner does (system
// headers, a late Content-Type, the path in URL.Opaque) and checks that the
// signature is still the one newman produced for the user's request.
func TestSenderHeadersIgnored(t *testing.T) {
	a, _ := New(mkAuth("awsv4", "accessKey", "AKID", "secretKey", "SECRET", "region", "eu-west-1", "service", "s3x", "sessionToken", "TOKEN"), nil)
	a.(*awsV4Auth).now = func() time.Time { return time.Date(2026, 11, 25, 12, 59, 15, 0, time.UTC) }
	req, _ := newReq(t, "GET", "http://127.0.0.1:18931/", "",
		"User-Agent", "PostmanRuntime/7.39.1", "Accept", "*/*", "Cache-Control", "no-cache", "Postman-Token", "x",
		"Host", "127.0.0.1:18931", "Accept-Encoding", "gzip, deflate, br", "Connection", "keep-alive", "Content-Type", "text/plain")
	req.URL.Opaque = "/aws/a%20b/../c"
	req.URL.RawQuery = "b=2&a=1&a=0"
	req = req.WithContext(WithRequestInfo(req.Context(), RequestInfo{BodyMode: "raw", SenderHeaders: []string{
		"User-Agent", "Accept", "Cache-Control", "Postman-Token", "Host", "Accept-Encoding", "Connection", "Content-Type"}}))
	if err := a.Authorize(req, nil); err != nil {
		t.Fatal(err)
	}
	want := "AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/s3x/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0238619494a8f6856f732b1f5a171c03915d06b111486fee7ff12c4f2ea5f8f"
	if got, _ := getHeader(req.Header, "Authorization"); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	// without the info every header present is signed
	req2, _ := newReq(t, "GET", "http://127.0.0.1:18931/aws/a%20b/../c?b=2&a=1&a=0", "", "Accept", "*/*")
	a.Authorize(req2, nil)
	if got, _ := getHeader(req2.Header, "Authorization"); !strings.Contains(got, "SignedHeaders=accept;host;x-amz-date;x-amz-security-token") {
		t.Fatalf("got %s", got)
	}
	// oauth1 learns the urlencoded body mode from the info, not a header
	o, _ := New(mkAuth("oauth1", "consumerKey", "ck", "consumerSecret", "cs", "token", "tk", "tokenSecret", "ts",
		"signatureMethod", "HMAC-SHA512", "timestamp", "1700000000", "nonce", "n3", "version", "1.0", "addParamsToHeader", false), nil)
	req3, body := newReq(t, "POST", "http://127.0.0.1:18931/oauth1b", "f=v%201&g=%C3%BC")
	req3 = req3.WithContext(WithRequestInfo(req3.Context(), RequestInfo{BodyMode: "urlencoded"}))
	if err := o.Authorize(req3, body); err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(req3.Body)
	if !strings.HasSuffix(string(b), "oauth_signature=qzFOWpE5XpLpdPhXBbIgLA4IiS%2FWW9tr3iA1kdLr8O9XUECGVx6MXecD%2FfgcpWYBo0LayBSLFTz97Es7yf4xvw%3D%3D") {
		t.Fatalf("body %s", b)
	}
}

// testRSA1024 is a throwaway key generated for these tests (newman signed
// with it to produce the golden values above).
const testRSA1024 = `-----BEGIN PRIVATE KEY-----
MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAJeSsv2lSacX0San
iGJ44YUIGoqnuhoFRaXIrN96akTHcCiqaWrOoHu0TFmYRA8MeS3uMi3PRUHDE/Tv
gp/+ArBcQwuBFBpmB/6UB5CL1apyq1ZnRcyCQBAqSpo7S+pE9n1O8iElU4bGCiQ5
7/X7AV1/FPRa4EdWMpCGnAwqbjxPAgMBAAECgYACO1nBXF6yRCqDPDJI6OjBMbZa
Vk/qNCurXkIVZFMOQjWHk8LLnNFGIQiCxTgzVIawQ3KftA6cAkhX8fLlcjMN6fDJ
P8dikAml6BXKKQP8wRSv8RusFaCUlg6C4M5NlAA+LiXmxtUah46jSC4exBiOS+Iq
KgqOhXKXYYnnIOAc+QJBAMWvjjYHpkWgCB/uc+pIU6hLWfKtegAEyOlG2RcU8xqu
Pcdys/qx3h6oih40dBQFxyfEn38ThGopgeqGe3/K03sCQQDESOTepObiAhuqCBGK
buRvQ9wlHKX+eUxkAaZDeGOWCQ/wh2eqh9SEDdCKP+YfZzBa58vqutaNTHwjTeTS
Ggg9AkEAvGa6tv2FVpfVBnGgYWj66cqed+0i93+X5tMRtLDPm97xm/LSWptHoJpp
v62n7ykui9UVWOvF59OVMGloq/smnwJAcldIQ85p1OSHewAiP7MjjRFJz7ClndzJ
PESdtxYNZRw4VdR69iMUECz/+1kH0+lHiN0Ys89NJpiUg/hfQGj7vQJAdB3PMj2p
JihQ62eAmdtI6vS/ah0dnhPktexk0/Xf4r/0rgX+h5ieAzTh3ZpRRK2RoidSNj/D
/WsqClBiYpYAjw==
-----END PRIVATE KEY-----`
