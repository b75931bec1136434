package runner

import (
	"crypto/tls"
	"net/http/httptrace"
	"sync"
	"time"
)

// Timings are the phases of a request's last hop (the last redirect), as
// postman-runtime measures them for Newman's --verbose. A phase that did
// not happen is zero: a reused connection has no DNS lookup, TCP or TLS
// handshake, and an IP address needs no lookup.
type Timings struct {
	Prepare   time.Duration // from the start of the hop to handing it to the transport
	Wait      time.Duration // waiting for a connection to start on
	DNS       time.Duration // the DNS lookup
	TCP       time.Duration // the TCP handshake
	TLS       time.Duration // the TLS handshake
	FirstByte time.Duration // from connected to the first byte of the response
	Download  time.Duration // reading the rest of the response
	Process   time.Duration // turning the response into the scripts' one
	Total     time.Duration // the whole hop
}

// hopClock records the moments of one hop from an httptrace.ClientTrace.
// Its callbacks may run on the transport's goroutines.
type hopClock struct {
	mu                               sync.Mutex
	request, socket, lookup, connect time.Time
	secure, response                 time.Time
}

// trace adds the clock's callbacks to t.
func (k *hopClock) trace(t *httptrace.ClientTrace) {
	mark := func(at *time.Time, first bool) {
		now := time.Now()
		k.mu.Lock()
		if !first || at.IsZero() {
			*at = now
		}
		k.mu.Unlock()
	}
	gotConn := t.GotConn
	t.GetConn = func(string) { mark(&k.request, true) }
	t.DNSStart = func(httptrace.DNSStartInfo) { mark(&k.socket, true) }
	t.DNSDone = func(httptrace.DNSDoneInfo) { mark(&k.lookup, false) }
	t.ConnectStart = func(string, string) { mark(&k.socket, true) }
	t.ConnectDone = func(_, _ string, err error) {
		if err == nil {
			mark(&k.connect, false)
		}
	}
	t.TLSHandshakeDone = func(_ tls.ConnectionState, err error) {
		if err == nil {
			mark(&k.secure, false)
		}
	}
	t.GotConn = func(info httptrace.GotConnInfo) {
		mark(&k.socket, true)
		if gotConn != nil {
			gotConn(info)
		}
	}
	t.GotFirstResponseByte = func() { mark(&k.response, true) }
}

// timings returns the phases of the hop started at start, whose body was
// read by end and turned into a response by done.
func (k *hopClock) timings(start, end, done time.Time) *Timings {
	k.mu.Lock()
	defer k.mu.Unlock()
	request := orAt(k.request, start)
	socket := orAt(k.socket, request)
	lookup := orAt(k.lookup, socket)
	connect := orAt(k.connect, lookup)
	response := orAt(k.response, end)
	t := &Timings{
		Prepare:  request.Sub(start),
		Wait:     socket.Sub(request),
		DNS:      lookup.Sub(socket),
		TCP:      connect.Sub(lookup),
		Download: end.Sub(response),
		Process:  done.Sub(end),
		Total:    done.Sub(start),
	}
	connected := connect
	if !k.secure.IsZero() {
		t.TLS = k.secure.Sub(connect)
		connected = k.secure
	}
	t.FirstByte = response.Sub(connected)
	return t
}

// orAt returns t, or def when t was not recorded.
func orAt(t, def time.Time) time.Time {
	if t.IsZero() {
		return def
	}
	return t
}
