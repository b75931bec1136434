// Package cryptojs provides the "crypto-js" module (global CryptoJS) as
// Postman's sandbox ships it (crypto-js 3.3.0), with hashing, HMAC, key
// derivation and ciphers done natively in Go.
package cryptojs

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/rc4"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	_ "embed"
	"fmt"
	"hash"
	"math"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
	"golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/ripemd160" //nolint:staticcheck // crypto-js offers RIPEMD160
)

//go:embed cryptojs.js
var glueSrc string

// Module returns the crypto-js module.
func Module() modules.Module {
	return modules.Module{
		Name:    "crypto-js",
		Globals: []string{"CryptoJS"},
		Load:    Load,
	}
}

// Load builds the crypto-js exports in rt.
func Load(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
	prog, err := c.Compile("postie:crypto-js.js", glueSrc)
	if err != nil {
		return nil, fmt.Errorf("compiling crypto-js glue: %w", err)
	}
	fv, err := rt.RunProgram(prog)
	if err != nil {
		return nil, fmt.Errorf("running crypto-js glue: %w", err)
	}
	factory, ok := goja.AssertFunction(fv)
	if !ok {
		return nil, fmt.Errorf("crypto-js glue did not return a function")
	}
	n := &natives{rt: rt}
	v, err := factory(goja.Undefined(), n.object())
	if err != nil {
		return nil, fmt.Errorf("building crypto-js: %w", err)
	}
	return v, nil
}

type natives struct {
	rt *goja.Runtime
	mk goja.Callable // mk(words, sigBytes) -> WordArray
}

func (n *natives) object() *goja.Object {
	rt := n.rt
	o := rt.NewObject()
	set := func(name string, f func(goja.FunctionCall) goja.Value) { _ = o.Set(name, f) }
	set("setMaker", func(call goja.FunctionCall) goja.Value {
		n.mk, _ = goja.AssertFunction(call.Argument(0))
		return goja.Undefined()
	})
	set("utf8Parse", func(call goja.FunctionCall) goja.Value {
		return n.wa(n.utf8Bytes(call.Argument(0)))
	})
	set("utf8Stringify", func(call goja.FunctionCall) goja.Value {
		b := n.bytes(call.Argument(0))
		if !utf8.Valid(b) {
			panic(rt.NewGoError(fmt.Errorf("Malformed UTF-8 data")))
		}
		return rt.ToValue(string(b))
	})
	set("latin1Parse", func(call goja.FunctionCall) goja.Value {
		s, ok := call.Argument(0).ToString().(goja.String)
		if !ok {
			return n.wa(nil)
		}
		b := make([]byte, s.Length())
		for i := range b {
			b[i] = byte(s.CharAt(i))
		}
		return n.wa(b)
	})
	set("latin1Stringify", func(call goja.FunctionCall) goja.Value {
		b := n.bytes(call.Argument(0))
		u := make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c)
		}
		return goja.StringFromUTF16(u)
	})
	set("hexStringify", func(call goja.FunctionCall) goja.Value {
		b := n.bytes(call.Argument(0))
		const digits = "0123456789abcdef"
		out := make([]byte, len(b)*2)
		for i, c := range b {
			out[2*i], out[2*i+1] = digits[c>>4], digits[c&15]
		}
		return rt.ToValue(string(out))
	})
	set("base64Stringify", func(call goja.FunctionCall) goja.Value {
		return n.rt.ToValue(base64Stringify(n.bytes(call.Argument(0)), call.Argument(1).String(), call.Argument(2).String()))
	})
	set("base64Parse", func(call goja.FunctionCall) goja.Value {
		s, ok := call.Argument(0).ToString().(goja.String)
		if !ok {
			return n.wa(nil)
		}
		return n.wa(base64Parse(s, call.Argument(1).String(), call.Argument(2).String()))
	})
	set("random", func(call goja.FunctionCall) goja.Value {
		size := call.Argument(0).ToInteger()
		if size < 0 || size > 1<<26 {
			panic(rt.NewTypeError("Invalid random size"))
		}
		b := make([]byte, size)
		_, _ = rand.Read(b)
		return n.wa(b)
	})
	set("hash", func(call goja.FunctionCall) goja.Value {
		h := n.newHash(call.Argument(0).String(), call.Argument(1))
		h.Write(n.bytes(call.Argument(2)))
		return n.wa(h.Sum(nil))
	})
	set("newHash", func(call goja.FunctionCall) goja.Value {
		name, outLen := call.Argument(0).String(), call.Argument(1)
		return n.hashObject(func() hash.Hash { return n.newHash(name, outLen) })
	})
	set("newHmac", func(call goja.FunctionCall) goja.Value {
		name, outLen := call.Argument(0).String(), call.Argument(1)
		key := n.utf8OrBytes(call.Argument(2))
		return n.hashObject(func() hash.Hash {
			return hmac.New(func() hash.Hash { return n.newHash(name, outLen) }, key)
		})
	})
	set("pbkdf2", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		pw, salt := n.bytes(call.Argument(1)), n.bytes(call.Argument(2))
		keySize := words(call.Argument(3))
		iter := int(call.Argument(4).ToInteger())
		if iter < 1 {
			iter = 1
		}
		return n.wa(pbkdf2.Key(pw, salt, iter, keySize*4, func() hash.Hash { return n.newHash(name, goja.Undefined()) }))
	})
	set("evpkdf", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		pw, salt := n.bytes(call.Argument(1)), n.bytes(call.Argument(2))
		keySize := words(call.Argument(3))
		iter := int(call.Argument(4).ToInteger())
		h := n.newHash(name, goja.Undefined())
		return n.wa(evpKDF(h, pw, salt, keySize*4, iter))
	})
	set("crypt", func(call goja.FunctionCall) goja.Value {
		out, err := crypt(call.Argument(0).String(), call.Argument(1).String(), call.Argument(2).ToBoolean(),
			n.bytes(call.Argument(3)), n.optBytes(call.Argument(4)), n.bytes(call.Argument(5)), int(call.Argument(6).ToInteger()))
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return n.wa(out)
	})
	return o
}

