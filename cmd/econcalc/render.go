package main

import (
	"io"
	"strings"
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

func (f *delimitedFormatter) header(_ []column, titles []string) {
	for i, t := range titles {
		f.field(i, t)
	}
	f.out.b = append(f.out.b, '\n')
}

func (f *delimitedFormatter) row(cells []rendered) {
	for i, c := range cells {
		if f.protect && !c.isNum && formulaLike(c.s) {
			f.field(i, "'"+c.s)
		} else {
			f.field(i, c.s)
		}
	}
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
	_, _, err := parseNumber(s, true)
	return err != nil
}

func (f *delimitedFormatter) finish(w io.Writer) error { return f.out.copyTo(w) }

func (f *delimitedFormatter) chunk() formatter {
	return newDelimitedFormatter(f.comma, f.protect)
}

func (f *delimitedFormatter) join(c formatter) { f.out.appendFrom(&c.(*delimitedFormatter).out) }

// jsonFormatter writes an array of objects, one per line. Numbers are JSON
// numbers spelt exactly as in csv, never passed through float64.
type jsonFormatter struct {
	out  outBuffer
	keys []string
	rows int
}

func (f *jsonFormatter) header(_ []column, titles []string) {
	f.keys = make([]string, len(titles))
	for i, t := range titles {
		f.keys[i] = jsonString(t)
	}
	f.out.b = append(f.out.b, '[')
}

func (f *jsonFormatter) row(cells []rendered) {
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
		case c.isNull:
			b = append(b, "null"...)
		case c.isNum:
			b = append(b, c.s...)
		default:
			b = append(b, jsonString(c.s)...)
		}
	}
	f.out.b = append(b, '}')
	f.out.spill()
}

func (f *jsonFormatter) chunk() formatter { return &jsonFormatter{keys: f.keys} }

// join appends a chunk whose first row, written as a first row, still needs
// the comma that separates it from these.
func (f *jsonFormatter) join(c formatter) {
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

func (f *jsonFormatter) finish(w io.Writer) error {
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

func (f *markdownFormatter) header(cols []column, titles []string) {
	f.line(titles)
	f.out.b = append(f.out.b, '|')
	for _, c := range cols {
		if c.kind == textKind {
			f.out.b = append(f.out.b, " --- |"...)
		} else {
			f.out.b = append(f.out.b, " ---: |"...)
		}
	}
	f.out.b = append(f.out.b, '\n')
}

func (f *markdownFormatter) row(cells []rendered) {
	texts := make([]string, len(cells))
	for i, c := range cells {
		texts[i] = c.s
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

var markdownEscaper = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")

func (f *markdownFormatter) finish(w io.Writer) error { return f.out.copyTo(w) }

func (f *markdownFormatter) chunk() formatter { return &markdownFormatter{} }
func (f *markdownFormatter) join(c formatter) { f.out.appendFrom(&c.(*markdownFormatter).out) }
