// Package runner executes a Postman collection run: item order, iterations,
// scripts, HTTP (auth, cookies, TLS, redirects), and events to reporters.
//
// It follows postman-runtime 7.39 (newman 6.2) semantics:
//
//   - Items run depth-first; --folder entries (id, else name, any depth)
//     run in collection order (several are matched as postman-runtime's
//     multipleIdOrName: one inside another adds nothing), with their
//     parents' scripts, auth and protocolProfileBehavior. Folder-level variables are not a scope (newman
//     ignores them).
//   - Pre-request scripts run collection, folders outer to inner, then the
//     item; test scripts likewise. skipRequest stops the remaining
//     pre-request scripts, the request and the test scripts. Test scripts
//     run after request errors too (without a response).
//   - setNextRequest takes an id, else a name (the last item with it, as
//     postman-runtime's lookup); null or an unknown target ends the
//     iteration; the last call of the item (tests after pre-request) wins.
//     Newman would loop forever on an endless jump: postie stops the run with
//     a failure after Options.MaxExecutions item runs in one iteration
//     (DefaultMaxExecutions).
//   - Local variables (pm.variables.set) live for the whole run, as in
//     newman: later items and later iterations see them.
//   - --delay-request waits before every item, the first included.
//   - Requests carry newman's default headers in its order; Execution
//     records the headers and body as sent. Response headers keep their
//     order and case.
//   - Cancelling ctx (SIGINT; newman just dies) lets the request in flight
//     finish, runs no further scripts and returns the summary with
//     Interrupted set; Options.Timeout cuts the run short with newman's
//     "callback timed out" failure.
package runner

import (
	"context"
	"net/http"
	"time"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/scripting"
)

// Options configure a run. The zero value runs the collection once with
// Newman's defaults.
type Options struct {
	Collection  *collections.Collection
	Environment *environments.File   // nil: an empty environment
	Globals     *environments.File   // nil: empty globals
	Data        []*environments.List // iteration data rows (-d); nil: none

	Folders        []string      // --folder, by id or name, at any depth (run in collection order)
	IterationCount int           // -n; 0 means len(Data) or 1
	Delay          time.Duration // --delay-request
	Bail           bool          // --bail: stop at the first failure
	BailFolder     bool          // --bail folder
	WorkingDir     string        // --working-dir: base for form-data and file bodies

	Timeout        time.Duration // --timeout: whole run (0 = none)
	RequestTimeout time.Duration // --timeout-request (0 = none)
	ScriptTimeout  time.Duration // --timeout-script (0 = none)

	IgnoreRedirects bool // --ignore-redirects
	Insecure        bool // --insecure
	TLS             TLSOptions
	DisableCookies  bool // no cookie jar
	MaxRedirects    int  // 0 means Newman's default (10)

	NpmCache string // --npm-cache

	// MissingVariables is called before each request is sent, after pre-request
	// scripts, when {{variables}} in it are still unresolved; it may block to
	// ask the user for values and set them in vars (the browser step of
	// OAuth flows). Returning an error fails the request. nil: no hook.
	MissingVariables func(ctx context.Context, item *collections.Item, names []string, vars *environments.Scopes) error

	// Transport overrides the HTTP transport (tests); nil builds one from TLS options.
	Transport http.RoundTripper

	Reporters []Reporter
	// Retain is how much of each execution Summary.Executions keeps for
	// the reporters' Done: RetainAll (zero value) for reports that list
	// executions (json, junit, html); RetainFailures when only streaming
	// reporters (cli) run, so long runs do not grow with every body.
	Retain Retention

	// Cookies is the jar to start with (--cookie-jar); nil: a new empty jar.
	Cookies *Jar
	// MaxExecutions bounds item runs per iteration, a guard against endless
	// setNextRequest loops (0: DefaultMaxExecutions).
	MaxExecutions int

	// iterFrom and iterTo restrict the run to iterations [iterFrom, iterTo)
	// of the full count (RunParallel, ShardOptions); iterTo 0: all.
	iterFrom, iterTo int
	// sharedTransports, when set, is used instead of building (and closing)
	// the run's own transports (RunParallel shares keep-alive connections).
	sharedTransports *transports
	// sharedItems, when set, are the items to run (collected once for all
	// iterations of a parallel run, so generated item ids stay the same).
	sharedItems []runnable
}

// TLSOptions are the client TLS settings.
type TLSOptions struct {
	ClientCert       string // PEM file
	ClientKey        string // PEM file
	ClientPassphrase string
	ClientCertList   string // Newman's JSON list of per-host client certificates
	ExtraCACerts     string // PEM bundle added to the system roots
}

// Reporter receives run events in order, synchronously, then the summary.
type Reporter interface {
	// Event is called for each event as the run progresses.
	Event(e Event)
	// Done is called once when the run ends, with the complete summary.
	Done(s *Summary) error
}

// EventKind names a run event, after Newman's.
type EventKind string

