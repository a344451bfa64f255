package input

import (
	"bytes"
	"fmt"
	"io"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// guardError is a problem the guard found in the raw text, located by line
// and byte column (0 when it concerns a record over several lines).
type guardError struct {
	line, col int
	msg       string
}

func (e *guardError) Error() string { return e.msg }

// guard sits between the file and the decoder and CSV parser, on the bytes
// as written. It refuses NUL bytes (binary data is not CSV), records longer
// than max bytes before the parser would hold them, and, in GB18030, byte
// sequences that are no character; it turns a lone CR that ends a record
// (old Mac spreadsheets) into LF, and leaves a CR inside a quoted field as
// it is.
type guard struct {
	r     io.Reader
	t     textCheck
	err   error
	later *laterRuns // the text after the sample, while it must agree with it (laterCheck)
	// toGB18030 is called when bytes that are no UTF-8 follow ASCII only
	// (outcome.toGB18030): the file is read as GB18030 from there on, the
	// ASCII before reading the same (switchReader).
	toGB18030 func(line int, run []byte)
}

func newGuard(r io.Reader, max int, gb18030 bool) *guard {
	return &guard{r: r, t: newTextCheck(max, gb18030)}
}

func (g *guard) Read(p []byte) (int, error) {
	for g.err == nil {
		n, err := g.r.Read(p)
		in, away := p[:n], outcome{}
		if g.later != nil {
			away = g.later.feed(in, err == io.EOF)
			if away.toGB18030 && g.toGB18030 != nil {
				g.t.gb18030 = true
				k := max(away.start-(g.later.off-int64(n)), 0)
				g.toGB18030(g.t.line+bytes.Count(in[:k], []byte{'\n'}), g.later.run)
			}
			if away.msg != "" {
				in = in[:max(away.start-(g.later.off-int64(n)), 0)]
			} else if away.settled {
				g.later = nil
			}
		}
		out, _, bad := g.t.scan(in, p[:0], true)
		if bad == nil && away.msg != "" {
			// The run starts here, or in bytes read before, on this line:
			// a run holds no line end.
			bad = &guardError{line: g.t.line, col: g.t.col + 1 - int(max(g.later.off-int64(n)-away.start, 0)), msg: away.msg}
		}
		if bad == nil && err == io.EOF {
			bad = g.t.atEnd()
		}
		if bad != nil {
			g.err = bad
			err = nil
		}
		if len(out) > 0 || err != nil || n == 0 && g.err == nil {
			return len(out), err
		}
		// Everything read was a dropped LF, or the error comes next.
	}
	return 0, g.err
}

// textCheck follows CSV text a byte at a time as far as the guard needs:
// where lines and records end, whether a quoted field is open, and in
// GB18030 whether each character is one. It counts the bytes as written,
// before decoding, so that columns are the file's and a record's size is
// what it takes in the file.
//
// A quoted field is followed by parity: every quote opens or closes one, so
// that "" inside a field closes and reopens it. In CSV that encoding/csv
// reads, that is exactly where its quoted fields are; a quote it refuses as
// bare is an error there before parity could matter.
type textCheck struct {
	max     int  // longest record, in bytes
	gb18030 bool // each character must be a GB18030 one
	line    int  // line of the next byte, from 1
	col     int  // bytes before it on its line
	start   int  // line the current record began on
	size    int  // bytes of the current record so far, without its end
	quoted  bool // inside a quoted field
	afterCR bool // the last byte was a CR that ended a record: an LF next is part of that end
	gb      [4]byte
	gbLen   int // bytes of a GB18030 character read so far
	gbCol   int // the column of its first byte
}

func newTextCheck(max int, gb18030 bool) textCheck {
	return textCheck{max: max, gb18030: gb18030, line: 1, start: 1}
}

// scan checks in, appending it to out as the parser should see it when emit
// is set (out may share in's memory: it never grows faster), and stops at
// the first bad byte: bad is its index in in.
func (t *textCheck) scan(in, out []byte, emit bool) (_ []byte, bad int, _ *guardError) {
	for i, c := range in {
		if t.afterCR {
			t.afterCR = false
			if c == '\n' {
				continue // CR LF: the CR ended the record
			}
		}
		switch {
		case t.gbLen > 0:
			if err := t.gbNext(c); err != nil {
				return out, i, err
			}
		case c == 0:
			return out, i, &guardError{line: t.line, col: t.col + 1, msg: "NUL byte: this is not a text CSV file"}
		case c == '"':
			t.quoted = !t.quoted
		case (c == '\n' || c == '\r') && !t.quoted:
			t.line++
			t.col, t.size, t.start = 0, 0, t.line
			t.afterCR = c == '\r'
			if emit {
				out = append(out, '\n')
			}
			continue
		case c == '\n': // inside a quoted field: the record runs on
			t.size++
			if t.size > t.max {
				return out, i, t.tooLong()
			}
			t.line++
			t.col = 0
			if emit {
				out = append(out, c)
			}
			continue
		case c >= 0x80 && t.gb18030:
			if err := t.gbStart(c); err != nil {
				return out, i, err
			}
		}
		t.col++
		t.size++
		if t.size > t.max {
			return out, i, t.tooLong()
		}
		if emit {
			out = append(out, c)
		}
	}
	return out, len(in), nil
}

// atEnd checks what the end of the input leaves unfinished.
func (t *textCheck) atEnd() *guardError {
	if t.gbLen > 0 {
		return &guardError{line: t.line, col: t.gbCol,
			msg: fmt.Sprintf("invalid GB18030: the file ends inside a character (% X)", t.gb[:t.gbLen])}
	}
	return nil
}

func (t *textCheck) tooLong() *guardError {
	if t.start == t.line {
		return &guardError{line: t.line, col: t.col,
			msg: fmt.Sprintf("line longer than %d bytes (--max-record-bytes raises the limit)", t.max)}
	}
	return &guardError{line: t.start, msg: fmt.Sprintf(
		"record longer than %d bytes: it starts on this line and runs on, inside a quoted field, to line %d (a quote left open? --max-record-bytes raises the limit)",
		t.max, t.line)}
}

// gbStart reads a byte from 0x80 up where a character begins.
func (t *textCheck) gbStart(c byte) *guardError {
	switch {
	case c == 0x80: // the euro sign of Code Page 936, which the decoder reads
		return nil
	case c == 0xFF:
		return t.gbInvalid(t.col+1, []byte{c})
	}
	t.gb[0], t.gbLen, t.gbCol = c, 1, t.col+1
	return nil
}

// gbNext reads a byte inside a GB18030 character.
func (t *textCheck) gbNext(c byte) *guardError {
	n := t.gbLen + 1
	t.gb[t.gbLen] = c
	var ok, whole bool
	switch n {
	case 2:
		whole = gbTrailOfTwo(c)
		ok = whole && !gbTwoByteInvalid()[gbPairIndex(t.gb[0], c)] || gbSecondOfFour(c)
	case 3:
		ok = gbLeadOrThird(c)
	case 4:
		whole = true
		ok = gbSecondOfFour(c) && gbFourByteValid(t.gb)
	}
	if !ok {
		return t.gbInvalid(t.gbCol, t.gb[:n])
	}
	t.gbLen = n
	if whole {
		t.gbLen = 0
	}
	return nil
}

func (t *textCheck) gbInvalid(col int, seq []byte) *guardError {
	return &guardError{line: t.line, col: col, msg: fmt.Sprintf(
		"invalid GB18030: the bytes % X are no character (is the file in another encoding? --encoding utf-8 reads UTF-8)", seq)}
}

// switchReader reads the guard's bytes as they are until the guard finds
// the file GB18030 (guard.toGB18030), and decodes them from then on: the
// bytes it passed before are ASCII, the same in either.
type switchReader struct {
	g       *guard
	decoded io.Reader
}

func (s *switchReader) Read(p []byte) (int, error) {
	if s.decoded != nil {
		return s.decoded.Read(p)
	}
	n, err := s.g.Read(p)
	if !s.g.t.gb18030 {
		return n, err
	}
	rest := io.Reader(s.g)
	if err != nil {
		rest = errReader{err}
	}
	s.decoded = transform.NewReader(io.MultiReader(bytes.NewReader(bytes.Clone(p[:n])), rest), simplifiedchinese.GB18030.NewDecoder())
	return s.decoded.Read(p)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
