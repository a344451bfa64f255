package input

import (
	"fmt"
	"io"
)

// defaultMaxRecordBytes bounds one line of input: a 50 MB "field" is a
// damaged file, and holding it in memory helps nobody.
const defaultMaxRecordBytes = 1 << 20

// guardError is a problem the guard found in the raw text, located by line
// and byte column.
type guardError struct {
	line, col int
	msg       string
}

func (e *guardError) Error() string { return e.msg }

// guard sits between the decoder and the CSV parser. It refuses NUL bytes
// (binary data is not CSV) and lines longer than max bytes before the parser
// would hold them, and it turns lone CR line ends (old Mac spreadsheets) into
// LF.
type guard struct {
	r       io.Reader
	max     int
	line    int // 1-based line of the next byte
	lineLen int
	prevCR  bool // the last byte returned was a CR turned into LF
	err     error
}

func newGuard(r io.Reader, max int) *guard {
	return &guard{r: r, max: max, line: 1}
}

func (g *guard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	out := p[:0]
	for i := 0; i < n; i++ {
		c := p[i]
		if g.prevCR {
			g.prevCR = false
			if c == '\n' {
				continue // CR LF: the CR already ended the line
			}
		}
		switch c {
		case 0:
			g.err = &guardError{line: g.line, col: g.lineLen + 1, msg: "NUL byte: this is not a text CSV file"}
			return len(out), nil
		case '\r':
			c, g.prevCR = '\n', true
			fallthrough
		case '\n':
			g.line++
			g.lineLen = 0
		default:
			g.lineLen++
			if g.lineLen > g.max {
				g.err = &guardError{line: g.line, col: g.max + 1,
					msg: fmt.Sprintf("line longer than %d bytes (--max-record-bytes raises the limit)", g.max)}
				return len(out), nil
			}
		}
		out = append(out, c)
	}
	if len(out) == 0 && err == nil && n > 0 {
		// Everything read was a dropped LF; read on rather than return 0, nil.
		return g.Read(p)
	}
	return len(out), err
}
