package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// xlsxFormatter writes the report as a workbook of one sheet, named after
// the command: the header row in --lang, bold and frozen; numbers stored as
// numbers, each in a format that shows the places it was printed with, so
// that Excel shows what the table shows and sums what it shows; text as
// text (an inline string: no cell is ever a formula, whatever it says); a
// total row in bold; each column as wide as its widest text.
//
// excelize makes the workbook (its parts, the sheet's name, the styles and
// the document properties, pinned) and zips it; econcalc writes the sheet's
// part into that zip itself, because excelize's stream writer takes a
// number only as an int or a float64, and a printed 15.80 is to be stored
// as the decimal it is, never as the float nearest to it. Until the widths
// are known the rows are kept, encoded, in an outBuffer (in memory, then in
// temporary files), so that a long listing costs no more memory than a
// short one.
type xlsxFormatter struct {
	sheet   string
	titles  []string
	rows    outBuffer // each row a total flag, then its cells (xlsxCell…)
	count   int       // rows
	widths  []int     // the widest text of each column, in display columns
	places  []bool    // places[p]: a number is printed with p places
	tooLong *xlsxLongCell
}

// A cell is kept as a tag, then, for text and numbers, the length of its
// text (a uvarint) and the text.
const (
	xlsxEmpty byte = iota
	xlsxText
	xlsxNumber
)

// Excel's limits: a sheet's rows and columns, and the characters (UTF-16
// units) of a cell.
const (
	xlsxMaxRows      = 1 << 20
	xlsxMaxColumns   = 1 << 14
	xlsxMaxCellChars = 32767
)

// xlsxLongCell is the first cell too long for Excel to hold: refused rather
// than cut short.
type xlsxLongCell struct {
	row, col, chars int
}

func (f *xlsxFormatter) Header(_ []Column, titles []string) {
	f.titles = titles
	f.widths = make([]int, len(titles))
	for i, t := range titles {
		_, f.widths[i] = inTable(t)
		f.checkLength(-1, i, t)
	}
}

func (f *xlsxFormatter) Row(cells []Rendered) {
	b := append(f.rows.b, 0)
	flag := len(b) - 1
	for i, c := range cells {
		if c.IsTotal {
			b[flag] = 1
		}
		switch {
		case c.IsNull || c.S == "":
			b = append(b, xlsxEmpty)
			continue
		case c.IsNum && plainDecimal(c.S):
			b = append(b, xlsxNumber)
			f.sawPlaces(decimalPlaces([]byte(c.S)))
		default:
			b = append(b, xlsxText)
			f.checkLength(f.count, i, c.S)
		}
		b = binary.AppendUvarint(b, uint64(len(c.S)))
		b = append(b, c.S...)
		_, w := inTable(c.S)
		f.widths[i] = max(f.widths[i], w)
	}
	f.rows.b = b
	f.count++
	f.rows.spill()
}

// checkLength notes the first text longer than a cell holds; row -1 is the
// header.
func (f *xlsxFormatter) checkLength(row, col int, s string) {
	if len(s) <= xlsxMaxCellChars || f.tooLong != nil {
		return
	}
	chars := 0
	for _, r := range s {
		chars += utf16Units(r)
	}
	if chars > xlsxMaxCellChars {
		f.tooLong = &xlsxLongCell{row, col, chars}
	}
}

func utf16Units(r rune) int {
	if r > 0xffff {
		return 2
	}
	return 1
}

func (f *xlsxFormatter) sawPlaces(p int) {
	for len(f.places) <= p {
		f.places = append(f.places, false)
	}
	f.places[p] = true
}

// plainDecimal reports a number as econcalc prints it, that Excel holds
// exactly: an optional minus, digits, and a point with digits after it, 15
// significant digits at most (Excel's; 30 digits would show as 1.23457E+29
// where the table shows them all). Anything else is stored as text.
func plainDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasPoint := strings.Cut(s, ".")
	if !allDigits(whole) || hasPoint && !allDigits(frac) {
		return false
	}
	digits := strings.TrimLeft(whole+frac, "0")
	return len(digits) <= excelDigits
}

