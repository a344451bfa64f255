package calc

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Frequency is how often a series is observed.
type Frequency uint8

const (
	Annual Frequency = iota + 1
	Quarterly
	Monthly
)

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
	Year int
	Freq Frequency
	Sub  int // quarter 1–4 or month 1–12; 0 for annual periods
}

// Index numbers periods of one frequency consecutively, so that adjacent
// periods differ by one and sorting by Index sorts by calendar.
func (p Period) Index() int {
	if p.Freq == Annual {
		return p.Year
	}
	return p.Year*p.Freq.PerYear() + p.Sub - 1
}

// Shift returns the period n periods later (earlier when n < 0).
func (p Period) Shift(n int) Period {
	if p.Freq == Annual {
		return Period{Year: p.Year + n, Freq: Annual}
	}
	per := p.Freq.PerYear()
	i := p.Index() + n
	return Period{Year: floorDiv(i, per), Freq: p.Freq, Sub: i - floorDiv(i, per)*per + 1}
}

// YearsEarlier returns the same period n years before.
func (p Period) YearsEarlier(n int) Period {
	q := p
	q.Year -= n
	return q
}

// String is the normalised label: 2017, 2017-Q3 or 2017-10.
func (p Period) String() string {
	switch p.Freq {
	case Quarterly:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Sub)
	case Monthly:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Sub)
	}
	return fmt.Sprintf("%04d", p.Year)
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
//	2017, 2017年                               annual
//	2017-Q3, 2017Q3, 2017年3季度, 2017年第3季度   quarterly
//	2017-10, 2017/10, 2017-1, 201710, 2017M10, 2017年10月   monthly
//	2017年1-10月, 2017年1—10月, 2017年1至10月, 2017年1-3季度  year to date
//
// ytd reports a "1–N" label: the figure runs from the start of the year.
func ParsePeriod(label string) (p Period, ytd bool, err error) {
	s := strings.TrimSpace(label)
	if len(s) < 4 || !allDigits(s[:4]) {
		return p, false, periodError(label)
	}
	year, _ := strconv.Atoi(s[:4])
	if year < 1000 {
		return p, false, periodError(label)
	}
	rest := s[4:]
	switch {
	case rest == "" || rest == "年":
		return Period{Year: year, Freq: Annual}, false, nil
	case strings.HasPrefix(rest, "年"):
		return parseChineseSub(year, strings.TrimPrefix(rest, "年"), label)
	case len(rest) == 2 && allDigits(rest):
		return monthPeriod(year, rest, label)
	}
	switch rest[0] {
	case '-', '/':
		rest = rest[1:]
		if rest != "" && (rest[0] == 'Q' || rest[0] == 'q') {
			return quarterPeriod(year, rest[1:], label)
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
var rangeSeparators = []string{"-", "—", "–", "－", "~", "～", "至", "到"}

func parseChineseSub(year int, rest, label string) (Period, bool, error) {
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
		if a, b, found := strings.Cut(rest, sep); found {
			first, last, ytd = a, b, true
			break
		}
	}
	if ytd && strings.TrimSpace(first) != "1" {
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
	return Period{Year: year, Freq: Monthly, Sub: m}, false, nil
}

func quarterPeriod(year int, digits, label string) (Period, bool, error) {
	q, ok := smallNumber(digits, 4)
	if !ok {
		return Period{}, false, periodError(label)
	}
	return Period{Year: year, Freq: Quarterly, Sub: q}, false, nil
}

// smallNumber parses one or two digits in 1..max.
func smallNumber(s string, max int) (int, bool) {
	if len(s) == 0 || len(s) > 2 || !allDigits(s) {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return n, n >= 1 && n <= max
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func periodError(label string) error {
	return fmt.Errorf("%w: %q (write 2017, 2017-Q3, 2017-10 or 2017年1-10月)", ErrPeriod, label)
}
