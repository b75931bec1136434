package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/reporters/cli"
	htmlreport "github.com/postie-run/postie/reporters/html"
	"github.com/postie-run/postie/reporters/jsonreport"
	"github.com/postie-run/postie/reporters/junit"
	"github.com/postie-run/postie/reporters/mask"
	"github.com/postie-run/postie/runner"
)

// runConfig is the parsed `postie run` command line.
type runConfig struct {
	Collection    string
	Environment   string
	Globals       string
	EnvVars       []string
	GlobalVars    []string
	IterationData string
	Iterations    int
	Folders       []string
	WorkingDir    string

	ExportEnvironment string
	ExportGlobals     string
	ExportCollection  string
	ExportCookieJar   string
	CookieJar         string

	DelayRequest   int      // ms
	Timeout        int      // ms
	TimeoutRequest int      // ms
	TimeoutScript  int      // ms
	Bail           []string // nil: off; empty: plain --bail; else modifiers

	IgnoreRedirects bool
	Insecure        bool
	SSLClientCert   string
	SSLClientKey    string
	SSLPassphrase   string
	SSLCertList     string
	SSLExtraCA      string

	SuppressExitCode bool
	Color            string // on, off, auto
	DisableUnicode   bool
	Silent           bool
	Verbose          bool
	ShowSecrets      bool // --reporter-show-secrets: no masking in --verbose output and JSON, JUnit and HTML reports

	Reporters   []string
	JSONExport  string
	JUnitExport string
	HTMLExport  string      // --reporter-html-export
	Parallel    int         // --parallel N: data iterations on N workers (runner.RunParallel)
	Shard       string      // --shard i/n (runner.ShardOptions)
	CLI         cli.Options // the --reporter-cli-* switches
	NpmCache    string
	Browser     browserStepFlags // --visualizer-dir and the OAuth browser step (browserstep.go)

	Help, Version bool

	// Warnings are printed before the run: reporters postie does not have
	// and reporter options it ignores (Newman warns and runs on too).
	Warnings []string
}

// bailModifiers are the values --bail accepts.
var bailModifiers = map[string]bool{"folder": true, "failure": true}

