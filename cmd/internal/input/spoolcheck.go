package input

import (
	"bytes"
	"unicode/utf8"
)

// What is spooled is checked as it is read, so that a stream of garbage is
// not copied to disk before anything looks at it: the first block for its
// encoding (checkFirst), every chunk for NUL bytes and records longer than
// the limit (skim). Spooling stops after the first bad byte, which is kept,
// so that the reader that reaches it names it as it would in a file.

// invalidUTF8Msg is the error for text that is not UTF-8 where UTF-8 is read.
const invalidUTF8Msg = "invalid UTF-8 (for a file saved by Excel on Chinese Windows, add --encoding gb18030)"

// checkFirst checks the first block read, in the encoding the reader will
// decide on: every GB18030 character, or UTF-8 up to a character cut off by
// the block's end. It returns how much of b to keep: all, or as far as the
// first bad byte, with it.
func (t *textCheck) checkFirst(b []byte, gb18030 bool) (int, *guardError) {
	t.gb18030 = gb18030
	defer func() { t.gb18030 = false }()
	if gb18030 {
		return t.skim(b)
	}
	if at := firstInvalidUTF8(b); at >= 0 {
		if n, bad := t.skim(b[:at]); bad != nil {
			return n, bad
		}
		return at + 1, &guardError{line: t.line, col: t.col + 1, msg: invalidUTF8Msg}
	}
	return t.skim(b)
}

// firstInvalidUTF8 is where b stops being UTF-8, or -1; a character cut off
// by the end of b does not count.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:]) {
				return -1
			}
			return i
		}
		i += size
	}
	return -1
}

// skim is scan without output, and quicker on the usual chunk: one without
// a quote or NUL, whose CRs all end lines before an LF, read while no
// record runs on from an earlier line. Records are lines there, and only
// their lengths need a look: every line must end within the limit, which a
// search from the far end of each window of the limit's size settles, a
// few searches per megabyte.
func (t *textCheck) skim(b []byte) (int, *guardError) {
	if t.quoted || t.afterCR || t.gbLen > 0 || t.gb18030 || t.start != t.line ||
		bytes.IndexByte(b, '"') >= 0 || bytes.IndexByte(b, 0) >= 0 || !crOnlyBeforeLF(b) {
		_, at, bad := t.scan(b, nil, false)
		if bad != nil {
			return at + 1, bad
		}
		return len(b), nil
	}
	pos := 0 // where the current line goes on; t.col bytes of it come before
	for pos < len(b) {
		limit := pos + t.max - t.col // b[pos:limit] may be the rest of the line
		end := min(limit+2, len(b))  // then a CR and an LF, or an LF
		j := bytes.LastIndexByte(b[pos:end], '\n')
		tooLong := false
		switch {
		case j < 0:
			tooLong = len(b) > limit
		case pos+j == limit+1 && b[limit] != '\r':
			tooLong = bytes.IndexByte(b[pos:limit+1], '\n') < 0
		}
		if tooLong {
			t.line += bytes.Count(b[:pos], []byte{'\n'})
			t.start = t.line
			return limit + 1, &guardError{line: t.line, col: t.max + 1,
				msg: t.tooLong().msg}
		}
		if j < 0 {
			t.col += len(b) - pos
			break
		}
		pos += j + 1
		t.col = 0
	}
	if lines := bytes.Count(b, []byte{'\n'}); lines > 0 {
		t.line += lines
		t.start = t.line
	}
	t.size = t.col
	return len(b), nil
}

// crOnlyBeforeLF: every CR in b ends a line before its LF.
func crOnlyBeforeLF(b []byte) bool {
	cr := bytes.Count(b, []byte{'\r'})
	return cr == 0 || cr == bytes.Count(b, []byte("\r\n"))
}
