package calc

import (
	"errors"
	"strings"
	"testing"
)

var acceptedPeriods = []struct {
	label string
	want  Period
	ytd   bool
}{
	// Annual.
	{"2017", year(2017), false},
	{"2017年", year(2017), false},
	{"1000", year(1000), false},
	{"9999", year(9999), false},
	// Quarterly.
	{"2017-Q3", quarter(2017, 3), false},
	{"2017Q3", quarter(2017, 3), false},
	{"2017q3", quarter(2017, 3), false},
	{"2017-q1", quarter(2017, 1), false},
	{"2017/Q4", quarter(2017, 4), false},
	{"2017-Q03", quarter(2017, 3), false},
	{"2017年3季度", quarter(2017, 3), false},
	{"2017年第3季度", quarter(2017, 3), false},
	// Monthly.
	{"2017-10", month(2017, 10), false},
	{"2017/10", month(2017, 10), false},
	{"2017-1", month(2017, 1), false},
	{"2017-01", month(2017, 1), false},
	{"201710", month(2017, 10), false},
	{"201701", month(2017, 1), false},
	{"2017M10", month(2017, 10), false},
	{"2017m1", month(2017, 1), false},
	{"2017年10月", month(2017, 10), false},
	{"2017年1月", month(2017, 1), false},
	{"2017年01月", month(2017, 1), false},
	// Year to date: the period is the last month or quarter of the range.
	{"2017年1-10月", month(2017, 10), true},
	{"2017年1—10月", month(2017, 10), true}, // em dash
	{"2017年1–10月", month(2017, 10), true}, // en dash
	{"2017年1－10月", month(2017, 10), true}, // full-width hyphen
	{"2017年1~10月", month(2017, 10), true},
	{"2017年1～10月", month(2017, 10), true},
	{"2017年1至10月", month(2017, 10), true},
	{"2017年1月-10月", month(2017, 10), true}, // the unit on both sides
	{"2017年1月至11月", month(2017, 11), true},
	{"2017年1月～10月份", month(2017, 10), true},
	{"2017年1季度-3季度", quarter(2017, 3), true},
	{"2017年1到10月", month(2017, 10), true},
	{"2017年1-2月", month(2017, 2), true},
	{"2017年1-1月", month(2017, 1), true},
	{"2017年1-3季度", quarter(2017, 3), true},
	{"2017年1至4季度", quarter(2017, 4), true},
	// Spaces around the label and inside a range.
	{" 2017-10 ", month(2017, 10), false},
	{"\t2017年1-10月\n", month(2017, 10), true},
	{"2017年 1 - 10 月", month(2017, 10), true},
	{"  2017  ", year(2017), false},
	{"\u30002017年10月\u3000", month(2017, 10), false}, // ideographic spaces

	// The year as bureaus name it.
	{"2017年全年", year(2017), false},
	{"2017年度", year(2017), false},
	// Quarters in Chinese numerals, with and without 第.
	{"2017年第三季度", quarter(2017, 3), false},
	{"2017年三季度", quarter(2017, 3), false},
	{"2017年一季度", quarter(2017, 1), false},
	{"2017年第一季度", quarter(2017, 1), false},
	{"2017年二季度", quarter(2017, 2), false},
	{"2017年四季度", quarter(2017, 4), false},
	{"2017年一至三季度", quarter(2017, 3), true},
	// Months in Chinese numerals, and 月份.
	{"2017年一月", month(2017, 1), false},
	{"2017年十月", month(2017, 10), false},
	{"2017年十一月", month(2017, 11), false},
	{"2017年十二月", month(2017, 12), false},
	{"2017年10月份", month(2017, 10), false},
	{"2017年十月份", month(2017, 10), false},
	{"2017年1-10月份", month(2017, 10), true},
	{"2017年1～10月份", month(2017, 10), true},
	{"2017年一至十月", month(2017, 10), true},
	// Spans from January named in words: the first N quarters, the first half.
	{"2017年前三季度", quarter(2017, 3), true},
	{"2017年前3季度", quarter(2017, 3), true},
	{"2017年前两季度", quarter(2017, 2), true},
	{"2017年前二季度", quarter(2017, 2), true},
	{"2017年前四季度", quarter(2017, 4), true},
	{"2017年上半年", quarter(2017, 2), true},
	// A month with a dot: 2017.1 is January (a spreadsheet's 2017.10 read as
	// the number 2017.1 would be too; see ParsePeriod).
	{"2017.10", month(2017, 10), false},
	{"2017.1", month(2017, 1), false},
	{"2017.01", month(2017, 1), false},
	{"2017.12", month(2017, 12), false},
	// A date names its month; its day is checked against the month.
	{"2017-10-01", month(2017, 10), false},
	{"2017/10/31", month(2017, 10), false},
	{"2017-10-1", month(2017, 10), false},
	{"2017-1-9", month(2017, 1), false},
	{"2017.10.1", month(2017, 10), false},
	{"2017年10月1日", month(2017, 10), false},
	{"2017年10月31日", month(2017, 10), false},
	{"2017年1月09日", month(2017, 1), false},
	{"2017-04-30", month(2017, 4), false}, // April has 30
	{"2017-02-28", month(2017, 2), false}, // 2017 is no leap year
	{"2016-02-29", month(2016, 2), false}, // 2016 is: 2016 ÷ 4 = 504
	{"2000-02-29", month(2000, 2), false}, // 2000 is: a century that 400 divides
	{"2017年2月28日", month(2017, 2), false},
	{"2016年2月29日", month(2016, 2), false},
	// Full-width digits and letters, as typed in Chinese input modes.
	{"２０１７年１０月", month(2017, 10), false},
	{"２０１７年１－１０月", month(2017, 10), true},
	{"２０１７年１～１０月份", month(2017, 10), true},
	{"２０１７－１０", month(2017, 10), false},
	{"２０１７／１０／３１", month(2017, 10), false},
	{"２０１７Ｑ３", quarter(2017, 3), false},
	{"２０１７年第３季度", quarter(2017, 3), false},
	{"２０１７", year(2017), false},
	{"2017年１0月", month(2017, 10), false}, // half full-width
}

