package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/postie-run/postie/conformance"
)

// volatileStrings are replaced in every string of both reports: what a run
// generates (uuids, timestamps, the echo server's address) and the
// cli mode's random values.
var volatileStrings = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`), "UUID"},
	{regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?`), "TIMESTAMP"},
	{regexp.MustCompile(`\b1[6-9]\d{11}\b`), "EPOCHMS"},
	// the echo server's Date header
	{regexp.MustCompile(`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$`), "DATE"},
}

var epochSeconds = regexp.MustCompile(`^1[7-9]\d{8}$`)

var md5Hex = regexp.MustCompile(`^[0-9a-f]{32}$`)

var (
	ephemeralLoopback = regexp.MustCompile(`(http://)?127\.0\.0\.1:\d{5}\b`)
	boundary          = regexp.MustCompile(`-{26}\d{24}`)
	awsSignature      = regexp.MustCompile(`Signature=[0-9a-f]{64}`)
	amzDate           = regexp.MustCompile(`\b\d{8}T\d{6}Z\b`)
)

// timeKeys are report keys whose values are durations or instants of the
// run: their values are not compared, their presence is.
var timeKeys = map[string]bool{
	"responseTime": true, "started": true, "completed": true, "timestamp": true,
	"responseAverage": true, "responseMin": true, "responseMax": true, "responseSd": true,
	"dnsAverage": true, "dnsMin": true, "dnsMax": true, "dnsSd": true,
	"firstByteAverage": true, "firstByteMin": true, "firstByteMax": true, "firstByteSd": true,
}

// sizeKeys hold byte counts: not compared for cases whose responses echo
// random values (randomSizes).
var sizeKeys = map[string]bool{"responseSize": true, "responseTotal": true}

// jsonNormalizer turns one JSON report into its comparable form.
type jsonNormalizer struct {
	echoURL, echoHost, echoPort string
	random                      bool            // a randomSizes case
	maskHeaders                 map[string]bool // lower-cased header names whose values vary
}

func newJSONNormalizer(c conformance.Case, echoURL string) *jsonNormalizer {
	host := strings.TrimPrefix(echoURL, "http://")
	_, port, _ := strings.Cut(host, ":")
	jn := &jsonNormalizer{echoURL: echoURL, echoHost: host, echoPort: port, random: randomSizes[c.Name], maskHeaders: map[string]bool{}}
	for _, h := range c.Options.MaskHeaders {
		jn.maskHeaders[strings.ToLower(h)] = true
	}
	return jn
}

func (jn *jsonNormalizer) str(s string) string {
	s = strings.ReplaceAll(s, jn.echoURL, "ECHO")
	s = strings.ReplaceAll(s, jn.echoHost, "ECHOHOST")
	if s == jn.echoPort {
		return "ECHOPORT"
	}
	for _, r := range volatileStrings {
		s = r.re.ReplaceAllString(s, r.with)
	}
	if jn.random {
		s = randomQuery.ReplaceAllString(s, "volatileInt=N")
		s = epochSeconds.ReplaceAllString(s, "EPOCHS") // {{$timestamp}}
	}
	return s
}

