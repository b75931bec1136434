package main

import "github.com/spf13/pflag"

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
