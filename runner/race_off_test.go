//go:build !race

package runner

// raceEnabled: the race detector is on.
const raceEnabled = false
