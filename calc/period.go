package calc

import (
	"errors"
	"fmt"
	"strings"
)

// Frequency is how often a series is observed.
type Frequency uint8

const (
	Annual Frequency = iota + 1
	Quarterly
	Monthly
)

// Finer reports whether f divides the year into more periods than g.
func (f Frequency) Finer(g Frequency) bool { return f.PerYear() > g.PerYear() }

// PerYear is how many periods of the frequency make a year.
func (f Frequency) PerYear() int {
	switch f {
	case Quarterly:
		return 4
	case Monthly:
		return 12
	}
	return 1
}

func (f Frequency) String() string {
	switch f {
	case Annual:
		return "annual"
	case Quarterly:
		return "quarterly"
	case Monthly:
		return "monthly"
	}
	return "unknown"
}

// Period is a calendar key: a year, a quarter of a year or a month of a year.
// Series are compared by Period, never by row position.
type Period struct {
	Year int32 // 1000–9999: small types keep a point of a series to 32 bytes
	Freq Frequency
	Sub  int8 // quarter 1–4 or month 1–12; 0 for annual periods
}

// MakePeriod is the period of a year, a frequency and a quarter or month
// (0 for a year).
func MakePeriod(year int, f Frequency, sub int) Period {
	return Period{Year: int32(year), Freq: f, Sub: int8(sub)}
}

// Index numbers periods of one frequency consecutively, so that adjacent
// periods differ by one and sorting by Index sorts by calendar.
func (p Period) Index() int {
	if p.Freq == Annual {
		return int(p.Year)
	}
	return int(p.Year)*p.Freq.PerYear() + int(p.Sub) - 1
}

// Shift returns the period n periods later (earlier when n < 0).
func (p Period) Shift(n int) Period {
	if p.Freq == Annual {
		return Period{Year: p.Year + int32(n), Freq: Annual}
	}
	per := p.Freq.PerYear()
	i := p.Index() + n
	return MakePeriod(floorDiv(i, per), p.Freq, i-floorDiv(i, per)*per+1)
}

// YearsEarlier returns the same period n years before.
func (p Period) YearsEarlier(n int) Period {
	q := p
	q.Year -= int32(n)
	return q
}

// Last is the last period of frequency f within p: a quarter's last month,
// a year's last quarter or month, or p itself when f is p's frequency; ok is
// false when f is coarser than p's. A year-to-date figure through p is the
// year-to-date figure through p.Last(f): 2017年前三季度 is 2017年1-9月,
// 2017年全年 is 2017年1-12月.
func (p Period) Last(f Frequency) (last Period, ok bool) {
	switch {
	case f == p.Freq:
		return p, true
	case !f.Finer(p.Freq):
		return Period{}, false
	case p.Freq == Annual:
		return MakePeriod(int(p.Year), f, f.PerYear()), true
	}
	return MakePeriod(int(p.Year), f, int(p.Sub)*f.PerYear()/p.Freq.PerYear()), true
}

// FromJanuary reports whether the figure of a label that ParsePeriod read as
// p and ytd runs from the start of the year: a year-to-date label (上半年,
// 前三季度, 1-10月), a year, a first quarter or January. Only such a figure
// can be the year-to-date figure through p.Last(f) in a series of a finer
// frequency f; 2017年二季度 is the second quarter's own figure and cannot.
func FromJanuary(p Period, ytd bool) bool {
	return ytd || p.Freq == Annual || p.Sub == 1
}