// newRunFlags declares the run flags on a new flag set bound to c.
func newRunFlags(c *runConfig) *pflag.FlagSet {
	fs := pflag.NewFlagSet("run", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetInterspersed(true)
	fs.StringVarP(&c.Environment, "environment", "e", "", "environment file (path or http(s) URL)")
	fs.StringVarP(&c.Globals, "globals", "g", "", "globals file (path or http(s) URL)")
	fs.StringArrayVar(&c.EnvVars, "env-var", nil, "set an environment variable, key=value (repeatable)")
	fs.StringArrayVar(&c.GlobalVars, "global-var", nil, "set a global variable, key=value (repeatable)")
	fs.StringVarP(&c.IterationData, "iteration-data", "d", "", "iteration data file (CSV or JSON)")
	fs.IntVarP(&c.Iterations, "iteration-count", "n", 0, "number of iterations (default: data rows or 1)")
	fs.StringArrayVar(&c.Folders, "folder", nil, "run only this folder or request, by name or id (repeatable)")
	fs.StringVar(&c.WorkingDir, "working-dir", "", "base directory for file paths in requests (default: current directory)")
	fs.StringVar(&c.ExportEnvironment, "export-environment", "", "write the final environment to this file")
	fs.StringVar(&c.ExportGlobals, "export-globals", "", "write the final globals to this file")
	fs.StringVar(&c.ExportCollection, "export-collection", "", "write the collection, with the collection variables as the run left them, to this file")
	fs.StringVar(&c.CookieJar, "cookie-jar", "", "load cookies from this jar file (Newman/tough-cookie JSON)")
	fs.StringVar(&c.ExportCookieJar, "export-cookie-jar", "", "write the final cookie jar to this file")
	fs.IntVar(&c.DelayRequest, "delay-request", 0, "delay between requests, in ms")
	fs.IntVar(&c.Timeout, "timeout", 0, "timeout for the whole run, in ms (0: none)")
	fs.IntVar(&c.TimeoutRequest, "timeout-request", 0, "timeout for each request, in ms (0: none)")
	fs.IntVar(&c.TimeoutScript, "timeout-script", 0, "timeout for each script, in ms (0: none)")
	fs.StringSlice("bail", nil, "stop the run at the first failure; modifiers: folder, failure")
	fs.Lookup("bail").NoOptDefVal = "true"
	fs.BoolVar(&c.IgnoreRedirects, "ignore-redirects", false, "do not follow 3xx redirects")
	fs.BoolVarP(&c.Insecure, "insecure", "k", false, "do not verify TLS certificates")
	fs.StringVar(&c.SSLClientCert, "ssl-client-cert", "", "client certificate (PEM)")
	fs.StringVar(&c.SSLClientKey, "ssl-client-key", "", "client certificate private key (PEM)")
	fs.StringVar(&c.SSLPassphrase, "ssl-client-passphrase", "", "client private key passphrase")
	fs.StringVar(&c.SSLCertList, "ssl-client-cert-list", "", "per-host client certificates (Newman's JSON list)")
	fs.StringVar(&c.SSLExtraCA, "ssl-extra-ca-certs", "", "extra trusted CA certificates (PEM)")
	fs.BoolVarP(&c.SuppressExitCode, "suppress-exit-code", "x", false, "exit 0 even when tests fail")
	fs.StringVar(&c.Color, "color", "auto", "coloured output: on, off or auto (terminal only)")
	fs.Bool("no-color", false, "same as --color off")
	fs.BoolVar(&c.DisableUnicode, "disable-unicode", false, "plain-text symbols instead of Unicode")
	fs.BoolVar(&c.Silent, "silent", false, "print nothing")
	fs.BoolVar(&c.Verbose, "verbose", false, "print request and response details (secrets masked)")
	fs.BoolVar(&c.ShowSecrets, "reporter-show-secrets", false, "do not mask credentials and secret variables in --verbose output and JSON, JUnit and HTML reports (debugging)")
	fs.StringSliceVarP(&c.Reporters, "reporters", "r", []string{"cli"}, "reporters: cli, json, junit, html (comma list)")
	fs.StringVar(&c.JSONExport, "reporter-json-export", "", "JSON report path (default newman/newman-run-report-<time>-0.json)")
	fs.StringVar(&c.JUnitExport, "reporter-junit-export", "", "JUnit report path (default newman/newman-run-report-<time>-0.xml)")
	fs.StringVar(&c.HTMLExport, "reporter-html-export", "", "HTML report path (default newman/postie-run-report-<time>-0.html)")
	fs.IntVar(&c.Parallel, "parallel", 1, "run iterations on N workers, each with its own copy of variables and cookies (see README)")
	fs.StringVar(&c.Shard, "shard", "", "run only part i of n of the run, e.g. 2/4 (iterations with data, else top-level items)")
	fs.BoolVar(&c.CLI.NoSummary, "reporter-cli-no-summary", false, "cli: no summary table")
	fs.BoolVar(&c.CLI.NoFailures, "reporter-cli-no-failures", false, "cli: no failure list")
	fs.BoolVar(&c.CLI.NoAssertions, "reporter-cli-no-assertions", false, "cli: no assertion lines")
	fs.BoolVar(&c.CLI.NoSuccess, "reporter-cli-no-success-assertions", false, "cli: no passed-assertion lines")
	fs.BoolVar(&c.CLI.NoConsole, "reporter-cli-no-console", false, "cli: no console output")
	fs.BoolVar(&c.CLI.NoBanner, "reporter-cli-no-banner", false, "cli: no banner line")
	fs.BoolVar(&c.CLI.ShowTimestamps, "reporter-cli-show-timestamps", false, "cli: timestamps on requests, assertions, console")
	fs.StringVar(&c.NpmCache, "npm-cache", "", "directory of npm packages for pm.require('npm:...')")
	c.Browser.add(fs)
	fs.BoolVarP(&c.Help, "help", "h", false, "show this help")
	fs.BoolVarP(&c.Version, "version", "v", false, "print the postie version")
	plainBools(fs)
	return fs
}

// parseRunArgs parses `postie run` arguments.
func parseRunArgs(args []string) (*runConfig, *pflag.FlagSet, error) {
	c := &runConfig{}
	fs := newRunFlags(c)
	fs.SetOutput(io.Discard)
	args, ignored := dropUnknownReporterOptions(fs, joinBailModifiers(args))
	for _, o := range ignored {
		c.Warnings = append(c.Warnings, fmt.Sprintf("ignoring reporter option %s", o))
	}
	if err := fs.Parse(args); err != nil {
		return c, fs, err
	}
	if c.Help || c.Version {
		return c, fs, nil
	}
	if fs.Changed("bail") {
		mods, _ := fs.GetStringSlice("bail")
		c.Bail = []string{}
		for _, m := range mods {
			m = strings.TrimSpace(m)
			if m == "true" || m == "" {
				continue
			}
			if !bailModifiers[m] {
				return c, fs, fmt.Errorf("invalid --bail modifier %q (want folder or failure)", m)
			}
			c.Bail = append(c.Bail, m)
		}
	}
	if noColor, _ := fs.GetBool("no-color"); noColor {
		c.Color = "off"
	}
	switch c.Color {
	case "on", "off", "auto":
	default:
		return c, fs, fmt.Errorf("invalid --color %q (want on, off or auto)", c.Color)
	}
	known := c.Reporters[:0:0]
	for _, r := range c.Reporters {
		switch r = strings.TrimSpace(r); r {
		case "cli", "json", "junit", "html":
			known = append(known, r)
		case "":
		default:
			c.Warnings = append(c.Warnings, fmt.Sprintf("could not find %q reporter (postie has cli, json, junit and html)", r))
		}
	}
	c.Reporters = known
	for _, kv := range append(append([]string{}, c.EnvVars...), c.GlobalVars...) {
		if k, _, ok := strings.Cut(kv, "="); !ok || k == "" {
			return c, fs, fmt.Errorf("invalid variable %q (want key=value)", kv)
		}
	}
	if c.Parallel < 1 {
		return c, fs, fmt.Errorf("--parallel must be at least 1, got %d", c.Parallel)
	}
	if c.Shard != "" {
		if _, _, err := runner.ParseShard(c.Shard); err != nil {
			return c, fs, err
		}
	}
	for name, v := range map[string]int{"iteration-count": c.Iterations, "delay-request": c.DelayRequest,
		"timeout": c.Timeout, "timeout-request": c.TimeoutRequest, "timeout-script": c.TimeoutScript} {
		if v < 0 {
			return c, fs, fmt.Errorf("--%s must not be negative, got %d", name, v)
		}
	}
	switch fs.NArg() {
	case 0:
		return c, fs, errors.New("missing collection: postie run <collection> [flags]")
	case 1:
		c.Collection = fs.Arg(0)
	default:
		return c, fs, fmt.Errorf("expected one collection, got %d arguments: %s", fs.NArg(), strings.Join(fs.Args(), " "))
	}
	return c, fs, nil
}

// joinBailModifiers rewrites "--bail folder,failure" as
// "--bail=folder,failure": Newman takes the modifiers as a separate word,
// which pflag would read as the collection argument.
func joinBailModifiers(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		if a == "--bail" && i+1 < len(args) && isBailModifierList(args[i+1]) {
			out = append(out, "--bail="+args[i+1])
			i++
			continue
		}
		out = append(out, a)
	}
	return out
}

