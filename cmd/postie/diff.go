package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/postie-run/postie/diff"
)

// diffCommand is `postie diff A B`: exit 0 equal, 1 different, 2 bad input.
func diffCommand(_ context.Context, args []string, s stdio) int {
	var (
		opts          diff.Options
		format, color string
		help          bool
	)
	fs := pflag.NewFlagSet("diff", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	fs.StringVar(&format, "format", "text", "output: text, json or markdown")
	fs.BoolVar(&opts.ShowSecrets, "show-secrets", false, "print secret values (masked by default)")
	fs.StringArrayVar(&opts.Ignore, "ignore", nil, "ignore variables, JWT claims, tests or items matching this key or glob (repeatable)")
	fs.BoolVar(&opts.NoDefaultIgnores, "no-default-ignores", false, "also compare the volatile JWT claims "+strings.Join(diff.DefaultIgnores, ", "))
	fs.DurationVar(&opts.TimeThreshold, "time-threshold", diff.DefaultTimeThreshold, "reports: smallest response-time change to show")
	fs.Float64Var(&opts.TimeRatio, "time-ratio", diff.DefaultTimeRatio, "reports: smallest response-time change relative to the old time (0.5 = 50%)")
	fs.StringVar(&color, "color", "auto", "coloured text output: on, off or auto (terminal only)")
	fs.BoolVarP(&help, "help", "h", false, "show this help")
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "Usage: postie diff [flags] A B\n\nCompare two environment, globals or collection exports or postie/newman JSON reports.\nExit status: 0 equal, 1 different, 2 bad input.\n\nFlags:")
		fmt.Fprint(w, fs.FlagUsages())
	}
	plainBools(fs)
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(s.Err, "postie diff: error: %v\n", err)
		usage(s.Err)
		return exitUsage
	}
	if help {
		usage(s.Out)
		return exitOK
	}
	if fs.NArg() != 2 {
		fmt.Fprintf(s.Err, "postie diff: error: want two files, got %d\n", fs.NArg())
		usage(s.Err)
		return exitUsage
	}
	if format != "text" && format != "json" && format != "markdown" {
		fmt.Fprintf(s.Err, "postie diff: error: unknown --format %q (text, json, markdown)\n", format)
		return exitUsage
	}
	docs := make([]*diff.Document, 2)
	for i, p := range fs.Args() {
		d, err := diff.Load(p)
		if err != nil {
			var ie *diff.InputError
			if !errors.As(err, &ie) {
				err = fmt.Errorf("%s: %w", p, err)
			}
			fmt.Fprintf(s.Err, "postie %v\n", err)
			return exitUsage
		}
		docs[i] = d
	}
	if opts.TimeThreshold <= 0 {
		opts.TimeThreshold = time.Nanosecond
	}
	res := diff.Compare(docs[0], docs[1], opts)
	var err error
	switch format {
	case "json":
		err = diff.WriteJSON(s.Out, res)
	case "markdown":
		err = diff.WriteMarkdown(s.Out, res)
	default:
		err = diff.WriteText(s.Out, res, useColor(color, s.Out))
	}
	if err != nil {
		fmt.Fprintf(s.Err, "postie diff: writing output: %v\n", err)
		return exitUsage
	}
	if res.Equal() {
		return exitOK
	}
	return exitFailed
}

// useColor decides colour for --color on/off/auto (auto: w is a terminal and
// NO_COLOR is unset).
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "on", "always", "true":
		return true
	case "off", "never", "false":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
