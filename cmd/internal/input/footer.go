package input

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// records reads a file's records that are not blank, holding back the last
// n (--skip-footer) so that they are never handed over. At the end, a row
// held back that is filled as the row above it, figures among its cells,
// is refused: it is a row of the table, whose file ends without the notes
// --skip-footer was given for (one file of two with a note below).
type records struct {
	f    *csvFile
	n    int
	held []heldRecord
	last []string // the row handed over last, when n > 0
	// given are the units the file gives its amounts: a unit line below
	// the table that gives another is refused (unitBelow).
	given   unitsGiven
	unitErr error // such a line among the rows held back (checkFooter)
}

type heldRecord struct {
	fields []string
	line   int
}

func (r *records) next() ([]string, int, error) {
	for {
		fields, line, err := r.f.read()
		if err == io.EOF && r.n > 0 {
			err = r.checkFooter() // what is held is the footer
		}
		if err != nil {
			return nil, 0, err
		}
		if allEmpty(fields) {
			continue
		}
		if r.n == 0 {
			return fields, line, nil
		}
		r.held = append(r.held, heldRecord{slices.Clone(fields), line})
		if len(r.held) > r.n {
			h := r.held[0]
			r.held = r.held[1:]
			r.last = h.fields
			return h.fields, h.line, nil
		}
	}
}

// checkFooter refuses the first row held back that looks like a row of the
// table: a figure in a cell after the first, and a cell in every column
// the row above has one in (every row, when none is above). It returns
// io.EOF when there is none.
func (r *records) checkFooter() error {
	for _, h := range r.held {
		if err := r.unitBelow(h.fields, h.line); err != nil {
			r.unitErr = err
			return err
		}
		if isSignatureRecord(h.fields) || !holdsFigures(h.fields) || !filledAs(h.fields, r.last) {
			continue
		}
		return &DataError{File: r.f.name, Line: h.line, Msg: fmt.Sprintf(
			"--skip-footer %d would pass over line %d, which holds figures as the table's rows do: %s; "+
				"--skip-footer passes over the last %d rows of every file: where some files end in notes "+
				"and others do not, delete the notes and leave --skip-footer out",
			r.n, h.line, QuoteNames(h.fields), r.n)}
	}
	r.held = r.held[:0]
	return io.EOF
}

// holdsFigures: a cell after the first reads as a number.
func holdsFigures(fields []string) bool {
	for _, f := range fields[min(1, len(fields)):] {
		if isNumber(f, true) {
			return true
		}
	}
	return false
}

// filledAs: fields has a cell wherever above has one.
func filledAs(fields, above []string) bool {
	for i, a := range above {
		if strings.TrimSpace(a) != "" && (i >= len(fields) || strings.TrimSpace(fields[i]) == "") {
			return false
		}
	}
	return true
}

// noteError refuses a row of notes (or a signature) below a table, saying
// how many rows --skip-footer must pass over: this one and every row after
// it; or a unit line among them that --skip-footer would pass over while
// the amounts are read in another unit (unitBelow).
func (r *records) noteError(fields []string, line int) error {
	first, what := noteCell(fields), "a note"
	if isSignatureRecord(fields) {
		what = "a signature"
	}
	if err := r.unitBelow(fields, line); err != nil {
		return err
	}
	rows := 1 + r.n
	for {
		more, at, err := r.next()
		if r.unitErr != nil {
			return r.unitErr // a unit line held back by --skip-footer
		}
		if err != nil {
			break
		}
		if err := r.unitBelow(more, at); err != nil {
			return err
		}
		rows++
	}
	return &DataError{File: r.f.name, Line: line, Msg: fmt.Sprintf(
		"%s looks like %s below the table, not data; if the table ends above it, add --skip-footer %d",
		QuoteCell(first), what, rows)}
}

// notePrefixes start the lines of notes that bureaus put below a table.
var notePrefixes = [][]byte{
	[]byte("注："), []byte("注:"), []byte("说明"), []byte("资料来源"), []byte("数据来源"),
	[]byte("来源："), []byte("来源:"), []byte("备注："), []byte("备注:"), []byte("附注"),
	[]byte("note:"), []byte("notes:"), []byte("source:"), []byte("sources:"),
}

