package conformance_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/conformance"
	"github.com/postie-run/postie/conformance/echo"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// TestConformance runs every corpus collection with postie and compares the
// normalized result with newman's golden. Cases listed in allowlist.txt may
// differ (with the reason given there); one that matches must be removed from
// the list, so the list only shrinks.
func TestConformance(t *testing.T) {
	cases, err := conformance.LoadCorpus("corpus")
	if err != nil {
		t.Fatal(err)
	}
	allowed, err := loadAllowlist("allowlist.txt")
	if err != nil {
		t.Fatal(err)
	}
	srv := echo.New()
	defer srv.Close()
	matched := 0
	for _, c := range cases {
		ok := t.Run(c.Name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("golden", c.Name+".json"))
			if err != nil {
				t.Fatalf("no golden for %s (run the recorder): %v", c.Name, err)
			}
			srv.Reset()
			g, err := runPostie(t, c, srv)
			if err != nil {
				t.Fatalf("running %s: %v", c.Name, err)
			}
			g.Newman = goldenNewman(want)
			conformance.Normalize(g, srv.URL, c.Options)
			got, err := conformance.Canonical(g)
			if err != nil {
				t.Fatal(err)
			}
			diff := conformance.Diff([]byte(strings.TrimSpace(string(want))), got)
			reason, isAllowed := allowed[c.Name]
			switch {
			case diff == "" && isAllowed:
				t.Errorf("%s now matches newman: remove it from allowlist.txt", c.Name)
			case diff != "" && isAllowed:
				t.Skipf("allowed to differ (%s):\n%s", reason, diff)
			case diff != "":
				t.Errorf("postie differs from newman (- newman, + postie):\n%s", diff)
			}
		})
		if _, isAllowed := allowed[c.Name]; ok && !isAllowed {
			matched++
		}
	}
	if len(allowed) > len(cases)/10 {
		t.Errorf("allow-list has %d entries, more than 10%% of %d cases", len(allowed), len(cases))
	}
	fmt.Printf("conformance: %d/%d collections match\n", matched, len(cases))
}

func goldenNewman(data []byte) string {
	var v struct{ Newman string }
	_ = json.Unmarshal(data, &v)
	return v.Newman
}

func loadAllowlist(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, ":")
		out[strings.TrimSpace(name)] = strings.TrimSpace(reason)
	}
	return out, nil
}

// runPostie runs one case with postie's runner, as the recorder runs it with
// newman, and collects the same observations.
func runPostie(t *testing.T, c conformance.Case, srv *echo.Server) (*conformance.Golden, error) {
	t.Helper()
	col, err := collections.Load(c.Collection)
	if err != nil {
		return nil, err
	}
	opts := runner.Options{Collection: col, WorkingDir: c.Dir, Folders: c.Options.Folders,
		IterationCount: c.Options.IterationCount, Bail: c.Options.Bail, IgnoreRedirects: c.Options.IgnoreRedirects,
		RequestTimeout: ms(c.Options.TimeoutRequest), ScriptTimeout: ms(c.Options.TimeoutScript), Delay: ms(c.Options.DelayRequest),
		NpmCache: t.TempDir()}
	if c.Environment != "" {
		if opts.Environment, err = environments.LoadFile(c.Environment); err != nil {
			return nil, err
		}
	} else {
		opts.Environment = &environments.File{Values: environments.NewList()}
	}
	if c.Globals != "" {
		if opts.Globals, err = environments.LoadFile(c.Globals); err != nil {
			return nil, err
		}
	} else {
		opts.Globals = &environments.File{Values: environments.NewList()}
	}
	if c.Data != "" {
		if opts.Data, err = environments.LoadData(c.Data); err != nil {
			return nil, err
		}
	}
	// Same order as newman: file values, then --env-var / --global-var.
	opts.Globals.Values.Set("echo", srv.URL, "")
	for k, v := range c.Options.GlobalVars {
		opts.Globals.Values.Set(k, v, "")
	}
	for k, v := range c.Options.EnvVars {
		opts.Environment.Values.Set(k, v, "")
	}
	sum, err := runner.Run(context.Background(), opts)
	if err != nil {
		return nil, err
	}
	g := &conformance.Golden{Failed: sum.Failed(), Wire: srv.Requests()}
	for _, ex := range sum.Executions {
		e := conformance.Exec{Item: strings.Join(ex.Path, " / "), Iteration: ex.Iteration, RequestError: ex.RequestErr != nil}
		if ex.Response != nil && ex.RequestErr == nil {
			e.Status = ex.Response.Code
		}
		for _, group := range []struct {
			event   string
			results []*scripting.Result
		}{{"prerequest", ex.Prerequest}, {"test", ex.Test}} {
			for _, r := range group.results {
				for _, tr := range r.Tests {
					e.Tests = append(e.Tests, conformance.Test{Name: tr.Name, Passed: tr.Passed && !tr.Skipped, Skipped: tr.Skipped, Error: tr.Error})
				}
				for _, c := range r.Console {
					e.Console = append(e.Console, c.Level+": "+c.Text)
				}
				if r.Err != nil {
					e.ScriptErrors = append(e.ScriptErrors, group.event+": "+r.Err.Name+": "+r.Err.Message)
				}
			}
		}
		g.Executions = append(g.Executions, e)
	}
	g.Environment = objectOf(sum.Environment)
	g.Globals = objectOf(sum.Globals)
	g.CollectionVariables = map[string]any{}
	if sum.Collection != nil {
		for _, v := range sum.Collection.Variables {
			if !v.Disabled {
				g.CollectionVariables[v.Key] = v.Value
			}
		}
	}
	return g, nil
}

func objectOf(f *environments.File) map[string]any {
	if f == nil || f.Values == nil {
		return map[string]any{}
	}
	return f.Values.ToObject()
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }
