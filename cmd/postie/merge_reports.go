package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/reporters/merge"
)

// mergeReportsCommand is `postie merge-reports -o OUT A B ...`: merges the
// JSON (default) or JUnit (--junit) reports of a sharded run, in the order
// given.
func mergeReportsCommand(_ context.Context, args []string, s stdio) int {
	var (
		out         string
		junit, help bool
	)
	fs := pflag.NewFlagSet("merge-reports", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	fs.StringVarP(&out, "output", "o", "", "write the merged report to this file (default: standard output)")
	fs.BoolVar(&junit, "junit", false, "the inputs are JUnit XML reports (default: postie/newman JSON reports)")
	fs.BoolVarP(&help, "help", "h", false, "show this help")
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "Usage: postie merge-reports [-o OUT] [--junit] REPORT...\n\nMerge the reports of a sharded run (give them in shard order) into one.\n\nFlags:")
		fmt.Fprint(w, fs.FlagUsages())
	}
	plainBools(fs)
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(s.Err, "postie merge-reports: error: %v\n", err)
		usage(s.Err)
		return exitUsage
	}
	if help {
		usage(s.Out)
		return exitOK
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(s.Err, "postie merge-reports: error: no reports given")
		usage(s.Err)
		return exitUsage
	}
	inputs := make([]merge.Input, 0, fs.NArg())
	for _, p := range fs.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintf(s.Err, "postie merge-reports: error: reading report %s: %v\n", p, err)
			return exitUsage
		}
		inputs = append(inputs, merge.Input{Name: p, Data: data})
	}
	mergeFn := merge.JSON
	if junit {
		mergeFn = merge.JUnit
	}
	data, err := mergeFn(inputs)
	if err != nil {
		fmt.Fprintf(s.Err, "postie merge-reports: error: %v\n", err)
		return exitUsage
	}
	if out == "" {
		if _, err := s.Out.Write(data); err != nil {
			return exitUsage
		}
		return exitOK
	}
	if err := environments.WriteFileAtomic(out, data); err != nil {
		fmt.Fprintf(s.Err, "postie merge-reports: error: writing %s: %v\n", out, err)
		return exitUsage
	}
	return exitOK
}
