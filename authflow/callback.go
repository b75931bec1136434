package authflow

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"time"
)

func isLoopbackHost(h string) bool {
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// callback serves the loopback redirect URI on CallbackListen until the
// browser is redirected to it, and returns the redirect URL it received.
func (f *Flow) callback(ctx context.Context, authURL, redirect string) (string, error) {
	addr := f.opts.CallbackListen
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("--callback-listen %q: %w", addr, err)
	}
	if host != "" && !isLoopbackHost(host) {
		return "", fmt.Errorf("--callback-listen %q: only loopback addresses are allowed", addr)
	}
	wantPath := ""
	if u, err := url.Parse(redirect); err == nil && redirect != "" {
		if u.Scheme != "http" || !isLoopbackHost(u.Hostname()) {
			return "", fmt.Errorf("--callback-listen needs a loopback http redirect_uri, but the flow's redirect_uri is %q", redirect)
		}
		wantPath = u.Path
		if _, port, _ := net.SplitHostPort(addr); u.Port() != "" && port != u.Port() {
			fmt.Fprintf(f.opts.Out, "postie: warning: --callback-listen %s does not match the redirect_uri %s\n", addr, redirect)
		}
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return "", fmt.Errorf("--callback-listen: %w", err)
	}
	got := make(chan string, 1)
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if (wantPath != "" && r.URL.Path != wantPath) || (!q.Has("code") && !q.Has("error")) {
			http.NotFound(w, r)
			return
		}
		msg := "Authorization complete. You can close this window and return to postie."
		if e := q.Get("error"); e != "" {
			msg = "Authorization failed: " + e + ". Return to postie."
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>postie</title></head><body><p>%s</p></body></html>\n", html.EscapeString(msg))
		u := *r.URL
		u.Scheme, u.Host = "http", r.Host
		select {
		case got <- u.String():
		default:
		}
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	fmt.Fprintf(f.opts.Out, "\npostie: waiting for the authorization redirect on http://%s%s\n  open: %s\n", ln.Addr(), wantPath, authURL)
	if f.opts.OpenBrowser {
		if err := f.opts.Opener(ctx, authURL); err != nil {
			fmt.Fprintf(f.opts.Out, "postie: could not open a browser (%v); open the URL yourself\n", err)
		}
	}
	select {
	case <-ctx.Done():
		return "", fmt.Errorf("waiting for the redirect on %s: %w", addr, ctx.Err())
	case u := <-got:
		return u, nil
	}
}

// HTTPAuthorizer returns an Options.Authorize function that GETs the
// authorization URL with a cookie-jar client and follows redirects until one
// carries code= or error= (for servers that approve without a user, such as
// the OFP sandbox in auto-approve mode); it returns that redirect URL
// without requesting it. transport nil means http.DefaultTransport.
func HTTPAuthorizer(transport http.RoundTripper) func(ctx context.Context, authURL string) (string, error) {
	return func(ctx context.Context, authURL string) (string, error) {
		jar, _ := cookiejar.New(nil)
		var final string
		cl := &http.Client{Transport: transport, Jar: jar, Timeout: 30 * time.Second,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				q := req.URL.Query()
				if q.Has("code") || q.Has("error") {
					final = req.URL.String()
					return http.ErrUseLastResponse
				}
				if len(via) >= 10 {
					return errors.New("stopped after 10 redirects")
				}
				return nil
			}}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, authURL, nil)
		if err != nil {
			return "", fmt.Errorf("authorization URL: %w", err)
		}
		resp, err := cl.Do(req)
		if err != nil {
			return "", fmt.Errorf("GET %s: %w", authURL, err)
		}
		resp.Body.Close()
		if final == "" {
			return "", fmt.Errorf("GET authorization URL: %s without a redirect carrying code or error (is the server in auto-approve mode?)", resp.Status)
		}
		return final, nil
	}
}
