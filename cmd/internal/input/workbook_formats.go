package input

// The styles of a workbook: which cell formats show a date, which a
// percentage, and how many decimals a number format shows.

import (
	"encoding/xml"
	"github.com/shopspring/decimal"
	"strconv"
	"strings"
)

// readStyles marks the cell formats whose number format shows a date or a
// percentage, and the places a fixed-point one shows.
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
					b.codes = append(b.codes, code)
					b.percent = append(b.percent, percentFormatOf(code))
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

// builtinNumberFormats are the built-in number formats econcalc reads the
// code of: those that show a number to fixed places (0.00, #,##0.00) and
// the percentages 0% and 0.00%.
var builtinNumberFormats = map[int]string{1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%"}

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

// percentFormat is how a number format shows a number: by the sections of
// its code, as Excel picks them, by sign (positive, negative, zero) or, when
// the first two sections have conditions ([>=100000]0.0,,;0), by those.
type percentFormat struct {
	s    [3]sectionShow
	cond [2]condition
}

// sectionShow is how one section shows a number: each % sign outside
// quotes, [brackets] and escapes multiplies it by 100 and is written after
// it; each comma after the last digit divides it by 1000 (scalingCommas);
// a decimal point written as text divides it by 10 per digit after it
// (literalPoint); places are the decimals shown, or -1. Its zero value
// shows the number as it is.
type sectionShow struct {
	signs, thousands, points, places int
	unit                             string // a unit written beside the number ("千元")
}

// condition is a section's [>=100000]: op is "" for none.
type condition struct {
	op string
	v  decimal.Decimal
}

// percentFormatOf reads a number format code section by section. A % in
// quotes ("%") or escaped (\%) is literal text: Excel shows 0.12 formatted
// 0.0"%" as 0.1%, the number itself, so the cell reads as stored, 0.12, the
// figure Excel's CSV writes, unrounded.
func percentFormatOf(code string) percentFormat {
	var p percentFormat
	sections := formatSections(code)
	for i := 0; i < 2 && i < len(sections); i++ {
		p.cond[i] = conditionOf(sections[i])
	}
	conditional := p.cond[0].op != "" || p.cond[1].op != ""
	for k := range p.s {
		i := k
		switch {
		case conditional && i >= len(sections):
			continue // General
		case i >= len(sections):
			i = 0 // one section shows all; two show zero as positive
		}
		p.s[k] = showOf(sections[i])
	}
	return p
}

func showOf(section string) sectionShow {
	s := sectionShow{signs: percentSigns(section), thousands: scalingCommas(section), points: literalPoint(section), unit: literalUnit(section)}
	switch {
	case s.points > 0:
		s.places = s.points
	case s.signs > 0 || s.thousands > 0:
		s.places = formatPlaces(strings.ReplaceAll(strings.TrimRight(withoutBrackets(section), ","), "%", ""))
	}
	return s
}

// withoutBrackets is a section without its [Red] and [>=100000].
func withoutBrackets(section string) string {
	for {
		i := strings.IndexByte(section, '[')
		j := strings.IndexByte(section, ']')
		if i < 0 || j < i {
			return section
		}
		section = section[:i] + section[j+1:]
	}
}

// conditionOf reads a section's condition, [>=100000] or [<0].
func conditionOf(section string) (c condition) {
	walkSection(section, func(kind int, text string) {
		if kind != formatBracket || c.op != "" {
			return
		}
		for _, op := range []string{">=", "<=", "<>", ">", "<", "="} {
			if num, ok := strings.CutPrefix(text, op); ok {
				if v, err := decimal.NewFromString(strings.TrimSpace(num)); err == nil {
					c = condition{op, v}
				}
				return
			}
		}
	})
	return c
}

func (c condition) holds(v decimal.Decimal) bool {
	switch cmp := v.Cmp(c.v); c.op {
	case ">=":
		return cmp >= 0
	case "<=":
		return cmp <= 0
	case "<>":
		return cmp != 0
	case ">":
		return cmp > 0
	case "<":
		return cmp < 0
	case "=":
		return cmp == 0
	}
	return false
}

// forValue is how the format shows a stored number (a plain decimal, as
// storedNumber writes it): by its conditions, or else by whether it is
// above, below or at zero.
func (p percentFormat) forValue(v string) sectionShow {
	if p.cond[0].op != "" || p.cond[1].op != "" {
		d, err := decimal.NewFromString(v)
		switch {
		case err != nil:
			return sectionShow{}
		case p.cond[0].op != "" && p.cond[0].holds(d):
			return p.s[0]
		case p.cond[1].op == "":
			return p.s[1]
		case p.cond[1].holds(d):
			return p.s[1]
		}
		return p.s[2]
	}
	switch {
	case strings.Trim(v, "-+0.") == "":
		return p.s[2]
	case strings.HasPrefix(v, "-"):
		return p.s[1]
	}
	return p.s[0]
}

// A section's parts, as walkSection hands them over: a character that
// shows the number (0 # ? . , % and the like), text in quotes, a character
// written as text (\. or !.), the width of one (_x) or a fill (*x), and a
// group in brackets ([Red], [>=100000], [$%-409], a locale).
const (
	formatChar = iota
	formatQuoted
	formatEscaped
	formatSpacing
	formatBracket
)

// walkSection hands f each part of a format section, in order.
func walkSection(section string, f func(kind int, text string)) {
	for i := 0; i < len(section); i++ {
		switch c := section[i]; c {
		case '"':
			j := closingQuote(section, i)
			f(formatQuoted, section[i+1:min(j, len(section))])
			i = j
		case '\\', '!', '_', '*':
			kind := formatEscaped
			if c == '_' || c == '*' {
				kind = formatSpacing
			}
			if i+1 < len(section) {
				f(kind, section[i+1:i+2])
			}
			i++
		case '[':
			j := strings.IndexByte(section[i:], ']')
			if j < 0 {
				j = len(section) - i
			}
			f(formatBracket, section[i+1:min(i+j, len(section))])
			i += j
		default:
			f(formatChar, section[i:i+1])
		}
	}
}

// percentSigns counts the % signs of a format section that scale the number:
// not those in quotes, in [brackets] ([$%-409] is a locale), escaped (\%),
// the width of a space (_%) or a fill (*%).
func percentSigns(section string) (n int) {
	walkSection(section, func(kind int, text string) {
		if kind == formatChar && text == "%" {
			n++
		}
	})
	return n
}

// scalingCommas counts the commas after a format section's last digit
// placeholder: each shows the number divided by 1000 (#,##0.0,, shows
// 72000000 as 72.0, in millions), where a comma between placeholders only
// groups the digits.
func scalingCommas(section string) (n int) {
	walkSection(section, func(kind int, text string) {
		switch {
		case kind != formatChar:
		case strings.ContainsAny(text, "0#?"):
			n = 0
		case text == ",":
			n++
		}
	})
	return n
}

// literalPoint is how many digits a section shows after a decimal point
// that is text (0!.0000, 0\.0000, 0"."0000), with no real one: the way to
// show 123456 as 12.3456, in 万; 0 for any other section.
func literalPoint(section string) int {
	n, after, real := 0, false, false
	walkSection(section, func(kind int, text string) {
		switch {
		case text == "." && (kind == formatQuoted || kind == formatEscaped):
			after, n = true, 0
		case kind != formatChar:
		case text == ".":
			real = true
		case after && strings.ContainsAny(text, "0#?"):
			n++
		}
	})
	if real {
		return 0
	}
	return n
}

// literalUnit is text a section writes beside the number that names a
// money unit (#,##0,"千元" shows 72000 as 72千元), or "": with a scaling
// format, the number shown is in it, not in what the header says.
func literalUnit(section string) (unit string) {
	walkSection(section, func(kind int, text string) {
		if kind == formatQuoted && unit == "" && strings.ContainsAny(text, "元万亿") {
			unit = text
		}
	})
	return unit
}

// formatSections splits a number format code at the semicolons outside
// quotes and escapes.
func formatSections(code string) []string {
	var sections []string
	start := 0
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			i = closingQuote(code, i)
		case '\\', '_', '*':
			i++
		case ';':
			sections = append(sections, code[start:i])
			start = i + 1
		}
	}
	return append(sections, code[start:])
}

// closingQuote is where the quoted text of a format code opening at i ends:
// its closing quote, or the end of the code.
func closingQuote(code string, i int) int {
	if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
		return i + 1 + j
	}
	return len(code)
}
