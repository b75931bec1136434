package node

import (
	"os"
	"testing"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
	"github.com/postie-run/postie/scripting/modules/internal/vectest"
)

func TestVectors(t *testing.T) {
	tests := []struct {
		name  string
		mod   modules.Module
		bind  string
		file  string
		setup string
	}{
		{"path", Path(), "path", "testdata/path.json", ""},
		{"querystring", QueryString(), "querystring", "testdata/querystring.json", ""},
		{"events", Events(), "EventEmitter", "testdata/events.json", ""},
		{"util", Util(), "util", "testdata/util.json", ""},
		{"assert", Assert(), "assert", "testdata/assert.json", "testdata/assert_setup.js"},
		{"url", URL(), "url", "testdata/url.json", ""},
		{"whatwg", URL(), "url", "testdata/whatwg.json", ""},
		{"string_decoder", StringDecoder(), "sd", "testdata/string_decoder.json", "testdata/sd_setup.js"},
		{"buffer", Buffer(), "buffer", "testdata/buffer.json", "testdata/buffer_setup.js"},
		{"punycode", Punycode(), "punycode", "testdata/punycode.json", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setup := ""
			if tt.setup != "" {
				b, err := os.ReadFile(tt.setup)
				if err != nil {
					t.Fatal(err)
				}
				setup = string(b)
			}
			// string_decoder needs the global Buffer, as in the sandbox.
			mod := tt.mod
			init := Buffer().Init
			mod.Init = init
			vectest.Run(t, mod, tt.bind, tt.file, setup)
		})
	}
}

func TestBufferAndTimers(t *testing.T) {
	rt := goja.New()
	c := vectest.Compiler{}
	if err := Buffer().Init(rt, c); err != nil {
		t.Fatal(err)
	}
	exp, err := Buffer().Load(rt, c)
	if err != nil {
		t.Fatal(err)
	}
	_ = rt.Set("buffer", exp)
	_ = rt.Set("setTimeout", func() {})
	tm, err := Timers().Load(rt, c)
	if err != nil {
		t.Fatal(err)
	}
	_ = rt.Set("timers", tm)
	tests := []struct{ js, want string }{
		{`Buffer.from('hello').toString('base64')`, `aGVsbG8=`},
		{`Buffer.from('aGVsbG8=', 'base64').toString()`, `hello`},
		{`Buffer.from('hi').toString('hex')`, `6869`},
		{`Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString()`, `ab`},
		{`String(Buffer.byteLength('é'))`, `2`},
		{`String(Buffer.isBuffer(Buffer.alloc(2)))`, `true`},
		{`String(buffer.Buffer === Buffer)`, `true`},
		{`String(timers.setTimeout === setTimeout)`, `true`},
	}
	for _, tt := range tests {
		v, err := rt.RunString(tt.js)
		if err != nil {
			t.Errorf("%s: %v", tt.js, err)
			continue
		}
		if v.String() != tt.want {
			t.Errorf("%s = %q, want %q", tt.js, v.String(), tt.want)
		}
	}
}
