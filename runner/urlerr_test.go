package runner

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// closedPort returns a 127.0.0.1 port nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	return port
}

// TestURLErrorMessages: URLs newman cannot send fail with newman 6.2.2's
// messages (measured), for collection requests and pm.sendRequest alike,
// and an empty host dials 127.0.0.1 as node does.
func TestURLErrorMessages(t *testing.T) {
	needSandbox(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok:" + r.Host + r.Header.Get("Authorization")))
	}))
	defer srv.Close()
	_, srvPort, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	refused := closedPort(t)
	cases := []struct {
		name, url, want string // want: the error message, "" for a response
		body            string // the response body (the Host the server saw) when want is ""
	}{
		{"file without host", "file:///etc/passwd", `Invalid URI "file:///etc/passwd"`, ""},
		{"file, four slashes", "file:////etc/passwd", `Invalid URI "file:///etc/passwd"`, ""},
		{"file with host", "file://localhost/etc/passwd", "Invalid protocol: file:", ""},
		{"ftp", "ftp://127.0.0.1/x", "Invalid protocol: ftp:", ""},
		{"scheme only", "https://", `Invalid URI "https:///"`, ""},
		{"user, no host", "http://@/x", `Invalid URI "http:///x"`, ""},
		{"empty host, refused", "http://:" + refused + "/x", "connect ECONNREFUSED 127.0.0.1:" + refused, ""},
		{"empty host, served", "http://:" + srvPort + "/x", "", "ok::" + srvPort},
		{"empty userinfo: no credentials", "http://@127.0.0.1:" + srvPort + "/x", "", "ok:127.0.0.1:" + srvPort},
		{"extra slashes after ://", "http:///127.0.0.1:" + srvPort + "/x", "", "ok:127.0.0.1:" + srvPort},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// the request itself, then the same URL through pm.sendRequest
			script := `pm.sendRequest(` + q(tc.url) + `, function (err, res) { console.log(err ? 'err ' + (err.message || err.code) : 'code ' + res.code) })`
			js := `{"info":{"name":"u"},"item":[{"name":"r","request":{"url":` + q(tc.url) + `},"event":[` + ev("test", script) + `]}]}`
			rec := &eventLog{}
			sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, ""), Reporters: []Reporter{rec}})
			if err != nil {
				t.Fatal(err)
			}
			ex := sum.Executions[0]
			wantLog := "'err " + tc.want + "'"
			if strings.HasPrefix(tc.want, "connect ") {
				wantLog = "'err ECONNREFUSED'" // node's error object: code, no message (newman)
			}
			if tc.want == "" {
				if ex.RequestErr != nil || ex.Response == nil || string(ex.Response.Body) != tc.body {
					t.Errorf("request: err %v, response %+v", ex.RequestErr, ex.Response)
				}
				wantLog = "'code 200'"
			} else if ex.RequestErr == nil || ex.RequestErr.Error() != tc.want {
				t.Errorf("request error %v, want %q", ex.RequestErr, tc.want)
			}
			if got := consoleLines(rec); len(got) != 1 || got[0] != wantLog {
				t.Errorf("pm.sendRequest logged %q, want %q", got, wantLog)
			}
		})
	}
}
