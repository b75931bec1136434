package runner

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestNetworkFaults: each fault fails its request with a clear message
// naming what went wrong, and the run goes on to the next item.
func TestNetworkFaults(t *testing.T) {
	// a port with nothing listening
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := l.Addr().String()
	l.Close()

	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	mux.HandleFunc("/midbody", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		io.WriteString(w, "only part of it")
		w.(http.Flusher).Flush()
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
		io.WriteString(w, "late")
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	tlsSrv := httptest.NewTLSServer(mux) // self-signed: not trusted without --insecure
	defer tlsSrv.Close()

	cases := []struct {
		name, url string
		opts      func(*Options)
		want      string // regexp on the request failure message
	}{
		{"unknown host", "http://no-such-host.invalid/x", nil, `(?i)getaddrinfo ENOTFOUND no-such-host\.invalid|no such host`},
		{"connection refused", "http://" + refused + "/x", nil, `(?i)ECONNREFUSED|refused`},
		{"TLS untrusted", tlsSrv.URL + "/ok", nil, `(?i)certificate|self.signed|unknown authority`},
		{"closed mid-body", srv.URL + "/midbody", nil, `(?i)unexpected EOF|aborted|ECONNRESET|socket hang up`},
		{"--timeout-request", srv.URL + "/slow", func(o *Options) { o.RequestTimeout = 200 * time.Millisecond }, `(?i)ETIMEDOUT|ESOCKETTIMEDOUT|timeout`},
		{"redirect loop", srv.URL + "/loop", nil, `(?i)redirect`},
		{"invalid URL", "http://", nil, `(?i)invalid|URL`},
		{"empty host port", "http://:80/x", nil, `(?i)invalid|URL|ECONNREFUSED|ENOTFOUND`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			js := `{"info":{"name":"faults"},"item":[{"name":"bad","request":{"url":` + q(tc.url) + `}},{"name":"good","request":{"url":` + q(srv.URL+"/ok") + `}}]}`
			opts := Options{Collection: parseColl(t, js, "")}
			if tc.opts != nil {
				tc.opts(&opts)
			}
			sum, err := Run(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.Executions) != 2 {
				t.Fatalf("%d executions, want 2", len(sum.Executions))
			}
			bad, good := sum.Executions[0], sum.Executions[1]
			if tc.name == "redirect loop" && bad.RequestErr == nil && bad.Response != nil {
				// newman stops following after maxRedirects and reports the
				// last 302 as the response
				t.Logf("redirect loop: stopped with %d", bad.Response.Code)
				if bad.Response.Code != http.StatusFound {
					t.Errorf("got %d", bad.Response.Code)
				}
			} else {
				if bad.RequestErr == nil {
					t.Fatalf("no request error for %s", tc.url)
				}
				t.Logf("%s -> %v", tc.name, bad.RequestErr)
				if !regexp.MustCompile(tc.want).MatchString(bad.RequestErr.Error()) {
					t.Errorf("message %q does not match %q", bad.RequestErr, tc.want)
				}
			}
			if good.Response == nil || good.Response.Code != 200 {
				t.Errorf("the run did not go on: %+v", good.RequestErr)
			}
		})
	}
}

// TestScriptAndRunTimeouts: --timeout-script stops a slow script with a
// failure, --timeout stops the whole run; both leave a summary.
func TestScriptAndRunTimeouts(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	t.Run("--timeout-script", func(t *testing.T) {
		js := `{"info":{"name":"t"},"item":[{"name":"slow","event":[` + ev("prerequest", "const e = Date.now() + 5000; while (Date.now() < e) {}") + `],"request":{"url":"%URL%/a"}},{"name":"next","request":{"url":"%URL%/b"}}]}`
		sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), ScriptTimeout: 200 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Failures) == 0 || !strings.Contains(strings.ToLower(sum.Failures[0].Message), "timeout") {
			t.Fatalf("failures %+v, want a script timeout", sum.Failures)
		}
		t.Logf("%s: %s", sum.Failures[0].Kind, sum.Failures[0].Message)
		if len(sum.Executions) != 2 || sum.Executions[1].Response == nil {
			t.Errorf("the run did not go on")
		}
	})
	t.Run("--timeout", func(t *testing.T) {
		slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(300 * time.Millisecond)
		}))
		defer slow.Close()
		var items []string
		for i := 0; i < 20; i++ {
			items = append(items, fmt.Sprintf(`{"name":"r%d","request":{"url":"%s/%d"}}`, i, slow.URL, i))
		}
		js := `{"info":{"name":"t"},"item":[` + strings.Join(items, ",") + `]}`
		start := time.Now()
		sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, ""), Timeout: 500 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Executions) >= 20 {
			t.Errorf("run timeout did not stop the run (%d executions in %v)", len(sum.Executions), time.Since(start))
		}
		found := false
		for _, f := range sum.Failures {
			t.Logf("%s %s: %s", f.At, f.Kind, f.Message)
			if strings.Contains(f.Message, "callback timed out") {
				found = true
			}
		}
		if !found {
			t.Errorf("no newman-style 'callback timed out' failure")
		}
	})
}

// TestHugeResponseMemory streams a 200 MB response: the runner keeps the
// first MaxResponseBody bytes for scripts and reports, counts the rest in
// the response size, and memory stays bounded.
func TestHugeResponseMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 200 MB")
	}
	const size = 200 << 20
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(size))
		chunk := []byte(strings.Repeat("0123456789abcdef", 4096))
		for n := 0; n < size; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	js := `{"info":{"name":"big"},"item":[{"name":"big","request":{"url":"%URL%/big"}}]}`
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL)})
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	ex := sum.Executions[0]
	if ex.RequestErr != nil {
		t.Fatal(ex.RequestErr)
	}
	t.Logf("response size %d MiB, body kept %d MiB, heap in use after %d MiB, total allocated during run %d MiB",
		ex.Response.ResponseSize>>20, len(ex.Response.Body)>>20, after.HeapInuse>>20, (after.TotalAlloc-before.TotalAlloc)>>20)
	if ex.Response.ResponseSize != size {
		t.Errorf("response size %d, want %d", ex.Response.ResponseSize, size)
	}
	if len(ex.Response.Body) != MaxResponseBody {
		t.Errorf("kept %d bytes of the body, want MaxResponseBody (%d)", len(ex.Response.Body), MaxResponseBody)
	}
	// (under the race detector sync.Pool discards at random, so net/http
	// allocates far more; the bound holds for real builds)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 3*MaxResponseBody && !raceEnabled {
		t.Errorf("allocated %d MiB for a 200 MB body: not bounded", alloc>>20)
	}
}
