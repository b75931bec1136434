package main

import (
	"context"
	"fmt"
)

// runCommand implements `postie run <collection> [flags]`.
func runCommand(ctx context.Context, args []string, s stdio) int {
	fmt.Fprintln(s.Err, "postie: error: run is not implemented yet")
	return exitUsage
}
