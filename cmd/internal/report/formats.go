package report

import (
	"io"
	"strings"
	"unsafe"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// delimitedFormatter writes csv or tsv with English keys in the header,
// quoting as encoding/csv does.
type delimitedFormatter struct {
	out     outBuffer
	comma   byte
	protect bool // defuse text that a spreadsheet would run as a formula
}

func newDelimitedFormatter(comma byte, protect bool) *delimitedFormatter {
	return &delimitedFormatter{comma: comma, protect: protect}
}

func (f *delimitedFormatter) Header(_ []Column, titles []string) {
	for i, t := range titles {
		f.field(i, t)
	}
	f.out.b = append(f.out.b, '\n')
}

func (f *delimitedFormatter) Row(cells []Rendered) {
	for i, c := range cells {
		f.cell(i, c)
	}
	f.endRow()
}

func (f *delimitedFormatter) cell(i int, c Rendered) {
	if f.protect && !c.IsNum && formulaLike(c.S) {
		f.field(i, "'"+c.S)
	} else {
		f.field(i, c.S)
	}
}

func (f *delimitedFormatter) endRow() {
	f.out.b = append(f.out.b, '\n')
	f.out.spill()
}

func (f *delimitedFormatter) field(i int, s string) {
	if i > 0 {
		f.out.b = append(f.out.b, f.comma)
	}
	f.out.b = appendCSVField(f.out.b, s, f.comma)
}

// formulaLike reports text that a spreadsheet opening the file would take
// for a formula: it begins with = + - @, a tab or a CR, and is not a number.
func formulaLike(s string) bool {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return false
	}
	_, _, err := input.ParseNumber(s, true)
	return err != nil
}

func (f *delimitedFormatter) Finish(w io.Writer) error { return f.out.copyTo(w) }

func (f *delimitedFormatter) Chunk() Formatter {
	return newDelimitedFormatter(f.comma, f.protect)
}

func (f *delimitedFormatter) Join(c Formatter) { f.out.appendFrom(&c.(*delimitedFormatter).out) }

// jsonFormatter writes an array of objects, one per line. Numbers are JSON
// numbers spelt exactly as in csv, never passed through float64.
type jsonFormatter struct {
	out  outBuffer
	keys []string
	rows int
}

func (f *jsonFormatter) Header(_ []Column, titles []string) {
	f.keys = make([]string, len(titles))
	for i, t := range titles {
		f.keys[i] = jsonString(t)
	}
	f.out.b = append(f.out.b, '[')
}

func (f *jsonFormatter) Row(cells []Rendered) {
	b := f.out.b
	if f.rows > 0 {
		b = append(b, ',')
	}
	f.rows++
	b = append(b, "\n  {"...)
	for i, c := range cells {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, f.keys[i]...)
		b = append(b, ": "...)
		switch {
		case c.IsNull:
			b = append(b, "null"...)
		case c.IsNum:
			b = append(b, c.S...)
		default:
			b = append(b, jsonString(c.S)...)
		}
	}
	f.out.b = append(b, '}')
	f.out.spill()
}

func (f *jsonFormatter) Chunk() Formatter { return &jsonFormatter{keys: f.keys} }

// Join appends a chunk whose first row, written as a first row, still needs
// the comma that separates it from these.
func (f *jsonFormatter) Join(c Formatter) {
	chunk := c.(*jsonFormatter)
	if chunk.rows == 0 {
		return
	}
	if f.rows > 0 {
		f.out.b = append(f.out.b, ',')
	}
	f.out.appendFrom(&chunk.out)
	f.rows += chunk.rows
}

func (f *jsonFormatter) Finish(w io.Writer) error {
	if f.rows > 0 {
		f.out.b = append(f.out.b, '\n')
	}
	f.out.b = append(f.out.b, "]\n"...)
	return f.out.copyTo(w)
}

// jsonString quotes s as a JSON string, leaving non-ASCII text readable.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			b.WriteString(`\u`)
			const hex = "0123456789abcdef"
			b.WriteByte(hex[r>>12&0xf])
			b.WriteByte(hex[r>>8&0xf])
			b.WriteByte(hex[r>>4&0xf])
			b.WriteByte(hex[r&0xf])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// markdownFormatter writes a GitHub-flavoured pipe table, numbers
// right-aligned.
type markdownFormatter struct {
	out outBuffer
}

func (f *markdownFormatter) Header(cols []Column, titles []string) {
	f.line(titles)
	f.out.b = append(f.out.b, '|')
	for _, c := range cols {
		if c.Kind == TextKind {
			f.out.b = append(f.out.b, " --- |"...)
		} else {
			f.out.b = append(f.out.b, " ---: |"...)
		}
	}
	f.out.b = append(f.out.b, '\n')
}

func (f *markdownFormatter) Row(cells []Rendered) {
	texts := make([]string, len(cells))
	for i, c := range cells {
		texts[i] = c.S
	}
	f.line(texts)
}

func (f *markdownFormatter) line(texts []string) {
	f.out.b = append(f.out.b, '|')
	for _, t := range texts {
		f.out.b = append(f.out.b, ' ')
		f.out.b = append(f.out.b, markdownEscaper.Replace(t)...)
		f.out.b = append(f.out.b, " |"...)
	}
	f.out.b = append(f.out.b, '\n')
	f.out.spill()
}

var markdownEscaper = strings.NewReplacer("|", `\|`, "\r\n", "↵", "\n", "↵", "\r", "↵")

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

func (f *markdownFormatter) Finish(w io.Writer) error { return f.out.copyTo(w) }

func (f *markdownFormatter) Chunk() Formatter { return &markdownFormatter{} }
func (f *markdownFormatter) Join(c Formatter) { f.out.appendFrom(&c.(*markdownFormatter).out) }

// RowWriter lays out a report's rows cell by cell, for a command that
// writes millions of them: in csv and tsv each cell goes straight into the
// output, a fixed-point amount or a quotient formatted there, without a
// string of its own; in any other format the cells are rendered as
// RenderAmount, RenderQuotient and Word render them and handed over as a
// row at End. Either way the output is Row's (TestRowWriterIsRow).
type RowWriter struct {
	r   *Report
	d   *delimitedFormatter // nil: the cells are collected in row
	row []Rendered
	n   int // cells written in this row
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
func (w *RowWriter) Text(s []byte) {
	if w.d == nil || len(s) == 0 {
		w.cell(Rendered{S: string(s)})
		return
	}
	// Written into the output at once: s is only read, before Text returns.
	w.TextString(unsafe.String(&s[0], len(s)))
}

// TextString is Text of a string.
func (w *RowWriter) TextString(s string) {
	if w.d == nil || s == "" || w.d.protect && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		w.cell(Rendered{S: s}) // what formulaLike looks at, or nothing to save
		return
	}
	w.sep()
	w.d.out.b = appendCSVField(w.d.out.b, s, w.d.comma)
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

// Word is a word cell, translated as Report.Word translates it.
func (w *RowWriter) Word(s string) { w.cell(w.r.Word(s)) }

// Null is a missing cell.
func (w *RowWriter) Null() { w.cell(Rendered{IsNull: true}) }

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

// Quotient is RenderQuotient(i, num, den).
func (w *RowWriter) Quotient(i int, num, den calc.Num) {
	if w.d != nil && !den.IsZero() {
		if shift, places, ok := w.r.quotientShift(&w.r.cols[i]); ok {
			if v, ok := w.r.opts.quotientScaled(num, den, shift, places); ok {
				w.sep()
				w.d.out.b = appendScaled(w.d.out.b, v, int(places))
				return
			}
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
