package input

import (
	"bytes"
	"errors"
	"io"
	"runtime"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// errNotPlain is the plain scanner declining text it does not read: Fold
// then reads the input with the RFC 4180 reader.
var errNotPlain = errors.New("not plain CSV")

const fastBlock = 1 << 20 // bytes read at a time

// fastMinSize is the size below which a file is read by one goroutine (a
// variable so that tests split small files).
var fastMinSize int64 = 8 << 20

// rowSink takes the rows of one range. fields are valid only during the
// call; line counts from 1 at the range's first line.
type rowSink func(fields [][]byte, line int) error

// fastRange is one worker's share of a file.
type fastRange struct {
	file     *plainFile
	from, to int64
	lines    int   // lines in the range, known once it is scanned
	rows     int   // data rows handed over
	span     *span // its lines, numbered once the ranges before it are scanned
	at       int64 // where the row being handed over starts in the file; −1 when decoded (GB18030)
}

// scan runs newSink's sinks over every data row, in parallel ranges;
// newSink is called once per range, in input order, before any row is
// read. Once every range is read, each range's span learns its first line.
func (p plainInput) scan(newSink func(r *fastRange) rowSink) ([]*fastRange, error) {
	ranges, err := p.split()
	if err != nil {
		return nil, err
	}
	for _, err := range p.scanRanges(ranges, newSink) {
		if err != nil {
			return nil, err
		}
	}
	numberSpans(ranges)
	return ranges, nil
}

// split cuts every file into ranges (splitRanges).
func (p plainInput) split() ([]*fastRange, error) {
	var ranges []*fastRange
	for _, pf := range p.files {
		rs, err := splitRanges(pf, p.maxRecord)
		if err != nil {
			return nil, err
		}
		ranges = append(ranges, rs...)
	}
	return ranges, nil
}

// scanRanges reads the ranges in parallel, each with a fresh span, and
// gives each range's error: a range stops at its first, the others read on.
func (p plainInput) scanRanges(ranges []*fastRange, newSink func(r *fastRange) rowSink) []error {
	sinks := make([]rowSink, len(ranges))
	for i, r := range ranges {
		r.span = &span{file: r.file.name}
		sinks[i] = newSink(r)
	}
	errs := make([]error, len(ranges))
	InParts(len(ranges), len(ranges), func(i, _, _ int) {
		errs[i] = scanRange(ranges[i], p, sinks[i])
	})
	return errs
}

// numberSpans gives each range's span its first line, from the lines of
// the ranges before it: ranges before the last one given must be read whole.
func numberSpans(ranges []*fastRange) {
	next := map[*plainFile]int{}
	for _, r := range ranges {
		if _, ok := next[r.file]; !ok {
			next[r.file] = r.file.line
		}
		r.span.first = next[r.file]
		next[r.file] += r.lines
	}
}

// splitRanges cuts a file's data into one range per core, at line ends.
func splitRanges(pf *plainFile, maxRecord int) ([]*fastRange, error) {
	if pf.size-pf.start < fastMinSize {
		return []*fastRange{{file: pf, from: pf.start, to: pf.size}}, nil
	}
	return cutRange(pf, pf.start, pf.size, maxRecord)
}

// cutRange cuts the lines from one byte to another into one range per
// core, at line ends; from must start a line.
func cutRange(pf *plainFile, from, to int64, maxRecord int) ([]*fastRange, error) {
	n := runtime.GOMAXPROCS(0)
	cuts := []int64{from}
	buf := make([]byte, min(maxRecord+1, 64<<10))
	for k := 1; k < n; k++ {
		nominal := from + (to-from)*int64(k)/int64(n)
		if nominal <= cuts[len(cuts)-1] {
			continue
		}
		nl, err := nextLineEnd(pf, buf, nominal, int64(maxRecord)+1)
		if err != nil {
			return nil, err
		}
		cuts = append(cuts, nl+1)
	}
	var ranges []*fastRange
	for k, at := range cuts {
		end := to
		if k+1 < len(cuts) {
			end = min(cuts[k+1], to)
		}
		if end > at {
			ranges = append(ranges, &fastRange{file: pf, from: at, to: end})
		}
	}
	return ranges, nil
}

// nextLineEnd is the offset of the first line end within limit bytes from
// off, read through buf a window at a time, so that a generous limit sets
// nothing aside; errNotPlain when there is none (a line longer than the
// limit, or the end).
func nextLineEnd(pf *plainFile, buf []byte, off, limit int64) (int64, error) {
	for end := off + limit; off < end; {
		m, err := pf.r.ReadAt(buf[:min(int64(len(buf)), end-off)], off)
		if err != nil && err != io.EOF {
			return 0, err
		}
		if nl := bytes.IndexByte(buf[:m], '\n'); nl >= 0 {
			return off + int64(nl), nil
		}
		if m == 0 {
			break
		}
		off += int64(m)
	}
	return 0, errNotPlain
}

// scanRange reads a range block by block and hands each row, cut to its
// named columns (or, with p.idsOnly or p.upTo, to that many), to sink.
func scanRange(r *fastRange, p plainInput, sink rowSink) error {
	named, delim, maxRecord := p.named, p.delim, p.maxRecord
	// A block and the unfinished line carried from the last one; the buffer
	// grows only for a line longer than a block, up to the limit, so a
	// generous --max-record-bytes costs nothing until a line needs it.
	buf := make([]byte, min(2*fastBlock, r.to-r.from)+2)
	fields := make([][]byte, 0, p.ncols)
	var all [][]byte // a row split whole, with p.upTo, when its shape is in doubt
	var decoder *encoding.Decoder
	rowLimit := maxRecord // the limit is on the bytes as written
	if r.file.gb18030 {
		decoder = simplifiedchinese.GB18030.NewDecoder()
		rowLimit = maxRecord / 2 // a GB18030 row takes at most twice its UTF-8 bytes
	}
	carry := 0
	line := 0
	for off := r.from; off < r.to || carry > 0; {
		want := min(int64(fastBlock), r.to-off)
		if need := carry + int(want); need > len(buf) {
			grown := make([]byte, max(need, min(2*len(buf), fastBlock+maxRecord+2)))
			copy(grown, buf[:carry])
			buf = grown
		}
		base := off - int64(carry) // where buf starts in the file
		n, err := r.file.r.ReadAt(buf[carry:carry+int(want)], off)
		if err != nil && err != io.EOF {
			return err
		}
		if n == 0 && want > 0 {
			return errNotPlain // the file changed under us
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
				return errNotPlain
			}
			// The decoder reads a sequence that is no character as U+FFFD;
			// the RFC 4180 reader names it.
			if bytes.Contains(lines, []byte("\uFFFD")) && !validGB18030(data[:whole]) {
				return errNotPlain
			}
		}
		if p.idsOnly == 0 {
			if err := checkPlain(lines); err != nil {
				return err
			}
		}
		for len(lines) > 0 {
			r.at = -1
			if decoder == nil {
				r.at = base + int64(whole-len(lines))
			}
			var row []byte
			if p.idsOnly > 0 {
				row, fields, lines = splitFirst(lines, delim, fields[:0], p.idsOnly)
				line++
				if maybeBlank(row, delim) {
					if _, all, _ := splitRow(row, delim, nil); blankRow(all) {
						continue
					}
				}
				if len(fields) < p.idsOnly {
					return errNotPlain
				}
				if err := sink(fields, line); err != nil {
					return err
				}
				continue
			}
			cut, whole := named, [][]byte(nil) // the fields handed over; all of them, when the row's shape is to be checked
			if p.upTo > 0 {
				row, fields, lines = splitFirst(lines, delim, fields[:0], p.upTo)
				cut = p.upTo
				if p.inDoubt(row, fields) {
					_, all, _ = splitRow(row, delim, all[:0])
					whole = all
				}
			} else {
				row, fields, lines = splitRow(lines, delim, fields[:0])
				whole = fields
			}
			line++
			if len(row) > rowLimit {
				return errNotPlain
			}
			if whole != nil {
				if blank, odd := p.shape(row, whole); blank {
					continue
				} else if odd {
					return errNotPlain
				}
			}
			if err := sink(fields[:cut], line); err != nil {
				return err
			}
		}
		tail := data[whole:]
		if len(tail) > maxRecord {
			return errNotPlain
		}
		carry = copy(buf, tail)
		if atEnd {
			break
		}
	}
	r.lines = line
	return nil
}

