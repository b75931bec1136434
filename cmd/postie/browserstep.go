package main

import (
	"os"

	"github.com/postie-run/postie/authflow"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/visualizer"
	"github.com/spf13/pflag"
	"golang.org/x/term"
)

// browserStepFlags are the `postie run` flags for visualizations and the
// browser step of OAuth authorization-code flows.
type browserStepFlags struct {
	VisualizerDir  string
	OpenBrowser    bool
	CallbackListen string
	AuthorizeWith  string
}

// add declares the flags on fs.
func (b *browserStepFlags) add(fs *pflag.FlagSet) {
	fs.StringVar(&b.VisualizerDir, "visualizer-dir", "", "write each pm.visualizer output as a standalone HTML file to this directory")
	fs.BoolVar(&b.OpenBrowser, "open-browser", false, "browser step: open the authorization URL in the desktop browser")
	fs.StringVar(&b.CallbackListen, "callback-listen", "", "browser step: serve the loopback redirect_uri on this address (e.g. 127.0.0.1:8910) and catch the code")
	fs.StringVar(&b.AuthorizeWith, "authorize-with", "", "browser step: run this shell command with the authorization URL as $1 (and POSTIE_AUTH_URL); its last output line is the redirect URL or code")
}

// apply installs the browser-step hook and the visualizer reporter. An
// unset authorization code ({{code}}) is asked for on the terminal when
// stdin is one; otherwise the request fails with a message saying how to
// supply it.
func (b *browserStepFlags) apply(opts *runner.Options, s stdio) {
	interactive := false
	if f, ok := s.In.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		interactive = true
	}
	flow := authflow.New(authflow.Options{
		AuthorizeWith:  b.AuthorizeWith,
		CallbackListen: b.CallbackListen,
		Interactive:    interactive,
		OpenBrowser:    b.OpenBrowser,
		In:             s.In,
		Out:            s.Err,
	})
	opts.MissingVariables = flow.MissingVariables
	if b.VisualizerDir != "" {
		opts.Reporters = append(opts.Reporters, visualizer.NewReporter(b.VisualizerDir, s.Err))
	}
}