// dropUnknownReporterOptions removes --reporter-NAME-OPTION[=VALUE] flags
// that fs does not define (options of reporters postie does not have),
// with a following VALUE word unless it looks like a flag or the
// collection. It returns the remaining args and the dropped options.
func dropUnknownReporterOptions(fs *pflag.FlagSet, args []string) (rest, dropped []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, _, hasValue := strings.Cut(strings.TrimPrefix(a, "--"), "=")
		if !strings.HasPrefix(a, "--reporter-") || fs.Lookup(name) != nil {
			rest = append(rest, a)
			continue
		}
		dropped = append(dropped, "--"+name)
		if !hasValue && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") && !looksLikeCollection(args[i+1]) {
			i++
		}
	}
	return rest, dropped
}

func looksLikeCollection(s string) bool {
	return isURL(s) || strings.HasSuffix(strings.ToLower(s), ".json")
}

func isBailModifierList(s string) bool {
	for _, m := range strings.Split(s, ",") {
		if !bailModifiers[strings.TrimSpace(m)] {
			return false
		}
	}
	return s != ""
}

func runUsage(w io.Writer, fs *pflag.FlagSet) {
	fmt.Fprintln(w, "Usage: postie run <collection> [flags]")
	fmt.Fprintln(w, "\nRun a Postman collection (file path or http(s) URL), as `newman run` does.")
	fmt.Fprintln(w, "\nFlags:")
	fmt.Fprint(w, fs.FlagUsages())
	fmt.Fprintln(w, "\nExit codes: 0 all passed, 1 a test, script or request failed,")
	fmt.Fprintln(w, "2 unusable input (flags, files), 130 interrupted.")
}

