package cryptojs

import (
	"encoding/binary"
	"math/bits"
)

// keccakRC are the Keccak-f[1600] round constants.
var keccakRC = [24]uint64{
	0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
	0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
	0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
	0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
	0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
	0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
}

// keccakRot[x+5y] is the rho rotation of lane (x, y).
var keccakRot = [25]int{
	0, 1, 62, 28, 27,
	36, 44, 6, 55, 20,
	3, 10, 43, 25, 39,
	41, 45, 15, 21, 8,
	18, 2, 61, 56, 14,
}

func keccakF(a *[25]uint64) {
	var c [5]uint64
	var b [25]uint64
	for round := 0; round < 24; round++ {
		for x := 0; x < 5; x++ {
			c[x] = a[x] ^ a[x+5] ^ a[x+10] ^ a[x+15] ^ a[x+20]
		}
		for x := 0; x < 5; x++ {
			d := c[(x+4)%5] ^ bits.RotateLeft64(c[(x+1)%5], 1)
			for y := 0; y < 25; y += 5 {
				a[x+y] ^= d
			}
		}
		// rho and pi: B[y, 2x+3y] = rot(A[x, y])
		for x := 0; x < 5; x++ {
			for y := 0; y < 5; y++ {
				b[y+5*((2*x+3*y)%5)] = bits.RotateLeft64(a[x+5*y], keccakRot[x+5*y])
			}
		}
		for y := 0; y < 25; y += 5 {
			for x := 0; x < 5; x++ {
				a[x+y] = b[x+y] ^ (^b[(x+1)%5+y] & b[(x+2)%5+y])
			}
		}
		a[0] ^= keccakRC[round]
	}
}

// keccak is the original Keccak sponge (padding 0x01), the algorithm
// crypto-js calls SHA3, with any output length in bytes.
type keccak struct {
	a      [25]uint64
	buf    []byte
	rate   int
	outLen int
}

func newKeccak(outLen int) *keccak {
	rate := 200 - 2*outLen
	if rate <= 0 || rate%8 != 0 {
		rate = 200 - 2*64
	}
	return &keccak{rate: rate, outLen: outLen, buf: make([]byte, 0, rate)}
}

func (k *keccak) absorb(block []byte) {
	for i := 0; i < len(block)/8; i++ {
		k.a[i] ^= binary.LittleEndian.Uint64(block[i*8:])
	}
	keccakF(&k.a)
}

func (k *keccak) Write(p []byte) (int, error) {
	n := len(p)
	if len(k.buf) > 0 {
		m := copy(k.buf[len(k.buf):k.rate], p)
		k.buf = k.buf[:len(k.buf)+m]
		p = p[m:]
		if len(k.buf) == k.rate {
			k.absorb(k.buf)
			k.buf = k.buf[:0]
		}
	}
	for len(p) >= k.rate {
		k.absorb(p[:k.rate])
		p = p[k.rate:]
	}
	k.buf = append(k.buf, p...)
	return n, nil
}

func (k *keccak) Sum(in []byte) []byte {
	d := *k
	d.buf = append([]byte(nil), k.buf...)
	block := make([]byte, d.rate)
	copy(block, d.buf)
	block[len(d.buf)] ^= 0x01
	block[d.rate-1] ^= 0x80
	d.absorb(block)
	out := make([]byte, 0, d.outLen)
	for {
		var lane [8]byte
		for i := 0; i < d.rate/8 && len(out) < d.outLen; i++ {
			binary.LittleEndian.PutUint64(lane[:], d.a[i])
			out = append(out, lane[:]...)
		}
		if len(out) >= d.outLen {
			break
		}
		keccakF(&d.a)
	}
	return append(in, out[:d.outLen]...)
}

func (k *keccak) Reset() {
	k.a = [25]uint64{}
	k.buf = k.buf[:0]
}

func (k *keccak) Size() int      { return k.outLen }
func (k *keccak) BlockSize() int { return k.rate }

func (k *keccak) clone() *keccak {
	d := *k
	d.buf = append(make([]byte, 0, k.rate), k.buf...)
	return &d
}
