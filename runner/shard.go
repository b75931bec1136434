package runner

// Shards (postie's --shard i/n): n CI jobs each run a deterministic part of
// the run so that together they cover it exactly once.
//
//   - With iteration data (Options.Data) or an iteration count above one,
//     the iterations are split into n contiguous blocks: shard i runs
//     iterations [(i-1)*N/n, i*N/n) of N, with pm.info.iteration numbered as
//     in the full run.
//   - Otherwise the collection's top-level items (folders and requests) are
//     split into n contiguous blocks the same way; shard i runs a copy of
//     the collection holding only its block. setNextRequest to an item in
//     another shard ends the iteration (the target is not in the run).
//
// A shard may be empty when n exceeds the number of items or iterations; it
// then runs nothing and passes.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/postie-run/postie/collections"
)

// ParseShard parses "i/n" (1 <= i <= n).
func ParseShard(s string) (i, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	if ok {
		i, err = strconv.Atoi(strings.TrimSpace(a))
		if err == nil {
			n, err = strconv.Atoi(strings.TrimSpace(b))
		}
	}
	if !ok || err != nil || n < 1 || i < 1 || i > n {
		return 0, 0, fmt.Errorf("invalid shard %q: want i/n with 1 <= i <= n, e.g. 2/4", s)
	}
	return i, n, nil
}

// ShardRange returns the half-open block [from, to) of total elements that
// shard i of n (1-based) owns.
func ShardRange(total, i, n int) (from, to int) {
	return (i - 1) * total / n, i * total / n
}

// ShardItems returns a shallow copy of c holding only the top-level items
// of shard i of n.
func ShardItems(c *collections.Collection, i, n int) *collections.Collection {
	cp := *c
	from, to := ShardRange(len(c.Items), i, n)
	cp.Items = append([]*collections.Item(nil), c.Items[from:to]...)
	return &cp
}

// ShardOptions returns opts restricted to shard i of n: iterations when the
// run is data-driven or has more than one iteration, else top-level items.
// It rejects --folder with top-level sharding (the two selections would
// fight).
func ShardOptions(opts Options, i, n int) (Options, error) {
	if opts.Collection == nil {
		return opts, fmt.Errorf("shard %d/%d: no collection", i, n)
	}
	if i < 1 || n < 1 || i > n {
		return opts, fmt.Errorf("invalid shard %d/%d", i, n)
	}
	total := opts.IterationCount
	if total <= 0 {
		total = len(opts.Data)
	}
	if total > 1 {
		opts.IterationCount = total
		from, to := ShardRange(total, i, n)
		if from == to { // an empty shard: a window past the end runs nothing
			from, to = total, total
		}
		opts.iterFrom, opts.iterTo = from, to
		return opts, nil
	}
	if len(opts.Folders) > 0 {
		return opts, fmt.Errorf("shard %d/%d: --shard splits top-level items and cannot be combined with --folder", i, n)
	}
	opts.Collection = ShardItems(opts.Collection, i, n)
	return opts, nil
}
