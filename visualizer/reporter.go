package visualizer

import (
	"fmt"
	"io"

	"github.com/postie-run/postie/runner"
)

// Reporter is a runner.Reporter that writes each execution's
// pm.visualizer output as an HTML file into a directory (postie run
// --visualizer-dir), naming the files with FileName.
type Reporter struct {
	dir string
	log io.Writer
	err error
}

// NewReporter returns a reporter writing to dir and noting each file (and
// any rendering error) on log.
func NewReporter(dir string, log io.Writer) *Reporter {
	return &Reporter{dir: dir, log: log}
}

// Event writes the visualization when an item with one finishes.
func (r *Reporter) Event(e runner.Event) {
	if e.Kind != runner.EventItem || e.Execution == nil || e.Execution.Visualizer == nil {
		return
	}
	x := e.Execution
	name := ""
	if x.Item != nil {
		name = x.Item.Name
	}
	html, err := RenderPage(name, x.Visualizer.Template, x.Visualizer.Data)
	if err != nil {
		fmt.Fprintf(r.log, "postie: visualizer for %q: %v\n", name, err)
		return
	}
	p, err := WriteFile(r.dir, FileName(x.Iteration, x.Path), html)
	if err != nil {
		if r.err == nil {
			r.err = err
		}
		fmt.Fprintf(r.log, "postie: %v\n", err)
		return
	}
	fmt.Fprintf(r.log, "postie: visualization of %q written to %s\n", name, p)
}

// Done reports the first file write error, if any.
func (r *Reporter) Done(*runner.Summary) error { return r.err }
