package report

import (
	"strings"
	"unicode/utf8"
)

// How table and markdown show text that would not print as itself: they
// are read on a terminal or in a viewer, where a character that acts
// instead of printing breaks the columns, and an escape sequence from a
// file could drive the terminal (retitle it, recolour it, hide the rows
// after it). csv, tsv, json and xlsx carry the text exactly.

// oneLine shows the line breaks inside a cell as ↵ in a table, so that a
// name holding one never draws as a row of its own. csv, tsv and json keep
// the bytes.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		return lineBreaks.Replace(s)
	}
	return s
}

var lineBreaks = strings.NewReplacer("\r\n", "↵", "\n", "↵", "\r", "↵")

// escapeControls writes each character of s that acts rather than prints
// (actsNotPrints) as Go spells it in a string, \x1b, \u202e, and each byte
// that is not UTF-8 as \xff. An escape, not a control picture (␛), because
// pictures exist only for C0 and DEL, are missing from many fonts and drawn
// wide by some CJK ones, while an escape is plain ASCII, one column a byte
// anywhere, and names the code point to look for in the input. Tabs and
// line breaks are left to the caller, which draws them its own way.
func escapeControls(s string) string {
	i := firstEscaped(s)
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s)+16)
	b = append(b, s[:i]...)
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = appendHexEscape(b, `\x`, rune(s[i]), 2)
		case r < utf8.RuneSelf && actsNotPrints(r):
			b = appendHexEscape(b, `\x`, r, 2)
		case actsNotPrints(r):
			b = appendHexEscape(b, `\u`, r, 4)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// firstEscaped is where the first character escapeControls escapes is,
// or -1: most text has none and is returned as it is.
func firstEscaped(s string) int {
	for i, r := range s {
		if actsNotPrints(r) || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return i
		}
	}
	return -1
}

// actsNotPrints: r is a control character other than a tab or a line
// break (C0, DEL, C1: ESC starts terminal sequences, BEL rings, BS and
// NUL hide what is before or after them), a line or paragraph separator
// (U+2028, U+2029), or a bidirectional mark, embedding, override or
// isolate, which reorders the text drawn after it so that a cell shows
// other than it holds.
func actsNotPrints(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f: // ALM, LRM, RLM
		return true
	case r >= 0x2028 && r <= 0x202e: // LS, PS; LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	}
	return false
}

// appendHexEscape appends prefix and r in at least digits lower-case
// hexadecimal digits.
func appendHexEscape(b []byte, prefix string, r rune, digits int) []byte {
	const hex = "0123456789abcdef"
	b = append(b, prefix...)
	for shift := (digits - 1) * 4; shift >= 0; shift -= 4 {
		b = append(b, hex[r>>shift&0xf])
	}
	return b
}
