package input

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// maxDigits bounds the digits of an input number: more than any money amount
// or count carries, few enough that a typo of hundreds of digits is caught.
const maxDigits = 30

var (
	errNotNumber      = errors.New("is not a number")
	errTooManyDigits  = fmt.Errorf("has more than %d digits", maxDigits)
	errAccountingForm = errors.New("is an accounting negative in parentheses")
)

// ParseNumber reads a number as spreadsheets export them and people type
// them: 1234.56, -3, +3, " 12 ", 1,234.56 (thousands separators in groups
// of three, a full-width ， too), full-width digits and signs (３８, －4.5, ＋), the Unicode minus
// (−). With percent, a trailing % or ％ is allowed, after a space too, and
// ignored (31.7% is the rate 31.7). An empty cell is missing (ok false),
// never zero.
func ParseNumber(cell string, percent bool) (d decimal.Decimal, ok bool, err error) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return d, false, nil
	}
	if !isASCII(s) {
		s = numberForms.Replace(s)
	}
	if len(s) > 2 && s[0] == '(' && s[len(s)-1] == ')' {
		if inner := strings.TrimSpace(s[1 : len(s)-1]); isNumber(inner, percent) {
			return d, false, fmt.Errorf("%w, which econcalc does not guess at: write -%s", errAccountingForm, inner)
		}
	}
	if percent {
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	if strings.IndexByte(s, ',') >= 0 {
		if s, err = stripThousands(s); err != nil {
			return d, false, err
		}
	}
	if !plainDecimal(s) {
		return d, false, errNotNumber
	}
	if digitCount(s) > maxDigits {
		return d, false, errTooManyDigits
	}
	s = strings.TrimPrefix(s, "+")
	d, err = decimal.NewFromString(s)
	if err != nil {
		return d, false, errNotNumber
	}
	return d, true, nil
}

// plainDecimal accepts [+-]digits[.digits] with at least one digit. No exponent: a spreadsheet writes 1.2E+07 only when it has
// already rounded the number away.
func plainDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits, dot := 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// digitCount counts the digits of s but for leading zeros of its integer
// part, so that 0.5 and .5 both count one.
func digitCount(s string) int {
	n, leading := 0, true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '0' && leading:
		case c >= '0' && c <= '9':
			n++
			leading = false
		case c == '.':
			leading = false
		}
	}
	return n
}

// stripThousands removes separators from 1,234,567.89, insisting on groups
// of three after a first group without a leading zero, so that a misplaced
// comma (1,23) or a decimal comma (0,123) is an error, not a number.
func stripThousands(s string) (string, error) {
	intPart, frac, _ := strings.Cut(s, ".")
	sign := ""
	if intPart != "" && (intPart[0] == '+' || intPart[0] == '-') {
		sign, intPart = intPart[:1], intPart[1:]
	}
	groups := strings.Split(intPart, ",")
	// A first group that starts with 0 (0,123, 01,234) is no thousands
	// number: 0,123 is how Europe writes 0.123, and econcalc does not guess.
	if len(groups[0]) < 1 || len(groups[0]) > 3 || groups[0][0] == '0' {
		return "", errNotNumber
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", errNotNumber
		}
	}
	out := sign + strings.Join(groups, "")
	if strings.Contains(s, ".") {
		out += "." + frac
	}
	return out, nil
}

// numberForms are the characters of numbers typed with a Chinese input
// method, and the Unicode minus, as their ASCII.
var numberForms = strings.NewReplacer(
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4",
	"５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	"－", "-", "−", "-", "＋", "+", "．", ".", "％", "%",
	"（", "(", "）", ")",
	// A full-width comma separates thousands as the comma does, in groups
	// of three (stripThousands): １，２３４．５ is 1234.5, １，２３ is refused.
	"，", ",",
)

func isNumber(s string, percent bool) bool {
	_, ok, err := ParseNumber(s, percent)
	return ok && err == nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