// excelDigits are the significant digits Excel keeps of a number.
const excelDigits = 15

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// decimalPlaces are the digits after a number's point.
func decimalPlaces(s []byte) int {
	if i := bytes.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

func (f *xlsxFormatter) Chunk() Formatter {
	return &xlsxFormatter{sheet: f.sheet, titles: f.titles, widths: make([]int, len(f.widths))}
}

// Join appends a chunk's rows after these (a spilled chunk joins as its
// files, not a copy).
func (f *xlsxFormatter) Join(c Formatter) {
	chunk := c.(*xlsxFormatter)
	f.rows.appendFrom(&chunk.rows)
	if f.tooLong == nil && chunk.tooLong != nil {
		long := *chunk.tooLong
		long.row += f.count
		f.tooLong = &long
	}
	f.count += chunk.count
	for i, w := range chunk.widths {
		f.widths[i] = max(f.widths[i], w)
	}
	for p, seen := range chunk.places {
		if seen {
			f.sawPlaces(p)
		}
	}
}

// fits refuses a report that Excel cannot open as it is: one that a CSV
// holds.
func (f *xlsxFormatter) fits() error {
	var err error
	switch {
	case len(f.titles) > xlsxMaxColumns:
		err = fmt.Errorf("%s columns do not fit in a sheet (at most %s)", thousands(len(f.titles)), thousands(xlsxMaxColumns))
	case f.count+1 > xlsxMaxRows:
		err = fmt.Errorf("%s rows and the header do not fit in a sheet (at most %s rows)", thousands(f.count), thousands(xlsxMaxRows))
	case f.tooLong != nil:
		where := "the header"
		if f.tooLong.row >= 0 {
			where = "row " + thousands(f.tooLong.row+2)
		}
		err = fmt.Errorf("%s, column %q: %s characters do not fit in a cell (at most %s)",
			where, f.titles[f.tooLong.col], thousands(f.tooLong.chars), thousands(xlsxMaxCellChars))
	default:
		return nil
	}
	return &WriteError{What: "the workbook", Err: fmt.Errorf("%w; --format csv holds it", err)}
}

// thousands writes n with commas: 1,048,576.
func thousands(n int) string { return englishNumbers.Sprint(n) }

var englishNumbers = message.NewPrinter(language.English)

// xlsxPinnedTime is the workbook's creation and modification time: fixed, so
// that the same input gives the same bytes (a zip's entries carry no time
// either). It is the earliest time a zip can record.
const xlsxPinnedTime = "1980-01-01T00:00:00Z"

// xlsxSheetPart is the part of excelize's first sheet, which the formatter
// writes.
const xlsxSheetPart = "xl/worksheets/sheet1.xml"

func (f *xlsxFormatter) Finish(w io.Writer) error {
	if err := f.fits(); err != nil {
		return err
	}
	book := excelize.NewFile()
	defer book.Close()
	if f.sheet != "" {
		if err := book.SetSheetName("Sheet1", f.sheet); err != nil {
			return err
		}
	}
	if err := book.SetDocProps(&excelize.DocProperties{
		Creator: "econcalc", LastModifiedBy: "econcalc",
		Created: xlsxPinnedTime, Modified: xlsxPinnedTime,
	}); err != nil {
		return err
	}
	styles, err := f.newStyles(book)
	if err != nil {
		return err
	}
	// The zip goes straight to w, not into the buffer excelize would hold it
	// in: WriteToBuffer's buffer stays empty.
	zw := zip.NewWriter(w)
	// Deflate at its fastest: compressing is most of the time a workbook
	// takes. The parts are written one after another, so one compressor
	// serves them all.
	var deflate *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if deflate == nil {
			var err error
			deflate, err = flate.NewWriter(out, flate.BestSpeed)
			return deflate, err
		}
		deflate.Reset(out)
		return deflate, nil
	})
	z := &sheetInZip{Writer: zw, write: func(part io.Writer) error { return f.writeSheet(part, styles) }}
	book.SetZipWriter(func(io.Writer) excelize.ZipWriter { return z })
	if _, err := book.WriteToBuffer(); err != nil {
		return err
	}
	if !z.wrote {
		return errors.New("excelize wrote no " + xlsxSheetPart)
	}
	return nil
}

// sheetInZip is the zip excelize writes the workbook into, with the sheet's
// part written by the formatter in place of excelize's (an empty sheet).
type sheetInZip struct {
	*zip.Writer
	write func(io.Writer) error
	wrote bool
}

func (z *sheetInZip) Create(name string) (io.Writer, error) {
	w, err := z.Writer.Create(name)
	if err != nil || name != xlsxSheetPart {
		return w, err
	}
	z.wrote = true
	if err := z.write(w); err != nil {
		return nil, err
	}
	return io.Discard, nil
}

// xlsxStyles are the cell formats a sheet uses: bold text, and a number
// format for each number of places seen, plain and bold.
type xlsxStyles struct {
	bold               int
	number, boldNumber []int // by places
}

// newStyles adds the formats in a fixed order, places ascending, so that
// their ids, and the bytes, depend on the report alone.
func (f *xlsxFormatter) newStyles(book *excelize.File) (xlsxStyles, error) {
	// The font of the default style, bold: a font that named no family and
	// no size would leave them to the reader.
	bold := &excelize.Font{Bold: true, Family: "Calibri", Size: 11}
	var s xlsxStyles
	var err error
	if s.bold, err = book.NewStyle(&excelize.Style{Font: bold}); err != nil {
		return s, err
	}
	s.number = make([]int, len(f.places))
	s.boldNumber = make([]int, len(f.places))
	for p, seen := range f.places {
		if !seen {
			continue
		}
		code := "0"
		if p > 0 {
			code += "." + strings.Repeat("0", p)
		}
		if s.number[p], err = book.NewStyle(&excelize.Style{CustomNumFmt: &code}); err != nil {
			return s, err
		}
		if s.boldNumber[p], err = book.NewStyle(&excelize.Style{CustomNumFmt: &code, Font: bold}); err != nil {
			return s, err
		}
	}
	return s, nil
}