// The run events.
const (
	EventStart           EventKind = "start"
	EventBeforeIteration EventKind = "beforeIteration"
	EventBeforeItem      EventKind = "beforeItem"
	EventScript          EventKind = "script"      // a script ran (Execution.Results updated)
	EventRequest         EventKind = "request"     // a request completed or failed
	EventSendRequest     EventKind = "sendRequest" // a request besides the item's own completed or failed (Event.Sent): a script's pm.sendRequest, or an auth challenge round trip (digest, NTLM); Script is "" for the latter
	EventAssertion       EventKind = "assertion"
	EventConsole         EventKind = "console"
	EventItem            EventKind = "item" // an item finished
	EventIteration       EventKind = "iteration"
	EventDone            EventKind = "done"
)

// Event is one run event. Fields not relevant to the kind are zero.
type Event struct {
	Kind      EventKind
	Iteration int
	Execution *Execution // the item's execution so far
	Test      *scripting.TestResult
	Console   *scripting.ConsoleEntry
	Script    string                 // "prerequest" or "test" for EventScript/EventAssertion/EventConsole/EventSendRequest
	Sent      *scripting.SentRequest // EventSendRequest
	// Exchange is, for EventSendRequest, what went on the wire; nil when
	// not known.
	Exchange *Exchange
	Err      error
}

// Exchange is what the runner knows of a request besides the item's own
// (a pm.sendRequest call, an auth challenge) that its SentRequest lacks.
type Exchange struct {
	// Header holds the headers sent as Newman's request event holds them:
	// without the Content-Type a formdata, urlencoded or file body added.
	Header  []scripting.Header
	Href    string   // the URL sent
	Timings *Timings // nil when not measured
}

// Summary is the complete result of a run (the JSON report's source).
type Summary struct {
	CollectionName string
	Start, End     time.Time
	Iterations     int
	Executions     []*Execution
	ItemCount      int // request items in the run's sequence (newman's cursor.length)
	Stats          Stats
	// Final variable states (what --export-* write).
	Environment *environments.File
	Globals     *environments.File
	Collection  *collections.Collection // with collection variables as they ended
	Failures    []Failure
	Interrupted bool // stopped by context cancellation (SIGINT)
	// Cookies is the run's cookie jar as it ended (--export-cookie-jar:
	// Cookies.Export()); nil when cookies were disabled.
	Cookies *Jar
	// OtherResponses are the responses the run received besides its
	// items' own, in order: to pm.sendRequest calls and to auth challenge
	// round trips (digest, NTLM). Newman counts them in its response times
	// and data received.
	OtherResponses []ResponseFigure
}

// ResponseFigure is one response's time and body size.
type ResponseFigure struct {
	Time    time.Duration
	Size    int      // body bytes received
	Timings *Timings // its phases; nil when not measured
}

// figureOf returns res's time and body size (the size Postman reports,
// else the body's length).
func figureOf(res *scripting.Response) ResponseFigure {
	size := res.ResponseSize
	if size == 0 {
		size = len(res.Body)
	}
	return ResponseFigure{Time: res.ResponseTime, Size: size}
}

// Stats counts what ran, Newman-style (total and failed per kind).
type Stats struct {
	Iterations, Items, Scripts, PrerequestScripts, TestScripts, Requests, Assertions Count
	// Prerequests and Tests count items whose pre-request and test phases
	// ran (newman's "prerequests" and "tests"; skipped items have no test
	// phase).
	Prerequests, Tests Count
}

// Count is a total and how many failed.
type Count struct{ Total, Failed int }

// Execution is one item run in one iteration.
type Execution struct {
	ID        string // unique per execution
	Item      *collections.Item
	ItemID    string   // Item.ID, or the uuid made for the run when it has none
	Position  int      // the item's index in the run's sequence of items (newman's cursor.position)
	Path      []string // folder names then item name
	Iteration int
	// Request is the request as sent (variables resolved), or as it would
	// have been when skipped or failed before sending.
	Request        *collections.Request
	RequestHeaders []scripting.Header // headers on the wire, in order
	RequestBody    []byte
	URL            string // final URL sent
	// DisplayURL is the resolved URL as Postman prints it: before
	// encoding, with any fragment (the cli reporter's request line).
	DisplayURL string
	Response   *scripting.Response // nil when none
	RequestErr error
	Skipped    bool // pm.execution.skipRequest
	Prerequest []*scripting.Result
	Test       []*scripting.Result
	Visualizer *scripting.Visualizer
	// ResponseHeaderSize is the size of the status line and headers
	// received (newman's CLI size is this plus Response.ResponseSize).
	ResponseHeaderSize int
	// Timings are the phases of the request's last hop (--verbose); nil
	// when none was measured.
	Timings *Timings
}

// Failure is one failed test, script error or request error.
type Failure struct {
	Execution *Execution
	Source    string // item path
	// Kind is the error name newman prints: "AssertionError", a script
	// error's name ("TypeError", "ReferenceError", ...), "Error" for request
	// errors and run errors, "AssertionFailure" (bail).
	Kind    string
	Message string
	Test    string // test name for assertion failures
	// At is newman's "at": "request", "prerequest-script", "test-script",
	// "assertion:N in test-script", or "run" for run-level failures.
	At string
}

// Failed reports whether anything failed (the exit code's source).
func (s *Summary) Failed() bool { return len(s.Failures) > 0 }