// String is the normalised label: 2017, 2017-Q3 or 2017-10.
func (p Period) String() string {
	// By hand rather than by fmt: growth prints one per row.
	b := make([]byte, 0, 8)
	if p.Year >= 0 && p.Year < 10000 {
		y := int(p.Year)
		b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	} else {
		b = fmt.Appendf(b, "%04d", p.Year)
	}
	switch p.Freq {
	case Quarterly:
		b = append(b, '-', 'Q', byte('0'+p.Sub))
	case Monthly:
		b = append(b, '-', byte('0'+p.Sub/10), byte('0'+p.Sub%10))
	}
	return string(b)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// ErrPeriod is wrapped by every period-label error.
var ErrPeriod = errors.New("not a period")

// ParsePeriod reads a period label as statistics bureaus write them:
//
//	annual        2017, 2017年, 2017年全年, 2017年度
//	quarterly     2017-Q3, 2017Q3, 2017年3季度, 2017年三季度, 2017年第三季度
//	monthly       2017-10, 2017/10, 2017.10, 2017-1, 201710, 2017M10,
//	              2017年10月, 2017年十月, 2017年10月份
//	a date        2017-10-01, 2017/10/31, 2017.10.1, 2017年10月1日: its month
//	year to date  2017年1-10月, 2017年1～10月份, 2017年1至10月, 2017年1-3季度,
//	              2017年前三季度 (1-3季度), 2017年前两季度, 2017年上半年 (1-2季度)
//
// ytd reports a label whose figure runs from the start of the year: the
// period is the last month or quarter of the span. Digits may be
// full-width (２０１７年１０月), and months and quarters Chinese numerals
// (一 … 十二). A date's day is checked against its month, leap years
// included. 2017.1 is January, as bureaus write it; a spreadsheet that
// stored 2017.10 as the number 2017.1 has lost October, and no parser can
// tell. 2017年下半年 is refused: its figure is the year's less the first
// half's, not a span from January.
//
// 上半年 and 前三季度 are quarterly here; in a monthly bulletin they stand
// for 1-6月 and 1-9月, which Period.Last gives when a series of months needs
// them (see FromJanuary).
func ParsePeriod(label string) (p Period, ytd bool, err error) {
	s := trimSpace(label)
	if hasWideForms(s) {
		s = narrow(s)
	}
	if len(s) < 4 || !allDigits(s[:4]) {
		return p, false, periodError(label)
	}
	year := digitsValue(s[:4])
	if year < 1000 {
		return p, false, periodError(label)
	}
	rest := s[4:]
	switch {
	case rest == "" || rest == "年":
		return MakePeriod(year, Annual, 0), false, nil
	case strings.HasPrefix(rest, "年"):
		return parseChineseSub(year, rest[len("年"):], label)
	case len(rest) == 2 && allDigits(rest):
		return monthPeriod(year, rest, label)
	}
	switch sep := rest[0]; sep {
	case '-', '/', '.':
		rest = rest[1:]
		if sep != '.' && rest != "" && (rest[0] == 'Q' || rest[0] == 'q') {
			return quarterPeriod(year, rest[1:], label)
		}
		if i := strings.IndexByte(rest, sep); i >= 0 {
			return datePeriod(year, rest[:i], rest[i+1:], label)
		}
		return monthPeriod(year, rest, label)
	case 'Q', 'q':
		return quarterPeriod(year, rest[1:], label)
	case 'M', 'm':
		return monthPeriod(year, rest[1:], label)
	}
	return p, false, periodError(label)
}

// rangeSeparators join the months of a year-to-date label: 1-10月, 1—10月, 1至10月.
var rangeSeparators = []string{"-", "—", "–", "‐", "‑", "−", "－", "~", "～", "至", "到"}

// parseChineseSub reads what follows 年.
func parseChineseSub(year int, rest, label string) (Period, bool, error) {
	switch rest {
	case "度", "全年":
		return MakePeriod(year, Annual, 0), false, nil
	case "上半年":
		return MakePeriod(year, Quarterly, 2), true, nil
	case "下半年":
		return Period{}, false, fmt.Errorf("%w: %q is not a year-to-date span: a second half's figure is the year's less the first half's; give %d年上半年 and %d年全年", ErrPeriod, label, year, year)
	}
	if r, found := strings.CutSuffix(rest, "累计"); found && strings.ContainsAny(r, "-—–‐‑−－~～至到") {
		rest = r // 1-10月累计: a range is year-to-date anyway
	}
	if strings.HasSuffix(rest, "月份") {
		rest = rest[:len(rest)-len("份")]
	}
	if day, found := strings.CutSuffix(rest, "日"); found {
		month, day, _ := strings.Cut(day, "月")
		return datePeriod(year, month, day, label)
	}
	if n, found := strings.CutPrefix(rest, "前"); found && strings.HasSuffix(n, "季度") {
		// 前三季度: the first three quarters. 前一季度 would be "the quarter
		// before", not a span; it is refused.
		n = strings.TrimSuffix(n, "季度")
		if n == "两" {
			n = "2"
		}
		q, ok := smallNumber(n, 4)
		if !ok || q < 2 {
			return Period{}, false, periodError(label)
		}
		return MakePeriod(year, Quarterly, q), true, nil
	}
	rest = strings.TrimPrefix(rest, "第")
	var freq Frequency
	switch {
	case strings.HasSuffix(rest, "季度"):
		freq, rest = Quarterly, strings.TrimSuffix(rest, "季度")
	case strings.HasSuffix(rest, "月"):
		freq, rest = Monthly, strings.TrimSuffix(rest, "月")
	default:
		return Period{}, false, periodError(label)
	}
	first, last, ytd := rest, rest, false
	for _, sep := range rangeSeparators {
		if len(rest) <= 2 {
			break // 10月: no room for a range
		}
		if a, b, found := strings.Cut(rest, sep); found {
			first, last, ytd = a, b, true
			break
		}
	}
	// 1月-10月 and 1季度至3季度 name the unit on both sides.
	first = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(first), "月"), "季度")
	if n, _ := smallNumber(first, 12); ytd && n != 1 {
		return Period{}, false, fmt.Errorf("%w: %q is a range that does not start at the beginning of the year", ErrPeriod, label)
	}
	var p Period
	var err error
	if freq == Quarterly {
		p, _, err = quarterPeriod(year, strings.TrimSpace(last), label)
	} else {
		p, _, err = monthPeriod(year, strings.TrimSpace(last), label)
	}
	return p, ytd, err
}

