package input

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"
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

// TestValidUTF8MatchesTheLibrary: validUTF8 agrees with utf8.Valid on
// random mixtures of ASCII, Chinese, stray continuation bytes, truncated
// characters, surrogates and overlong forms.
func TestValidUTF8MatchesTheLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	pieces := [][]byte{[]byte("a,1"), []byte("12345678"), []byte("村"), []byte("\u3000"), {0x80}, {0xE6, 0x9D},
		{0xED, 0xA0, 0x80}, {0xE0, 0x80, 0x80}, {0xE0, 0xA0, 0x80}, {0xEF, 0xBF, 0xBF}, {0xC0, 0xAF}, {0xF4, 0x90, 0x80, 0x80}, []byte("\U0001F600"), {0xFF}, []byte("\n"),
		[]byte("金台村"), {0xE9, 0x87, 0x41}, {0xE9, 0x87, 0xD1, 0x80}}
	for trial := 0; trial < 50000; trial++ {
		var b []byte
		for n := rng.IntN(12); n > 0; n-- {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(3) > 0 {
				p = pieces[rng.IntN(4)] // mostly valid text
			}
			b = append(b, p...)
		}
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("% x: validUTF8 %v, utf8.Valid %v", b, got, want)
		}
	}
}

// TestTrimCellIsTrimSpace: trimCell trims exactly what bytes.TrimSpace does,
// with every character of Unicode at either end of a cell.
func TestTrimCellIsTrimSpace(t *testing.T) {
	check := func(cell string) {
		if got, want := trimCell([]byte(cell)), bytes.TrimSpace([]byte(cell)); !bytes.Equal(got, want) {
			t.Fatalf("%q: trimCell %q, bytes.TrimSpace %q", cell, got, want)
		}
	}
	for _, cell := range []string{"", " ", "a", "金台村", "\r\n", "43110300001000001"} {
		check(cell)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if utf8.ValidRune(r) {
			check(string(r) + "村")
			check("村" + string(r))
		}
	}
}

// TestSplitFirstIsSplitRowCut: splitFirst gives the row, the rest and the
// first k fields exactly as splitRow does, on random lines of delimiters,
// spaces, CRs and Chinese, with and without a line end.
func TestSplitFirstIsSplitRowCut(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	pieces := []string{",", ",", "a", "12", " ", "村", "\r", "\n", "43110300001000001"}
	for range 50_000 {
		var b []byte
		for n := rng.IntN(16); n > 0; n-- {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		if rng.IntN(2) == 0 {
			b = append(b, '\n')
		}
		k := 1 + rng.IntN(4)
		row, all, rest := splitRow(b, ',', nil)
		frow, first, frest := splitFirst(b, ',', nil, k)
		want := all[:min(k, len(all))]
		if !bytes.Equal(row, frow) || !bytes.Equal(rest, frest) || len(first) != len(want) {
			t.Fatalf("%q, k %d: splitFirst %q %q %q, splitRow %q %q %q", b, k, frow, first, frest, row, want, rest)
		}
		for i := range want {
			if !bytes.Equal(first[i], want[i]) {
				t.Fatalf("%q, k %d: field %d %q, splitRow's %q", b, k, i, first[i], want[i])
			}
		}
	}
}

// TestBlankRowIsTrimSpace: blankRow's quick look at a field's first byte
// agrees with trimming every field, on fields of spaces, controls, Unicode
// spaces and printable text.
func TestBlankRowIsTrimSpace(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	pieces := []string{"", " ", "\t", "\r", "\x00", "\x1f", "\x7f", "!", "0", "a", "~", "\u3000", "\u00a0", "\u0085", "村", "\xff"}
	for trial := 0; trial < 20000; trial++ {
		fields := make([][]byte, 1+rng.IntN(3))
		for i := range fields {
			for n := rng.IntN(4); n > 0; n-- {
				fields[i] = append(fields[i], pieces[rng.IntN(len(pieces))]...)
			}
		}
		want := true
		for _, f := range fields {
			want = want && len(bytes.TrimSpace(f)) == 0
		}
		if got := blankRow(fields); got != want {
			t.Fatalf("%q: blankRow %v, trimmed %v", fields, got, want)
		}
	}
}
