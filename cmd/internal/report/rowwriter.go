package report

import (
	"encoding/binary"
	"strings"
	"unsafe"

	"econcalc/calc"
)

// RowWriter lays out a report's rows cell by cell, for a command that
// writes millions of them: in csv and tsv each cell goes straight into the
// output, a fixed-point amount or a quotient formatted there, without a
// string of its own; in any other format the cells are rendered as
// RenderAmount, RenderQuotient and Word render them and handed over as a
// row at End. Either way the output is Row's (TestRowWriterIsRow).
type RowWriter struct {
	r     *Report
	d     *delimitedFormatter // nil: the cells are collected in row
	row   []Rendered
	n     int           // cells written in this row
	words []writtenWord // in csv and tsv: Word's words, laid out
}

// RowWriter is a writer of the report's rows; cells follow its columns.
func (r *Report) RowWriter() *RowWriter {
	w := &RowWriter{r: r, row: make([]Rendered, 0, len(r.cols))}
	// A number needs quotes only where the delimiter is one of its bytes.
	if d, ok := r.f.(*delimitedFormatter); ok && strings.IndexByte("-.0123456789", d.comma) < 0 {
		w.d = d
	}
	return w
}

func (w *RowWriter) cell(c Rendered) {
	if w.d == nil {
		w.row = append(w.row, c)
	} else {
		w.d.cell(w.n, c)
	}
	w.n++
}

// sep starts a cell written straight into the output.
func (w *RowWriter) sep() {
	if w.n > 0 {
		w.d.out.b = append(w.d.out.b, w.d.comma)
	}
	w.n++
}

// Text is a text cell, s as written.
func (w *RowWriter) Text(s []byte) { w.text(unsafe.String(unsafe.SliceData(s), len(s)), true) }

// TextString is Text of a string.
func (w *RowWriter) TextString(s string) { w.text(s, false) }

// text is Text and TextString, both inlined so that a cell costs one call.
// A borrowed s is the caller's bytes: written into the output at once, or
// copied into a cell kept until End.
func (w *RowWriter) text(s string, borrowed bool) {
	if !w.straight(s) {
		if borrowed {
			s = strings.Clone(s)
		}
		w.cell(Rendered{S: s}) // what formulaLike looks at, or nothing to save
		return
	}
	w.sep()
	if plainField(s, w.d.comma) {
		w.d.out.b = append(w.d.out.b, s...)
	} else {
		w.d.out.b = appendCSVField(w.d.out.b, s, w.d.comma)
	}
}

// straight: TextString writes s straight into the output.
func (w *RowWriter) straight(s string) bool {
	return w.d != nil && s != "" && !(w.d.protect && formulaStart(s[0]))
}

// formulaStart: a text that starts with c may be formulaLike.
func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// plainField is a quick look, eight bytes at a time, at a field that
// appendCSVField writes as it is: one that starts with neither a space nor
// a backslash (so not \.) and holds no byte below '#' (no line end, quote,
// space or control) and no delimiter. Its first byte is printable ASCII or
// leads the UTF-8 of a character that cannot be a space (金): not of
// U+0085, U+00A0, U+1680, U+2000–U+205F or U+3000, whose first bytes are
// C2, E1, E2 and E3. False is no verdict (TestPlainFieldNeedsNoQuotes).
func plainField(s string, comma byte) bool {
	if s == "" || s[0] <= ' ' || s[0] == '\\' || s[0] == 0xC2 || s[0] >= 0xE1 && s[0] <= 0xE3 {
		return false
	}
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	if len(b) < 8 {
		for _, c := range b {
			if c < '#' || c == comma {
				return false
			}
		}
		return true
	}
	// Eight bytes at a time, the last eight overlapping those before.
	var found uint64
	for i := 0; i < len(b)-8; i += 8 {
		found |= quotable(binary.LittleEndian.Uint64(b[i:]), comma)
	}
	return found|quotable(binary.LittleEndian.Uint64(b[len(b)-8:]), comma) == 0
}

// quotable is not zero when one of x's bytes is below '#' or is comma. A
// byte below '#' borrows when '#' is taken from it, which sets its high
// bit, and its own high bit is clear (a borrow may mark a byte above one
// that is below '#' too, but never one where none is below).
func quotable(x uint64, comma byte) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return ((x-ones*'#')&^x | zeroByte(x^(ones*uint64(comma)))) & highs
}

// zeroByte is not zero when v has a zero byte.
func zeroByte(v uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (v - ones) &^ v & highs
}

