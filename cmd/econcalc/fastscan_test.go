package main

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestSplitRowMatchesSplit holds splitRow, which looks at eight bytes at a
// time, to the obvious split on random text over the bytes that trip such
// scanners: the delimiter, line ends, and the bytes one above each (',' is
// 0x2C and '-' 0x2D, so "a,-5" has one), at every length and alignment.
func TestSplitRowMatchesSplit(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	alphabet := []byte{',', '-', '\n', '\v', '\t', 'a', '5', 0x80}
	for trial := 0; trial < 20000; trial++ {
		delim := []byte{',', '\t'}[trial%2]
		text := make([]byte, rng.IntN(40))
		for i := range text {
			text[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if rng.IntN(4) == 0 && len(text) > 0 {
			text[len(text)-1] = '\r' // a CR that ends the text
		}
		if i := bytes.IndexByte(text, '\n'); i > 0 && rng.IntN(2) == 0 {
			text[i-1] = '\r' // a CRLF line end
		}

		line, rest, found := bytes.Cut(text, []byte{'\n'})
		if !found {
			rest = text[len(text):]
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		want := bytes.Split(line, []byte{delim})

		row, fields, gotRest := splitRow(text, delim, nil)
		if !bytes.Equal(row, line) || !bytes.Equal(gotRest, rest) || len(fields) != len(want) {
			t.Fatalf("delim %q, text %q: row %q rest %q fields %q; want %q %q %q", delim, text, row, gotRest, fields, line, rest, want)
		}
		for i := range want {
			if !bytes.Equal(fields[i], want[i]) {
				t.Fatalf("delim %q, text %q: fields %q, want %q", delim, text, fields, want)
			}
		}
	}
}