func monthPeriod(year int, digits, label string) (Period, bool, error) {
	m, ok := smallNumber(digits, 12)
	if !ok {
		return Period{}, false, periodError(label)
	}
	return MakePeriod(year, Monthly, m), false, nil
}

func quarterPeriod(year int, digits, label string) (Period, bool, error) {
	q, ok := smallNumber(digits, 4)
	if !ok {
		return Period{}, false, periodError(label)
	}
	return MakePeriod(year, Quarterly, q), false, nil
}

// chineseNumbers are the months' and quarters' numbers as words: 一 is 1.
var chineseNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}

// smallNumber parses one or two digits, or a Chinese numeral, in 1..max.
func smallNumber(s string, max int) (int, bool) {
	if len(s) > 0 && s[0] >= 0x80 {
		for i, word := range chineseNumbers[:max] {
			if s == word {
				return i + 1, true
			}
		}
		return 0, false
	}
	if len(s) == 0 || len(s) > 2 || !allDigits(s) {
		return 0, false
	}
	n := digitsValue(s)
	return n, n >= 1 && n <= max
}

// digitsValue is the number that a few ASCII digits write.
func digitsValue(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// trimSpace is strings.TrimSpace, with a shortcut for a label that begins
// with an ASCII character and ends with one or with a CJK ideograph (月,
// 度), as most do: none of those is a space.
func trimSpace(s string) string {
	n := len(s)
	if n >= 3 && s[0] > ' ' && s[0] < 0x80 &&
		(s[n-1] > ' ' && s[n-1] < 0x80 || s[n-3] >= 0xE4 && s[n-3] <= 0xE9) {
		return s
	}
	return strings.TrimSpace(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// hasWideForms reports a full-width form of an ASCII character (U+FF01 to
// U+FF5E: ２, Ｑ, ／) other than the two that range separators list as
// they are (－ and ～), so that the usual label is narrowed without a copy.
func hasWideForms(s string) bool {
	for i := strings.IndexByte(s, 0xEF); i >= 0 && i+2 < len(s); i++ {
		if s[i] != 0xEF {
			continue
		}
		switch s[i+1] {
		case 0xBC: // U+FF00 to U+FF3F
			if s[i+2] >= 0x81 && s[i+2] != 0x8D {
				return true
			}
		case 0xBD: // U+FF40 to U+FF7F
			if s[i+2] <= 0x9D {
				return true
			}
		}
	}
	return false
}

// narrow turns full-width forms of ASCII characters into ASCII: ２０１７ is 2017.
func narrow(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFF01 + '!'
		}
		return r
	}, s)
}

func periodError(label string) error {
	return fmt.Errorf("%w: %q (write a year 2017, 2017年全年; a quarter 2017-Q3, 2017年三季度; a month 2017-10, 2017.10, 2017年10月, 2017-10-01; or from January 2017年1-10月, 2017年前三季度, 2017年上半年)", ErrPeriod, label)
}
