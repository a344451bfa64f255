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
		"17-10", "17年", "0999", "0000", "２０１７", // four ASCII digits, year ≥ 1000
		"2017-13", "2017-0", "2017-00", "2017-010", "2017-", "2017/", "201713", "201700", "20171", "2017100",
		"2017-Q5", "2017-Q0", "2017Q", "2017-Q", "2017Q12",
		"2017M13", "2017M", "2017-M10", "2017X3", "2017.10", "2017 10", "2017 Q3",
		"2017年13月", "2017年0月", "2017年10", "2017年5季度", "2017年第季度", "2017年1-月", "2017年-10月",
		"2017年1-13月", "2017年1-5季度", "2017年1--10月",
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
	for _, label := range []string{"2017年3-10月", "2017年2至10月", "2017年2-3季度", "2017年 3 - 10 月"} {
		_, ytd, err := ParsePeriod(label)
		if !errors.Is(err, ErrPeriod) || ytd || !strings.Contains(err.Error(), "does not start at the beginning of the year") {
			t.Errorf("ParsePeriod(%q): ytd %v, err %v; want a not-from-the-start ErrPeriod", label, ytd, err)
		}
	}
}

func TestPeriodShift(t *testing.T) {
	for _, c := range []struct {
		from Period
		n    int
		want Period
	}{
		{month(2017, 1), -1, month(2016, 12)}, // across the year boundary backwards
		{month(2016, 12), 1, month(2017, 1)},
		{month(2017, 3), -14, month(2016, 1)}, // 2017-03 − 12 = 2016-03, − 2 more = 2016-01
		{month(2017, 5), 0, month(2017, 5)},
		{month(2017, 5), 24, month(2019, 5)},
		{month(2017, 12), 13, month(2019, 1)},
		{month(0, 1), -1, month(-1, 12)}, // floor division below year 0
		{quarter(2017, 1), -1, quarter(2016, 4)},
		{quarter(2016, 4), 1, quarter(2017, 1)},
		{quarter(2017, 2), -9, quarter(2015, 1)}, // 9 quarters = 2 years and 1 quarter
		{quarter(2017, 3), 4, quarter(2018, 3)},
		{year(2017), -2, year(2015)},
		{year(2017), 1, year(2018)},
	} {
		if got := c.from.Shift(c.n); got != c.want {
			t.Errorf("%v.Shift(%d) = %+v, want %+v", c.from, c.n, got, c.want)
		}
	}
}

func TestPeriodYearsEarlier(t *testing.T) {
	for _, c := range []struct {
		from Period
		n    int
		want Period
	}{
		{month(2017, 2), 1, month(2016, 2)},
		{month(2017, 2), 2, month(2015, 2)},
		{quarter(2017, 3), 1, quarter(2016, 3)},
		{year(2017), 1, year(2016)},
		{month(2017, 10), 0, month(2017, 10)},
		{month(2017, 10), -1, month(2018, 10)},
	} {
		if got := c.from.YearsEarlier(c.n); got != c.want {
			t.Errorf("%v.YearsEarlier(%d) = %+v, want %+v", c.from, c.n, got, c.want)
		}
	}
}

// Adjacent periods of one frequency have indexes one apart, across year
// boundaries too, so sorting by Index sorts by calendar.
func TestPeriodIndexIsConsecutive(t *testing.T) {
	for _, run := range [][]Period{
		{month(2016, 11), month(2016, 12), month(2017, 1), month(2017, 2)},
		{quarter(2016, 3), quarter(2016, 4), quarter(2017, 1), quarter(2017, 2)},
		{year(2015), year(2016), year(2017)},
	} {
		for i := 1; i < len(run); i++ {
			if d := run[i].Index() - run[i-1].Index(); d != 1 {
				t.Errorf("%v.Index() − %v.Index() = %d, want 1", run[i], run[i-1], d)
			}
			if run[i-1].Shift(1) != run[i] {
				t.Errorf("%v.Shift(1) = %v, want %v", run[i-1], run[i-1].Shift(1), run[i])
			}
		}
	}
}

func TestPeriodString(t *testing.T) {
	for _, c := range []struct {
		p    Period
		want string
	}{
		{year(2017), "2017"},
		{quarter(2017, 3), "2017-Q3"},
		{month(2017, 1), "2017-01"},
		{month(2017, 10), "2017-10"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestFrequency(t *testing.T) {
	for _, c := range []struct {
		f       Frequency
		perYear int
		name    string
	}{
		{Annual, 1, "annual"},
		{Quarterly, 4, "quarterly"},
		{Monthly, 12, "monthly"},
		{Frequency(0), 1, "unknown"},
	} {
		if c.f.PerYear() != c.perYear || c.f.String() != c.name {
			t.Errorf("Frequency(%d): PerYear %d, String %q; want %d, %q", c.f, c.f.PerYear(), c.f.String(), c.perYear, c.name)
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
		if p.Year < 1000 || p.Year > 9999 || p.Sub < 0 || p.Sub > p.Freq.PerYear() ||
			(p.Freq == Annual) != (p.Sub == 0) || p.Freq.String() == "unknown" {
			t.Fatalf("ParsePeriod(%q) = %+v: not a valid period", label, p)
		}
		again, ytd, err := ParsePeriod(p.String())
		if err != nil || again != p || ytd {
			t.Fatalf("ParsePeriod(%q) = %+v, but ParsePeriod(%q) = %+v, ytd %v, err %v", label, p, p.String(), again, ytd, err)
		}
	})
}
