package input

// Which cell formats show a date, and the day a date cell shows.

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

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
// [brackets], escaped characters, General in any case or as Excel in
// Chinese names it (G/通用格式, whose G is no era), AM/PM and scientific E+;
// an elapsed [h] before m makes it minutes, as h does.
func isDateFormat(code string) bool {
	code = strings.ToLower(code)
	var letters []byte
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			i = closingQuote(code, i)
		case c == '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				// [h], [mm], [ss]: elapsed time, after which m is minutes
				if in := code[i+1 : i+j]; in != "" && strings.Trim(in, in[:1]) == "" && strings.Contains("hms", in[:1]) {
					letters = append(letters, in[0])
				}
				i += j
			} else {
				i = len(code) // an unclosed bracket: nothing after it shows
			}
		case c == '\\' || c == '_' || c == '*':
			i++
		case strings.HasPrefix(code[i:], "general"):
			i += len("general") - 1
		case strings.HasPrefix(code[i:], "g/通用格式"):
			i += len("g/通用格式") - 1
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

// date is the day a serial number formatted as a date shows, as 2017-10-01:
// days since 1899-12-30 (1900 date system, where Excel counts a 29 February
// 1900 that never was) or since 1904-01-01 (1904 date system). The time of
// day is left out, rounded to the millisecond first as Excel shows it.
func (b *workbook) date(v string) (string, error) {
	serial, err := decimal.NewFromString(v)
	if err != nil {
		return "", fmt.Errorf("%s is formatted as a date but is not a number", QuoteCell(v))
	}
	days := serial.Floor()
	if ms := serial.Sub(days).Shift(3).Mul(decimal.NewFromInt(86400)).Round(0); ms.Cmp(decimal.NewFromInt(86400000)) >= 0 {
		days = days.Add(decimal.NewFromInt(1))
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if b.date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	switch n := days.IntPart(); {
	case days.Sign() < 0 || !b.date1904 && n == 0:
		return "", fmt.Errorf("%s is formatted as a date but comes before the first day Excel shows", v)
	case days.Cmp(decimal.NewFromInt(3_000_000)) > 0 || epoch.AddDate(0, 0, int(n)).Year() > 9999:
		return "", fmt.Errorf("%s is formatted as a date but comes after the last day Excel shows (9999-12-31)", v)
	case !b.date1904 && n == 60:
		return "1900-02-29", nil // Excel's, kept for Lotus 1-2-3
	case !b.date1904 && n < 60:
		return epoch.AddDate(0, 0, int(n)+1).Format(time.DateOnly), nil
	default:
		return epoch.AddDate(0, 0, int(n)).Format(time.DateOnly), nil
	}
}
