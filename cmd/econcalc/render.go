package main

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
)

// delimitedFormatter writes csv or tsv with English keys in the header.
type delimitedFormatter struct {
	buf     bytes.Buffer
	w       *csv.Writer
	protect bool // defuse text that a spreadsheet would run as a formula
}

func newDelimitedFormatter(comma rune, protect bool) *delimitedFormatter {
	f := &delimitedFormatter{protect: protect}
	f.w = csv.NewWriter(&f.buf)
	f.w.Comma = comma
	return f
}

func (f *delimitedFormatter) header(_ []column, titles []string) { f.w.Write(titles) }

func (f *delimitedFormatter) row(cells []rendered) {
	rec := make([]string, len(cells))
	for i, c := range cells {
		rec[i] = c.s
		if f.protect && !c.isNum && formulaLike(c.s) {
			rec[i] = "'" + c.s
		}
	}
	f.w.Write(rec)
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

func (f *delimitedFormatter) finish(w io.Writer) error {
	f.w.Flush()
	return writeAll(w, &f.buf)
}

// jsonFormatter writes an array of objects, one per line. Numbers are JSON
// numbers spelt exactly as in csv, never passed through float64.
type jsonFormatter struct {
	buf  bytes.Buffer
	keys []string
	rows int
}

func (f *jsonFormatter) header(_ []column, titles []string) {
	f.keys = make([]string, len(titles))
	for i, t := range titles {
		f.keys[i] = jsonString(t)
	}
	f.buf.WriteString("[")
}

func (f *jsonFormatter) row(cells []rendered) {
	if f.rows > 0 {
		f.buf.WriteString(",")
	}
	f.rows++
	f.buf.WriteString("\n  {")
	for i, c := range cells {
		if i > 0 {
			f.buf.WriteString(", ")
		}
		f.buf.WriteString(f.keys[i])
		f.buf.WriteString(": ")
		switch {
		case c.isNull:
			f.buf.WriteString("null")
		case c.isNum:
			f.buf.WriteString(c.s)
		default:
			f.buf.WriteString(jsonString(c.s))
		}
	}
	f.buf.WriteString("}")
}

func (f *jsonFormatter) finish(w io.Writer) error {
	if f.rows > 0 {
		f.buf.WriteString("\n")
	}
	f.buf.WriteString("]\n")
	return writeAll(w, &f.buf)
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
	buf bytes.Buffer
}

func (f *markdownFormatter) header(cols []column, titles []string) {
	f.line(titles)
	f.buf.WriteString("|")
	for _, c := range cols {
		if c.kind == textKind {
			f.buf.WriteString(" --- |")
		} else {
			f.buf.WriteString(" ---: |")
		}
	}
	f.buf.WriteString("\n")
}

func (f *markdownFormatter) row(cells []rendered) {
	texts := make([]string, len(cells))
	for i, c := range cells {
		texts[i] = c.s
	}
	f.line(texts)
}

func (f *markdownFormatter) line(texts []string) {
	f.buf.WriteString("|")
	for _, t := range texts {
		f.buf.WriteString(" ")
		f.buf.WriteString(markdownEscaper.Replace(t))
		f.buf.WriteString(" |")
	}
	f.buf.WriteString("\n")
}

var markdownEscaper = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")

func (f *markdownFormatter) finish(w io.Writer) error { return writeAll(w, &f.buf) }
