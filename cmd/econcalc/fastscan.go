package main

import (
	"bytes"
	"encoding/binary"
	"math/bits"

	"errors"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"io"
	"os"
	"runtime"
	"sync/atomic"
	"unicode/utf8"
)

// The fast path of the input layer. It reads plain CSV — UTF-8, no quote
// character, a one-byte delimiter, no NUL, CRLF or LF line ends — straight
// from byte blocks, in parallel over ranges of a regular file, handing each
// row to the command as byte slices. Anything else, including every error,
// makes it decline with errSlowPath: the command then reads the same input
// on the general path, which gives the canonical result or message. So the
// fast path changes how quickly econcalc answers, never what it answers.

// errSlowPath is the fast path declining.
var errSlowPath = errors.New("fast path declined")

// fastPathOff turns the fast path off (ECONCALC_FASTPATH=off), to compare
// the two paths or to rule one out.
var fastPathOff = os.Getenv("ECONCALC_FASTPATH") == "off"

const fastBlock = 1 << 20 // bytes read at a time

// fastMinSize is the size below which a file is read by one goroutine (a
// variable so that tests split small files).
var fastMinSize int64 = 8 << 20

// fastPathHits counts runs the fast path answered, for tests.
var fastPathHits atomic.Int64

// plainFile is a file the fast path reads: its data rows start at start.
type plainFile struct {
	name    string // as shown in messages ("stdin" for spooled input)
	gb18030 bool   // decoded block by block
	r       io.ReaderAt
	c       io.Closer
	start   int64
	size    int64
	line    int // line number of the first data row
}

// rowSink takes the rows of one range. fields are valid only during the
// call; line counts from 1 at the range's first line.
type rowSink func(fields [][]byte, line int) error

// fastRange is one worker's share of a file.
type fastRange struct {
	file     *plainFile
	from, to int64
	lines    int // lines in the range, known once it is scanned
}

// plainInput is the input the fast path reads.
type plainInput struct {
	files     []*plainFile
	ncols     int
	delim     byte
	maxRecord int
}

// size is the bytes of data rows in all the files.
func (p plainInput) size() int64 {
	var n int64
	for _, f := range p.files {
		n += f.size - f.start
	}
	return n
}

