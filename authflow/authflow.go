// Package authflow completes the browser step of OAuth authorization-code
// flows during a run: when a request needs the still-unset authorization
// code (e.g. {{code}}), it finds the authorization URL the collection stored,
// gets the code from the user (terminal prompt), from a loopback callback
// listener, from a helper command or from a programmatic authorizer, checks
// state, sets the code as an environment variable and lets the run go on.
package authflow

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
)

// CodeVariables are the variable names recognised as the authorization code
// (compared case-insensitively).
var CodeVariables = []string{"code", "auth_code", "authcode", "authorization_code", "authorizationcode"}

// URLVariables are the variables searched first for the authorization URL.
var URLVariables = []string{"authCodeUrl", "authUrl", "authorizationUrl", "auth_url", "authorization_url"}

// Options configure a Flow. The first mode configured wins, in this order:
// Authorize, AuthorizeWith, CallbackListen, Interactive; with none the flow
// fails fast with a message saying how to supply the code.
type Options struct {
	// Authorize completes the authorization programmatically: it receives
	// the authorization URL and returns the redirect URL (or the bare code).
	Authorize func(ctx context.Context, authURL string) (string, error)
	// AuthorizeWith is a shell command (run with sh -c; the URL is $1 and
	// POSTIE_AUTH_URL) whose stdout's last line is the redirect URL or code.
	AuthorizeWith string
	// CallbackListen is a loopback address (e.g. 127.0.0.1:8910) on which to
	// serve the redirect URI and catch the browser's redirect.
	CallbackListen string
	// Interactive prompts on Out and reads the pasted redirect URL or code from In.
	Interactive bool
	// OpenBrowser opens the authorization URL with Opener (interactive and
	// callback modes).
	OpenBrowser bool
	// Opener opens a URL; nil uses xdg-open, open or start for the OS.
	Opener func(ctx context.Context, url string) error

	In  io.Reader // default os.Stdin
	Out io.Writer // prompts and notes; default os.Stderr

	// URLVariable names the variable holding the authorization URL; empty
	// tries URLVariables, then any variable whose value is a URL with
	// request_uri= or client_id= and response_type=.
	URLVariable string
	// StateVariable names the variable holding the expected state ("state"
	// when empty); when set, a redirect's state must equal it.
	StateVariable string
}

// Flow implements runner.Options.MissingVariables for the browser step.
// A Flow serves one run; it is safe for sequential use.
type Flow struct {
	opts Options
	mu   sync.Mutex
	in   *bufio.Reader
}

// New returns a flow with opts.
func New(opts Options) *Flow {
	if opts.In == nil {
		opts.In = os.Stdin
	}
	if opts.Out == nil {
		opts.Out = os.Stderr
	}
	if opts.StateVariable == "" {
		opts.StateVariable = "state"
	}
	if opts.Opener == nil {
		opts.Opener = OpenBrowser
	}
	return &Flow{opts: opts, in: bufio.NewReader(opts.In)}
}

// IsCodeVariable reports whether name is recognised as the authorization code.
func IsCodeVariable(name string) bool {
	return slices.Contains(CodeVariables, strings.ToLower(name))
}