// Prepared is a run of cells laid out once, for cells a command writes on
// many rows (a village's name; a weight, its share and its amount):
// RowWriter.Prepared writes them with no second look at their bytes.
type Prepared struct {
	cells   []Rendered
	written []byte // in csv and tsv, the cells as Row writes them
}

// Prepare lays out cells for Prepared, in this writer or another of its
// report's forks.
func (w *RowWriter) Prepare(cells ...Rendered) Prepared {
	p := Prepared{cells: cells}
	if w.d != nil {
		f := newDelimitedFormatter(w.d.comma, w.d.protect)
		for i, c := range cells {
			f.cell(i, c)
		}
		p.written = f.out.b
	}
	return p
}

// Prepared writes the cells Prepare laid out.
func (w *RowWriter) Prepared(p Prepared) {
	switch {
	case len(p.cells) == 0:
	case w.d == nil:
		for _, c := range p.cells {
			w.cell(c)
		}
	default:
		w.sep()
		w.d.out.b = append(w.d.out.b, p.written...)
		w.n += len(p.cells) - 1
	}
}

// Cell is a cell rendered beforehand (Render), written as Row writes it:
// for the cells a command renders once and writes on many rows.
func (w *RowWriter) Cell(c Rendered) {
	if w.d != nil && c.IsNum {
		// A number as econcalc prints it holds no quote, line break or
		// leading space, and RowWriter writes straight only where the
		// delimiter is none of its bytes: it needs no quoting.
		w.sep()
		w.d.out.b = append(w.d.out.b, c.S...)
		return
	}
	w.cell(c)
}

// Word is a word cell, translated as Report.Word translates it: a text
// cell to the formatters. In csv and tsv a word is laid out once and its
// bytes kept: a command writes a few words (poor, yes, no) on every row.
func (w *RowWriter) Word(s string) {
	if w.d != nil {
		for i := range w.words {
			// One string, the same pointer and length: the same bytes. A
			// word spelt at two places in the code may be two strings,
			// each laid out once.
			if k := &w.words[i]; len(k.word) == len(s) && unsafe.StringData(k.word) == unsafe.StringData(s) {
				w.sep()
				w.d.out.b = append(w.d.out.b, k.run.written...)
				return
			}
		}
		if len(w.words) < maxWords {
			k := writtenWord{word: s, run: w.Prepare(w.r.Word(s))}
			w.words = append(w.words, k)
			w.Prepared(k.run)
			return
		}
	}
	w.text(w.r.Word(s).S, false)
}

// writtenWord is a word and its cell as Prepare lays it out.
type writtenWord struct {
	word string
	run  Prepared
}

// maxWords bounds the words a RowWriter keeps, and how long it looks.
const maxWords = 8

// Null is a missing cell: in csv and tsv nothing between two delimiters.
func (w *RowWriter) Null() {
	if w.d != nil {
		w.sep()
		return
	}
	w.cell(Rendered{IsNull: true})
}

// Amount is RenderAmount(i, n).
func (w *RowWriter) Amount(i int, n calc.Num) {
	col := &w.r.cols[i]
	if f, ok := n.Fixed(); ok && w.d != nil && col.Kind == ExactKind {
		w.sep()
		w.d.out.b = appendExactFixed(w.d.out.b, f, col.Places)
		return
	}
	w.cell(w.r.RenderAmount(i, n))
}

// Whole is Amount(i, calc.IntNum(n)), a count written without a fixed
// point to cut back.
func (w *RowWriter) Whole(i int, n int64) {
	if col := &w.r.cols[i]; w.d != nil && col.Kind == ExactKind && col.Places <= 0 {
		w.sep()
		w.d.out.b = appendScaled(w.d.out.b, n, 0)
		return
	}
	w.Amount(i, calc.IntNum(n))
}

// Quotient is RenderQuotient(i, num, den).
func (w *RowWriter) Quotient(i int, num, den calc.Num) {
	if w.d != nil && !den.IsZero() {
		col := &w.r.cols[i]
		shift, places := w.r.quotientShift(col)
		if v, ok := w.r.opts.quotientScaled(num, den, shift, places); ok && !(col.judged() && col.onThresholdScaled(v)) {
			w.sep()
			w.d.out.b = appendScaled(w.d.out.b, v, int(places))
			return
		}
	}
	w.cell(w.r.RenderQuotient(i, num, den))
}

// End ends the row.
func (w *RowWriter) End() {
	if w.d == nil {
		w.r.Row(w.row)
	} else {
		w.d.endRow()
	}
	w.row, w.n = w.row[:0], 0
}