func TestParsePeriodAccepts(t *testing.T) {
	for _, c := range acceptedPeriods {
		p, ytd, err := ParsePeriod(c.label)
		if err != nil || p != c.want || ytd != c.ytd {
			t.Errorf("ParsePeriod(%q) = %v (%+v), ytd %v, err %v; want %v, ytd %v",
				c.label, p, p, ytd, err, c.want, c.ytd)
		}
	}
}

func TestParsePeriodRejects(t *testing.T) {
	for _, label := range []string{
		"", "   ", "garbage", "年", "Q3",
		"17-10", "17年", "0999", "0000", "０９９９", // four digits, year ≥ 1000
		"2017-13", "2017-0", "2017-00", "2017-010", "2017-", "2017/", "201713", "201700", "20171", "2017100",
		"2017-Q5", "2017-Q0", "2017Q", "2017-Q", "2017Q12",
		"2017M13", "2017M", "2017-M10", "2017X3", "2017 10", "2017 Q3",
		"2017年13月", "2017年0月", "2017年10", "2017年5季度", "2017年第季度", "2017年1-月", "2017年-10月",
		"2017年1-13月", "2017年1-5季度", "2017年1--10月",
		// Dots: a month, or a date, never a quarter.
		"2017.", "2017.13", "2017.0", "2017.100", "2017.Q3", "2017.10.", "2017..10",
		// Dates: the separators agree, the day is one or two digits of the month.
		"2017-10-", "2017-10-001", "2017-10-1x", "2017-10/31", "2017/10-31", "2017-10-01-01",
		"2017-13-01", "2017-00-01", "2017-Q3-01", "2017年10月日", "2017年十月一日", "2017年1-10月1日",
		// Chinese numerals: one to twelve for a month, one to four for a quarter.
		"2017年十三月", "2017年五季度", "2017年零月", "2017年两月", "2017年一十月", "2017年〇季度",
		// 月份 only after a month; the first N quarters from two on.
		"2017年份", "2017年三季度份", "2017年10份", "2017年前一季度", "2017年前1季度", "2017年前五季度",
		"2017年前季度", "2017年前三月", "2017年前上半年",
		// The half-years spelled otherwise.
		"2017年上半", "2017年半年", "2017上半年", "2017年上半年度",
		// Years in words: only 全年 and 度 after 年.
		"2017全年", "2017年年度", "2017年全年度", "2017度",
		// Full-width forms of characters that are no part of a label.
		"２０１７年１０月！", "２０１７ａ",
	} {
		// ytd is not asserted: a malformed range (2017年1-13月) reports ytd
		// true beside its error, which callers ignore.
		p, _, err := ParsePeriod(label)
		if !errors.Is(err, ErrPeriod) || p != (Period{}) {
			t.Errorf("ParsePeriod(%q) = %+v, err %v; want the zero Period and an ErrPeriod", label, p, err)
		}
	}
}

// A range that does not start in January is a period sum the tool cannot
// difference; it is refused with its own message.
func TestParsePeriodRejectsRangeNotFromStart(t *testing.T) {
	for _, label := range []string{"2017年3-10月", "2017年2至10月", "2017年2-3季度", "2017年 3 - 10 月", "2017年二至三季度", "2017年７-１０月"} {
		_, ytd, err := ParsePeriod(label)
		if !errors.Is(err, ErrPeriod) || ytd || !strings.Contains(err.Error(), "does not start at the beginning of the year") {
			t.Errorf("ParsePeriod(%q): ytd %v, err %v; want a not-from-the-start ErrPeriod", label, ytd, err)
		}
	}
}

