// Command record runs every conformance corpus collection with newman against
// a local echo server and writes the normalized results as golden files. It
// is run by hand where newman is installed from npm (see conformance in the
// README); CI only compares against the committed goldens.
package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/postie-run/postie/conformance"
	"github.com/postie-run/postie/conformance/echo"
)

//go:embed driver.js
var driver []byte

func main() {
	newmanDir := flag.String("newman", "/tmp/newman", "folder where newman is installed (npm i newman)")
	corpus := flag.String("corpus", "conformance/corpus", "corpus folder")
	golden := flag.String("golden", "conformance/golden", "golden output folder")
	only := flag.String("only", "", "record only cases whose name contains this")
	bench := flag.Int("bench", 0, "instead of recording, time newman and postie on the corpus, this many runs each")
	postie := flag.String("postie", "", "with --bench: the postie binary to time")
	benchOut := flag.String("bench-out", "bench/CORPUS.md", "with --bench: where to write the table")
	flag.Parse()
	if *bench > 0 {
		if *postie == "" {
			fmt.Fprintln(os.Stderr, "record: --bench needs --postie BINARY (go build -o /tmp/postie ./cmd/postie)")
			os.Exit(2)
		}
		if err := writeBench(context.Background(), *newmanDir, *postie, *corpus, *only, *bench, *benchOut); err != nil {
			fmt.Fprintln(os.Stderr, "record:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(context.Background(), *newmanDir, *corpus, *golden, *only); err != nil {
		fmt.Fprintln(os.Stderr, "record:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, newmanDir, corpus, golden, only string) error {
	version, err := newmanVersion(newmanDir)
	if err != nil {
		return err
	}
	cases, err := conformance.LoadCorpus(corpus)
	if err != nil {
		return err
	}
	scratch, err := os.MkdirTemp("", "postie-record-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	driverPath := filepath.Join(scratch, "driver.js")
	if err := os.WriteFile(driverPath, driver, 0o644); err != nil {
		return err
	}
	srv := echo.New()
	defer srv.Close()
	if err := os.MkdirAll(golden, 0o755); err != nil {
		return err
	}
	var failed []string
	for _, c := range cases {
		if only != "" && !strings.Contains(c.Name, only) {
			continue
		}
		srv.Reset()
		g, err := recordCase(ctx, newmanDir, scratch, driverPath, srv.URL, c)
		if err != nil {
			failed = append(failed, c.Name)
			fmt.Fprintf(os.Stderr, "case %s: %v\n", c.Name, err)
			continue
		}
		g.Wire = srv.Requests()
		g.Newman = version
		conformance.Normalize(g, srv.URL, c.Options)
		data, err := conformance.Canonical(g)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(golden, c.Name+".json"), append(data, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Printf("recorded %s (%d executions, failed=%v)\n", c.Name, len(g.Executions), g.Failed)
	}
	if len(failed) > 0 {
		return fmt.Errorf("newman could not run %d cases: %s", len(failed), strings.Join(failed, ", "))
	}
	return nil
}

func newmanVersion(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "node_modules", "newman", "package.json"))
	if err != nil {
		return "", fmt.Errorf("newman not found under %s (npm i newman there): %w", dir, err)
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		return "", err
	}
	return pkg.Version, nil
}

func recordCase(ctx context.Context, newmanDir, scratch, driverPath, echoURL string, c conformance.Case) (*conformance.Golden, error) {
	o := c.Options
	opts := map[string]any{
		"collection": c.Collection,
		"workingDir": c.Dir,
		"globalVar":  []map[string]string{{"key": "echo", "value": echoURL}},
	}
	if c.Environment != "" {
		opts["environment"] = c.Environment
	}
	if c.Globals != "" {
		opts["globals"] = c.Globals
	}
	if c.Data != "" {
		opts["iterationData"] = c.Data
	}
	if len(o.Folders) > 0 {
		opts["folder"] = o.Folders
	}
	if o.IterationCount > 0 {
		opts["iterationCount"] = o.IterationCount
	}
	var envVars []map[string]string
	for _, k := range echo.SortedKeys(o.EnvVars) {
		envVars = append(envVars, map[string]string{"key": k, "value": o.EnvVars[k]})
	}
	if envVars != nil {
		opts["envVar"] = envVars
	}
	for _, k := range echo.SortedKeys(o.GlobalVars) {
		opts["globalVar"] = append(opts["globalVar"].([]map[string]string), map[string]string{"key": k, "value": o.GlobalVars[k]})
	}
	for k, v := range map[string]int{"timeoutRequest": o.TimeoutRequest, "timeoutScript": o.TimeoutScript, "delayRequest": o.DelayRequest} {
		if v > 0 {
			opts[k] = v
		}
	}
	if o.Bail {
		opts["bail"] = true
	}
	if o.IgnoreRedirects {
		opts["ignoreRedirects"] = true
	}
	spec, err := json.Marshal(map[string]any{"options": opts})
	if err != nil {
		return nil, err
	}
	specPath := filepath.Join(scratch, "spec.json")
	if err := os.WriteFile(specPath, spec, 0o644); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", driverPath, specPath)
	cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(newmanDir, "node_modules"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("newman: %w\n%s", err, stderr.String())
	}
	var g conformance.Golden
	if err := json.Unmarshal(stdout.Bytes(), &g); err != nil {
		return nil, fmt.Errorf("reading newman output: %w\n%s", err, stdout.String())
	}
	return &g, nil
}
