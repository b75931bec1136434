package collections

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func utf16File(s string, bigEndian bool) []byte {
	u := utf16.Encode([]rune(s))
	out := make([]byte, 2+2*len(u))
	if bigEndian {
		out[0], out[1] = 0xFE, 0xFF
	} else {
		out[0], out[1] = 0xFF, 0xFE
	}
	for i, c := range u {
		if bigEndian {
			binary.BigEndian.PutUint16(out[2+2*i:], c)
		} else {
			binary.LittleEndian.PutUint16(out[2+2*i:], c)
		}
	}
	return out
}

// TestBadCollections: every bad input fails with a message naming the file
// and the place (line:column, item path or field); encodings newman accepts
// load.
func TestBadCollections(t *testing.T) {
	good := `{"info":{"name":"ok","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"a","request":{"url":"http://h/"}}]}`
	cases := []struct {
		name string
		data []byte
		want string // regexp on the error; "" means it must load
	}{
		{"UTF-8 BOM", append([]byte("\xef\xbb\xbf"), good...), ""},
		{"UTF-16LE", utf16File(good, false), ""},
		{"UTF-16BE", utf16File(good, true), ""},
		{"truncated", []byte(good[:60]), `bad\.json.*(line|unexpected end)`},
		{"invalid JSON", []byte("{\n\"info\": {,}\n}"), `bad\.json.*line 2`},
		{"empty file", []byte(""), `bad\.json`},
		{"not an object", []byte(`[1,2]`), `bad\.json`},
		{"unknown schema version", []byte(`{"info":{"name":"x","schema":"https://schema.getpostman.com/json/collection/v9.9.9/collection.json"},"item":[]}`), `bad\.json.*(9\.9\.9|schema)`},
		{"foreign schema", []byte(`{"info":{"name":"x","schema":"https://example.com/s.json"},"item":[]}`), `bad\.json.*schema`},
		{"item not an array", []byte(`{"info":{"name":"x"},"item":"nope"}`), `bad\.json.*item`},
		{"name a number (newman prints 5)", []byte(`{"info":{"name":5},"item":[]}`), ``},
		{"request a number", []byte(`{"info":{"name":"x"},"item":[{"name":"r1","request":42}]}`), `bad\.json.*r1`},
		{"header not a list", []byte(`{"info":{"name":"x"},"item":[{"name":"F","item":[{"name":"r2","request":{"url":"h","header":{"a":1}}}]}]}`), `bad\.json.*F.*r2|r2`},
		{"event script a number", []byte(`{"info":{"name":"x"},"item":[{"name":"r3","event":[{"listen":"test","script":7}],"request":"h"}]}`), `bad\.json.*r3`},
		{"variable key an object (newman runs it)", []byte(`{"info":{"name":"x"},"variable":[{"key":{},"value":1}],"item":[]}`), ``},
		{"invalid UTF-16 length", append([]byte{0xFF, 0xFE}, 'a'), `bad\.json`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.data, "bad.json")
			if tc.want == "" {
				if err != nil {
					t.Fatalf("newman accepts this; got %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted; want an error matching %q", tc.want)
			}
			t.Logf("%s", err)
			if !regexp.MustCompile(`(?s)` + tc.want).MatchString(err.Error()) {
				t.Errorf("error %q does not match %q", err, tc.want)
			}
		})
	}
}

// TestDeepAndDuplicate: 1,000 nested folders load and walk; duplicate and
// disabled collection variables are kept as written.
func TestDeepAndDuplicate(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"info":{"name":"deep"},"variable":[{"key":"v","value":"1"},{"key":"v","value":"2"},{"key":"v","value":"3","disabled":true}],"item":[`)
	const depth = 1000
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, `{"name":"f%d","item":[`, i)
	}
	b.WriteString(`{"name":"leaf","request":"http://h/"}`)
	for i := 0; i < depth; i++ {
		b.WriteString(`]}`)
	}
	b.WriteString(`]}`)
	c, err := Parse([]byte(b.String()), "deep.json")
	if err != nil {
		t.Fatal(err)
	}
	var leafDepth int
	c.Walk(func(it *Item, parents []*Item) bool {
		if it.Name == "leaf" {
			leafDepth = len(parents)
		}
		return true
	})
	if leafDepth != depth {
		t.Errorf("leaf at depth %d, want %d", leafDepth, depth)
	}
	if _, parents, ok := c.FindItem("leaf"); !ok || len(parents) != depth {
		t.Errorf("FindItem at depth: ok=%v parents=%d", ok, len(parents))
	}
	if len(c.Variables) != 3 || !c.Variables[2].Disabled {
		t.Errorf("variables not kept as written: %d", len(c.Variables))
	}
	if _, err := c.MarshalJSON(); err != nil {
		t.Errorf("saving the deep collection: %v", err)
	}
}

// TestLargeCollection generates a ~50 MB collection and logs load time and
// memory (no timing assertion).
func TestLargeCollection(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB")
	}
	var b strings.Builder
	b.WriteString(`{"info":{"name":"big","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[`)
	body := strings.Repeat("x", 400)
	n := 0
	for b.Len() < 50<<20 {
		if n > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"r%d","request":{"method":"POST","url":"http://h/{{p}}/%d?q=1","header":[{"key":"A","value":"b"}],"body":{"mode":"raw","raw":"%s"}},"event":[{"listen":"test","script":{"exec":["pm.test('x', () => {})"]}}]}`, n, n, body)
		n++
	}
	b.WriteString(`]}`)
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	size := b.Len()
	b.Reset()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	c, err := Load(path)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	t.Logf("%d MB, %d items: loaded in %v, %d MiB allocated, %d MiB live", size>>20, len(c.Items), took,
		(after.TotalAlloc-before.TotalAlloc)>>20, after.HeapAlloc>>20)
	if len(c.Items) != n {
		t.Errorf("%d items, want %d", len(c.Items), n)
	}
}
