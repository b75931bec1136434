package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestRunFlagsUsageAndBools: run's usage lists bool flags as plain pflag
// bools (no "[=true|false]"), and they still parse bare, =true and =false.
func TestRunFlagsUsageAndBools(t *testing.T) {
	usage := newRunFlags(&runConfig{}).FlagUsages()
	if strings.Contains(usage, "[=true|false]") {
		t.Errorf("usage has [=true|false]:\n%s", usage)
	}
	for _, want := range []string{"  -k, --insecure  ", "      --verbose  ", "      --bail strings[=true]  "} {
		if !strings.Contains(usage, want) {
			t.Errorf("usage lacks %q:\n%s", want, usage)
		}
	}
	tests := []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"--insecure"}, true},
		{[]string{"-k"}, true},
		{[]string{"--insecure=true"}, true},
		{[]string{"--insecure", "--insecure=false"}, false},
		{[]string{"-k=false"}, false},
	}
	for _, tc := range tests {
		c := &runConfig{}
		fs := newRunFlags(c)
		if err := fs.Parse(append(tc.args, "c.json")); err != nil {
			t.Fatalf("%q: %v", tc.args, err)
		}
		if c.Insecure != tc.want {
			t.Errorf("%q: insecure %v, want %v", tc.args, c.Insecure, tc.want)
		}
		if fs.Arg(0) != "c.json" {
			t.Errorf("%q: the collection argument was taken as a flag value: %q", tc.args, fs.Args())
		}
	}
}

// TestSubcommandUsageBools: every subcommand's --help lists bool flags
// without "[=true|false]".
func TestSubcommandUsageBools(t *testing.T) {
	for _, cmd := range []string{"run", "demo", "diff", "merge-reports", "sandbox"} {
		t.Run(cmd, func(t *testing.T) {
			var out, errOut bytes.Buffer
			dispatch(context.Background(), []string{cmd, "--help"}, stdio{In: strings.NewReader(""), Out: &out, Err: &errOut})
			usage := out.String() + errOut.String()
			if !strings.Contains(usage, "Flags:") {
				t.Fatalf("no usage printed:\n%s", usage)
			}
			if strings.Contains(usage, "[=true|false]") {
				t.Errorf("usage has [=true|false]:\n%s", usage)
			}
		})
	}
}
