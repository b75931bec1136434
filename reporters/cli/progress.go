package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/postie-run/postie/runner"
)

// Progress is a one-line progress display for terminals, for runs whose
// cli output is off (e.g. -r json): it rewrites a single line with the
// count of requests done and failed, at most every Interval, and clears it
// when the run is done.
type Progress struct {
	w        io.Writer
	total    int
	interval time.Duration
	now      func() time.Time
	last     time.Time
	done     int
	failed   int
	shown    bool
}

// NewProgress returns a progress line writer; total is the expected number
// of requests (0 when unknown).
func NewProgress(w io.Writer, total int) *Progress {
	return &Progress{w: w, total: total, interval: 100 * time.Millisecond, now: time.Now}
}

// Event counts finished requests and redraws the line when due.
func (p *Progress) Event(e runner.Event) {
	if e.Kind != runner.EventRequest {
		return
	}
	p.done++
	if e.Err != nil || (e.Execution != nil && e.Execution.RequestErr != nil) {
		p.failed++
	}
	if t := p.now(); t.Sub(p.last) >= p.interval {
		p.last = t
		p.draw()
	}
}

func (p *Progress) draw() {
	total := ""
	if p.total > 0 {
		total = fmt.Sprintf("/%d", p.total)
	}
	fmt.Fprintf(p.w, "\r\x1b[K  %d%s requests, %d failed", p.done, total, p.failed)
	p.shown = true
}

// Done clears the progress line.
func (p *Progress) Done(*runner.Summary) error {
	if p.shown {
		_, err := io.WriteString(p.w, "\r\x1b[K")
		return err
	}
	return nil
}
