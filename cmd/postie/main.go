// Command postie runs Postman collections headlessly, a single-binary
// replacement for Newman.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"syscall"
)

// Version is the postie version, set at build time with
// -ldflags "-X main.Version=...".
var Version = "0.1.0-dev"

// Exit codes shared by all subcommands.
const (
	exitOK          = 0   // everything passed
	exitFailed      = 1   // a test, script or request failed
	exitUsage       = 2   // unusable input: bad flags, missing or invalid files
	exitInterrupted = 130 // stopped by SIGINT/SIGTERM (128+SIGINT, as shells report)
)

// stdio is the standard streams a subcommand reads and writes.
type stdio struct {
	In       io.Reader
	Out, Err io.Writer
}

// command is one subcommand: its one-line summary and its entry point.
type command struct {
	Summary string
	Run     func(ctx context.Context, args []string, io stdio) int
}

// commands is the subcommand table. To add a subcommand, write its func in
// its own file (e.g. sandbox.go) and add one line here.
func commands() map[string]command {
	return map[string]command{
		"run":           {"Run a Postman collection (Newman-compatible flags)", runCommand},
		"version":       {"Print the postie version", versionCommand},
		"sandbox":       {"Start the Open Finance Malaysia sandbox authorization server", sandboxCommand},
		"demo":          {"Run the bundled OFP Malaysia collection against the sandbox, headlessly", demoCommand},
		"diff":          {"Compare environments, globals, collections or JSON reports (exit 1 when different)", diffCommand},
		"merge-reports": {"Merge the JSON or JUnit reports of a sharded run", mergeReportsCommand},
		"help":          {"Show help for postie or a subcommand", nil}, // handled in dispatch
		// Add subcommands here, one line each, e.g.:
		// "sandbox": {"Start the Open Finance sandbox server", sandboxCommand},
	}
}

// gcPercent is postie's garbage-collection target unless GOGC is set:
// twice Go's default. A run allocates much short-lived data (compiled
// scripts, responses) over a small live heap, so collecting half as often
// costs little memory and saves time (bench/RESULTS.md).
const gcPercent = 200

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal the run winds down (reports, exports); a
		// second one gets the default behaviour and ends the process.
		<-ctx.Done()
		stop()
	}()
	code := dispatch(ctx, os.Args[1:], stdio{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	stop()
	os.Exit(code)
}

// dispatch selects the subcommand named by args[0] and runs it.
func dispatch(ctx context.Context, args []string, s stdio) int {
	cmds := commands()
	if len(args) == 0 {
		usage(s.Err, cmds)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "--help", "help":
		if name == "help" && len(args) > 1 {
			if c, ok := cmds[args[1]]; ok && c.Run != nil {
				return c.Run(ctx, []string{"--help"}, s)
			}
			fmt.Fprintf(s.Err, "postie: error: unknown command %q\n", args[1])
			return exitUsage
		}
		usage(s.Out, cmds)
		return exitOK
	case "-v", "--version":
		return versionCommand(ctx, nil, s)
	}
	c, ok := cmds[name]
	if !ok || c.Run == nil {
		fmt.Fprintf(s.Err, "postie: error: unknown command %q (see 'postie help')\n", name)
		return exitUsage
	}
	return c.Run(ctx, args[1:], s)
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintf(w, "postie %s - run Postman collections (Newman-compatible)\n\n", Version)
	fmt.Fprintln(w, "Usage:\n  postie <command> [arguments]\n\nCommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-14s %s\n", n, cmds[n].Summary)
	}
	fmt.Fprintln(w, "\nRun 'postie help <command>' or 'postie <command> --help' for details.")
}

func versionCommand(_ context.Context, _ []string, s stdio) int {
	fmt.Fprintln(s.Out, Version)
	return exitOK
}