func words(v goja.Value) int {
	f := v.ToFloat()
	if math.IsNaN(f) || f < 0 {
		return 0
	}
	if f > 1<<24 {
		f = 1 << 24
	}
	return int(math.Ceil(f))
}

// hashObject wraps a hash in a JS object with update/finalize/reset/clone.
func (n *natives) hashObject(newH func() hash.Hash) *goja.Object {
	h := newH()
	return n.wrapHash(h, newH)
}

func (n *natives) wrapHash(h hash.Hash, newH func() hash.Hash) *goja.Object {
	rt := n.rt
	o := rt.NewObject()
	_ = o.Set("update", func(call goja.FunctionCall) goja.Value {
		h.Write(n.bytes(call.Argument(0)))
		return goja.Undefined()
	})
	_ = o.Set("sum", func(call goja.FunctionCall) goja.Value {
		return n.wa(h.Sum(nil))
	})
	_ = o.Set("reset", func(call goja.FunctionCall) goja.Value {
		h.Reset()
		return goja.Undefined()
	})
	_ = o.Set("clone", func(call goja.FunctionCall) goja.Value {
		c, err := cloneHash(h)
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return n.wrapHash(c, newH)
	})
	return o
}

// cloneHash copies a hash's running state.
func cloneHash(h hash.Hash) (hash.Hash, error) {
	if k, ok := h.(*keccak); ok {
		return k.clone(), nil
	}
	if c, ok := h.(interface{ Clone() (hash.Cloner, error) }); ok {
		hc, err := c.Clone()
		if err != nil {
			return nil, fmt.Errorf("cloning hash: %w", err)
		}
		return hc.(hash.Hash), nil
	}
	return nil, fmt.Errorf("cloning this hasher is not supported")
}

func (n *natives) newHash(name string, outLen goja.Value) hash.Hash {
	switch name {
	case "MD5":
		return md5.New()
	case "SHA1":
		return sha1.New()
	case "SHA224":
		return sha256.New224()
	case "SHA256":
		return sha256.New()
	case "SHA384":
		return sha512.New384()
	case "SHA512":
		return sha512.New()
	case "RIPEMD160":
		return ripemd160.New()
	case "SHA3":
		bitsOut := 512
		if outLen != nil && !goja.IsUndefined(outLen) && !goja.IsNull(outLen) {
			bitsOut = int(outLen.ToInteger())
		}
		if bitsOut <= 0 || bitsOut%64 != 0 && bitsOut%32 != 0 || bitsOut > 768 {
			panic(n.rt.NewGoError(fmt.Errorf("unsupported SHA3 outputLength %d", bitsOut)))
		}
		return newKeccak(bitsOut / 8)
	}
	panic(n.rt.NewTypeError("unsupported hasher " + name))
}

// wa makes a WordArray from b.
func (n *natives) wa(b []byte) goja.Value {
	nw := (len(b) + 3) / 4
	ws := make([]interface{}, nw)
	for i := 0; i < nw; i++ {
		var w uint32
		for j := 0; j < 4; j++ {
			w <<= 8
			if k := i*4 + j; k < len(b) {
				w |= uint32(b[k])
			}
		}
		ws[i] = int64(int32(w))
	}
	v, err := n.mk(goja.Undefined(), n.rt.NewArray(ws...), n.rt.ToValue(len(b)))
	if err != nil {
		panic(err)
	}
	return v
}

