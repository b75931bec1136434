package main

import (
	"fmt"

	"github.com/spf13/pflag"
)

// plainBool hides a bool flag's IsBoolFlag method, so that pflag's usage
// lists it as "--flag" rather than "--flag[=true|false]". The flag still
// takes no value (NoOptDefVal "true") and accepts --flag=false.
type plainBool struct{ pflag.Value }

// plainBools makes every bool flag of fs print as a plain pflag bool in usage.
func plainBools(fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Value.Type() == "bool" {
			if _, done := f.Value.(plainBool); !done {
				f.Value = plainBool{f.Value}
			}
		}
	})
}

// parseNoArgs parses the flags of a subcommand that takes no positional
// arguments. It returns false with the exit code when the command should stop
// (help shown, bad flags, or an unexpected argument).
func parseNoArgs(fs *pflag.FlagSet, name string, args []string, s stdio) (int, bool) {
	plainBools(fs)
	if err := fs.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			return exitOK, false
		}
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(s.Err, "postie %s: error: unexpected argument %q\n", name, fs.Arg(0))
		return exitUsage, false
	}
	return 0, true
}