// shape is what a row's fields, all of them, say of it: blank is a row of
// empty cells, which every reader passes over; odd is one the RFC 4180
// reader must read, to name its error or the note it is: a row of another
// width than the header, with a cell under an unnamed header cell, or a
// note or a signature (footer.go).
func (p plainInput) shape(row []byte, fields [][]byte) (blank, odd bool) {
	if maybeBlank(row, p.delim) && blankRow(fields) {
		return true, false
	}
	return false, len(fields) != p.ncols || p.ncols > p.named && !blankRow(fields[p.named:]) ||
		len(fields) > 1 && blankRow(fields[len(fields)-1:]) && isNoteRow(fields) || maySign(fields) && isSignatureRow(fields)
}

// inDoubt is whether a row cut to its first p.upTo fields (splitFirst) may
// not be what shape passes as it is, so that it must be split whole: when
// the count of its delimiters after them (bytes.Count, at memchr speed)
// is not the header's, or it has fewer fields; or when its last cell is
// blank, and so are the first ones after the first, which leaves open
// whether it is a note (a first cell, every other blank) or a blank row.
// Otherwise shape passes it: it has the header's width, no unnamed cells
// (cutAt), and a cell after the first that is not blank, so it is neither;
// unless its first cell that is not blank is a signature's (填表人：…).
func (p plainInput) inDoubt(row []byte, first [][]byte) bool {
	at := len(first) - 1 // where the first fields end: their bytes and delimiters
	for _, f := range first {
		at += len(f)
	}
	if bytes.Count(row[at:], []byte{p.delim}) != p.ncols-len(first) {
		return true // a row of fewer fields than p.upTo too: at is its end
	}
	last := row[bytes.LastIndexByte(row, p.delim)+1:]
	if blankRow([][]byte{last}) && blankRow(first[1:]) {
		return true
	}
	if !maySign(first) {
		return false
	}
	sig, found := signatureFirst(first) // or every one of them blank: it may be further on
	return sig || !found
}