// usageError is an error in the input: flags, missing or invalid files.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// runCommand implements `postie run <collection> [flags]`.
func runCommand(ctx context.Context, args []string, s stdio) int {
	c, fs, err := parseRunArgs(args)
	if c.Help {
		runUsage(s.Out, fs)
		return exitOK
	}
	if c.Version {
		return versionCommand(ctx, nil, s)
	}
	if err != nil {
		fmt.Fprintf(s.Err, "postie: error: %v\nRun 'postie run --help' for usage.\n", err)
		return exitUsage
	}
	for _, w := range c.Warnings {
		fmt.Fprintf(s.Err, "postie: warning: %s\n", w)
	}
	code, err := execRun(ctx, c, s)
	if err != nil {
		fmt.Fprintf(s.Err, "postie: error: %v\n", err)
	}
	return code
}

// execRun loads the inputs, runs the collection, writes reports and exports,
// and returns the exit code.
func execRun(ctx context.Context, c *runConfig, s stdio) (int, error) {
	opts, err := loadRunInputs(ctx, c)
	if err != nil {
		return exitUsage, err
	}
	c.Browser.apply(&opts, s)
	if c.Shard != "" {
		i, n, _ := runner.ParseShard(c.Shard)
		if opts, err = runner.ShardOptions(opts, i, n); err != nil {
			return exitUsage, err
		}
	}
	started := time.Now()
	iterations := c.Iterations
	if iterations == 0 {
		iterations = max(1, len(opts.Data))
	}

	var jsonBuf, junitBuf, htmlBuf *bytes.Buffer
	masked := func(r runner.Reporter) runner.Reporter {
		if c.ShowSecrets {
			return r
		}
		return mask.Reporter(r)
	}
	for _, name := range dedupe(c.Reporters) {
		switch name {
		case "cli":
			if c.Silent {
				continue
			}
			co := c.CLI
			co.CollectionName = opts.Collection.Info.Name
			co.Iterations = iterations
			co.DisableUnicode = c.DisableUnicode
			co.Verbose = c.Verbose
			co.ShowSecrets = c.ShowSecrets
			if !c.ShowSecrets {
				co.Secrets = mask.Secrets(opts.Environment, opts.Globals, opts.Collection.Variables)
			}
			co.Color, co.Width = colorAndWidth(c.Color, s.Out)
			opts.Reporters = append(opts.Reporters, cli.New(s.Out, co))
		case "json":
			jsonBuf = &bytes.Buffer{}
			opts.Reporters = append(opts.Reporters, masked(jsonreport.New(jsonBuf, jsonreport.Options{})))
		case "junit":
			junitBuf = &bytes.Buffer{}
			opts.Reporters = append(opts.Reporters, masked(junit.New(junitBuf)))
		case "html":
			htmlBuf = &bytes.Buffer{}
			opts.Reporters = append(opts.Reporters, masked(htmlreport.New(htmlBuf)))
		}
	}

	if jsonBuf == nil && junitBuf == nil && htmlBuf == nil {
		// only streaming reporters (cli, progress): they have printed each
		// execution by its events and read only timings, sizes and failures
		// at Done, so passed executions need not keep bodies and headers.
		opts.Retain = runner.RetainFailures
	}

	if !c.Silent && !contains(c.Reporters, "cli") && isTerminal(s.Out) {
		total := 0
		if len(c.Folders) == 0 {
			opts.Collection.Walk(func(it *collections.Item, _ []*collections.Item) bool {
				if !it.IsFolder() {
					total++
				}
				return true
			})
			total *= iterations
		}
		opts.Reporters = append(opts.Reporters, cli.NewProgress(s.Out, total))
	}

	summary, err := runner.RunParallel(ctx, opts, c.Parallel)
	if err != nil {
		if ctx.Err() != nil {
			return exitInterrupted, err
		}
		return exitUsage, err
	}

	code := exitOK
	if summary.Failed() && !c.SuppressExitCode {
		code = exitFailed
	}
	var errs []error
	if jsonBuf != nil {
		errs = append(errs, writeReport(c.JSONExport, "newman-run-report.json", started, jsonBuf.Bytes()))
	}
	if junitBuf != nil {
		errs = append(errs, writeReport(c.JUnitExport, "newman-run-report.xml", started, junitBuf.Bytes()))
	}
	if htmlBuf != nil {
		errs = append(errs, writeReport(c.HTMLExport, "postie-run-report.html", started, htmlBuf.Bytes()))
	}
	errs = append(errs, writeExports(c, summary))
	if err := errors.Join(errs...); err != nil {
		return exitFailed, err
	}
	if summary.Interrupted || ctx.Err() != nil {
		return exitInterrupted, nil
	}
	return code, nil
}