// A date whose day its month does not have is refused, saying how many
// days the month has, leap years counted: a year that 4 divides, unless
// 100 does and 400 does not.
func TestParsePeriodRejectsDayNotInMonth(t *testing.T) {
	for _, c := range []struct{ label, days string }{
		{"2017-02-30", "2017-02 has 28 days"},
		{"2017-02-29", "2017-02 has 28 days"}, // 2017 ÷ 4 leaves 1
		{"1900-02-29", "1900-02 has 28 days"}, // 100 divides 1900, 400 does not
		{"2016/02/30", "2016-02 has 29 days"},
		{"2017-04-31", "2017-04 has 30 days"},
		{"2017-06-31", "2017-06 has 30 days"},
		{"2017-09-31", "2017-09 has 30 days"},
		{"2017-11-31", "2017-11 has 30 days"},
		{"2017-12-32", "2017-12 has 31 days"},
		{"2017-10-00", "2017-10 has 31 days"},
		{"2017-10-0", "2017-10 has 31 days"},
		{"2017.2.30", "2017-02 has 28 days"},
		{"2017年2月30日", "2017-02 has 28 days"},
		{"2017年4月31日", "2017-04 has 30 days"},
	} {
		p, _, err := ParsePeriod(c.label)
		if !errors.Is(err, ErrPeriod) || p != (Period{}) || !strings.HasSuffix(err.Error(), c.days) {
			t.Errorf("ParsePeriod(%q) = %+v, err %v; want an ErrPeriod ending %q", c.label, p, err, c.days)
		}
	}
}

// 下半年 is no span from January: its figure is the year's less the first
// half's, and the message says so.
func TestParsePeriodRejectsSecondHalf(t *testing.T) {
	for _, label := range []string{"2017年下半年", " 2017年下半年 ", "２０１７年下半年"} {
		p, ytd, err := ParsePeriod(label)
		if !errors.Is(err, ErrPeriod) || p != (Period{}) || ytd ||
			!strings.Contains(err.Error(), "is not a year-to-date span: a second half's figure is the year's less the first half's; give 2017年上半年 and 2017年全年") {
			t.Errorf("ParsePeriod(%q) = %+v, ytd %v, err %v; want the second-half ErrPeriod", label, p, ytd, err)
		}
	}
}

// An unknown form is answered with the forms that are known.
func TestParsePeriodErrorListsForms(t *testing.T) {
	_, _, err := ParsePeriod("Oct 2017")
	want := `not a period: "Oct 2017" (write a year 2017, 2017年全年; a quarter 2017-Q3, 2017年三季度; ` +
		`a month 2017-10, 2017.10, 2017年10月, 2017-10-01; or from January 2017年1-10月, 2017年前三季度, 2017年上半年)`
	if err == nil || err.Error() != want {
		t.Errorf("ParsePeriod(%q): err %v; want %s", "Oct 2017", err, want)
	}
	// Every form the message names is one ParsePeriod accepts.
	for _, label := range []string{"2017", "2017年全年", "2017-Q3", "2017年三季度", "2017-10", "2017.10", "2017年10月",
		"2017-10-01", "2017年1-10月", "2017年前三季度", "2017年上半年"} {
		if _, _, err := ParsePeriod(label); err != nil {
			t.Errorf("the error message names %q, which ParsePeriod refuses: %v", label, err)
		}
	}
}

// BenchmarkParsePeriod: the labels of a million-row file, the usual forms
// first; they must not allocate.
func BenchmarkParsePeriod(b *testing.B) {
	for _, label := range []string{"2017-10", "2017年1-10月", "2017年1～10月", "2017-10-01", "2017年前三季度", "２０１７年１０月"} {
		b.Run(label, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := ParsePeriod(label); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The usual forms are read without allocating.
func TestParsePeriodDoesNotAllocate(t *testing.T) {
	for _, label := range []string{"2017-10", "2017年1-10月", "2017年1～10月", "2017-10-01", "2017年10月份", "2017年前三季度", "2017年上半年", "2017Q3"} {
		if n := testing.AllocsPerRun(100, func() { ParsePeriod(label) }); n != 0 {
			t.Errorf("ParsePeriod(%q): %v allocations, want 0", label, n)
		}
	}
}

// FuzzParsePeriod: ParsePeriod never panics, every error is an ErrPeriod, and
// an accepted label yields a valid Period whose String re-parses to itself.
func FuzzParsePeriod(f *testing.F) {
	for _, c := range acceptedPeriods {
		f.Add(c.label)
	}
	for _, s := range []string{"", "2017-13", "2017年3-10月", "2017年1-", "2017年第", "0999-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, label string) {
		p, _, err := ParsePeriod(label)
		if err != nil {
			if !errors.Is(err, ErrPeriod) {
				t.Fatalf("ParsePeriod(%q): error %v is not an ErrPeriod", label, err)
			}
			return
		}
		if p.Year < 1000 || p.Year > 9999 || p.Sub < 0 || int(p.Sub) > p.Freq.PerYear() ||
			(p.Freq == Annual) != (p.Sub == 0) || p.Freq.String() == "unknown" {
			t.Fatalf("ParsePeriod(%q) = %+v: not a valid period", label, p)
		}
		again, ytd, err := ParsePeriod(p.String())
		if err != nil || again != p || ytd {
			t.Fatalf("ParsePeriod(%q) = %+v, but ParsePeriod(%q) = %+v, ytd %v, err %v", label, p, p.String(), again, ytd, err)
		}
	})
}
