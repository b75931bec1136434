// Package encoding provides the sandbox's encoding globals: atob and btoa (as
// Newman's sandbox implements them), TextEncoder, TextDecoder, structuredClone
// and DOMException.
package encoding

import (
	_ "embed"
	"fmt"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
)

//go:embed encoding.js
var glueSrc string

// Module returns the "atob" module; its Init defines the encoding globals
// (atob, btoa, TextEncoder, TextDecoder, structuredClone, DOMException).
func Module() modules.Module {
	return modules.Module{
		Name:    "atob",
		Globals: []string{"atob"},
		Init:    Init,
		// atob and btoa are the modules' own lazy globals (Globals).
		InitGlobals: []string{"TextEncoder", "TextDecoder", "structuredClone", "DOMException"},
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			return rt.ToValue(atobFunc(rt)), nil
		},
	}
}

// BtoaModule returns the "btoa" module (require('btoa')).
func BtoaModule() modules.Module {
	return modules.Module{
		Name:    "btoa",
		Globals: []string{"btoa"},
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			return rt.ToValue(btoaFunc(rt)), nil
		},
	}
}

// Init defines the encoding globals in rt; globals that already exist are
// left alone.
func Init(rt *goja.Runtime, c modules.Compiler) error {
	g := rt.GlobalObject()
	// own-property checks: reading a lazy global would load its module
	if !hasOwn(g, "atob") {
		if err := g.DefineDataProperty("atob", rt.ToValue(atobFunc(rt)), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return fmt.Errorf("defining atob: %w", err)
		}
	}
	if !hasOwn(g, "btoa") {
		if err := g.DefineDataProperty("btoa", rt.ToValue(btoaFunc(rt)), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return fmt.Errorf("defining btoa: %w", err)
		}
	}
	prog, err := c.Compile("postie:encoding.js", glueSrc)
	if err != nil {
		return fmt.Errorf("compiling encoding glue: %w", err)
	}
	fv, err := rt.RunProgram(prog)
	if err != nil {
		return fmt.Errorf("running encoding glue: %w", err)
	}
	setup, ok := goja.AssertFunction(fv)
	if !ok {
		return fmt.Errorf("encoding glue did not return a function")
	}
	natives := rt.NewObject()
	_ = natives.Set("encodeUTF8", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).String() // lone surrogates become U+FFFD
		return rt.ToValue(rt.NewArrayBuffer([]byte(s)))
	})
	_ = natives.Set("decode", func(call goja.FunctionCall) goja.Value {
		enc := call.Argument(0).String()
		b := BufferSource(rt, call.Argument(1))
		fatal := call.Argument(2).ToBoolean()
		ignoreBOM := call.Argument(3).ToBoolean()
		var units []uint16
		var bad bool
		switch enc {
		case "utf-16le":
			units, bad = decodeUTF16LE(b, ignoreBOM)
		default:
			units, bad = decodeUTF8(b, ignoreBOM)
		}
		if bad && fatal {
			panic(rt.NewTypeError("The encoded data was not valid for encoding " + enc))
		}
		return goja.StringFromUTF16(units)
	})
	if _, err := setup(goja.Undefined(), natives); err != nil {
		return fmt.Errorf("setting up encoding globals: %w", err)
	}
	return nil
}

// hasOwn reports whether o has an own property name, without reading it.
func hasOwn(o *goja.Object, name string) bool {
	for _, k := range o.GetOwnPropertyNames() {
		if k == name {
			return true
		}
	}
	return false
}

// BufferSource returns the bytes viewed by an ArrayBuffer, TypedArray or
// DataView value (sharing memory), or nil when v is none of those.
func BufferSource(rt *goja.Runtime, v goja.Value) []byte {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	if ab, ok := v.Export().(goja.ArrayBuffer); ok {
		return ab.Bytes()
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	buf := o.Get("buffer")
	if buf == nil {
		return nil
	}
	ab, ok := buf.Export().(goja.ArrayBuffer)
	if !ok {
		return nil
	}
	all := ab.Bytes()
	off := int(o.Get("byteOffset").ToInteger())
	n := int(o.Get("byteLength").ToInteger())
	if off < 0 || n < 0 || off+n > len(all) {
		return nil
	}
	return all[off : off+n]
}

// IsBufferSource reports whether v is an ArrayBuffer, TypedArray or DataView.
func IsBufferSource(v goja.Value) bool {
	if v == nil {
		return false
	}
	if _, ok := v.Export().(goja.ArrayBuffer); ok {
		return true
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	buf := o.Get("buffer")
	if buf == nil {
		return false
	}
	_, ok = buf.Export().(goja.ArrayBuffer)
	return ok && o.Get("byteOffset") != nil
}

const b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

var b64rev = func() [256]int8 {
	var t [256]int8
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < 64; i++ {
		t[b64chars[i]] = int8(i)
	}
	t['-'] = 62
	t['_'] = 63
	return t
}()

// Atob decodes s as Newman's sandbox does (a lenient base64 decoder): input
// is cut at the first '=', characters outside the base64 and base64url
// alphabets are dropped, and a dangling final character is ignored. The
// result is a binary string: one char per byte.
func Atob(s string) string {
	vals := make([]byte, 0, len(s))
	for _, r := range s {
		if r == '=' {
			break
		}
		if r < 256 && b64rev[r] >= 0 {
			vals = append(vals, byte(b64rev[r]))
		}
	}
	if len(vals) < 2 {
		return ""
	}
	out := make([]rune, 0, len(vals)*3/4)
	for i := 0; i+1 < len(vals); i += 4 {
		n := len(vals) - i
		v0, v1 := uint32(vals[i]), uint32(vals[i+1])
		out = append(out, rune(v0<<2|v1>>4))
		if n > 2 {
			v2 := uint32(vals[i+2])
			out = append(out, rune((v1&15)<<4|v2>>2))
			if n > 3 {
				out = append(out, rune((v2&3)<<6|uint32(vals[i+3])))
			}
		}
	}
	return string(out)
}

// Btoa base64-encodes the low byte of each UTF-16 code unit of s, as
// Newman's sandbox does.
func Btoa(units []uint16) string {
	out := make([]byte, 0, (len(units)+2)/3*4)
	for i := 0; i < len(units); i += 3 {
		var b [3]byte
		n := copy16(b[:], units[i:])
		v := uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2])
		out = append(out, b64chars[v>>18&63], b64chars[v>>12&63])
		if n > 1 {
			out = append(out, b64chars[v>>6&63])
		} else {
			out = append(out, '=')
		}
		if n > 2 {
			out = append(out, b64chars[v&63])
		} else {
			out = append(out, '=')
		}
	}
	return string(out)
}

