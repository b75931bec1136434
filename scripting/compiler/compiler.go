// Package compiler compiles JavaScript source into goja programs and caches
// them by source hash, so a script run a thousand times is parsed once.
package compiler

import (
	"crypto/sha256"
	"sync"

	"github.com/dop251/goja"
)

// DefaultMaxEntries bounds the cache of a Compiler made by New.
const DefaultMaxEntries = 4096

type key [sha256.Size]byte

type entry struct {
	prog *goja.Program
	err  error
}

// Compiler compiles and caches programs. It is safe for concurrent use and
// implements modules.Compiler.
type Compiler struct {
	mu   sync.RWMutex
	max  int
	byID map[key]entry
}

// New returns an empty compiler whose cache holds at most maxEntries programs
// (0 means DefaultMaxEntries); when full, the cache is emptied and refilled.
func New(maxEntries int) *Compiler {
	if maxEntries <= 0 {
		maxEntries = DefaultMaxEntries
	}
	return &Compiler{max: maxEntries, byID: make(map[key]entry)}
}

var shared = New(0)

// Shared returns the process-wide compiler that sandboxes and modules share.
func Shared() *Compiler { return shared }

// Compile parses src (in sloppy mode) into a program named name, or returns
// the cached program for the same source. Compile errors are cached too.
func (c *Compiler) Compile(name, src string) (*goja.Program, error) {
	h := sha256.Sum256([]byte(src))
	k := key(h)
	c.mu.RLock()
	e, ok := c.byID[k]
	c.mu.RUnlock()
	if ok {
		return e.prog, e.err
	}
	prog, err := goja.Compile(name, src, false)
	c.mu.Lock()
	if len(c.byID) >= c.max {
		clear(c.byID)
	}
	c.byID[k] = entry{prog: prog, err: err}
	c.mu.Unlock()
	return prog, err
}

// Len returns the number of cached programs.
func (c *Compiler) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.byID)
}
