package calc

import (
	"reflect"
	"testing"
)

func TestTargetCompletion(t *testing.T) {
	for _, c := range []struct {
		value, target, want string
	}{
		{"120.2", "140", "~85.857"}, // 120.2 ÷ 140 = 0.858571… → 85.857%
		{"38", "38", "100"},         // the plan met exactly
		{"45", "40", "112.5"},       // beyond the target: 45 ÷ 40 = 1.125
		{"0", "50", "0"},            // nothing yet
		{"10", "0", ""},             // a target of 0 has no completion
		{"10", "-5", ""},            // nor one below 0
	} {
		f, ok := TargetCompletion(dec(c.value), dec(c.target))
		got := dec("0")
		if ok {
			got = f.Percent()
		}
		checkFigure(t, c.value+" of "+c.target, got, ok, c.want)
	}
}

func TestYearProgress(t *testing.T) {
	for _, c := range []struct {
		name           string
		p              YearProgress
		elapsed, total int
		want           string
	}{
		{"October in months", MonthsProgress(10), 10, 12, "~83.333"},               // 10 ÷ 12
		{"April in months", MonthsProgress(4), 4, 12, "~33.3"},                     // 1–4月: 33.3%, DOMAIN §8
		{"the whole year", MonthsProgress(12), 12, 12, "100"},                      // 12 ÷ 12
		{"October 2017 in days", DaysProgress(2017, 10), 304, 365, "~83.288"},      // 31+28+31+30+31+30+31+31+30+31 = 304; 304 ÷ 365 = 83.2877
		{"October 2016, a leap year", DaysProgress(2016, 10), 305, 366, "~83.333"}, // 305 ÷ 366 = 83.3333
		{"February 2016", DaysProgress(2016, 2), 60, 366, "~16.393"},               // 31 + 29 = 60; 60 ÷ 366
		{"February 2017", DaysProgress(2017, 2), 59, 365, "~16.164"},               // 31 + 28 = 59; 59 ÷ 365
		{"February 2000 (÷400: leap)", DaysProgress(2000, 2), 60, 366, "~16.393"},
		{"February 1900 (÷100: not leap)", DaysProgress(1900, 2), 59, 365, "~16.164"},
		{"December 2020", DaysProgress(2020, 12), 366, 366, "100"},
		{"January", DaysProgress(2017, 1), 31, 365, "~8.493"}, // 31 ÷ 365 = 8.4932
	} {
		if c.p.Elapsed != c.elapsed || c.p.Length != c.total {
			t.Errorf("%s: %d of %d, want %d of %d", c.name, c.p.Elapsed, c.p.Length, c.elapsed, c.total)
		}
		checkFigure(t, c.name, c.p.Fraction().Percent(), true, c.want)
	}
}

func TestTargetLead(t *testing.T) {
	for _, c := range []struct {
		name, value, target string
		p                   YearProgress
		want                string
	}{
		// (120.2 × 12 − 140 × 10) ÷ (140 × 12) = 42.4 ÷ 1680 = 2.5238%:
		// 85.857 − 83.333, from exact values.
		{"ahead by months", "120.2", "140", MonthsProgress(10), "~2.5238"},
		// (38 × 12 − 50 × 10) ÷ 600 = −44 ÷ 600 = −7.3333%.
		{"behind by months", "38", "50", MonthsProgress(10), "~-7.3333"},
		// (120.2 × 365 − 140 × 304) ÷ (140 × 365) = (43873 − 42560) ÷ 51100 = 2.5695%.
		{"ahead by days", "120.2", "140", DaysProgress(2017, 10), "~2.5695"},
		// 83.35 − 83.333… = 0.01666…: (16670 × 12 − 20000 × 10) ÷ 240000 = 40 ÷ 240000.
		{"a hair ahead", "16670", "20000", MonthsProgress(10), "~0.016667"},
		{"no target", "5", "0", MonthsProgress(10), ""},
	} {
		f, ok := TargetLead(dec(c.value), dec(c.target), c.p)
		got := dec("0")
		if ok {
			got = f.Percent()
		}
		checkFigure(t, c.name, got, ok, c.want)
	}
}

func TestGrowthAndGap(t *testing.T) {
	// 120.2 on 91.27: 28.93 ÷ 91.27 = 31.6972%; less a 12% target, 19.6972 points,
	// as one fraction: (100 × 28.93 − 12 × 91.27) ÷ 9127 = 1797.76 ÷ 9127.
	g, ok := GrowthFraction(dec("120.2"), dec("91.27"))
	checkFigure(t, "growth", g.Percent(), ok, "~31.6972")
	gap := g.MinusPercent(dec("12"))
	checkFigure(t, "gap", gap.Percent(), true, "~19.6972")
	if !gap.Num.Equal(dec("1797.76")) || !gap.Den.Equal(dec("9127")) {
		t.Errorf("gap = %s ÷ %s, want 1797.76 ÷ 9127", gap.Num, gap.Den)
	}
	// A given rate: 13.1 less 12 is 1.1 points.
	checkFigure(t, "given gap", PercentFraction(dec("13.1")).MinusPercent(dec("12")).Percent(), true, "1.1")
	if _, ok := GrowthFraction(dec("5"), dec("0")); ok {
		t.Error("a prior of 0 gave a growth rate")
	}
	if _, ok := GrowthFraction(dec("5"), dec("-2")); ok {
		t.Error("a negative prior gave a growth rate")
	}
}