func copy16(dst []byte, src []uint16) int {
	n := 0
	for n < len(dst) && n < len(src) {
		dst[n] = byte(src[n])
		n++
	}
	return n
}

func atobFunc(rt *goja.Runtime) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0)
		switch {
		case goja.IsUndefined(v) || goja.IsNull(v):
			panic(rt.NewTypeError("The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type " + typeName(v)))
		case isNumber(v):
			panic(rt.NewTypeError("The \"value\" argument must not be of type number. Received type number"))
		}
		return rt.ToValue(Atob(v.String()))
	}
}

func btoaFunc(rt *goja.Runtime) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0)
		if goja.IsUndefined(v) || goja.IsNull(v) {
			panic(rt.NewTypeError("Cannot read properties of " + typeName(v) + " (reading 'toString')"))
		}
		if b := BufferSource(rt, v); b != nil || IsBufferSource(v) {
			u := make([]uint16, len(b))
			for i, c := range b {
				u[i] = uint16(c)
			}
			return rt.ToValue(Btoa(u))
		}
		return rt.ToValue(Btoa(utf16Units(v)))
	}
}

// utf16Units returns the UTF-16 code units of v's string value, lone
// surrogates preserved.
func utf16Units(v goja.Value) []uint16 {
	s, ok := v.ToString().(goja.String)
	if !ok {
		return utf16.Encode([]rune(v.String()))
	}
	u := make([]uint16, s.Length())
	for i := range u {
		u[i] = s.CharAt(i)
	}
	return u
}

func isNumber(v goja.Value) bool {
	switch v.ExportType().Kind().String() {
	case "int64", "float64", "int", "int32", "uint32":
		return true
	}
	return false
}

func typeName(v goja.Value) string {
	if goja.IsNull(v) {
		return "null"
	}
	return "undefined"
}

// decodeUTF8 decodes b as the WHATWG UTF-8 decoder does: each maximal
// invalid subpart becomes one U+FFFD. bad reports any replacement.
func decodeUTF8(b []byte, ignoreBOM bool) (units []uint16, bad bool) {
	if !ignoreBOM && len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	units = make([]uint16, 0, len(b))
	i := 0
	for i < len(b) {
		c := b[i]
		if c < 0x80 {
			units = append(units, uint16(c))
			i++
			continue
		}
		var need int
		var cp rune
		lo, hi := byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need, cp = 1, rune(c&0x1F)
		case c >= 0xE0 && c <= 0xEF:
			need, cp = 2, rune(c&0x0F)
			if c == 0xE0 {
				lo = 0xA0
			} else if c == 0xED {
				hi = 0x9F
			}
		case c >= 0xF0 && c <= 0xF4:
			need, cp = 3, rune(c&0x07)
			if c == 0xF0 {
				lo = 0x90
			} else if c == 0xF4 {
				hi = 0x8F
			}
		default:
			units = append(units, 0xFFFD)
			bad = true
			i++
			continue
		}
		j := i + 1
		ok := true
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lo || b[j] > hi {
				ok = false
				break
			}
			cp = cp<<6 | rune(b[j]&0x3F)
			lo, hi = 0x80, 0xBF
			j++
		}
		if !ok {
			units = append(units, 0xFFFD)
			bad = true
			i = j
			continue
		}
		units = utf16.AppendRune(units, cp)
		i = j
	}
	return units, bad
}

func decodeUTF16LE(b []byte, ignoreBOM bool) (units []uint16, bad bool) {
	if !ignoreBOM && len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE {
		b = b[2:]
	}
	units = make([]uint16, 0, len(b)/2+1)
	for i := 0; i+1 < len(b); i += 2 {
		units = append(units, uint16(b[i])|uint16(b[i+1])<<8)
	}
	if len(b)%2 == 1 {
		units = append(units, 0xFFFD)
		bad = true
	}
	// Lone surrogates become U+FFFD.
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u >= 0xD800 && u <= 0xDBFF:
			if i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF {
				i++
			} else {
				units[i] = 0xFFFD
				bad = true
			}
		case u >= 0xDC00 && u <= 0xDFFF:
			units[i] = 0xFFFD
			bad = true
		}
	}
	return units, bad
}
