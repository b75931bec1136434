package cryptojs

import (
	"encoding/hex"
	"testing"

	"golang.org/x/crypto/sha3"
)

func TestKeccakMatchesLegacyKeccak(t *testing.T) {
	for _, n := range []int{0, 1, 71, 72, 73, 135, 136, 137, 500} {
		msg := make([]byte, n)
		for i := range msg {
			msg[i] = byte(i * 7)
		}
		for _, c := range []struct {
			size int
			ref  func() interface {
				Write([]byte) (int, error)
				Sum([]byte) []byte
			}
		}{
			{32, func() interface {
				Write([]byte) (int, error)
				Sum([]byte) []byte
			} {
				return sha3.NewLegacyKeccak256()
			}},
			{64, func() interface {
				Write([]byte) (int, error)
				Sum([]byte) []byte
			} {
				return sha3.NewLegacyKeccak512()
			}},
		} {
			k := newKeccak(c.size)
			// split writes to exercise buffering
			k.Write(msg[:n/3])
			k.Write(msg[n/3:])
			r := c.ref()
			r.Write(msg)
			if got, want := hex.EncodeToString(k.Sum(nil)), hex.EncodeToString(r.Sum(nil)); got != want {
				t.Errorf("len %d size %d: got %s want %s", n, c.size, got, want)
			}
		}
	}
}
