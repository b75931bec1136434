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

// entry is a cached compile; done is closed once prog and err are set, so
// a caller asking for a source another goroutine is compiling waits for it
// instead of compiling it again (Warm compiles ahead in the background).
type entry struct {
	done chan struct{}
	prog *goja.Program
	aux  any // CompileWith's extra data
	err  error
}

// Compiler compiles and caches programs. It is safe for concurrent use and
// implements modules.Compiler.
type Compiler struct {
	mu   sync.RWMutex
	max  int
	byID map[key]*entry
}

// New returns an empty compiler whose cache holds at most maxEntries programs
// (0 means DefaultMaxEntries); when full, the cache is emptied and refilled.
func New(maxEntries int) *Compiler {
	if maxEntries <= 0 {
		maxEntries = DefaultMaxEntries
	}
	return &Compiler{max: maxEntries, byID: make(map[key]*entry)}
}

var shared = New(0)

// Shared returns the process-wide compiler that sandboxes and modules share.
func Shared() *Compiler { return shared }

// Compile parses src (in sloppy mode) into a program named name, or returns
// the cached program for the same source. Compile errors are cached too.
// Concurrent calls for the same source compile it once.
func (c *Compiler) Compile(name, src string) (*goja.Program, error) {
	k := key(sha256.Sum256([]byte(src)))
	c.mu.RLock()
	e, ok := c.byID[k]
	c.mu.RUnlock()
	if ok {
		<-e.done
		return e.prog, e.err
	}
	c.mu.Lock()
	if e, ok = c.byID[k]; ok {
		c.mu.Unlock()
		<-e.done
		return e.prog, e.err
	}
	if len(c.byID) >= c.max {
		clear(c.byID)
	}
	e = &entry{done: make(chan struct{})}
	c.byID[k] = e
	c.mu.Unlock()
	func() {
		defer close(e.done) // waiters are released even if the compile panics
		e.prog, e.err = goja.Compile(name, src, false)
	}()
	return e.prog, e.err
}

// Warm compiles the given sources in a background goroutine, in order, so
// that a later Compile of one of them finds it compiled (or waits for the
// compile in flight rather than starting its own). Sources are name/source
// pairs.
func (c *Compiler) Warm(sources ...[2]string) {
	go func() {
		for _, ns := range sources {
			_, _ = c.Compile(ns[0], ns[1])
		}
	}()
}

// CompileWith returns the program cached under text (hashed like a
// source), or calls build once and caches its program, aux data (anything
// the caller derived while building) and error. Concurrent calls for the
// same text build once.
func (c *Compiler) CompileWith(text string, build func() (*goja.Program, any, error)) (*goja.Program, any, error) {
	k := key(sha256.Sum256([]byte(text)))
	c.mu.Lock()
	e, ok := c.byID[k]
	if !ok {
		if len(c.byID) >= c.max {
			clear(c.byID)
		}
		e = &entry{done: make(chan struct{})}
		c.byID[k] = e
	}
	c.mu.Unlock()
	if ok {
		<-e.done
		return e.prog, e.aux, e.err
	}
	func() {
		defer close(e.done)
		e.prog, e.aux, e.err = build()
	}()
	return e.prog, e.aux, e.err
}

// Len returns the number of cached programs.
func (c *Compiler) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.byID)
}
