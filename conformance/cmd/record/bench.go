package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/postie-run/postie/conformance"
	"github.com/postie-run/postie/conformance/echo"
)

// sample is one command run: its wall time and peak resident memory.
type sample struct {
	wall time.Duration
	rss  int64 // KiB
}

// benchCorpus runs every corpus case with newman's and postie's command
// lines, runs times each, against one echo server, and writes a Markdown
// table of medians (wall time and peak RSS) to out.
func benchCorpus(ctx context.Context, newmanDir, postie, corpus, only string, runs int, out io.Writer) error {
	version, err := newmanVersion(newmanDir)
	if err != nil {
		return err
	}
	cases, err := conformance.LoadCorpus(corpus)
	if err != nil {
		return err
	}
	srv := echo.New()
	defer srv.Close()
	newman := filepath.Join(newmanDir, "node_modules", ".bin", "newman")
	var totN, totP time.Duration
	var peakN, peakP int64
	fmt.Fprintf(out, "Each corpus collection, %d runs per tool, medians; newman %s (node %s), %s; %d cores. Output discarded; wall time and peak RSS of the process.\n\n",
		runs, version, commandVersion(ctx, "node", "--version"), commandVersion(ctx, postie, "version"), runtime.NumCPU())
	fmt.Fprintln(out, "| collection | newman wall | postie wall | speed-up | newman peak RSS | postie peak RSS |")
	fmt.Fprintln(out, "| --- | ---: | ---: | ---: | ---: | ---: |")
	for _, c := range cases {
		if only != "" && !strings.Contains(c.Name, only) {
			continue
		}
		args := cliArgs(c, srv.URL)
		n, err := measure(ctx, runs, newman, append([]string{"run"}, args...))
		if err != nil {
			return fmt.Errorf("newman %s: %w", c.Name, err)
		}
		p, err := measure(ctx, runs, postie, append([]string{"run"}, args...))
		if err != nil {
			return fmt.Errorf("postie %s: %w", c.Name, err)
		}
		totN += n.wall
		totP += p.wall
		peakN, peakP = max(peakN, n.rss), max(peakP, p.rss)
		fmt.Fprintf(out, "| %s | %s | %s | %.1fx | %.1f MiB | %.1f MiB |\n", c.Name, ms(n.wall), ms(p.wall),
			float64(n.wall)/float64(p.wall), float64(n.rss)/1024, float64(p.rss)/1024)
	}
	fmt.Fprintf(out, "| **all (sum of medians; max RSS)** | %s | %s | %.1fx | %.1f MiB | %.1f MiB |\n", ms(totN), ms(totP),
		float64(totN)/float64(totP), float64(peakN)/1024, float64(peakP)/1024)
	return nil
}

// cliArgs are the `run` arguments (after the word run) that give a case's
// options to either tool; both take Newman's flags.
func cliArgs(c conformance.Case, echoURL string) []string {
	o := c.Options
	args := []string{c.Collection, "--working-dir", c.Dir, "--global-var", "echo=" + echoURL}
	if c.Environment != "" {
		args = append(args, "-e", c.Environment)
	}
	if c.Globals != "" {
		args = append(args, "-g", c.Globals)
	}
	if c.Data != "" {
		args = append(args, "-d", c.Data)
	}
	for _, f := range o.Folders {
		args = append(args, "--folder", f)
	}
	if o.IterationCount > 0 {
		args = append(args, "-n", strconv.Itoa(o.IterationCount))
	}
	for _, k := range echo.SortedKeys(o.EnvVars) {
		args = append(args, "--env-var", k+"="+o.EnvVars[k])
	}
	for _, k := range echo.SortedKeys(o.GlobalVars) {
		args = append(args, "--global-var", k+"="+o.GlobalVars[k])
	}
	for flag, v := range map[string]int{"--timeout-request": o.TimeoutRequest, "--timeout-script": o.TimeoutScript, "--delay-request": o.DelayRequest} {
		if v > 0 {
			args = append(args, flag, strconv.Itoa(v))
		}
	}
	if o.Bail {
		args = append(args, "--bail")
	}
	if o.IgnoreRedirects {
		args = append(args, "--ignore-redirects")
	}
	return args
}

// measure runs name args runs times (output discarded; a failing exit code
// is expected for cases whose tests fail) and returns the medians.
func measure(ctx context.Context, runs int, name string, args []string) (sample, error) {
	var walls []time.Duration
	var rsss []int64
	for range runs {
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start)
		if _, exited := err.(*exec.ExitError); err != nil && !exited {
			return sample{}, err
		}
		walls = append(walls, wall)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rsss = append(rsss, ru.Maxrss)
		}
	}
	slices.Sort(walls)
	slices.Sort(rsss)
	s := sample{wall: walls[len(walls)/2]}
	if len(rsss) > 0 {
		s.rss = rsss[len(rsss)/2]
	}
	return s, nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

func commandVersion(ctx context.Context, name string, args ...string) string {
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

func writeBench(ctx context.Context, newmanDir, postie, corpus, only string, runs int, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprintf(f, "# Corpus benchmark: newman and postie side by side\n\nGenerated by `go run ./conformance/cmd/record --bench %d --postie %s` on %s.\n\n",
		runs, postie, time.Now().UTC().Format("2006-01-02 15:04 MST"))
	return benchCorpus(ctx, newmanDir, postie, corpus, only, runs, f)
}
