package runner

import (
	"bytes"
	"context"
	"crypto/tls"
	"net"
	"strings"
	"sync"

	"github.com/postie-run/postie/scripting"
)

// captureConn records the bytes of a response's status line and headers as
// they arrive, so that responses keep their header order and case (net/http
// canonicalizes them into a map). It also writes each request's head in the
// order and case the runner built it (newman's): net/http writes Host,
// User-Agent and Content-Length first and the other headers sorted.
type captureConn struct {
	net.Conn
	mu  sync.Mutex
	on  bool
	buf []byte

	wmu   sync.Mutex
	order []scripting.Header // wire order of the next request head; nil: as written
	head  []byte             // the next request head, until complete
}

// orderNext makes the next request head written go out with its headers in
// the order (and with the names) of wire.
func (c *captureConn) orderNext(wire []scripting.Header) {
	c.wmu.Lock()
	c.order, c.head = wire, c.head[:0]
	c.wmu.Unlock()
}

// Write passes p on, except while a request head to order is being
// written: that is held until complete and then written reordered.
func (c *captureConn) Write(p []byte) (int, error) {
	c.wmu.Lock()
	if c.order == nil {
		c.wmu.Unlock()
		return c.Conn.Write(p)
	}
	c.head = append(c.head, p...)
	end := bytes.Index(c.head, []byte("\r\n\r\n"))
	if end < 0 && len(c.head) <= maxCapture {
		c.wmu.Unlock()
		return len(p), nil // held until the head is complete
	}
	var out []byte
	if end < 0 { // not a head postie can read: as written
		out = c.head
	} else {
		out = append(orderHead(c.head[:end], c.order), c.head[end:]...)
	}
	c.order, c.head = nil, nil
	c.wmu.Unlock()
	if _, err := c.Conn.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// orderHead returns a request head (request line and header lines, no
// blank line) with the header lines in wire's order and with wire's names;
// lines wire does not name (a proxy's, say) follow in their order.
func orderHead(head []byte, wire []scripting.Header) []byte {
	lines := bytes.Split(head, []byte("\r\n"))
	used := make([]bool, len(lines))
	out := make([]byte, 0, len(head)+16)
	out = append(out, lines[0]...)
	for _, w := range wire {
		for i := 1; i < len(lines); i++ {
			name, rest, ok := bytes.Cut(lines[i], []byte(":"))
			if used[i] || !ok || !strings.EqualFold(string(name), w.Key) {
				continue
			}
			used[i] = true
			out = append(out, "\r\n"...)
			out = append(out, w.Key...)
			out = append(out, ':')
			out = append(out, rest...)
			break
		}
	}
	for i := 1; i < len(lines); i++ {
		if !used[i] {
			out = append(out, "\r\n"...)
			out = append(out, lines[i]...)
		}
	}
	return out
}

// maxCapture bounds the header bytes kept per response.
const maxCapture = 64 << 10

func (c *captureConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.mu.Lock()
		if c.on {
			c.buf = append(c.buf, p[:n]...)
			if finalHeaderEnd(c.buf) >= 0 || len(c.buf) > maxCapture {
				c.on = false
			}
		}
		c.mu.Unlock()
	}
	return n, err
}

// start begins capturing the next response.
func (c *captureConn) start() {
	c.mu.Lock()
	c.buf = c.buf[:0]
	c.on = true
	c.mu.Unlock()
}

// take returns the final (non-1xx) response head captured, without the
// blank line, or nil.
func (c *captureConn) take() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.on = false
	end := finalHeaderEnd(c.buf)
	if end < 0 {
		return nil
	}
	head := c.buf[:end]
	if i := bytes.LastIndex(head, []byte("\r\n\r\n")); i >= 0 {
		head = head[i+4:] // skip interim 1xx responses
	}
	return append([]byte(nil), head...)
}

// finalHeaderEnd returns the end of the first non-1xx response head in b
// (index of its blank line), or -1.
func finalHeaderEnd(b []byte) int {
	off := 0
	for {
		i := bytes.Index(b[off:], []byte("\r\n\r\n"))
		if i < 0 {
			return -1
		}
		block := b[off : off+i]
		if !(len(block) >= 10 && bytes.HasPrefix(block, []byte("HTTP/1.")) && block[9] == '1') {
			return off + i
		}
		off += i + 4
	}
}

// parseHead splits a captured response head into headers in order, with
// their original case.
func parseHead(head []byte) []scripting.Header {
	lines := bytes.Split(head, []byte("\r\n"))
	if len(lines) < 2 {
		return nil
	}
	out := make([]scripting.Header, 0, len(lines)-1)
	for _, l := range lines[1:] {
		k, v, ok := bytes.Cut(l, []byte(":"))
		if !ok {
			continue
		}
		out = append(out, scripting.Header{Key: string(bytes.TrimSpace(k)), Value: string(bytes.TrimSpace(v))})
	}
	return out
}

// localIfEmpty gives an address with an empty host ("http://:80/x") the
// host 127.0.0.1, as node (newman) dials and names it: "connect
// ECONNREFUSED 127.0.0.1:80".
func localIfEmpty(addr string) string {
	if host, port, err := net.SplitHostPort(addr); err == nil && host == "" {
		return net.JoinHostPort("127.0.0.1", port)
	}
	return addr
}

// dialers returns DialContext and DialTLSContext functions that wrap
// connections in captureConns.
func dialers(d *net.Dialer, cfg *tls.Config) (func(ctx context.Context, network, addr string) (net.Conn, error), func(ctx context.Context, network, addr string) (net.Conn, error)) {
	plain := func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := d.DialContext(ctx, network, localIfEmpty(addr))
		if err != nil {
			return nil, err
		}
		return &captureConn{Conn: c}, nil
	}
	secure := func(ctx context.Context, network, addr string) (net.Conn, error) {
		raw, err := d.DialContext(ctx, network, localIfEmpty(addr))
		if err != nil {
			return nil, err
		}
		c := cfg.Clone()
		if c.ServerName == "" {
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				host = addr
			}
			c.ServerName = host
		}
		tc := tls.Client(raw, c)
		if err := tc.HandshakeContext(ctx); err != nil {
			raw.Close()
			return nil, err
		}
		return &captureConn{Conn: tc}, nil
	}
	return plain, secure
}
