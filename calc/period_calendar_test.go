package calc

import (
	"fmt"
	"slices"
	"testing"
)

// TestPeriodLast: a coarser period's year-to-date figure is the one through
// its last month or quarter; a finer period has none in a coarser frequency.
func TestPeriodLast(t *testing.T) {
	for _, c := range []struct {
		from Period
		f    Frequency
		want Period
		ok   bool
	}{
		{quarter(2017, 1), Monthly, month(2017, 3), true}, // 一季度 = 1-3月
		{quarter(2017, 2), Monthly, month(2017, 6), true}, // 上半年 = 1-6月
		{quarter(2017, 3), Monthly, month(2017, 9), true}, // 前三季度 = 1-9月
		{quarter(2017, 4), Monthly, month(2017, 12), true},
		{year(2017), Monthly, month(2017, 12), true},    // 全年 = 1-12月
		{year(2017), Quarterly, quarter(2017, 4), true}, // 全年 = 1-4季度
		{month(2017, 10), Monthly, month(2017, 10), true},
		{quarter(2017, 3), Quarterly, quarter(2017, 3), true},
		{year(2017), Annual, year(2017), true},
		{month(2017, 10), Quarterly, Period{}, false},
		{month(2017, 10), Annual, Period{}, false},
		{quarter(2017, 3), Annual, Period{}, false},
	} {
		if got, ok := c.from.Last(c.f); got != c.want || ok != c.ok {
			t.Errorf("%v.Last(%v) = %+v, %v; want %+v, %v", c.from, c.f, got, ok, c.want, c.ok)
		}
	}
}

// TestFromJanuary: which labels' figures run from January, and so can stand
// for a finer series' year-to-date figure.
func TestFromJanuary(t *testing.T) {
	for _, c := range []struct {
		label string
		want  bool
	}{
		{"2017年上半年", true}, {"2017年前三季度", true}, {"2017年1-3季度", true}, {"2017年1-10月", true},
		{"2017年一季度", true}, {"2017Q1", true}, {"2017年全年", true}, {"2017", true}, {"2017年1月", true},
		{"2017年二季度", false}, {"2017年第三季度", false}, {"2017Q4", false}, {"2017-10", false}, {"2017-10-01", false},
	} {
		p, ytd, err := ParsePeriod(c.label)
		if err != nil {
			t.Fatal(err)
		}
		if got := FromJanuary(p, ytd); got != c.want {
			t.Errorf("FromJanuary(ParsePeriod(%q)) = %v, want %v", c.label, got, c.want)
		}
	}
}

func TestFrequencyFiner(t *testing.T) {
	finer := [][2]Frequency{{Monthly, Quarterly}, {Monthly, Annual}, {Quarterly, Annual}}
	for _, f := range []Frequency{Annual, Quarterly, Monthly} {
		for _, g := range []Frequency{Annual, Quarterly, Monthly} {
			want := slices.Contains(finer, [2]Frequency{f, g})
			if f.Finer(g) != want {
				t.Errorf("%v.Finer(%v) = %v, want %v", f, g, f.Finer(g), want)
			}
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

// TestPeriodStringAsFmt: the hand-made label is fmt's, for every month and
// quarter and the years at the ends of four digits.
func TestPeriodStringAsFmt(t *testing.T) {
	for _, y := range []int{1000, 1999, 2017, 9999} {
		checks := []struct {
			p    Period
			want string
		}{{MakePeriod(y, Annual, 0), fmt.Sprintf("%04d", y)}}
		for q := 1; q <= 4; q++ {
			checks = append(checks, struct {
				p    Period
				want string
			}{MakePeriod(y, Quarterly, q), fmt.Sprintf("%04d-Q%d", y, q)})
		}
		for m := 1; m <= 12; m++ {
			checks = append(checks, struct {
				p    Period
				want string
			}{MakePeriod(y, Monthly, m), fmt.Sprintf("%04d-%02d", y, m)})
		}
		for _, c := range checks {
			if got := c.p.String(); got != c.want {
				t.Errorf("%+v: %q, want %q", c.p, got, c.want)
			}
		}
	}
}
