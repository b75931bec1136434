package runner

import (
	"bufio"
	"net"
	"strings"
	"testing"

	"github.com/postie-run/postie/scripting"
)

func TestOrderHead(t *testing.T) {
	hs := func(names ...string) []scripting.Header {
		out := make([]scripting.Header, len(names))
		for i, n := range names {
			out[i] = scripting.Header{Key: n}
		}
		return out
	}
	tests := []struct {
		name string
		head string
		wire []scripting.Header
		want string
	}{
		{"go's order to newman's",
			"POST /p HTTP/1.1\r\nHost: h\r\nUser-Agent: ua\r\nContent-Length: 2\r\nAccept: */*\r\nx-custom: 1",
			hs("x-custom", "User-Agent", "Accept", "Host", "Content-Length"),
			"POST /p HTTP/1.1\r\nx-custom: 1\r\nUser-Agent: ua\r\nAccept: */*\r\nHost: h\r\nContent-Length: 2"},
		{"names take wire's case",
			"GET / HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain",
			hs("content-type", "Host"),
			"GET / HTTP/1.1\r\ncontent-type: text/plain\r\nHost: h"},
		{"repeated names in turn",
			"GET / HTTP/1.1\r\nX-A: 1\r\nX-A: 2\r\nHost: h",
			hs("Host", "X-A", "X-A"),
			"GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nX-A: 2"},
		{"lines wire does not name follow",
			"GET http://x/ HTTP/1.1\r\nHost: x\r\nProxy-Authorization: Basic e\r\nAccept: */*",
			hs("Accept", "Host"),
			"GET http://x/ HTTP/1.1\r\nAccept: */*\r\nHost: x\r\nProxy-Authorization: Basic e"},
		{"wire names absent from the head are skipped",
			"GET / HTTP/1.1\r\nHost: h",
			hs("Cookie", "Host"),
			"GET / HTTP/1.1\r\nHost: h"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(orderHead([]byte(tc.head), tc.wire)); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestCaptureConnOrdersSplitHead checks that a request head written in
// several pieces (net/http flushes every 4 KiB) goes out whole and
// reordered, the body after it untouched, and that the next request on the
// connection, with no order given, goes out as written.
func TestCaptureConnOrdersSplitHead(t *testing.T) {
	client, server := net.Pipe()
	defer client.Close()
	got := make(chan string, 1)
	go func() {
		r := bufio.NewReader(server)
		var sb strings.Builder
		for {
			line, err := r.ReadString('\n')
			sb.WriteString(line)
			if err != nil || strings.HasSuffix(sb.String(), "BODY\nGET /2 HTTP/1.1\r\nB: 2\r\nA: 1\r\n\r\n") {
				break
			}
		}
		got <- sb.String()
	}()
	c := &captureConn{Conn: client}
	c.orderNext([]scripting.Header{{Key: "Big"}, {Key: "Host"}})
	big := strings.Repeat("x", 5000)
	head := "POST / HTTP/1.1\r\nHost: h\r\nBig: " + big + "\r\n\r\nBODY\n"
	for _, piece := range []string{head[:20], head[20:4096], head[4096:]} {
		if n, err := c.Write([]byte(piece)); err != nil || n != len(piece) {
			t.Fatalf("write: %d, %v", n, err)
		}
	}
	if _, err := c.Write([]byte("GET /2 HTTP/1.1\r\nB: 2\r\nA: 1\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	want := "POST / HTTP/1.1\r\nBig: " + big + "\r\nHost: h\r\n\r\nBODY\nGET /2 HTTP/1.1\r\nB: 2\r\nA: 1\r\n\r\n"
	if s := <-got; s != want {
		t.Errorf("wire:\n%.200q\nwant:\n%.200q", s, want)
	}
}