// isNoteRow: a first cell that starts like a note (注：…, 资料来源…, Note:),
// with every other cell empty.
func isNoteRow(fields [][]byte) bool {
	if len(fields) == 0 || !blankRow(fields[1:]) {
		return false
	}
	first := bytes.TrimSpace(fields[0])
	if len(first) == 0 || first[0] < utf8.RuneSelf && first[0]|0x20 != 'n' && first[0]|0x20 != 's' {
		return false
	}
	// 注1、注①: a numbered note.
	if rest, ok := bytes.CutPrefix(first, []byte("注")); ok && len(rest) > 0 &&
		(rest[0] >= '1' && rest[0] <= '9' || bytes.HasPrefix(rest, []byte("①"))) {
		return true
	}
	lower := bytes.ToLower(first[:min(len(first), 12)])
	for _, p := range notePrefixes {
		if bytes.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}

// isNoteRecord is isNoteRow for the RFC 4180 reader's strings, and a
// signature row (isSignatureRecord) or a unit line (isUnitRecord) too.
func isNoteRecord(fields []string) bool {
	if isSignatureRecord(fields) || isUnitRecord(fields) {
		return true
	}
	if len(fields) == 0 || !allEmpty(fields[1:]) {
		return false
	}
	return isNoteRow([][]byte{unsafe.Slice(unsafe.StringData(fields[0]), len(fields[0]))})
}

// isSignatureRecord: a row whose first cell that is not blank is a
// signature label (isSignatureCell) followed by a colon, whatever its
// other cells hold (填表人：,张三,联系电话：,8888888). A bare label (电话,
// 负责人, 填报日期, or spaced from a date or a name: 填报日期 2017-11-05,
// signatureCell) is one only where no cell after it holds a figure, or
// another cell is a signature's too (填报日期,2017-11-05,联系电话,12345678):
// 电话,万户,120.2,31.7 is a row of the table. It is a note: --skip-footer
// passes over it, and without it the row is refused.
func isSignatureRecord(fields []string) bool {
	i := firstLabel(fields)
	if i < 0 {
		return false
	}
	sig, bare := signatureCell(fields[i])
	if !sig || !bare {
		return sig
	}
	rest := fields[i+1:]
	return !slices.ContainsFunc(rest, func(f string) bool { return isNumber(f, true) }) ||
		slices.ContainsFunc(rest, isSignatureCell)
}

// firstLabel is the index of a row's first cell that is not blank, the
// one a signature or a unit line opens with; -1 when there is none, or
// when a cell that starts with printable ASCII (an id) comes first.
func firstLabel(fields []string) int {
	for i, f := range fields {
		if len(f) > 0 && f[0] > ' ' && f[0] < utf8.RuneSelf {
			return -1
		}
		if strings.TrimSpace(f) != "" {
			return i
		}
	}
	return -1
}

// isSignatureRow is whether the plain scanner's fields may be a signature
// row (isSignatureRecord) or a unit line (isUnitRecord): its first cell
// that is not blank is a signature's label, bare or not, or opens with
// 单位; the RFC 4180 reader decides.
func isSignatureRow(fields [][]byte) bool {
	if !maySign(fields) {
		return false
	}
	sig, _ := signatureFirst(fields)
	return sig
}

// maySign is a look at the first byte that passes the usual row, whose
// first cell starts with printable ASCII (an id, a number), as no
// signature: inlined, so that the scanner pays no call for it.
func maySign(fields [][]byte) bool {
	return len(fields) == 0 || len(fields[0]) == 0 || fields[0][0] <= ' ' || fields[0][0] >= utf8.RuneSelf
}

// signatureFirst: whether the first of fields that is not blank is a
// signature's label or a unit line's (unitLabelled); found is false when
// every one is blank.
func signatureFirst(fields [][]byte) (sig, found bool) {
	for _, f := range fields {
		if len(f) > 0 && f[0] > ' ' && f[0] < utf8.RuneSelf {
			return false, true
		}
		if len(bytes.TrimSpace(f)) > 0 {
			c := unsafe.String(unsafe.SliceData(f), len(f))
			_, unit := unitLabelled(c)
			return unit || isSignatureCell(c), true
		}
	}
	return false, false
}

// noteCell is the cell a note row is named by: its first that is not blank.
func noteCell(fields []string) string {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return f
		}
	}
	return ""
}