// loadRunInputs reads the collection, environment, globals and data files
// and builds the run options. Its errors are usage errors (exit 2).
func loadRunInputs(ctx context.Context, c *runConfig) (runner.Options, error) {
	var opts runner.Options
	coll, err := loadCollection(ctx, c.Collection)
	if err != nil {
		return opts, err
	}
	opts.Collection = coll
	if c.Environment != "" {
		if opts.Environment, err = loadVarFile(ctx, c.Environment); err != nil {
			return opts, err
		}
	}
	if c.Globals != "" {
		if opts.Globals, err = loadVarFile(ctx, c.Globals); err != nil {
			return opts, err
		}
	}
	if len(c.EnvVars) > 0 {
		opts.Environment = withVars(opts.Environment, "environment", c.EnvVars)
	}
	if len(c.GlobalVars) > 0 {
		opts.Globals = withVars(opts.Globals, "globals", c.GlobalVars)
	}
	if c.IterationData != "" {
		if opts.Data, err = environments.LoadData(c.IterationData); err != nil {
			return opts, err
		}
	}
	opts.IterationCount = c.Iterations
	opts.Folders = c.Folders
	opts.Delay = ms(c.DelayRequest)
	opts.Timeout = ms(c.Timeout)
	opts.RequestTimeout = ms(c.TimeoutRequest)
	opts.ScriptTimeout = ms(c.TimeoutScript)
	if c.Bail != nil {
		// Plain --bail stops at any failure and on a missing folder, as Newman.
		opts.Bail = len(c.Bail) == 0
		opts.BailFolder = len(c.Bail) == 0
		for _, m := range c.Bail {
			switch m {
			case "failure":
				opts.Bail = true
			case "folder":
				opts.BailFolder = true
			}
		}
	}
	opts.WorkingDir = c.WorkingDir
	if opts.WorkingDir == "" {
		if opts.WorkingDir, err = os.Getwd(); err != nil {
			return opts, fmt.Errorf("finding the working directory: %w", err)
		}
	}
	opts.IgnoreRedirects = c.IgnoreRedirects
	opts.Insecure = c.Insecure
	opts.TLS = runner.TLSOptions{
		ClientCert: c.SSLClientCert, ClientKey: c.SSLClientKey, ClientPassphrase: c.SSLPassphrase,
		ClientCertList: c.SSLCertList, ExtraCACerts: c.SSLExtraCA,
	}
	for name, path := range map[string]string{"--ssl-client-cert": c.SSLClientCert, "--ssl-client-key": c.SSLClientKey,
		"--ssl-client-cert-list": c.SSLCertList, "--ssl-extra-ca-certs": c.SSLExtraCA, "--cookie-jar": c.CookieJar} {
		if path == "" {
			continue
		}
		if _, err := os.Stat(path); err != nil {
			return opts, fmt.Errorf("%s %s: %w", name, path, err)
		}
	}
	opts.NpmCache = c.NpmCache
	if err := setCookieJar(&opts, c.CookieJar); err != nil {
		return opts, err
	}
	return opts, nil
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// fetchURL gets a collection or environment from an http(s) URL.
func fetchURL(ctx context.Context, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	req.Header.Set("User-Agent", "postie/"+Version)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetching %s: status %s", u, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", u, err)
	}
	return data, nil
}

func loadCollection(ctx context.Context, path string) (*collections.Collection, error) {
	if isURL(path) {
		data, err := fetchURL(ctx, path)
		if err != nil {
			return nil, err
		}
		return collections.Parse(data, path)
	}
	return collections.Load(path)
}

func loadVarFile(ctx context.Context, path string) (*environments.File, error) {
	if isURL(path) {
		data, err := fetchURL(ctx, path)
		if err != nil {
			return nil, err
		}
		return environments.ParseFile(data, path)
	}
	return environments.LoadFile(path)
}

// withVars sets key=value pairs in f (created when nil), later ones winning.
func withVars(f *environments.File, scope string, kvs []string) *environments.File {
	if f == nil {
		f = &environments.File{Scope: scope}
	}
	if f.Values == nil {
		f.Values = environments.NewList()
	}
	for _, kv := range kvs {
		k, v, _ := strings.Cut(kv, "=")
		f.Values.Set(k, v, "")
	}
	return f
}

