package input

// The cells of a sheet, as CSV text.

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/shopspring/decimal"
)

// cellXML is what a c element held.
type cellXML struct {
	col           int
	typ, style    string
	formula, hasV bool
	value, inline strings.Builder
	in, inV, inIS bool   // within the c, its v, its is
	down          int    // a number its format shows ÷ 10^down (in 千, 万 …)
	lit           string // a unit its format writes beside the number (万元)
	inlineText    richText
}

// readSheet reads the cells of a sheet row by row into t, checking the
// units of scaled numbers with units unless it is nil.
func (b *workbook) readSheet(ws sheetEntry, t *table, units *scaleCheck) error {
	if b.parts[strings.ToLower(ws.part)] == nil {
		return b.damaged(ws.part, errors.New("the part holding sheet "+strconv.Quote(ws.name)+" is missing"))
	}
	var c cellXML
	var cells []string
	row, col, inRow := 0, 0, false
	err := b.tokens(ws.part, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			switch {
			case e.Name.Local == "row":
				n := row + 1
				if r := attr(e, "r"); r != "" {
					var err error
					if n, err = strconv.Atoi(r); err != nil || n <= row || n > maxSheetRows {
						return b.damaged(ws.part, fmt.Errorf("row %q after row %d", r, row))
					}
				}
				row, col, inRow, cells = n, 0, true, cells[:0]
			case e.Name.Local == "c" && inRow:
				col++
				if r := attr(e, "r"); r != "" {
					col = columnOf(r)
				}
				if col == 0 || col > maxSheetColumns {
					return b.damaged(ws.part, fmt.Errorf("a cell in row %d is in no column (%q)", row, attr(e, "r")))
				}
				c = cellXML{col: col, typ: attr(e, "t"), style: attr(e, "s"), in: true}
			case e.Name.Local == "mergeCell" && !inRow:
				if m, ok := mergeOf(attr(e, "ref")); ok {
					t.merges = append(t.merges, m)
				}
			case !c.in:
			case e.Name.Local == "f":
				c.formula = true
			case e.Name.Local == "v":
				c.inV, c.hasV = true, true
			case e.Name.Local == "is":
				c.inIS = true
			case c.inIS:
				c.inlineText.take(tok, &c.inline)
			}
		case xml.CharData:
			if c.inV {
				c.value.Write(e)
			} else if c.inIS {
				c.inlineText.take(tok, &c.inline)
			}
		case xml.EndElement:
			switch {
			case e.Name.Local == "v":
				c.inV = false
			case e.Name.Local == "is":
				c.inIS = false
			case c.inIS:
				c.inlineText.take(tok, &c.inline)
			case e.Name.Local == "c" && c.in:
				c.in = false
				v, err := b.cellValue(&c)
				if err != nil {
					return &DataError{File: b.display + "[" + ws.name + "]", Line: row,
						Msg: columnName(c.col) + strconv.Itoa(row) + ": " + err.Error()}
				}
				for len(cells) < c.col {
					cells = append(cells, "")
				}
				cells[c.col-1] = v
				if (c.down > 0 || c.lit != "") && units != nil {
					s, _ := strconv.Atoi(c.style)
					return units.cell(scaledCell{row, c.col, c.down, b.codes[s], storedNumber(strings.TrimSpace(c.value.String())), v, c.lit})
				}
				if v != "" && units != nil {
					units.plain(scaledCell{row: row, col: c.col, shown: v}, c.typ != "" && c.typ != "n")
				}
			case e.Name.Local == "row":
				t.add(row, cells)
				inRow = false
				if units != nil {
					return units.row(row, cells)
				}
			}
		}
		return nil
	})
	if err == nil && units != nil {
		err = units.done()
	}
	return err
}

// Excel's limits: a sheet has at most 1,048,576 rows and 16,384 (XFD) columns.
const maxSheetRows, maxSheetColumns = 1 << 20, 1 << 14

// columnOf is the column number of a cell reference such as "B7", 0 if it
// is none.
func columnOf(ref string) int {
	col, i := 0, 0
	for ; i < len(ref) && i <= 3; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	if i == 0 || i > 3 || i == len(ref) || strings.Trim(ref[i:], "0123456789") != "" {
		return 0
	}
	return col
}

// columnName is the letters of a column number: 1 is A, 28 is AB.
func columnName(col int) string {
	var name []byte
	for ; col > 0; col = (col - 1) / 26 {
		name = append([]byte{byte('A' + (col-1)%26)}, name...)
	}
	return string(name)
}

var errNoSavedValue = errors.New("a formula without a saved value; open and save the file in Excel")