// bytes reads the significant bytes of a WordArray value as crypto-js
// iterates them (missing words read as zero).
func (n *natives) bytes(v goja.Value) []byte {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	sig := o.Get("sigBytes")
	if sig == nil {
		return nil
	}
	f := sig.ToFloat()
	if math.IsNaN(f) || f <= 0 {
		return []byte{}
	}
	cnt := int(math.Ceil(f))
	var ws []interface{}
	if wv := o.Get("words"); wv != nil {
		ws, _ = wv.Export().([]interface{})
	}
	if cnt > len(ws)*4+(1<<20) {
		cnt = len(ws) * 4
	}
	out := make([]byte, cnt)
	for i := 0; i < (cnt+3)/4 && i < len(ws); i++ {
		w := toUint32(ws[i])
		for j := 0; j < 4; j++ {
			if k := i*4 + j; k < cnt {
				out[k] = byte(w >> (24 - 8*j))
			}
		}
	}
	return out
}

func (n *natives) optBytes(v goja.Value) []byte {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	return n.bytes(v)
}

// utf8OrBytes takes a string (UTF-8 encoded) or a WordArray.
func (n *natives) utf8OrBytes(v goja.Value) []byte {
	if _, ok := v.(*goja.Object); ok {
		return n.bytes(v)
	}
	return n.utf8Bytes(v)
}

// utf8Bytes encodes a JS string as UTF-8; a lone surrogate throws URIError
// as encodeURIComponent does.
func (n *natives) utf8Bytes(v goja.Value) []byte {
	s, ok := v.ToString().(goja.String)
	if !ok {
		return []byte(v.String())
	}
	l := s.Length()
	out := make([]byte, 0, l)
	for i := 0; i < l; i++ {
		c := rune(s.CharAt(i))
		if c < 0x80 {
			out = append(out, byte(c))
			continue
		}
		if utf16.IsSurrogate(c) {
			if c < 0xDC00 && i+1 < l {
				d := rune(s.CharAt(i + 1))
				if d >= 0xDC00 && d <= 0xDFFF {
					out = utf8.AppendRune(out, utf16.DecodeRune(c, d))
					i++
					continue
				}
			}
			panic(n.rt.NewGoError(fmt.Errorf("URI malformed")))
		}
		out = utf8.AppendRune(out, c)
	}
	return out
}

func toUint32(x interface{}) uint32 {
	switch v := x.(type) {
	case int64:
		return uint32(v)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0
		}
		return uint32(int64(math.Mod(math.Trunc(v), 4294967296)))
	case int:
		return uint32(v)
	case bool:
		if v {
			return 1
		}
	}
	return 0
}

// evpKDF is OpenSSL's EVP_BytesToKey generalised as crypto-js does.
func evpKDF(h hash.Hash, pw, salt []byte, size, iter int) []byte {
	if iter < 1 {
		iter = 1
	}
	var out, block []byte
	for len(out) < size {
		h.Reset()
		h.Write(block)
		h.Write(pw)
		h.Write(salt)
		block = h.Sum(nil)
		for i := 1; i < iter; i++ {
			h.Reset()
			h.Write(block)
			block = h.Sum(nil)
		}
		out = append(out, block...)
	}
	return out[:size]
}

