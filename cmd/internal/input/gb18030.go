package input

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// GB18030 is decoded by golang.org/x/text, which turns a byte sequence that
// is no character into U+FFFD and goes on. econcalc refuses such text
// instead, as it refuses invalid UTF-8: the checks here say which sequences
// the decoder reads as characters, so that the guard can name the first
// that it does not, by line and byte column in the file as written.
//
// A character is one byte below 0x80, or 0x80 (the euro sign of Code Page
// 936), two bytes (a lead 0x81–0xFE, then 0x40–0x7E or 0x80–0xFE) or four
// (0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39). No byte after the first is
// below 0x30, so a NUL, a line end, a quote, a comma or a tab is never part
// of a character: the guard finds them in the bytes as written.

// gbTwoByteInvalid marks the two-byte sequences the decoder has no
// character for, by gbPairIndex; built on first use.
var gbTwoByteInvalid = sync.OnceValue(func() []bool {
	pairs := make([]byte, 0, 126*190*2)
	for c0 := 0x81; c0 <= 0xFE; c0++ {
		for c1 := 0x40; c1 <= 0xFE; c1++ {
			if c1 != 0x7F {
				pairs = append(pairs, byte(c0), byte(c1))
			}
		}
	}
	text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(pairs)
	if err != nil {
		panic("input: decoding every GB18030 pair: " + err.Error())
	}
	invalid := make([]bool, 0, 126*190)
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		invalid = append(invalid, r == utf8.RuneError) // each pair decodes to one rune
		text = text[size:]
	}
	if len(invalid) != 126*190 {
		panic("input: GB18030 pairs did not decode one rune each")
	}
	return invalid
})

// gbPairIndex numbers a two-byte sequence; c1 is 0x40–0xFE but not 0x7F.
func gbPairIndex(c0, c1 byte) int {
	i := int(c1) - 0x40
	if c1 > 0x7F {
		i--
	}
	return int(c0-0x81)*190 + i
}

func gbTrailOfTwo(c byte) bool   { return c >= 0x40 && c <= 0xFE && c != 0x7F }
func gbSecondOfFour(c byte) bool { return c >= 0x30 && c <= 0x39 }
func gbLeadOrThird(c byte) bool  { return c >= 0x81 && c <= 0xFE }

// gbFourByteValid: a complete four-byte sequence, each byte in its range,
// is a character when its linear number falls in the BMP table or in the
// range that maps U+10000–U+10FFFF, as the decoder reads it.
func gbFourByteValid(b [4]byte) bool {
	r := ((int(b[0]-0x81)*10+int(b[1]-0x30))*126+int(b[2]-0x81))*10 + int(b[3]-0x30)
	return r < 39420 || r >= 189000 && r < 189000+0x100000
}

// validGB18030 reports whether b is whole GB18030 characters, every one of
// which the decoder reads as a character.
func validGB18030(b []byte) bool {
	for i := 0; i < len(b); {
		c0 := b[i]
		if c0 <= 0x80 {
			i++
			continue
		}
		if c0 == 0xFF || i+1 >= len(b) {
			return false
		}
		switch c1 := b[i+1]; {
		case gbTrailOfTwo(c1):
			if gbTwoByteInvalid()[gbPairIndex(c0, c1)] {
				return false
			}
			i += 2
		case gbSecondOfFour(c1):
			if i+3 >= len(b) || !gbLeadOrThird(b[i+2]) || !gbSecondOfFour(b[i+3]) ||
				!gbFourByteValid([4]byte{c0, c1, b[i+2], b[i+3]}) {
				return false
			}
			i += 4
		default:
			return false
		}
	}
	return true
}