// value normalises v, found under key (its parent object's key, or "" in
// an array), in place of itself.
func (jn *jsonNormalizer) value(key string, v any) any {
	switch t := v.(type) {
	case string:
		if timeKeys[key] {
			return "TIME"
		}
		if key == "checksum" && md5Hex.MatchString(t) {
			// serialised-error's hash of the error object, stack included:
			// postie's stacks are not V8's (README)
			return "MD5"
		}
		return jn.str(t)
	case float64:
		if timeKeys[key] {
			return "TIME"
		}
		if jn.random && sizeKeys[key] {
			return "SIZE"
		}
		return t
	case []any:
		for i := range t {
			t[i] = jn.value("", t[i])
		}
		return t
	case map[string]any:
		if k, ok := t["key"].(string); ok && len(t) <= 4 {
			// a header {key, value}: values that vary by nature
			lk := strings.ToLower(k)
			if _, has := t["value"]; has && (jn.maskHeaders[lk] || jn.random && (lk == "content-length" || lk == "authorization" || k == "volatileInt")) {
				t["value"] = "MASKED"
			}
		}
		if key == "stream" && jn.random {
			return "STREAM"
		}
		if data, ok := t["data"].([]any); ok && t["type"] == "Buffer" && len(t) == 2 {
			// a Node.js Buffer (response.stream): compared as text
			b := make([]byte, len(data))
			for i, v := range data {
				n, _ := v.(float64)
				b[i] = byte(n)
			}
			// newman's cached bodies hold the echo server's address of the
			// run that recorded them (as bytes, which the cache cannot
			// rewrite): any loopback address on an ephemeral port is the
			// echo server's
			text := jn.str(string(b))
			text = ephemeralLoopback.ReplaceAllStringFunc(text, func(m string) string {
				if strings.HasPrefix(m, "http://") {
					return "ECHO"
				}
				return "ECHOHOST"
			})
			// multipart boundaries are random (form-data's, as postie's)
			text = boundary.ReplaceAllString(text, "BOUNDARY")
			if len(jn.maskHeaders) > 0 {
				// an echoed awsv4 Authorization: its signature covers the time
				text = awsSignature.ReplaceAllString(text, "Signature=MASKED")
				text = amzDate.ReplaceAllString(text, "AMZDATE")
			}
			return map[string]any{"type": "Buffer", "text": text}
		}
		for k, x := range t {
			t[k] = jn.value(k, x)
		}
		return t
	}
	return v
}

// compareJSON compares two JSON reports path by path after normalising
// them. newman lists an item's execution once more per pm.sendRequest call
// (each copy showing the last call's request and response); postie lists it
// once. Such copies are folded into one and, when they are, the request and
// response of that execution are not compared: that difference is known.
func compareJSON(n, p string, c conformance.Case, echoURL string) (nn, pp, diff, known string) {
	var a, b any
	if err := json.Unmarshal([]byte(n), &a); err != nil {
		return n, p, "newman's report is not JSON: " + err.Error(), ""
	}
	if err := json.Unmarshal([]byte(p), &b); err != nil {
		return n, p, "postie's report is not JSON: " + err.Error(), ""
	}
	jn := newJSONNormalizer(c, echoURL)
	a, b = jn.value("", a), jn.value("", b)
	if folded := foldSendRequestCopies(a, b); folded > 0 {
		known = fmt.Sprintf("newman lists %d more execution(s), one per pm.sendRequest call; folded, their request and response not compared", folded)
	}
	var lines []string
	diffJSON("", a, b, &lines)
	return indent(a), indent(b), strings.Join(lines, "\n"), known
}

// foldSendRequestCopies removes, from newman's report a, the executions
// that repeat the one before them (same cursor ref and iteration) when
// postie's report b has the same execution once, and blanks the request,
// response, request error and script cursor ids of both sides' execution. It returns how many were removed.
func foldSendRequestCopies(a, b any) int {
	ax, bx := executions(a), executions(b)
	if ax == nil || bx == nil || len(ax) <= len(bx) {
		return 0
	}
	id := func(x any) string {
		m, _ := x.(map[string]any)
		cur, _ := m["cursor"].(map[string]any)
		return fmt.Sprint(cur["ref"], "/", cur["iteration"], "/", m["id"])
	}
	var kept []any
	removed := 0
	j := 0
	for i, x := range ax {
		if i > 0 && id(x) == id(ax[i-1]) && (j >= len(bx) || id(bx[j]) != id(x)) {
			removed++
			for _, e := range []any{kept[len(kept)-1], bx[j-1]} {
				m := e.(map[string]any)
				// the copies show the last call's request, response
				// or error, and the call's script cursor
				for _, k := range []string{"request", "response", "requestError"} {
					m[k] = "NOT COMPARED (pm.sendRequest)"
				}
				if cur, ok := m["cursor"].(map[string]any); ok {
					delete(cur, "execution")
					delete(cur, "scriptId")
				}
			}
			continue
		}
		kept = append(kept, x)
		j++
	}
	if removed > 0 {
		a.(map[string]any)["run"].(map[string]any)["executions"] = kept
	}
	return removed
}

