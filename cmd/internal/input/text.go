package input

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkPlain declines text the plain scanner does not read: a quote (quoted
// fields are the RFC 4180 reader's), a NUL, a CR anywhere but before an LF, or
// invalid UTF-8. It looks at a block at a time, at memchr speed.
func checkPlain(b []byte) error {
	if bytes.IndexByte(b, '"') >= 0 || bytes.IndexByte(b, 0) >= 0 {
		return errNotPlain
	}
	if cr := bytes.Count(b, []byte{'\r'}); cr > 0 && cr != bytes.Count(b, []byte("\r\n")) {
		return errNotPlain
	}
	if !validUTF8(b) {
		return errNotPlain
	}
	return nil
}

// validUTF8 is utf8.Valid, quicker on text that is mostly ASCII with a few
// characters beyond it in every row: it goes back to eight bytes at a time
// after each run of them, where utf8.Valid goes on a byte at a time, skips
// the ASCII bytes before one in a single step, and passes over a run of
// three-byte characters (a Chinese name) without looking for ASCII between
// them (TestValidUTF8MatchesTheLibrary).
func validUTF8(b []byte) bool {
	for len(b) > 0 {
		if len(b) >= 8 {
			// Straight to the first byte beyond ASCII in the next eight.
			high := binary.LittleEndian.Uint64(b) & 0x8080808080808080
			if high == 0 {
				b = b[8:]
				continue
			}
			b = b[bits.TrailingZeros64(high)/8:]
		}
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		// Three bytes, as Chinese characters are, neither overlong nor a
		// surrogate.
		for len(b) >= 3 && b[0] >= 0xE1 && b[0] <= 0xEF && b[0] != 0xED && b[1]&0xC0 == 0x80 && b[2]&0xC0 == 0x80 {
			b = b[3:]
		}
		if len(b) == 0 || b[0] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			return false
		}
		b = b[size:]
	}
	return true
}

// trimCell is bytes.TrimSpace, quicker for the usual cell with no space at
// either end: it looks at the end bytes only, and trims when they could be
// part of a space (TestTrimCellIsTrimSpace tries every character).
func trimCell(b []byte) []byte {
	if len(b) > 0 && !maybeSpaceStart(b[0]) && !maybeSpaceEnd(b[len(b)-1]) {
		return b
	}
	return bytes.TrimSpace(b)
}

// maybeSpaceStart: c is ASCII space or control, or leads the UTF-8 of
// U+0085, U+00A0, U+1680, U+2000–U+205F or U+3000.
func maybeSpaceStart(c byte) bool { return c <= ' ' || c >= 0xC2 && c <= 0xE3 }

// maybeSpaceEnd: c is ASCII space or control, or ends the UTF-8 of one of
// those spaces.
func maybeSpaceEnd(c byte) bool {
	return c <= ' ' || c >= 0x80 && c <= 0x8A || c == 0x9F || c == 0xA0 || c == 0xA8 || c == 0xA9 || c == 0xAF
}

// splitRow splits the first line of checked text into fields on delim, in
// one pass over its bytes, eight at a time (short fields make a search per
// field cost more than the bytes); row is the line without its end, rest
// what follows it.
func splitRow(text []byte, delim byte, fields [][]byte) (row []byte, _ [][]byte, rest []byte) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	start, end, next := 0, len(text), len(text)
	delims, newlines := ones*uint64(delim), ones*uint64('\n')
	i := 0
words:
	for ; i+8 <= len(text); i += 8 {
		x := binary.LittleEndian.Uint64(text[i:])
		d, n := x^delims, x^newlines
		// A byte of d or n is zero where text has delim or a newline; the
		// flags mark every such byte, and may mark a byte after one, which
		// the look at the byte itself then passes over.
		for z := ((d-ones)&^d | (n-ones)&^n) & highs; z != 0; z &= z - 1 {
			j := i + bits.TrailingZeros64(z)/8
			if c := text[j]; c == delim {
				fields = append(fields, text[start:j])
				start = j + 1
			} else if c == '\n' {
				end, next = j, j+1
				break words
			}
		}
	}
	if end == len(text) {
		for ; i < len(text); i++ {
			if c := text[i]; c == delim {
				fields = append(fields, text[start:i])
				start = i + 1
			} else if c == '\n' {
				end, next = i, i+1
				break
			}
		}
	}
	row = text[:end]
	if end > 0 && row[end-1] == '\r' {
		row = row[:end-1]
	}
	return row, append(fields, row[min(start, len(row)):]), text[next:]
}

// splitFirst is splitRow for the first k fields only (fewer when the row has
// fewer), for a second look at text already split whole: it finds the line's
// end and k delimiters at memchr speed instead of looking at every byte.
func splitFirst(text []byte, delim byte, fields [][]byte, k int) (row []byte, _ [][]byte, rest []byte) {
	end, next := len(text), len(text)
	if nl := bytes.IndexByte(text, '\n'); nl >= 0 {
		end, next = nl, nl+1
	}
	row = text[:end]
	if end > 0 && row[end-1] == '\r' {
		row = row[:end-1]
	}
	for cell := row; len(fields) < k; {
		d := bytes.IndexByte(cell, delim)
		if d < 0 {
			fields = append(fields, cell)
			break
		}
		fields, cell = append(fields, cell[:d]), cell[d+1:]
	}
	return row, fields, text[next:]
}

// maybeBlank is a quick look at whether a row could be all empty cells: one
// that starts with anything but a space or the delimiter cannot.
func maybeBlank(row []byte, delim byte) bool {
	if len(row) == 0 {
		return true
	}
	c := row[0]
	return c == delim || c == ' ' || (c >= '\t' && c <= '\r') || c >= utf8.RuneSelf
}

// blankRow reports fields that are all spaces or empty; a field that starts
// with a printable ASCII byte is not, and is seen so without TrimSpace.
func blankRow(fields [][]byte) bool {
	for _, f := range fields {
		if len(f) > 0 && f[0] > ' ' && f[0] < utf8.RuneSelf || len(bytes.TrimSpace(f)) > 0 {
			return false
		}
	}
	return true
}

// unwrap joins the lines of a wrapped cell, so that a sheet's row stays
// one line of input: with nothing between two Chinese characters or
// full-width marks ("累计\n完成" is 累计完成, "年度计划\n（万元）" is
// 年度计划（万元）, as Chinese is written without spaces), else with a space
// ("本期\n(万元)" is "本期 (万元)").
func unwrap(cell string) string {
	if !strings.ContainsAny(cell, "\r\n") {
		return cell // the usual cell: no copy
	}
	var b strings.Builder
	for i := 0; i < len(cell); {
		brk := 0
		for i+brk < len(cell) && (cell[i+brk] == '\r' || cell[i+brk] == '\n') {
			brk++
		}
		if brk == 0 {
			b.WriteByte(cell[i])
			i++
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(cell[:i])
		after, _ := utf8.DecodeRuneInString(cell[i+brk:])
		if !wide(before) || !wide(after) {
			b.WriteByte(' ')
		}
		i += brk
	}
	return b.String()
}

// wide reports a Chinese character or a full-width mark (（, ：, 、).
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}
