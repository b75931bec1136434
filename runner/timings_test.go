package runner

import (
	"context"
	"strings"
	"testing"

	"github.com/postie-run/postie/scripting"
)

// phaseSum adds up the consecutive phases of t, which make its total.
func phaseSum(t *Timings) int64 {
	return int64(t.Prepare + t.Wait + t.DNS + t.TCP + t.TLS + t.FirstByte + t.Download + t.Process)
}

// headerSent reports whether hs holds key (with value, unless "").
func headerSent(hs []scripting.Header, key, value string) bool {
	for _, h := range hs {
		if strings.EqualFold(h.Key, key) && (value == "" || h.Value == value) {
			return true
		}
	}
	return false
}

// TestTimingsRecorded checks the phases kept for --verbose: a first request
// to an IP address connects (TCP, no DNS), the next reuses the connection
// (neither); the phases add up to the total; a pm.sendRequest call's
// exchange (headers as sent, URL, phases) reaches its event and its figure.
func TestTimingsRecorded(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	test := `pm.sendRequest({url: '%URL%/side', method: 'POST', body: {mode: 'raw', raw: '{"a":1}'}}, function () {});`
	js := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	{"name":"a","event":[` + ev("test", test) + `],"request":{"url":"%URL%/a"}},
	{"name":"b","request":{"url":"%URL%/b"}}]}`
	rec := &eventLog{}
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), Reporters: []Reporter{rec}})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Executions) != 2 {
		t.Fatalf("executions %d", len(sum.Executions))
	}
	tests := []struct {
		name   string
		t      *Timings
		newTCP bool
	}{
		{"first request", sum.Executions[0].Timings, true},
		{"after the connection is pooled", sum.Executions[1].Timings, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.t == nil {
				t.Fatal("no timings")
			}
			if tc.t.DNS != 0 || tc.t.TLS != 0 {
				t.Errorf("DNS %v TLS %v: an IP address over http needs neither", tc.t.DNS, tc.t.TLS)
			}
			if (tc.t.TCP > 0) != tc.newTCP {
				t.Errorf("TCP %v, want a handshake: %v", tc.t.TCP, tc.newTCP)
			}
			if tc.t.Total <= 0 || phaseSum(tc.t) != int64(tc.t.Total) {
				t.Errorf("phases %+v do not add up to the total", *tc.t)
			}
		})
	}
	var xc *Exchange
	for _, e := range rec.events {
		if e.Kind == EventSendRequest {
			xc = e.Exchange
		}
	}
	if xc == nil {
		t.Fatal("the sendRequest event carries no exchange")
	}
	if xc.Href != srv.URL+"/side" || !headerSent(xc.Header, "Content-Length", "7") || !headerSent(xc.Header, "User-Agent", "") || xc.Timings == nil {
		t.Errorf("exchange %+v", xc)
	}
	if len(sum.OtherResponses) != 1 || sum.OtherResponses[0].Timings != xc.Timings {
		t.Errorf("other responses %+v: the call's figure must carry its phases", sum.OtherResponses)
	}
}

// TestChallengeExchange checks that a digest challenge's event carries the
// first request as sent (no Authorization yet, as newman's shows it) and
// its phases.
func TestChallengeExchange(t *testing.T) {
	rec := &eventLog{}
	sum, srvURL, err := runDigestChallenge(t, rec)
	if err != nil {
		t.Fatal(err)
	}
	var challenges []*Exchange
	for _, e := range rec.events {
		if e.Kind == EventSendRequest {
			challenges = append(challenges, e.Exchange)
		}
	}
	if len(challenges) != 1 || challenges[0] == nil {
		t.Fatalf("challenge exchanges %+v, want one", challenges)
	}
	c := challenges[0]
	if headerSent(c.Header, "Authorization", "") || !headerSent(c.Header, "Host", "") || c.Href != srvURL+"/d" || c.Timings == nil {
		t.Errorf("challenge exchange %+v", c)
	}
	x := sum.Executions[0]
	if !headerSent(x.RequestHeaders, "Authorization", "") || x.Timings == nil {
		t.Errorf("the answered request: headers %v timings %v", x.RequestHeaders, x.Timings)
	}
	if len(sum.OtherResponses) != 1 || sum.OtherResponses[0].Timings != c.Timings {
		t.Errorf("other responses %+v", sum.OtherResponses)
	}
}