// colorAndWidth decides colour for the cli reporter: --color on/off, or
// auto: on when w is a terminal and CI is unset. It also returns the
// terminal width (0 when w is not a terminal).
func colorAndWidth(mode string, w io.Writer) (bool, int) {
	width := 0
	tty := false
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		tty = true
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil {
			width = cols
		}
	}
	switch mode {
	case "on":
		return true, width
	case "off":
		return false, width
	}
	return tty && os.Getenv("CI") == "", width
}

// reportPath resolves a report's path as Newman does: the given path, or
// <path>/<default name with timestamp> when path is a directory (or ends
// in a separator), or
// newman/<default name with timestamp> when no path is given.
func reportPath(path, defaultName string, t time.Time) string {
	ext := filepath.Ext(defaultName)
	stamped := strings.TrimSuffix(defaultName, ext) + "-" + reportTimestamp(t) + "0" + ext
	if path == "" {
		return filepath.Join("newman", stamped)
	}
	if st, err := os.Stat(path); (err == nil && st.IsDir()) || strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return filepath.Join(path, stamped)
	}
	return path
}

// reportTimestamp is Newman's file-name timestamp: the UTC ISO time with
// each run of non-digits replaced by "-" (2026-11-25-12-40-15-139-).
func reportTimestamp(t time.Time) string {
	iso := t.UTC().Format("2006-01-02T15:04:05.000Z")
	var b strings.Builder
	inSep := false
	for _, r := range iso {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
			inSep = false
		} else if !inSep {
			b.WriteByte('-')
			inSep = true
		}
	}
	return b.String()
}

func writeReport(path, defaultName string, t time.Time, data []byte) error {
	p := reportPath(path, defaultName, t)
	if dir := filepath.Dir(p); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("writing report %s: %w", p, err)
		}
	}
	if err := environments.WriteFileAtomic(p, data); err != nil {
		return fmt.Errorf("writing report %s: %w", p, err)
	}
	return nil
}

// exportedUsing is the _postman_exported_using stamp of postie's exports
// (newman writes "Newman/<version>").
func exportedUsing() string { return "Postie/" + Version }

// writeExports writes --export-environment, --export-globals,
// --export-collection and --export-cookie-jar. Environment and globals are
// written in newman's export format (environments.File.NewmanJSON), so
// newman's and postie's exports differ only in the export stamp. The
// collection is written with its variables as the run left them, so that a
// run re-importing it continues where this one stopped (newman writes the
// values as loaded; see README, Compatibility).
func writeExports(c *runConfig, s *runner.Summary) error {
	var errs []error
	now := time.Now()
	if c.ExportEnvironment != "" {
		env := s.Environment
		if env == nil {
			env = &environments.File{Scope: "environment", Values: environments.NewList()}
		}
		if err := env.WriteNewmanFile(c.ExportEnvironment, now, exportedUsing()); err != nil {
			errs = append(errs, fmt.Errorf("exporting environment to %s: %w", c.ExportEnvironment, err))
		}
	}
	if c.ExportGlobals != "" {
		g := s.Globals
		if g == nil {
			g = &environments.File{Scope: "globals", Values: environments.NewList()}
		}
		if err := g.WriteNewmanFile(c.ExportGlobals, now, exportedUsing()); err != nil {
			errs = append(errs, fmt.Errorf("exporting globals to %s: %w", c.ExportGlobals, err))
		}
	}
	if c.ExportCollection != "" && s.Collection != nil {
		if err := s.Collection.Save(c.ExportCollection); err != nil {
			errs = append(errs, fmt.Errorf("exporting collection to %s: %w", c.ExportCollection, err))
		}
	}
	if c.ExportCookieJar != "" {
		if err := exportCookieJar(s, c.ExportCookieJar); err != nil {
			errs = append(errs, fmt.Errorf("exporting cookie jar to %s: %w", c.ExportCookieJar, err))
		}
	}
	return errors.Join(errs...)
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func dedupe(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := xs[:0:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// setCookieJar loads --cookie-jar into the run options.
func setCookieJar(opts *runner.Options, path string) error {
	if path == "" {
		return nil
	}
	jar, err := runner.LoadJar(path) // its errors name the file
	if err != nil {
		return err
	}
	opts.Cookies = jar
	return nil
}

// exportCookieJar writes the run's final cookie jar (Newman's format).
func exportCookieJar(s *runner.Summary, path string) error {
	jar := s.Cookies
	if jar == nil {
		jar = runner.NewJar()
	}
	data, err := jar.Export()
	if err != nil {
		return err
	}
	return environments.WriteFileAtomic(path, data)
}
