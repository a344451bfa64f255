package report

import (
	"io"
	"strings"

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
	if s == "" || !formulaStart(s[0]) {
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
		f.out.b = append(f.out.b, escapeControls(markdownEscaper.Replace(t))...)
		f.out.b = append(f.out.b, " |"...)
	}
	f.out.b = append(f.out.b, '\n')
	f.out.spill()
}

var markdownEscaper = strings.NewReplacer("|", `\|`, "\r\n", "↵", "\n", "↵", "\r", "↵")

func (f *markdownFormatter) Finish(w io.Writer) error { return f.out.copyTo(w) }

func (f *markdownFormatter) Chunk() Formatter { return &markdownFormatter{} }
func (f *markdownFormatter) Join(c Formatter) { f.out.appendFrom(&c.(*markdownFormatter).out) }
