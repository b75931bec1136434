//go:build race

package runner

// raceEnabled: the race detector is on (sync.Pool drops items at random
// then, so allocation totals are not meaningful).
const raceEnabled = true
