package report

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// The sheet's part, as the xlsx formatter writes it: cells with their
// references, numbers as <v>, text as inline strings, escaped.

// writeSheet writes the sheet's part: the frozen header, the widths, then
// the rows as they were kept.
func (f *xlsxFormatter) writeSheet(part io.Writer, styles xlsxStyles) error {
	out := bufio.NewWriterSize(part, 64<<10)
	refs := make([]string, len(f.titles))
	for i := range refs {
		refs[i] = columnName(i)
	}
	out.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	if len(refs) > 0 {
		fmt.Fprintf(out, `<dimension ref="A1:%s%d"/>`, refs[len(refs)-1], f.count+1)
	}
	out.WriteString(`<sheetViews><sheetView tabSelected="1" workbookViewId="0">` +
		`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
		`<sheetFormatPr defaultRowHeight="15"/>`)
	if len(refs) > 0 {
		out.WriteString(`<cols>`)
		for i, w := range f.widths {
			// A column's width counts the digits of the default font; a
			// wide (Chinese) character takes two, and two more are margin.
			fmt.Fprintf(out, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, i+1, i+1, min(w+2, 255))
		}
		out.WriteString(`</cols>`)
	}
	out.WriteString(`<sheetData>`)
	var b []byte
	b = append(b, `<row r="1">`...)
	for i, t := range f.titles {
		b = appendTextCell(b, refs[i], 1, styles.bold, []byte(t))
	}
	b = append(b, `</row>`...)
	out.Write(b)
	if err := f.writeRows(out, refs, styles); err != nil {
		return err
	}
	out.WriteString(`</sheetData></worksheet>`)
	return out.Flush()
}

// writeRows decodes the rows kept and writes each as XML, as they are read
// back from memory and the temporary files.
func (f *xlsxFormatter) writeRows(out *bufio.Writer, refs []string, styles xlsxStyles) error {
	pr, pw := io.Pipe()
	copied := make(chan struct{})
	go func() {
		pw.CloseWithError(f.rows.copyTo(pw))
		close(copied)
	}()
	defer func() {
		pr.Close() // stops the copy if a row could not be read
		<-copied
	}()
	in := bufio.NewReaderSize(pr, 64<<10)
	var b, text []byte
	for r := 2; r <= f.count+1; r++ {
		total, err := in.ReadByte()
		if err != nil {
			return err
		}
		b = append(b[:0], `<row r="`...)
		b = strconv.AppendInt(b, int64(r), 10)
		b = append(b, `">`...)
		for i := range refs {
			tag, err := in.ReadByte()
			if err != nil {
				return err
			}
			if tag == xlsxEmpty {
				continue
			}
			n, err := binary.ReadUvarint(in)
			if err != nil {
				return err
			}
			if uint64(cap(text)) < n {
				text = make([]byte, n)
			}
			text = text[:n]
			if _, err := io.ReadFull(in, text); err != nil {
				return err
			}
			style := 0
			switch {
			case tag == xlsxNumber && total == 1:
				style = styles.boldNumber[decimalPlaces(text)]
			case tag == xlsxNumber:
				style = styles.number[decimalPlaces(text)]
			case total == 1:
				style = styles.bold
			}
			if tag == xlsxNumber {
				b = appendNumberCell(b, refs[i], r, style, text)
			} else {
				b = appendTextCell(b, refs[i], r, style, text)
			}
		}
		b = append(b, `</row>`...)
		if _, err := out.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// columnName is a column's letters: A to Z, AA, AB, …
func columnName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

func appendCellStart(b []byte, col string, row, style int) []byte {
	b = append(b, `<c r="`...)
	b = append(b, col...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	return b
}

// appendNumberCell stores a number as the decimal printed: <v>15.80</v>.
func appendNumberCell(b []byte, col string, row, style int, text []byte) []byte {
	b = appendCellStart(b, col, row, style)
	b = append(b, "><v>"...)
	b = append(b, text...)
	return append(b, "</v></c>"...)
}

// appendTextCell stores text as an inline string, which Excel shows as it
// is and never runs, whatever it begins with.
func appendTextCell(b []byte, col string, row, style int, s []byte) []byte {
	b = appendCellStart(b, col, row, style)
	b = append(b, ` t="inlineStr"><is><t`...)
	if len(bytes.TrimSpace(s)) != len(s) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendXLSXText(b, s)
	return append(b, "</t></is></c>"...)
}

// appendXLSXText escapes text for a cell: XML's &, < and >; a carriage
// return as a character reference, which XML would otherwise read as a
// line feed; the control characters XML cannot hold at all as Excel writes
// them, _x0001_; and an underscore that would begin such an escape as
// _x005F_, so that text reading "_x0041_" stays that and does not become A.
// Bytes that are not UTF-8 become U+FFFD.
func appendXLSXText(b []byte, s []byte) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\r':
			b = append(b, "&#xD;"...)
		case r == '\t' || r == '\n':
			b = append(b, byte(r))
		case r < 0x20 || r == 0xfffe || r == 0xffff:
			b = fmt.Appendf(b, "_x%04X_", r)
		case r == '_' && excelEscapeAt(s[i:]):
			b = append(b, "_x005F_"...)
		default:
			b = utf8.AppendRune(b, r) // utf8.RuneError for a byte that is not UTF-8
		}
		i += size
	}
	return b
}

// excelEscapeAt reports text that begins as Excel's escape of a character
// does: _x, four hexadecimal digits, _.
func excelEscapeAt(s []byte) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range s[2:6] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
