package main

import (
	"context"
	"fmt"
	"os"

	"github.com/postie-run/postie/ofp"
	"github.com/spf13/pflag"
)

// sandboxCommand implements `postie sandbox`: the Open Finance Malaysia
// sandbox authorization server in the foreground until interrupted.
func sandboxCommand(ctx context.Context, args []string, s stdio) int {
	fs := pflag.NewFlagSet("sandbox", pflag.ContinueOnError)
	fs.SetOutput(s.Err)
	addr := fs.String("addr", "127.0.0.1:8800", "loopback address to listen on")
	useTLS := fs.Bool("tls", false, "serve HTTPS with mutual TLS; generates a CA, server and client certificate")
	certDir := fs.String("cert-dir", "", "directory for the generated certificates (default: a new temp dir)")
	auto := fs.Bool("auto-approve", false, "log in as the default test user, pick the first data provider and approve every consent at once (headless demo/CI)")
	verbose := fs.BoolP("verbose", "v", false, "log every request")
	fs.Usage = func() {
		fmt.Fprintf(s.Err, "Usage: postie sandbox [flags]\n\nStart the Open Finance Malaysia sandbox authorization server (test double; sandbox keys only).\nTest users: mits/mits, aisyah/aisyah. Data providers: DP9876543210, DP9876543211.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseNoArgs(fs, "sandbox", args, s); !ok {
		return code
	}
	cfg := ofp.Config{AutoApprove: *auto}
	if *verbose {
		cfg.Logf = func(format string, a ...any) { fmt.Fprintf(s.Err, "sandbox: "+format+"\n", a...) }
	}
	if *useTLS {
		dir := *certDir
		if dir == "" {
			d, err := os.MkdirTemp("", "postie-ofp-certs-")
			if err != nil {
				fmt.Fprintf(s.Err, "postie sandbox: error: creating cert dir: %v\n", err)
				return exitUsage
			}
			dir = d
		}
		tc, files, err := ofp.GenerateTLS(dir)
		if err != nil {
			fmt.Fprintf(s.Err, "postie sandbox: error: %v\n", err)
			return exitUsage
		}
		cfg.TLS = tc
		fmt.Fprintf(s.Out, "certificates in %s\n  postie run ... --ssl-extra-ca-certs %s --ssl-client-cert %s --ssl-client-key %s\n",
			files.Dir, files.CA, files.ClientCert, files.ClientKey)
	}
	srv, err := ofp.New(cfg)
	if err != nil {
		fmt.Fprintf(s.Err, "postie sandbox: error: %v\n", err)
		return exitUsage
	}
	if err := srv.Start(ctx, *addr); err != nil {
		fmt.Fprintf(s.Err, "postie sandbox: error: %v\n", err)
		return exitUsage
	}
	mode := "interactive consent"
	if *auto {
		mode = "auto-approve"
	}
	fmt.Fprintf(s.Out, "OFP Malaysia sandbox listening on %s (%s)\n  discovery: %s/.well-known/openid-configuration\n  client_id: %s, redirect_uri: %s (any loopback port)\n  test users: mits/mits, aisyah/aisyah\nPress Ctrl-C to stop.\n",
		srv.URL(), mode, srv.URL(), ofp.DefaultClientID, ofp.DefaultRedirectURI)
	<-ctx.Done()
	_ = srv.Close()
	return exitOK
}
