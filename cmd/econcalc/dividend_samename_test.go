package main

import (
	"math/rand/v2"
	"testing"
)

// TestSameName: sameName says what == says, for names of every length
// around its two-word compare (7 to 17 bytes and beyond) that differ in any
// one byte, or not at all.
func TestSameName(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for _, name := range []string{"", "A", "金台村", "金台村1", "罗建村一组", "东冲村十二组", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq"} {
		for i := range len(name) + 1 {
			b := []byte(name)
			if i < len(b) {
				b[i] ^= byte(1 + rng.IntN(255))
			}
			if got, want := sameName(b, name), string(b) == name; got != want {
				t.Errorf("sameName(%q, %q) = %v, want %v", b, name, got, want)
			}
			if got := sameName(b[:len(b)/2], name); len(name) > 0 && got {
				t.Errorf("sameName(%q, %q) = true", b[:len(b)/2], name)
			}
		}
	}
}
