package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ofpmalaysia "github.com/postie-run/postie/examples/ofp-malaysia"
	"github.com/postie-run/postie/ofp"
)

// TestRunBrowserStepFlags runs the bundled collection through `postie run`
// against an auto-approve sandbox with the browser-step flags.
func TestRunBrowserStepFlags(t *testing.T) {
	srv, err := ofp.New(ofp.Config{AutoApprove: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background(), "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := filepath.Join("..", "..", "examples", "ofp-malaysia")
	coll := filepath.Join(dir, ofpmalaysia.CollectionFile)
	env := filepath.Join(dir, ofpmalaysia.EnvironmentFile)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
		files  int    // visualizer files expected
	}{
		{name: "authorize-with and visualizer-dir", args: []string{"--authorize-with", `curl -s -o /dev/null -w '%{redirect_url}' "$1"`},
			code: exitOK, stderr: "got the authorization code", files: 1},
		{name: "non-interactive without a code", args: nil, code: exitFailed, stdout: "--env-var code=CODE", files: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vis := t.TempDir()
			args := append([]string{coll, "-e", env, "--env-var", "baseUrl=" + srv.URL(), "--color", "off", "--visualizer-dir", vis}, tc.args...)
			var out, errOut bytes.Buffer
			code := runCommand(context.Background(), args, stdio{In: strings.NewReader(""), Out: &out, Err: &errOut})
			if code != tc.code || !strings.Contains(out.String(), tc.stdout) || !strings.Contains(errOut.String(), tc.stderr) {
				t.Fatalf("exit %d (want %d)\nstdout:\n%s\nstderr:\n%s", code, tc.code, out.String(), errOut.String())
			}
			entries, _ := os.ReadDir(vis)
			if len(entries) != tc.files {
				t.Errorf("%d visualizer files, want %d", len(entries), tc.files)
			}
		})
	}
}