func TestTargetStatus(t *testing.T) {
	oct := MonthsProgress(10)
	level := func(value, target string, lower bool) TargetFigures {
		c, cok := TargetCompletion(dec(value), dec(target))
		l, lok := TargetLead(dec(value), dec(target), oct)
		return TargetFigures{Completion: Opt[Fraction]{c, cok}, Lead: Opt[Fraction]{l, lok}, LowerBetter: lower}
	}
	growth := func(value, prior, target string, lower bool) TargetFigures {
		g, ok := GrowthFraction(dec(value), dec(prior))
		return TargetFigures{Growth: Opt[Fraction]{g, ok}, TargetPct: Some(dec(target)), LowerBetter: lower}
	}
	for _, c := range []struct {
		name string
		f    TargetFigures
		want string
	}{
		{"done at 100%", level("140", "140", false), "done"},                  // 140 ÷ 140
		{"ahead: 85.9 ≥ 83.3", level("120.2", "140", false), "ahead"},         // lead +2.52
		{"ahead exactly on time", level("100", "120", false), "ahead"},        // 100 ÷ 120 = 10 ÷ 12: lead 0
		{"behind: 76.0 < 83.3", level("38", "50", false), "behind"},           // lead −7.33
		{"ceiling within time", level("70", "100", true), "ahead"},            // 70 ≤ 83.3
		{"ceiling beyond time", level("90", "100", true), "behind"},           // 90 > 83.3
		{"ceiling broken is never done", level("120", "100", true), "behind"}, // 120 ≥ 100, but lower is better
		{"growth met: 13.1 ≥ 12", growth("113.1", "100", "12", false), "met"}, // 13.1 ÷ 100
		{"growth met exactly", growth("112", "100", "12", false), "met"},      // 12 = 12
		{"growth below: 8.5 < 12", growth("108.5", "100", "12", false), "below"},
		{"lower-better growth met: −4 ≤ −3", growth("96", "100", "-3", true), "met"},
		{"lower-better growth above: −2 > −3", growth("98", "100", "-3", true), "below"},
		{"growth with no rate", growth("5", "0", "12", false), ""},
		{"a target of 0", level("5", "0", false), ""},
	} {
		if got := TargetStatus(c.f); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// Both targets: the level decides, growth or not.
	both := level("120.2", "140", false)
	both.Growth, both.TargetPct = Opt[Fraction]{PercentFraction(dec("5")), true}, Some(dec("12"))
	if got := TargetStatus(both); got != "ahead" {
		t.Errorf("both targets: %q, want ahead", got)
	}
}

// TestRankGrowthFractions ranks areas on exact growth, as --rank-exact does:
// 10.5 on 10 and 21 on 20 both grow 5% exactly and share 2nd; 8.549 on 8
// grows 6.8625% (first); 7.34 on 7 grows 4.857% (4th); an area whose prior
// is 0 has no rate and is neither ranked nor counted.
func TestRankGrowthFractions(t *testing.T) {
	pairs := [][2]string{{"10.5", "10"}, {"8.549", "8"}, {"21", "20"}, {"7.34", "7"}, {"3", "0"}}
	growth := make([]Opt[Fraction], len(pairs))
	for i, p := range pairs {
		g, ok := GrowthFraction(dec(p[0]), dec(p[1]))
		growth[i] = Opt[Fraction]{g, ok}
	}
	rank := func(lowest bool) ([]int, int) {
		return CompetitionRanks(len(growth), func(i int) bool { return growth[i].OK },
			func(i, j int) int {
				c := growth[j].V.Cmp(growth[i].V)
				if lowest {
					return -c
				}
				return c
			})
	}
	if ranks, of := rank(false); !reflect.DeepEqual(ranks, []int{2, 1, 2, 4, 0}) || of != 4 {
		t.Errorf("highest first: %v of %d, want [2 1 2 4 0] of 4", ranks, of)
	}
	// Lower is better: 4.857 first, the two at 5 share 2nd, 6.8625 last.
	if ranks, of := rank(true); !reflect.DeepEqual(ranks, []int{2, 4, 2, 1, 0}) || of != 4 {
		t.Errorf("lowest first: %v of %d, want [2 4 2 1 0] of 4", ranks, of)
	}
}
