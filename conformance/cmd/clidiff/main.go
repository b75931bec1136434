// Command clidiff compares postie's cli reporter with newman's, line for
// line, over the conformance corpus. It starts the corpus echo server on
// 127.0.0.1, runs every case through `newman run` and `postie run` with the
// same arguments (the recorder's: the echo URL as global "echo", the case's
// environment, globals, data and options) plus `--color off`, normalises
// what must differ (the banner word, response times, run duration, uuids and
// timestamps a collection generates) and prints a unified diff per case that
// differs, then a count. It needs node and newman, so it is run by hand, not
// by the test suite:
//
//	go build -o /tmp/pcli ./cmd/postie
//	go run ./conformance/cmd/clidiff --postie /tmp/pcli [--only NAME] [--out DIR]
//
// With --args, more arguments (space-separated, e.g. "--disable-unicode")
// are given to both tools. With --out, both normalised outputs of every case are kept in DIR. With
// --newman-cache DIR, newman's raw output of each case is kept in DIR and
// reused on later runs (newman is the slow half), which is only right while
// the corpus and newman stay the same.
//
// With --report json or --report junit, the exported report is compared
// instead of the console output: both tools run with -r json
// --reporter-json-export FILE (resp. junit), postie also with
// --reporter-show-secrets (newman masks nothing); ids, timestamps, times,
// the echo server's address and random values are normalised (report.go)
// and the differing JSON paths (newman's value, then postie's) or a line
// diff of the XML are printed. The cache keeps these reports under their
// own keys (NAME.report-json.txt, NAME.report-junit.txt).
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/postie-run/postie/conformance"
	"github.com/postie-run/postie/conformance/echo"
)

func main() {
	newmanBin := flag.String("newman", "/tmp/newman/node_modules/.bin/newman", "newman executable")
	postie := flag.String("postie", "/tmp/pcli", "postie executable (go build -o /tmp/pcli ./cmd/postie)")
	corpus := flag.String("corpus", "conformance/corpus", "corpus folder")
	only := flag.String("only", "", "compare only cases whose name contains this")
	out := flag.String("out", "", "folder to keep both normalised outputs of each case in")
	cache := flag.String("newman-cache", "", "folder to keep newman's raw outputs in and reuse them from")
	extra := flag.String("args", "", "more arguments for both tools, space-separated")
	report := flag.String("report", "cli", "what to compare: cli (the console output), json or junit (the exported report)")
	flag.Parse()
	m, ok := modes[*report]
	if !ok {
		fmt.Fprintf(os.Stderr, "clidiff: --report %q: want cli, json or junit\n", *report)
		os.Exit(2)
	}
	if err := run(context.Background(), m, *newmanBin, *postie, *corpus, *only, *out, *cache, strings.Fields(*extra)); err != nil {
		fmt.Fprintln(os.Stderr, "clidiff:", err)
		os.Exit(1)
	}
}

// mode is what is compared: the console output or one exported report.
type mode struct {
	// reporter is the -r value, "" for the console output (stdout).
	reporter string
	// ext is the exported report's file extension.
	ext string
	// compare normalises both outputs of case c and returns them with
	// their differences ("" when they are the same) and a note on
	// differences known and accepted ("" when none).
	compare func(n, p string, c conformance.Case, echoURL string) (nn, pp, diff, known string)
}

var modes = map[string]mode{
	"cli":   {compare: compareCLI},
	"json":  {reporter: "json", ext: ".json", compare: compareJSON},
	"junit": {reporter: "junit", ext: ".xml", compare: compareJUnit},
}

