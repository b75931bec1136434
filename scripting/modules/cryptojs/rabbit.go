package cryptojs

import (
	"encoding/binary"
	"math/bits"
)

// rabbitState is the Rabbit stream cipher (RFC 4503) as crypto-js runs it.
type rabbitState struct {
	x, c [8]uint32
	b    uint32
}

var rabbitA = [8]uint32{0x4D34D34D, 0xD34D34D3, 0x34D34D34, 0x4D34D34D, 0xD34D34D3, 0x34D34D34, 0x4D34D34D, 0xD34D34D3}

func rabbitG(u, v uint32) uint32 {
	sq := uint64(u+v) * uint64(u+v)
	return uint32(sq) ^ uint32(sq>>32)
}

func (s *rabbitState) next() {
	var carry uint32 = s.b
	for j := 0; j < 8; j++ {
		sum, c := bits.Add32(s.c[j], rabbitA[j], carry)
		s.c[j], carry = sum, c
	}
	s.b = carry
	var g [8]uint32
	for j := 0; j < 8; j++ {
		g[j] = rabbitG(s.x[j], s.c[j])
	}
	r := bits.RotateLeft32
	s.x[0] = g[0] + r(g[7], 16) + r(g[6], 16)
	s.x[1] = g[1] + r(g[0], 8) + g[7]
	s.x[2] = g[2] + r(g[1], 16) + r(g[0], 16)
	s.x[3] = g[3] + r(g[2], 8) + g[1]
	s.x[4] = g[4] + r(g[3], 16) + r(g[2], 16)
	s.x[5] = g[5] + r(g[4], 8) + g[3]
	s.x[6] = g[6] + r(g[5], 16) + r(g[4], 16)
	s.x[7] = g[7] + r(g[6], 8) + g[5]
}

// rabbit XORs data with the Rabbit keystream for key (first 16 bytes, zero
// padded) and iv (first 8 bytes; nil skips IV setup). legacy reads the key
// as big-endian words, as crypto-js's RabbitLegacy does.
func rabbit(key, iv, data []byte, legacy bool) []byte {
	var kb [16]byte
	copy(kb[:], key)
	var k [4]uint32
	for i := range k {
		if legacy {
			k[i] = binary.BigEndian.Uint32(kb[i*4:])
		} else {
			k[i] = binary.LittleEndian.Uint32(kb[i*4:])
		}
	}
	var s rabbitState
	s.x = [8]uint32{
		k[0], k[3]<<16 | k[2]>>16, k[1], k[0]<<16 | k[3]>>16,
		k[2], k[1]<<16 | k[0]>>16, k[3], k[2]<<16 | k[1]>>16,
	}
	s.c = [8]uint32{
		k[2]<<16 | k[2]>>16, k[0]&0xffff0000 | k[1]&0xffff, k[3]<<16 | k[3]>>16, k[1]&0xffff0000 | k[2]&0xffff,
		k[0]<<16 | k[0]>>16, k[2]&0xffff0000 | k[3]&0xffff, k[1]<<16 | k[1]>>16, k[3]&0xffff0000 | k[0]&0xffff,
	}
	for i := 0; i < 4; i++ {
		s.next()
	}
	for j := 0; j < 8; j++ {
		s.c[j] ^= s.x[(j+4)&7]
	}
	if iv != nil {
		var ivb [8]byte
		copy(ivb[:], iv)
		i0 := binary.LittleEndian.Uint32(ivb[0:])
		i2 := binary.LittleEndian.Uint32(ivb[4:])
		i1 := i0>>16 | i2&0xffff0000
		i3 := i2<<16 | i0&0xffff
		ivw := [4]uint32{i0, i1, i2, i3}
		for j := 0; j < 8; j++ {
			s.c[j] ^= ivw[j&3]
		}
		for i := 0; i < 4; i++ {
			s.next()
		}
	}
	out := make([]byte, len(data))
	var ks [16]byte
	for off := 0; off < len(data); off += 16 {
		s.next()
		x := &s.x
		binary.LittleEndian.PutUint32(ks[0:], x[0]^x[5]>>16^x[3]<<16)
		binary.LittleEndian.PutUint32(ks[4:], x[2]^x[7]>>16^x[5]<<16)
		binary.LittleEndian.PutUint32(ks[8:], x[4]^x[1]>>16^x[7]<<16)
		binary.LittleEndian.PutUint32(ks[12:], x[6]^x[3]>>16^x[1]<<16)
		for i := 0; i < 16 && off+i < len(data); i++ {
			out[off+i] = data[off+i] ^ ks[i]
		}
	}
	return out
}