// cellValue is a cell as CSV text: a number as stored (storedNumber), a
// percentage as Excel shows it (asPercent: 0.131 formatted 0.0% is 13.1%), a
// date as 2017-10-01, text with line breaks as spaces, TRUE or FALSE, an
// error value as its text. A formula is its saved value; an empty one is
// saved only for a text result (t="str").
func (b *workbook) cellValue(c *cellXML) (string, error) {
	v := c.value.String()
	if c.formula && (!c.hasV || v == "" && c.typ != "str") {
		return "", errNoSavedValue
	}
	switch c.typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(b.shared) {
			return "", fmt.Errorf("shared string %s is missing; the workbook is damaged", QuoteCell(v))
		}
		return b.shared[i], nil
	case "inlineStr":
		return unwrap(unescapeXstring(c.inline.String())), nil
	case "b":
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "1", "true":
			return "TRUE", nil
		case "0", "false":
			return "FALSE", nil
		}
	case "d": // an ISO 8601 date, time or both
		if len(v) >= 10 && v[4] == '-' && v[7] == '-' {
			if _, err := time.Parse(time.DateOnly, v[:10]); err == nil {
				return v[:10], nil
			}
		}
	case "", "n":
		v = strings.TrimSpace(v)
		if v == "" {
			return "", nil
		}
		s, err := strconv.Atoi(c.style)
		if err != nil || s < 0 || s >= len(b.isDate) {
			return storedNumber(v), nil
		}
		if b.isDate[s] {
			return b.date(v)
		}
		show := b.percent[s].forValue(storedNumber(v))
		if show.signs == 0 {
			c.down, c.lit = 3*show.thousands+show.points, strings.Join(strings.Fields(show.unit), "")
		}
		if show.signs > 0 || show.thousands > 0 || show.points > 0 {
			return asPercent(storedNumber(v), show.signs, 3*show.thousands+show.points, show.places), nil
		}
		return withPlaces(storedNumber(v), b.places[s]), nil
	}
	return unwrap(unescapeXstring(v)), nil
}

// excelDigits is the precision of Excel's numbers: it shows and saves as
// CSV at most 15 significant digits, whatever the file holds beyond them.
const excelDigits = 15

// storedNumber is a number cell's stored text, as a plain decimal: 1.2E-05 is
// 0.000012. Digits beyond the 15th significant one are rounded off in
// decimal (half away from zero, as Excel shows them), for they are the
// binary fraction's, not the figure's: openpyxl stores 8.87 as
// 8.869999999999999, older Excel 1.1 as 1.1000000000000001. The stored text
// is a double's, so zeros ending its decimals are no places the figure was
// written with, and are dropped as Excel drops them: excelize stores
// 10.000000000000002 as 10.0000000000000, which is 10 (a format with fixed
// places adds its zeros back: withPlaces).
func storedNumber(v string) string {
	digits := 0
	for i := 0; i < len(v); i++ {
		if c := v[i]; c >= '1' && c <= '9' || c == '0' && digits > 0 {
			digits++
		}
	}
	if digits <= excelDigits && !strings.ContainsAny(v, "eE") {
		if strings.IndexByte(v, '.') >= 0 {
			if v = strings.TrimRight(strings.TrimRight(v, "0"), "."); strings.Trim(v, "+-0") == "" {
				v = "0" // 0.0, -0.0
			}
		}
		return v
	}
	d, err := decimal.NewFromString(v)
	if err != nil {
		return v
	}
	if n := len(d.Coefficient().String()); strings.HasPrefix(d.Coefficient().String(), "-") {
		d = d.Round(int32(excelDigits-n+1) - d.Exponent())
	} else {
		d = d.Round(int32(excelDigits-n) - d.Exponent())
	}
	return d.String()
}

// unescapeXstring decodes the _xHHHH_ escapes of OOXML text (_x000D_ is a
// carriage return, _x005F_ an underscore).
func unescapeXstring(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	var units []uint16
	for i := 0; i < len(s); {
		if u, ok := xstringUnit(s[i:]); ok {
			units = append(units, u)
			i += 7
			continue
		}
		out.WriteString(string(utf16.Decode(units)))
		units = units[:0]
		out.WriteByte(s[i])
		i++
	}
	out.WriteString(string(utf16.Decode(units)))
	return out.String()
}

func xstringUnit(s string) (uint16, bool) {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return 0, false
	}
	u, err := strconv.ParseUint(s[2:6], 16, 16)
	return uint16(u), err == nil
}

// withPlaces writes a number with the trailing zeros its cell format shows
// (15.8 formatted 0.00 is 15.80, as Excel shows it and saves it as CSV):
// zeros only, never a digit rounded away.
func withPlaces(v string, places int) string {
	if places < 0 {
		return v
	}
	have := 0
	if dot := strings.IndexByte(v, '.'); dot >= 0 {
		have = len(v) - dot - 1
	} else if places > 0 {
		v += "."
	}
	return v + strings.Repeat("0", max(places-have, 0))
}

// asPercent writes a stored number as a percent format shows it: times 100
// for each % sign and ÷ 10^down for its scaling commas (1000 each) and a
// decimal point written as text (0!.0000 shows 万), by moving the decimal
// point (0.131 is 13.1,
// 1 is 100, -0.05 is -5), with the zeros the format shows (0.12 formatted
// 0.0% is 12.0%, as Excel's CSV writes it), then the % signs. Text that is
// no plain decimal is left as it is.
func asPercent(v string, signs, down, places int) string {
	if down > 0 { // shown in thousands, millions or 万: 72000000 is 72 (百万元)
		d, err := decimal.NewFromString(v)
		if err != nil {
			return v
		}
		v = d.Shift(int32(2*signs - down)).String()
		return withPlaces(v, places) + strings.Repeat("%", signs)
	}
	sign, digits := "", v
	if strings.HasPrefix(v, "-") {
		sign, digits = "-", v[1:]
	}
	whole, frac, _ := strings.Cut(digits, ".")
	if whole == "" || strings.Trim(whole+frac, "0123456789") != "" {
		return v
	}
	for range 2 * signs {
		if frac == "" {
			whole += "0"
		} else {
			whole, frac = whole+frac[:1], frac[1:]
		}
	}
	if whole = strings.TrimLeft(whole, "0"); whole == "" {
		whole = "0"
	}
	if frac != "" {
		whole += "." + frac
	}
	return withPlaces(sign+whole, places) + strings.Repeat("%", signs)
}