func run(ctx context.Context, m mode, newmanBin, postie, corpus, only, out, cache string, extra []string) error {
	cases, err := conformance.LoadCorpus(corpus)
	if err != nil {
		return err
	}
	for _, dir := range []string{out, cache} {
		if dir == "" {
			continue
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	tmp, err := os.MkdirTemp("", "clidiff")
	if err != nil {
		return fmt.Errorf("report folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	srv := echo.New()
	defer srv.Close()
	var same, compared int
	var differ, known []string
	for _, c := range cases {
		if only != "" && !strings.Contains(c.Name, only) {
			continue
		}
		args := append([]string{"run"}, c.CLIArgs(srv.URL)...)
		args = append(args, "--color", "off")
		args = append(args, extra...)
		key := c.Name
		if len(extra) > 0 {
			key += strings.ReplaceAll(strings.Join(extra, ""), "/", "_")
		}
		if m.reporter != "" {
			key += ".report-" + m.reporter // the cli outputs keep their keys
		}
		srv.Reset()
		n, err := cached(cache, key, srv.URL, func() (string, error) {
			return m.output(ctx, newmanBin, args, filepath.Join(tmp, "newman"+m.ext))
		})
		if err != nil {
			return fmt.Errorf("newman %s: %w", c.Name, err)
		}
		srv.Reset()
		p, err := m.output(ctx, postie, args, filepath.Join(tmp, "postie"+m.ext))
		if err != nil {
			return fmt.Errorf("postie %s: %w", c.Name, err)
		}
		n, p, diff, note := m.compare(n, p, c, srv.URL)
		compared++
		if out != "" {
			_ = os.WriteFile(filepath.Join(out, c.Name+".newman"+m.ext), []byte(n), 0o644)
			_ = os.WriteFile(filepath.Join(out, c.Name+".postie"+m.ext), []byte(p), 0o644)
		}
		if note != "" {
			known = append(known, c.Name)
			fmt.Printf("--- %s: known: %s\n", c.Name, note)
		}
		if diff == "" {
			same++
			continue
		}
		differ = append(differ, c.Name)
		fmt.Printf("=== %s\n%s\n", c.Name, diff)
	}
	fmt.Printf("%d compared, %d identical, %d differ: %s\n", compared, same, len(differ), strings.Join(differ, " "))
	if len(known) > 0 {
		fmt.Printf("(known differences set aside in %d cases: %s)\n", len(known), strings.Join(known, " "))
	}
	return nil
}

// output runs a tool with args and returns what is compared: its stdout,
// or the report it exported to file.
func (m mode) output(ctx context.Context, tool string, args []string, file string) (string, error) {
	if m.reporter == "" {
		return stdout(ctx, tool, args)
	}
	_ = os.Remove(file)
	args = append(args[:len(args):len(args)], "-r", m.reporter, "--reporter-"+m.reporter+"-export", file)
	if filepath.Base(file) == "postie"+m.ext {
		// newman masks nothing; postie's masking of secrets in reports
		// is deliberate (README) and not what is compared
		args = append(args, "--reporter-show-secrets")
	}
	if _, err := stdout(ctx, tool, args); err != nil {
		return "", err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("reading the exported report: %w", err)
	}
	return string(data), nil
}

// compareCLI compares the console outputs line for line.
func compareCLI(n, p string, c conformance.Case, echoURL string) (nn, pp, diff, known string) {
	if ansi.MatchString(n) {
		// newman's failure table is coloured even with --color off:
		// cli-table3's colours package turns itself on when it sees a
		// --color flag in argv. postie prints no colour codes with
		// --color off, so newman's are removed.
		n = ansi.ReplaceAllString(n, "")
	}
	n, p = normalize(n, echoURL, c.Name), normalize(p, echoURL, c.Name)
	if n != p {
		diff = unified(n, p)
	}
	return n, p, diff, ""
}

// cached returns run's output, through the cache folder when there is one;
// the echo server's URL, host and port (the port changes) are stored as
// placeholders.
func cached(dir, name, echoURL string, run func() (string, error)) (string, error) {
	path := filepath.Join(dir, name+".txt")
	if dir != "" {
		if data, err := os.ReadFile(path); err == nil {
			return echoPlaceholders(echoURL, true).Replace(string(data)), nil
		}
	}
	s, err := run()
	if err != nil || dir == "" {
		return s, err
	}
	if err := os.WriteFile(path, []byte(echoPlaceholders(echoURL, false).Replace(s)), 0o644); err != nil {
		return "", fmt.Errorf("caching newman output: %w", err)
	}
	return s, nil
}

// echoPlaceholders replaces the echo server's URL, its host:port and its
// port as a JSON string (a report's url.port) with placeholders, or back.
func echoPlaceholders(echoURL string, back bool) *strings.Replacer {
	host := strings.TrimPrefix(echoURL, "http://")
	_, port, _ := strings.Cut(host, ":")
	pairs := []string{echoURL, "http://ECHO.invalid", host, "ECHO.invalid:1", `"` + port + `"`, `"ECHOPORT"`}
	if back {
		for i := 0; i < len(pairs); i += 2 {
			pairs[i], pairs[i+1] = pairs[i+1], pairs[i]
		}
	}
	return strings.NewReplacer(pairs...)
}

// stdout runs a command and returns its stdout; a failing exit code is
// expected for cases whose tests fail.
func stdout(ctx context.Context, name string, args []string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	err := cmd.Run()
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		return "", err
	}
	return stdout.String(), nil
}

var replacements = []struct {
	re   *regexp.Regexp
	with string
}{
	// request lines: [200 OK, 123 B, 4 ms] keep the size, drop the time
	{regexp.MustCompile(`(\[\d+ [^,\]]*, [\d.]+ ?[kKMG]?B, )[^\]]+\]`), "${1}TIME]"},
	{regexp.MustCompile(`total run duration: [^│|\n]*?( *[│|]|\n)`), "total run duration: TIME$1"},
	{regexp.MustCompile(`average response time: [^│|\n]*?( *[│|]|\n)`), "average response time: TIMES$1"},
	{regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`), "UUID"},
	{regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?`), "TIMESTAMP"},
	{regexp.MustCompile(`\b1[6-9]\d{11}\b`), "EPOCHMS"},
	// --reporter-cli-show-timestamps
	{regexp.MustCompile(`\[\d{1,2}/\d{1,2}/\d{4}, \d{1,2}:\d\d:\d\d [AP]M\]`), "[DATETIME]"},
	{regexp.MustCompile(`\[\d{1,2}:\d\d:\d\d [AP]M\]`), "[CLOCK]"},
	// --verbose: a request's time, its timing-phase table and the summary's
	// first-byte and DNS averages; a response body box's lines (echoed
	// tokens are wrapped mid-token)
	{regexp.MustCompile(`\d[\d.µms ]*s time\b|(average (?:first byte|DNS lookup) time: )[^│|\n]*\]|(?m:^  prepare .*\n  .*)`), "${1}TIME"},
	{regexp.MustCompile(`(?m)^(  [┌-] [↓v] .*\n)(?:  [│|] .*\n)+`), "${1}  | BODY\n"},
}

var (
	ansi      = regexp.MustCompile("\x1b\\[[0-9;]*m")
	tableRows = regexp.MustCompile(`(?m)^[┌├│└+|-].*$`)
	runs      = regexp.MustCompile(`([─ -])[─ -]*`)
)

// randomSizes are the cases whose response sizes vary from run to run (a
// random value echoed, or compressed): their sizes are not compared.
var randomSizes = map[string]bool{
	"auth-oauth1":   true, // nonce and signature, percent-encoded
	"compression":   true, // gzip of a body echoing a random Postman-Token
	"dynamic-basic": true, // {{$randomInt}} echoed
}

var (
	sizes       = regexp.MustCompile(`\b[\d.]+[kMG]?B\b`)
	randomQuery = regexp.MustCompile(`volatileInt=\d+`)
)

// normalize removes what legitimately differs between the two tools' runs
// of the case name.
func normalize(s, echoURL, name string) string {
	if rest, ok := strings.CutPrefix(s, "newman\n"); ok {
		s = "BANNER\n" + rest
	} else if rest, ok := strings.CutPrefix(s, "postie\n"); ok {
		s = "BANNER\n" + rest
	}
	s = strings.ReplaceAll(s, echoURL, "ECHO")
	s = strings.ReplaceAll(s, strings.TrimPrefix(echoURL, "http://"), "ECHOHOST")
	for _, r := range replacements {
		s = r.re.ReplaceAllString(s, r.with)
	}
	if randomSizes[name] {
		s = sizes.ReplaceAllString(s, "SIZE")
		s = randomQuery.ReplaceAllString(s, "volatileInt=N")
	}
	// the summary table's width follows its longest (timing) row: collapse
	// runs of padding and rules in its lines (those starting at column 0
	// with a border character, unicode or --disable-unicode ASCII)
	return tableRows.ReplaceAllStringFunc(s, func(row string) string {
		return runs.ReplaceAllString(row, "$1")
	})
}

// unified is a small line diff (longest common subsequence) in unified style
// without hunks: every line prefixed with ' ', '-' (newman) or '+' (postie),
// context trimmed to 2 lines around changes.
func unified(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		op   byte
		text string
		n    int
	}
	var lines []line
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			lines = append(lines, line{' ', x[i], i + 1})
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			lines = append(lines, line{'+', y[j], j + 1})
			j++
		default:
			lines = append(lines, line{'-', x[i], i + 1})
			i++
		}
	}
	var sb strings.Builder
	last := -10
	for k, l := range lines {
		near := false
		for d := -2; d <= 2; d++ {
			if k+d >= 0 && k+d < len(lines) && lines[k+d].op != ' ' {
				near = true
			}
		}
		if !near {
			continue
		}
		if k != last+1 {
			sb.WriteString("@@ line " + strconv.Itoa(l.n) + "\n")
		}
		last = k
		sb.WriteByte(l.op)
		sb.WriteString(l.text + "\n")
	}
	return sb.String()
}
