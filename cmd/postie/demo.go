package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/postie-run/postie/authflow"
	"github.com/postie-run/postie/environments"
	ofpmalaysia "github.com/postie-run/postie/examples/ofp-malaysia"
	"github.com/postie-run/postie/ofp"
	"github.com/postie-run/postie/reporters/cli"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/visualizer"
	"github.com/spf13/pflag"
)

// demoCommand implements `postie demo`: the bundled OFP Malaysia collection
// against an in-process auto-approve sandbox, consent completed headlessly.
func demoCommand(ctx context.Context, args []string, s stdio) int {
	fs := pflag.NewFlagSet("demo", pflag.ContinueOnError)
	fs.SetOutput(s.Err)
	exportEnv := fs.String("export-environment", "", "write the final environment to this file")
	visDir := fs.String("visualizer-dir", "", "write pm.visualizer output as HTML files to this directory")
	addr := fs.String("addr", "127.0.0.1:0", "loopback address for the sandbox")
	noColor := fs.Bool("no-color", false, "disable coloured output")
	disableUnicode := fs.Bool("disable-unicode", false, "plain-text symbols")
	fs.Usage = func() {
		fmt.Fprintf(s.Err, "Usage: postie demo [flags]\n\nRun the bundled \"OFP Malaysia - PAR browser redirect flow\" collection against the\nsandbox authorization server in auto-approve mode, completing the browser consent headlessly.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseNoArgs(fs, "demo", args, s); !ok {
		return code
	}
	start := time.Now()
	coll, env, err := ofpmalaysia.Load()
	if err != nil {
		fmt.Fprintf(s.Err, "postie demo: error: %v\n", err)
		return exitUsage
	}
	srv, err := ofp.New(ofp.Config{AutoApprove: true})
	if err != nil {
		fmt.Fprintf(s.Err, "postie demo: error: %v\n", err)
		return exitUsage
	}
	if err := srv.Start(ctx, *addr); err != nil {
		fmt.Fprintf(s.Err, "postie demo: error: %v\n", err)
		return exitUsage
	}
	defer srv.Close()
	env.Values.Set("baseUrl", srv.URL(), "")
	fmt.Fprintf(s.Out, "OFP Malaysia sandbox (auto-approve) on %s\n\n", srv.URL())

	flow := authflow.New(authflow.Options{Authorize: authflow.HTTPAuthorizer(nil), Out: s.Out})
	mode := "auto"
	if *noColor {
		mode = "off"
	}
	color, width := colorAndWidth(mode, s.Out)
	rep := cli.New(s.Out, cli.Options{CollectionName: coll.Info.Name, Iterations: 1, Color: color, Width: width, DisableUnicode: *disableUnicode})
	sum, err := runner.Run(ctx, runner.Options{
		Collection:       coll,
		Environment:      env,
		MissingVariables: flow.MissingVariables,
		Reporters:        []runner.Reporter{rep},
	})
	if err != nil {
		fmt.Fprintf(s.Err, "postie demo: error: %v\n", err)
		return exitUsage
	}
	if *visDir != "" {
		for _, x := range sum.Executions {
			if x.Visualizer == nil {
				continue
			}
			html, err := visualizer.RenderPage(x.Item.Name, x.Visualizer.Template, x.Visualizer.Data)
			if err == nil {
				var p string
				if p, err = visualizer.WriteFile(*visDir, visualizer.FileName(x.Iteration, x.Path), html); err == nil {
					fmt.Fprintf(s.Out, "visualization: %s\n", p)
				}
			}
			if err != nil {
				fmt.Fprintf(s.Err, "postie demo: %q: %v\n", x.Item.Name, err)
			}
		}
	}
	fmt.Fprintln(s.Out, "\nExported environment variables (secrets masked):")
	printMaskedVars(s.Out, sum.Environment)
	if *exportEnv != "" && sum.Environment != nil {
		// newman's export format, as postie run --export-environment writes it
		if err := sum.Environment.WriteNewmanFile(*exportEnv, time.Now(), exportedUsing()); err != nil {
			fmt.Fprintf(s.Err, "postie demo: error: %v\n", err)
			return exitFailed
		}
		fmt.Fprintf(s.Out, "environment written to %s\n", *exportEnv)
	}
	fmt.Fprintf(s.Out, "\ndemo finished in %s\n", time.Since(start).Round(time.Millisecond))
	if sum.Interrupted {
		return exitInterrupted
	}
	if sum.Failed() {
		return exitFailed
	}
	return exitOK
}

// secretNames are substrings of variable names whose values are masked.
var secretNames = []string{"key", "jwt", "token", "secret", "assertion", "password", "requestobject", "verifier"}

// maskVar returns value for printing: secrets (by type or name) shortened
// to their first characters and an ellipsis.
func maskVar(key, typ, value string) string {
	secret := typ == "secret" || strings.EqualFold(key, "code")
	lk := strings.ToLower(key)
	for _, n := range secretNames {
		if strings.Contains(lk, n) {
			secret = true
		}
	}
	if strings.HasPrefix(value, "http://") || strings.HasPrefix(value, "https://") {
		secret = typ == "secret" // an endpoint URL such as token_endpoint is not a token
	}
	if !secret {
		return value
	}
	const show = 6
	if len(value) <= show {
		return strings.Repeat("*", len(value))
	}
	return value[:show] + "…"
}

func printMaskedVars(w io.Writer, f *environments.File) {
	if f == nil || f.Values == nil {
		return
	}
	width := 0
	for _, v := range f.Values.Variables() {
		width = max(width, len(v.Key))
	}
	for _, v := range f.Values.Variables() {
		if v.Disabled {
			continue
		}
		val := environments.String(v.Value)
		fmt.Fprintf(w, "  %-*s  %s\n", width, v.Key, maskVar(v.Key, v.Type, val))
	}
}