// scan runs newSink's sinks over every data row, in parallel ranges unless
// inOrder asks for one range per file, read one after another in file order
// (so that sinks may share state); newSink is called once per range, before
// any of that range's rows is read. It returns the ranges in file order
// with their line counts, so that a sink's local line numbers can be made
// absolute.
func (p plainInput) scan(inOrder bool, newSink func(r *fastRange) rowSink) ([]*fastRange, error) {
	var ranges []*fastRange
	for _, pf := range p.files {
		rs, err := splitRanges(pf, p.maxRecord, inOrder)
		if err != nil {
			return nil, err
		}
		ranges = append(ranges, rs...)
	}
	if inOrder {
		for _, r := range ranges {
			if err := scanRange(r, p.ncols, p.delim, p.maxRecord, newSink(r)); err != nil {
				return nil, err
			}
		}
		return ranges, nil
	}
	sinks := make([]rowSink, len(ranges))
	for i, r := range ranges {
		sinks[i] = newSink(r)
	}
	errs := make([]error, len(ranges))
	inParts(len(ranges), len(ranges), func(i, _, _ int) {
		errs[i] = scanRange(ranges[i], p.ncols, p.delim, p.maxRecord, sinks[i])
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return ranges, nil
}

// absoluteLine turns a line counted within ranges[i] into a line of its file.
func absoluteLine(ranges []*fastRange, r *fastRange, local int) int {
	line := r.file.line - 1 + local
	for _, o := range ranges {
		if o == r {
			break
		}
		if o.file == r.file {
			line += o.lines
		}
	}
	return line
}

// splitRanges cuts a file's data into one range per core, at line ends.
func splitRanges(pf *plainFile, maxRecord int, inOrder bool) ([]*fastRange, error) {
	n := runtime.GOMAXPROCS(0)
	if pf.size-pf.start < fastMinSize || n < 2 || inOrder {
		n = 1
	}
	cuts := []int64{pf.start}
	buf := make([]byte, maxRecord+1)
	for k := 1; k < n; k++ {
		nominal := pf.start + (pf.size-pf.start)*int64(k)/int64(n)
		if nominal <= cuts[len(cuts)-1] {
			continue
		}
		m, err := pf.r.ReadAt(buf, nominal)
		if err != nil && err != io.EOF {
			return nil, err
		}
		nl := bytes.IndexByte(buf[:m], '\n')
		if nl < 0 {
			return nil, errSlowPath // a line longer than the limit, or the end
		}
		cuts = append(cuts, nominal+int64(nl)+1)
	}
	var ranges []*fastRange
	for k, from := range cuts {
		to := pf.size
		if k+1 < len(cuts) {
			to = cuts[k+1]
		}
		if to > from {
			ranges = append(ranges, &fastRange{file: pf, from: from, to: to})
		}
	}
	return ranges, nil
}

// scanRange reads a range block by block and hands each row to sink.
func scanRange(r *fastRange, ncols int, delim byte, maxRecord int, sink rowSink) error {
	buf := make([]byte, fastBlock+maxRecord+2)
	fields := make([][]byte, 0, ncols)
	var decoder *encoding.Decoder
	if r.file.gb18030 {
		decoder = simplifiedchinese.GB18030.NewDecoder()
	}
	carry := 0
	line := 0
	for off := r.from; off < r.to || carry > 0; {
		want := min(int64(fastBlock), r.to-off)
		n, err := r.file.r.ReadAt(buf[carry:carry+int(want)], off)
		if err != nil && err != io.EOF {
			return err
		}
		if n == 0 && want > 0 {
			return errSlowPath // the file changed under us
		}
		off += int64(n)
		meter.add(n)
		data := buf[:carry+n]
		atEnd := off >= r.to
		whole := len(data) // the complete lines of the block, taken at once
		if !atEnd {
			whole = bytes.LastIndexByte(data, '\n') + 1
		}
		lines := data[:whole] // the carried tail too: it was not whole before
		if decoder != nil {
			// GB18030 never uses the byte 0x0A inside a character, so whole
			// lines decode on their own.
			if lines, err = decoder.Bytes(lines); err != nil {
				return errSlowPath
			}
		}
		if err := checkPlain(lines); err != nil {
			return err
		}
		for len(lines) > 0 {
			var row []byte
			row, fields, lines = splitRow(lines, delim, fields[:0])
			line++
			if len(row) > maxRecord {
				return errSlowPath
			}
			if maybeBlank(row, delim) && blankRow(fields) {
				continue
			}
			if len(fields) != ncols {
				return errSlowPath
			}
			if err := sink(fields, line); err != nil {
				return err
			}
		}
		tail := data[whole:]
		if len(tail) > maxRecord {
			return errSlowPath
		}
		carry = copy(buf, tail)
		if atEnd {
			break
		}
	}
	r.lines = line
	return nil
}

// checkPlain declines text the fast path does not read: a quote (quoted
// fields are the general path's), a NUL, a CR anywhere but before an LF, or
// invalid UTF-8. It looks at a block at a time, at memchr speed.
func checkPlain(b []byte) error {
	if bytes.IndexByte(b, '"') >= 0 || bytes.IndexByte(b, 0) >= 0 {
		return errSlowPath
	}
	if cr := bytes.Count(b, []byte{'\r'}); cr > 0 && cr != bytes.Count(b, []byte("\r\n")) {
		return errSlowPath
	}
	if !validUTF8(b) {
		return errSlowPath
	}
	return nil
}

// validUTF8 is utf8.Valid, quicker on text that is mostly ASCII with a few
// characters beyond it in every row: it goes back to eight bytes at a time
// after each of them, where utf8.Valid goes on a byte at a time
// (TestValidUTF8MatchesTheLibrary).
func validUTF8(b []byte) bool {
	for len(b) > 0 {
		for len(b) >= 8 && binary.LittleEndian.Uint64(b)&0x8080808080808080 == 0 {
			b = b[8:]
		}
		if len(b) == 0 {
			break
		}
		switch c := b[0]; {
		case c < utf8.RuneSelf:
			b = b[1:]
			continue
		case c >= 0xE1 && c <= 0xEF && c != 0xED && len(b) >= 3 && b[1]&0xC0 == 0x80 && b[2]&0xC0 == 0x80:
			b = b[3:] // three bytes, as Chinese characters are, neither overlong nor a surrogate
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

// maybeBlank is a quick look at whether a row could be all empty cells: one
// that starts with anything but a space or the delimiter cannot.
func maybeBlank(row []byte, delim byte) bool {
	if len(row) == 0 {
		return true
	}
	c := row[0]
	return c == delim || c == ' ' || (c >= '\t' && c <= '\r') || c >= utf8.RuneSelf
}

func blankRow(fields [][]byte) bool {
	for _, f := range fields {
		if len(bytes.TrimSpace(f)) > 0 {
			return false
		}
	}
	return true
}
