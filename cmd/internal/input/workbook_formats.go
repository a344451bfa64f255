package input

// The styles of a workbook: which cell formats show a date, and how many
// decimals a number format shows.

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// readStyles marks the cell formats whose number format shows a date, and
// the places a fixed-point one shows.
func (b *workbook) readStyles() error {
	codes := map[int]string{} // the workbook's own number formats
	inCellXfs := false
	return b.tokens(b.stylPart, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				if id, err := strconv.Atoi(attr(t, "numFmtId")); err == nil {
					codes[id] = attr(t, "formatCode")
				}
			case "cellXfs":
				inCellXfs = true
			case "xf":
				if inCellXfs {
					id, _ := strconv.Atoi(attr(t, "numFmtId"))
					code, own := codes[id]
					b.isDate = append(b.isDate, own && isDateFormat(code) || !own && builtinDateFormats[id])
					if !own {
						code = builtinNumberFormats[id]
					}
					b.places = append(b.places, formatPlaces(code))
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inCellXfs = false
			}
		}
		return nil
	})
}

// builtinNumberFormats are the built-in number formats that show a number
// to fixed places: 0.00 and #,##0.00.
var builtinNumberFormats = map[int]string{1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00"}

// formatPlaces is the decimals a fixed-point number format shows (2 for
// 0.00 and #,##0.00_ ), or -1 for any other format: General, percent,
// scientific, dates, text.
func formatPlaces(code string) int {
	section, _, _ := strings.Cut(code, ";")
	if section == "" || strings.ContainsAny(section, "%EeYyMmDdHhSs@?/\"\\") {
		return -1
	}
	for i, c := range section {
		switch c {
		case '0', '#', ',', ' ', '_', ')', '(', '-', '+':
		case '.':
			n := 0
			for n < len(section)-i-1 && section[i+1+n] == '0' {
				n++
			}
			return n
		default:
			return -1
		}
	}
	return 0
}

// builtinDateFormats are the built-in number formats that show a date: 14–17
// and 22 everywhere; 27–31, 36, 50–54, 57 and 58 as Excel in Chinese
// (simplified) shows them, such as yyyy"年"m"月"; 71–74, 77 and 81 (Thai).
// The other built-in time formats (18–21, 32–35, 45–47, 55, 56) show no day.
var builtinDateFormats = map[int]bool{14: true, 15: true, 16: true, 17: true, 22: true,
	27: true, 28: true, 29: true, 30: true, 31: true, 36: true, 50: true, 51: true, 52: true,
	53: true, 54: true, 57: true, 58: true, 71: true, 72: true, 73: true, 74: true, 77: true, 81: true}

// isDateFormat tells whether a number format code shows a date: whether it
// has a year (y, or e and g for eras), day (d) or month (m, unless it follows
// an h or comes before an s, when it is minutes), outside quoted text,
// [brackets], escaped characters, General, AM/PM and scientific E+.
func isDateFormat(code string) bool {
	code = strings.ToLower(code)
	var letters []byte
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case c == '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				i += j
			}
		case c == '\\' || c == '_' || c == '*':
			i++
		case strings.HasPrefix(code[i:], "general"):
			i += len("general") - 1
		case strings.HasPrefix(code[i:], "am/pm"):
			i += len("am/pm") - 1
		case strings.HasPrefix(code[i:], "a/p"):
			i += len("a/p") - 1
		case c == 'e' && i+1 < len(code) && (code[i+1] == '+' || code[i+1] == '-'):
			i++
		case strings.IndexByte("ymdhseg", c) >= 0:
			if len(letters) == 0 || letters[len(letters)-1] != c {
				letters = append(letters, c)
			}
		}
	}
	for i, c := range letters {
		minutes := c == 'm' && (i > 0 && letters[i-1] == 'h' || i+1 < len(letters) && letters[i+1] == 's')
		if c == 'y' || c == 'd' || c == 'e' || c == 'g' || c == 'm' && !minutes {
			return true
		}
	}
	return false
}