// crypt runs a crypto-js cipher over data (already padded when encrypting).
func crypt(algo, mode string, encrypt bool, key, iv, data []byte, drop int) ([]byte, error) {
	switch algo {
	case "RC4", "RC4Drop":
		if len(key) == 0 {
			return nil, fmt.Errorf("RC4 needs a key")
		}
		c, err := rc4.NewCipher(key)
		if err != nil {
			return nil, fmt.Errorf("RC4 key: %w", err)
		}
		if algo == "RC4Drop" && drop > 0 {
			skip := make([]byte, drop*4)
			c.XORKeyStream(skip, skip)
		}
		out := make([]byte, len(data))
		c.XORKeyStream(out, data)
		return out, nil
	case "Rabbit", "RabbitLegacy":
		return rabbit(key, iv, data, algo == "RabbitLegacy"), nil
	}
	var b cipher.Block
	var err error
	switch algo {
	case "AES":
		b, err = aes.NewCipher(key)
		if err != nil {
			return nil, fmt.Errorf("AES key of %d bytes is not supported", len(key))
		}
	case "DES":
		k := make([]byte, 8)
		copy(k, key)
		b, _ = des.NewCipher(k)
	case "TripleDES":
		k := make([]byte, 24)
		copy(k, key)
		b, _ = des.NewTripleDESCipher(k)
	default:
		return nil, fmt.Errorf("unsupported cipher %s", algo)
	}
	bs := b.BlockSize()
	if mode != "ECB" && iv == nil {
		return nil, fmt.Errorf("Cannot read properties of undefined (reading '0')")
	}
	ivb := make([]byte, bs)
	copy(ivb, iv)
	n := len(data)
	buf := make([]byte, (n+bs-1)/bs*bs)
	copy(buf, data)
	switch mode {
	case "ECB":
		for i := 0; i < len(buf); i += bs {
			if encrypt {
				b.Encrypt(buf[i:i+bs], buf[i:i+bs])
			} else {
				b.Decrypt(buf[i:i+bs], buf[i:i+bs])
			}
		}
	case "CBC":
		prev := ivb
		for i := 0; i < len(buf); i += bs {
			blk := buf[i : i+bs]
			if encrypt {
				for j := range blk {
					blk[j] ^= prev[j]
				}
				b.Encrypt(blk, blk)
				prev = blk
			} else {
				ct := append([]byte(nil), blk...)
				b.Decrypt(blk, blk)
				for j := range blk {
					blk[j] ^= prev[j]
				}
				prev = ct
			}
		}
	case "CFB":
		prev := ivb
		ks := make([]byte, bs)
		for i := 0; i < len(buf); i += bs {
			blk := buf[i : i+bs]
			b.Encrypt(ks, prev)
			if encrypt {
				for j := range blk {
					blk[j] ^= ks[j]
				}
				prev = blk
			} else {
				ct := append([]byte(nil), blk...)
				for j := range blk {
					blk[j] ^= ks[j]
				}
				prev = ct
			}
		}
	case "OFB":
		ks := append([]byte(nil), ivb...)
		for i := 0; i < len(buf); i += bs {
			b.Encrypt(ks, ks)
			for j := 0; j < bs; j++ {
				buf[i+j] ^= ks[j]
			}
		}
	case "CTR":
		// crypto-js increments only the counter's last 32-bit word.
		ctr := append([]byte(nil), ivb...)
		ks := make([]byte, bs)
		for i := 0; i < len(buf); i += bs {
			b.Encrypt(ks, ctr)
			for j := 0; j < bs; j++ {
				buf[i+j] ^= ks[j]
			}
			l := len(ctr) - 4
			w := uint32(ctr[l])<<24 | uint32(ctr[l+1])<<16 | uint32(ctr[l+2])<<8 | uint32(ctr[l+3])
			w++
			ctr[l], ctr[l+1], ctr[l+2], ctr[l+3] = byte(w>>24), byte(w>>16), byte(w>>8), byte(w)
		}
	default:
		return nil, fmt.Errorf("unsupported block cipher mode %s", mode)
	}
	return buf[:n], nil
}

// base64Stringify encodes b with the 64-character alphabet, padding with
// pad (which may be empty) as crypto-js does.
func base64Stringify(b []byte, alphabet, pad string) string {
	out := make([]byte, 0, (len(b)+2)/3*4)
	for i := 0; i < len(b); i += 3 {
		var t uint32
		for j := 0; j < 3; j++ {
			t <<= 8
			if i+j < len(b) {
				t |= uint32(b[i+j])
			}
		}
		for j := 0; j < 4 && float64(i)+float64(j)*0.75 < float64(len(b)); j++ {
			out = append(out, alphabet[t>>(6*(3-j))&0x3f])
		}
	}
	if pad != "" {
		for len(out)%4 != 0 {
			out = append(out, pad...)
		}
	}
	return string(out)
}

// base64Parse decodes s as crypto-js does: input stops at the first pad
// character, and characters outside the alphabet count as zero bits.
func base64Parse(s goja.String, alphabet, pad string) []byte {
	var rev [128]int8
	for i := range rev {
		rev[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		rev[alphabet[i]] = int8(i)
	}
	val := func(i int) uint32 {
		c := s.CharAt(i)
		if c < 128 && rev[c] >= 0 {
			return uint32(rev[c])
		}
		return 0
	}
	n := s.Length()
	if pad != "" {
		p := pad[0]
		for i := 0; i < n; i++ {
			if s.CharAt(i) == uint16(p) {
				n = i
				break
			}
		}
	}
	out := make([]byte, 0, n*3/4)
	for i := 1; i < n; i++ {
		if m := uint(i % 4); m != 0 {
			out = append(out, byte(val(i-1)<<(m*2)|val(i)>>(6-m*2)))
		}
	}
	return out
}