// executions returns run.executions of a decoded report.
func executions(r any) []any {
	m, _ := r.(map[string]any)
	run, _ := m["run"].(map[string]any)
	x, _ := run["executions"].([]any)
	return x
}

// diffJSON appends a line per path where a (newman) and b (postie) differ.
func diffJSON(path string, a, b any, out *[]string) {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			break
		}
		keys := make([]string, 0, len(x)+len(y))
		for k := range x {
			keys = append(keys, k)
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			va, ina := x[k]
			vb, inb := y[k]
			p := path + "." + k
			switch {
			case !ina:
				*out = append(*out, p+": newman (absent) vs postie "+short(vb))
			case !inb:
				*out = append(*out, p+": newman "+short(va)+" vs postie (absent)")
			default:
				diffJSON(p, va, vb, out)
			}
		}
		return
	case []any:
		y, ok := b.([]any)
		if !ok {
			break
		}
		for i := range max(len(x), len(y)) {
			p := path + "[" + strconv.Itoa(i) + "]"
			switch {
			case i >= len(x):
				*out = append(*out, p+": newman (absent) vs postie "+short(y[i]))
			case i >= len(y):
				*out = append(*out, p+": newman "+short(x[i])+" vs postie (absent)")
			default:
				diffJSON(p, x[i], y[i], out)
			}
		}
		return
	default:
		if jsonEqual(a, b) {
			return
		}
		if x, y, ok := window(a, b); ok {
			*out = append(*out, path+": newman "+x+" vs postie "+y)
			return
		}
	}
	*out = append(*out, path+": newman "+short(a)+" vs postie "+short(b))
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// window returns the parts of a and b around where they first differ,
// when both are long strings with a common beginning.
func window(a, b any) (string, string, bool) {
	x, ok1 := a.(string)
	y, ok2 := b.(string)
	if !ok1 || !ok2 || len(x) < 100 && len(y) < 100 {
		return "", "", false
	}
	i := 0
	for i < len(x) && i < len(y) && x[i] == y[i] {
		i++
	}
	from := max(i-40, 0)
	cut := func(s string) string {
		end := min(len(s), from+120)
		out, _ := json.Marshal(s[from:end])
		return "…" + string(out) + "…"
	}
	return cut(x), cut(y), true
}

// short is v as compact JSON, cut to 160 characters.
func short(v any) string {
	data, _ := json.Marshal(v)
	if len(data) > 160 {
		return string(data[:157]) + "..."
	}
	return string(data)
}

func indent(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return buf.String()
}

var (
	xmlTimes      = regexp.MustCompile(`\b(time|timestamp)="[^"]*"`)
	xmlTimestamps = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?`)
	xmlUUIDs      = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
)

// compareJUnit compares two JUnit reports line for line after normalising
// times, timestamps, uuids and the echo server's address.
func compareJUnit(n, p string, c conformance.Case, echoURL string) (nn, pp, diff, known string) {
	norm := func(s string) string {
		s = strings.ReplaceAll(s, echoURL, "ECHO")
		s = strings.ReplaceAll(s, strings.TrimPrefix(echoURL, "http://"), "ECHOHOST")
		s = xmlTimes.ReplaceAllString(s, `$1="TIME"`)
		s = xmlTimestamps.ReplaceAllString(s, "TIMESTAMP")
		s = xmlUUIDs.ReplaceAllString(s, "UUID")
		if randomSizes[c.Name] {
			s = randomQuery.ReplaceAllString(s, "volatileInt=N")
		}
		return s
	}
	n, p = norm(n), norm(p)
	if n != p {
		diff = unified(n, p)
	}
	return n, p, diff, ""
}