// MissingVariables is the runner hook: for an unresolved authorization-code
// variable it obtains the code and sets it in the environment. Other
// unresolved variables are left alone (sent as written, as Newman does).
func (f *Flow) MissingVariables(ctx context.Context, item *collections.Item, names []string, vars *environments.Scopes) error {
	name := ""
	for _, n := range names {
		if IsCodeVariable(n) {
			name = n
			break
		}
	}
	if name == "" {
		return nil
	}
	authURL := f.findAuthURL(vars)
	if authURL == "" {
		return nil // not an authorization flow we recognise: leave it to the request
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	itemName := ""
	if item != nil {
		itemName = item.Name
	}
	state := ""
	if v, ok := vars.Get(f.opts.StateVariable); ok {
		state = environments.String(v)
	}
	var (
		answer string
		err    error
	)
	switch {
	case f.opts.Authorize != nil:
		answer, err = f.opts.Authorize(ctx, authURL)
	case f.opts.AuthorizeWith != "":
		answer, err = f.runCommand(ctx, authURL)
	case f.opts.CallbackListen != "":
		answer, err = f.callback(ctx, authURL, redirectURI(vars))
	case f.opts.Interactive:
		answer, err = f.prompt(ctx, itemName, name, authURL)
	default:
		return f.nonInteractiveError(itemName, name, authURL, redirectURI(vars))
	}
	if err != nil {
		return fmt.Errorf("browser step for {{%s}}: %w", name, err)
	}
	code, err := ParseAnswer(answer, state)
	if err != nil {
		return fmt.Errorf("browser step for {{%s}}: %w", name, err)
	}
	switch {
	case vars.Environment != nil:
		vars.Environment.Set(name, code, "")
	case vars.Local != nil:
		vars.Local.Set(name, code, "")
	default:
		return fmt.Errorf("browser step for {{%s}}: no environment to store the code in", name)
	}
	fmt.Fprintf(f.opts.Out, "postie: got the authorization code; set {{%s}} and continuing\n", name)
	return nil
}

func (f *Flow) nonInteractiveError(item, name, authURL, redirect string) error {
	listen := "127.0.0.1:PORT"
	if u, err := url.Parse(redirect); err == nil && u.Scheme == "http" && isLoopbackHost(u.Hostname()) && u.Port() != "" {
		listen = u.Host
	}
	return fmt.Errorf("request %q needs {{%s}}, the authorization code from the browser step, but stdin is not a terminal: "+
		"open %s, approve, and pass the code with --env-var %s=CODE (two-phase run with --export-environment), "+
		"or let postie catch the redirect with --callback-listen %s, or use --authorize-with COMMAND",
		item, name, authURL, name, listen)
}

// findAuthURL returns the authorization URL stored by the collection.
func (f *Flow) findAuthURL(vars *environments.Scopes) string {
	names := URLVariables
	if f.opts.URLVariable != "" {
		names = []string{f.opts.URLVariable}
	}
	for _, n := range names {
		if v, ok := vars.Get(n); ok {
			if s := environments.String(v); looksLikeURL(s) {
				return s
			}
		}
	}
	if f.opts.URLVariable != "" {
		return ""
	}
	for _, l := range []*environments.List{vars.Local, vars.Data, vars.Environment, vars.Collection, vars.Globals} {
		if l == nil {
			continue
		}
		for _, v := range l.Variables() {
			if v.Disabled {
				continue
			}
			s, ok := v.Value.(string)
			if !ok || !looksLikeURL(s) {
				continue
			}
			u, _ := url.Parse(s)
			q := u.Query()
			if q.Has("request_uri") || (q.Has("client_id") && q.Has("response_type")) {
				return s
			}
		}
	}
	return ""
}

func looksLikeURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func redirectURI(vars *environments.Scopes) string {
	for _, n := range []string{"redirect_uri", "redirectUri", "redirect_url", "redirectUrl", "callback_url", "callbackUrl"} {
		if v, ok := vars.Get(n); ok {
			return environments.String(v)
		}
	}
	return ""
}

// ParseAnswer extracts the code from a redirect URL (checking its state
// against wantState when both are present) or returns a bare code as is.
// A redirect carrying error= is returned as an error.
func ParseAnswer(answer, wantState string) (string, error) {
	answer = strings.TrimSpace(answer)
	if answer == "" {
		return "", errors.New("no redirect URL or code given")
	}
	q, isURL := redirectQuery(answer)
	if !isURL {
		if strings.ContainsAny(answer, " \t") {
			return "", fmt.Errorf("%q is neither a redirect URL nor a code", answer)
		}
		return answer, nil
	}
	if e := q.Get("error"); e != "" {
		msg := "authorization failed: " + e
		if d := q.Get("error_description"); d != "" {
			msg += " (" + d + ")"
		}
		return "", errors.New(msg)
	}
	code := q.Get("code")
	if code == "" {
		return "", errors.New("the redirect URL has no code parameter")
	}
	if got := q.Get("state"); wantState != "" && got != "" && got != wantState {
		return "", fmt.Errorf("state mismatch: the redirect has state %q but the flow stored %q (stale or forged redirect)", got, wantState)
	}
	return code, nil
}

// redirectQuery returns the query (or fragment) parameters of a redirect URL
// or of a bare "code=...&state=..." string.
func redirectQuery(s string) (url.Values, bool) {
	if u, err := url.Parse(s); err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "") {
		q := u.Query()
		if !q.Has("code") && !q.Has("error") && u.Fragment != "" {
			if fq, err := url.ParseQuery(u.Fragment); err == nil {
				q = fq
			}
		}
		return q, true
	}
	s = strings.TrimPrefix(s, "?")
	if strings.Contains(s, "code=") || strings.Contains(s, "error=") {
		if q, err := url.ParseQuery(s); err == nil {
			return q, true
		}
	}
	return nil, false
}

func (f *Flow) prompt(ctx context.Context, item, name, authURL string) (string, error) {
	fmt.Fprintf(f.opts.Out, "\npostie: request %q needs {{%s}}: complete the authorization in a browser:\n\n  %s\n\n", item, name, authURL)
	if f.opts.OpenBrowser {
		if err := f.opts.Opener(ctx, authURL); err != nil {
			fmt.Fprintf(f.opts.Out, "postie: could not open a browser (%v); open the URL yourself\n", err)
		}
	}
	fmt.Fprintf(f.opts.Out, "Paste the redirect URL (or just the code) and press Enter: ")
	type result struct {
		line string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		line, err := f.in.ReadString('\n')
		ch <- result{line, err}
	}()
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case r := <-ch:
		if r.err != nil && strings.TrimSpace(r.line) == "" {
			return "", fmt.Errorf("reading the redirect URL from stdin: %w", r.err)
		}
		return r.line, nil
	}
}

func (f *Flow) runCommand(ctx context.Context, authURL string) (string, error) {
	cmd := exec.CommandContext(ctx, "sh", "-c", f.opts.AuthorizeWith, "sh", authURL)
	cmd.Env = append(os.Environ(), "POSTIE_AUTH_URL="+authURL)
	cmd.Stderr = f.opts.Out
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("--authorize-with command %q: %w", f.opts.AuthorizeWith, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if last == "" {
		return "", fmt.Errorf("--authorize-with command %q printed nothing (expected the redirect URL or code)", f.opts.AuthorizeWith)
	}
	return last, nil
}

// OpenBrowser opens url in the desktop browser (xdg-open, open or start).
func OpenBrowser(ctx context.Context, url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.CommandContext(ctx, "open", url)
	case "windows":
		cmd = exec.CommandContext(ctx, "cmd", "/c", "start", "", url)
	default:
		cmd = exec.CommandContext(ctx, "xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("opening browser: %w", err)
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
