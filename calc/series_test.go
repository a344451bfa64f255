package calc

import (
	"fmt"
	"testing"
)

// wantRow lists the figures of one GrowthRow that a case checks, in the
// notation of matches; fields left out of a case must be missing.
type wantRow struct {
	period                       Period
	yoyChange, yoy, pop, twoYear string
	periodValue, periodYoY       string
	janFeb                       bool
	share, contribPP, contribPct string
}

func checkRows(t *testing.T, name string, got []GrowthRow, want []wantRow) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d: %+v", name, len(got), len(want), got)
	}
	for i, w := range want {
		r := got[i]
		at := fmt.Sprintf("%s %v", name, w.period)
		if r.Period != w.period {
			t.Errorf("%s: row %d is %v (rows must come in calendar order)", at, i, r.Period)
		}
		if r.JanFeb != w.janFeb {
			t.Errorf("%s: JanFeb = %v, want %v", at, r.JanFeb, w.janFeb)
		}
		for _, f := range []struct {
			name string
			got  Maybe
			want string
		}{
			{"YoYChange", r.YoYChange, w.yoyChange},
			{"YoYPct", r.YoYPct, w.yoy},
			{"PoPPct", r.PoPPct, w.pop},
			{"TwoYear", r.TwoYear, w.twoYear},
			{"PeriodValue", r.PeriodValue, w.periodValue},
			{"PeriodYoYPct", r.PeriodYoYPct, w.periodYoY},
			{"SharePct", r.SharePct, w.share},
			{"ContribPP", r.ContribPP, w.contribPP},
			{"ContribPct", r.ContribPct, w.contribPct},
		} {
			checkMaybe(t, at+" "+f.name, f.got, f.want)
		}
	}
}

func TestGrowth(t *testing.T) {
	for _, c := range []struct {
		name            string
		points          []Point
		ytd             bool
		want            []wantRow
		nonPositiveBase bool
	}{{
		// Given out of order, with 2016-02 published empty and 2017-02 not
		// published at all: 2017-03 must not compare with 2017-01.
		name: "monthly with gaps",
		points: []Point{
			pt(month(2017, 3), "150"), pt(month(2016, 1), "100"), pt(month(2017, 4), "160"),
			pt(month(2016, 2), ""), pt(month(2017, 1), "110"), pt(month(2016, 3), "120"),
		},
		want: []wantRow{
			{period: month(2016, 1)},
			{period: month(2016, 2)},                             // empty cell: nothing
			{period: month(2016, 3)},                             // previous month empty: no 环比
			{period: month(2017, 1), yoyChange: "10", yoy: "10"}, // 110 vs 100; 2016-12 absent
			{period: month(2017, 3), yoyChange: "30", yoy: "25"}, // 150 vs 120 = +25%; 2017-02 absent
			{period: month(2017, 4), pop: "~6.67"},               // 160/150 − 1 = 6.666…%; 2016-04 absent
		},
	}, {
		name:   "quarterly across the year boundary",
		points: []Point{pt(quarter(2017, 1), "150"), pt(quarter(2016, 4), "200"), pt(quarter(2016, 1), "120")},
		want: []wantRow{
			{period: quarter(2016, 1)},
			{period: quarter(2016, 4)},
			{period: quarter(2017, 1), yoyChange: "30", yoy: "25", pop: "-25"}, // 150/120 = +25%; 150/200 = −25%
		},
	}, {
		name:   "annual two-year average",
		points: []Point{pt(year(2015), "100"), pt(year(2016), "110"), pt(year(2017), "121")},
		want: []wantRow{
			{period: year(2015)},
			{period: year(2016), yoyChange: "10", yoy: "10"},                // annual: no 环比
			{period: year(2017), yoyChange: "11", yoy: "10", twoYear: "10"}, // 121/110; √(121/100) = 1.1
		},
	}, {
		// A base of zero or below gives no rate (扭亏为盈 is told in words),
		// but the change is still a change.
		name:   "non-positive bases",
		points: []Point{pt(year(2015), "-10"), pt(year(2016), "0"), pt(year(2017), "50"), pt(year(2018), "60")},
		want: []wantRow{
			{period: year(2015)},
			{period: year(2016), yoyChange: "10"},            // 0 − (−10); base −10
			{period: year(2017), yoyChange: "50"},            // base 0; two-year base −10
			{period: year(2018), yoyChange: "10", yoy: "20"}, // 60/50; two-year base 0
		},
		nonPositiveBase: true,
	}, {
		// 1–N月 levels; single months by differencing within each year.
		// 2016: 10, 25, 45 → months 10, 15, 20. 2017: 12, 30, 50 → 12, 18, 20.
		name: "year to date",
		points: []Point{
			pt(month(2016, 1), "10"), pt(month(2016, 2), "25"), pt(month(2016, 3), "45"),
			pt(month(2017, 1), "12"), pt(month(2017, 2), "30"), pt(month(2017, 3), "50"),
		},
		ytd: true,
		want: []wantRow{
			{period: month(2016, 1), periodValue: "10"},
			{period: month(2016, 2), periodValue: "15", pop: "50"},                                                    // 15/10
			{period: month(2016, 3), periodValue: "20", pop: "~33.33"},                                                // 20/15
			{period: month(2017, 1), periodValue: "12", yoyChange: "2", yoy: "20", periodYoY: "20"},                   // 12/10; 2016-12 absent
			{period: month(2017, 2), periodValue: "18", yoyChange: "5", yoy: "20", periodYoY: "20", pop: "50"},        // 30/25; 18/15; 18/12
			{period: month(2017, 3), periodValue: "20", yoyChange: "5", yoy: "~11.11", periodYoY: "0", pop: "~11.11"}, // 50/45; 20/20; 20/18
		},
	}, {
		// January 2017 and 2018 were not published: February carries 1–2月.
		// 2016: 10, 25, 45. 2017: —, 30, 50. 2018: 15 (Jan published), 36, 60.
		// An empty January cell is January not published, as an absent row is:
		// 2019-02 carries 1–2月 too.
		name: "january and february together",
		points: []Point{
			pt(month(2016, 1), "10"), pt(month(2016, 2), "25"), pt(month(2016, 3), "45"),
			pt(month(2017, 2), "30"), pt(month(2017, 3), "50"),
			pt(month(2018, 1), "15"), pt(month(2018, 2), "36"), pt(month(2018, 3), "60"),
			pt(month(2019, 1), ""), pt(month(2019, 2), "40"),
		},
		ytd: true,
		want: []wantRow{
			{period: month(2016, 1), periodValue: "10"},
			{period: month(2016, 2), periodValue: "15", pop: "50"},
			{period: month(2016, 3), periodValue: "20", pop: "~33.33"},
			// 1–2月 30 against last year's 1–2月 25 = +20%; no 环比 of two months against one.
			{period: month(2017, 2), janFeb: true, periodValue: "30", yoyChange: "5", yoy: "20", periodYoY: "20"},
			// March 50 − 30 = 20 against 20 = 0%; no 环比 across the 1–2月 row.
			{period: month(2017, 3), periodValue: "20", yoyChange: "5", yoy: "~11.11", periodYoY: "0"},
			// January 15: last year had no January; two years back 15/10: √1.5 = 1.2247….
			{period: month(2018, 1), periodValue: "15", twoYear: "~22.47"},
			// February 36 − 15 = 21 is one month; last year's February figure was
			// two months, so no single-month 同比. 环比 21/15 = +40%. √(36/25) = 1.2.
			{period: month(2018, 2), periodValue: "21", yoyChange: "6", yoy: "20", pop: "40", twoYear: "20"},
			// March 60 − 36 = 24 against 20 = +20%; 24/21 = +14.29%; 60/50 = +20%.
			{period: month(2018, 3), periodValue: "24", yoyChange: "10", yoy: "20", periodYoY: "20", pop: "~14.29",
				twoYear: "~15.47"}, // √(60/45) = 1.1547…
			{period: month(2019, 1)},
			// 1–2月 40 against last year's 1–2月 figure 36 (its February,
			// January published or not): +11.11%; √(40/30).
			{period: month(2019, 2), janFeb: true, periodValue: "40", yoyChange: "4", yoy: "~11.11", periodYoY: "~11.11", twoYear: "~15.47"},
		},
	}, {
		// Cumulative quarters: 1-2季度 − 1季度.
		name:   "year to date quarterly",
		points: []Point{pt(quarter(2016, 1), "10"), pt(quarter(2016, 2), "25"), pt(quarter(2017, 1), "12"), pt(quarter(2017, 2), "30")},
		ytd:    true,
		want: []wantRow{
			{period: quarter(2016, 1), periodValue: "10"},
			{period: quarter(2016, 2), periodValue: "15", pop: "50"},
			{period: quarter(2017, 1), periodValue: "12", yoyChange: "2", yoy: "20", periodYoY: "20"}, // 2016-Q4 absent: no 环比
			{period: quarter(2017, 2), periodValue: "18", yoyChange: "5", yoy: "20", periodYoY: "20", pop: "50"},
		},
	}, {
		// A missing month leaves the next month's single value unknown.
		name:   "year to date with a gap",
		points: []Point{pt(month(2017, 3), "45"), pt(month(2017, 5), "80")},
		ytd:    true,
		want: []wantRow{
			{period: month(2017, 3)},
			{period: month(2017, 5)},
		},
	}} {
		t.Run(c.name, func(t *testing.T) {
			g := Growth(c.points, GrowthOptions{YTD: c.ytd, TwoYear: true})
			checkRows(t, c.name, g.Rows, c.want)
			if g.NonPositiveBase != c.nonPositiveBase {
				t.Errorf("NonPositiveBase = %v, want %v", g.NonPositiveBase, c.nonPositiveBase)
			}
		})
	}
}

// An annual figure is its own whole year: with ytd it must not be
// differenced against the previous year ("differencing within each year").
// Reachable from the CLI: econcalc growth annual.csv --ytd prints
// period_value 20 for 2016 100, 2017 120.
func TestGrowthYTDAnnualIsNotDifferencedAcrossYears(t *testing.T) {
	g := Growth([]Point{pt(year(2016), "100"), pt(year(2017), "120")}, GrowthOptions{YTD: true})
	checkMaybe(t, "2017 PeriodValue", g.Rows[1].PeriodValue, "120")
}

func TestSummarize(t *testing.T) {
	for _, c := range []struct {
		name                       string
		points                     []Point
		first, last                Period
		periods                    int
		change, growth, annualized string
	}{
		{"annual over two years", []Point{pt(year(2017), "121"), pt(year(2015), "100"), pt(year(2016), "")},
			year(2015), year(2017), 2, "21", "21", "10"}, // 121/100; √1.21 = 1.1
		{"monthly over 24 months", []Point{pt(month(2015, 10), "100"), pt(month(2017, 10), "121")},
			month(2015, 10), month(2017, 10), 2, "21", "21", "10"}, // 24/12 = 2 years
		{"quarterly over one year: exact", []Point{pt(quarter(2016, 1), "100"), pt(quarter(2017, 1), "150")},
			quarter(2016, 1), quarter(2017, 1), 2, "50", "50", "50"},
		{"monthly over 18 months", []Point{pt(month(2016, 1), "100"), pt(month(2017, 7), "133.1")},
			month(2016, 1), month(2017, 7), 2, "33.1", "33.1", "21"}, // (1.331^2)^(1/3) = 1.21 exactly
		{"empty cells at the ends are skipped", []Point{pt(year(2014), ""), pt(year(2015), "100"), pt(year(2016), "90"), pt(year(2018), "")},
			year(2015), year(2016), 2, "-10", "-10", "-10"},
		{"one value: no span", []Point{pt(year(2017), "5")},
			year(2017), year(2017), 1, "0", "0", ""},
		{"non-positive first value", []Point{pt(year(2016), "0"), pt(year(2017), "5")},
			year(2016), year(2017), 2, "5", "", ""},
	} {
		s, ok := Summarize(c.points)
		if !ok || s.First.Period != c.first || s.Last.Period != c.last || s.Periods != c.periods {
			t.Errorf("%s: ok %v, first %v, last %v, %d periods; want %v, %v, %d", c.name, ok, s.First.Period, s.Last.Period, s.Periods, c.first, c.last, c.periods)
		}
		checkFigure(t, c.name+" Change", s.Change, true, c.change)
		checkMaybe(t, c.name+" GrowthPct", s.GrowthPct, c.growth)
		checkMaybe(t, c.name+" AnnualizedPct", s.AnnualizedPct, c.annualized)
	}
	for _, points := range [][]Point{nil, {pt(year(2017), "")}} {
		if _, ok := Summarize(points); ok {
			t.Errorf("Summarize(%v): ok, want not ok (no value at all)", points)
		}
	}
}

func TestGrowthByGroup(t *testing.T) {
	// Two groups; the total is formed where both have a value:
	//   2016-01: 60 + 40 = 100; 2017-01: 66 + 54 = 120 (+20%).
	// 2016-02: B not published; 2017-02: B empty. Neither has a total.
	a := []Point{pt(month(2016, 1), "60"), pt(month(2016, 2), "62"), pt(month(2017, 1), "66"), pt(month(2017, 2), "70")}
	b := []Point{pt(month(2017, 2), ""), pt(month(2017, 1), "54"), pt(month(2016, 1), "40")}
	got := GrowthByGroup([][]Point{a, b}, GrowthOptions{})

	checkRows(t, "total", got.Total.Rows, []wantRow{
		{period: month(2016, 1), share: "100"},
		{period: month(2017, 1), yoyChange: "20", yoy: "20", share: "100", contribPP: "20", contribPct: "100"},
	})
	wantIncomplete := []Period{month(2016, 2), month(2017, 2)}
	if fmt.Sprint(got.Incomplete) != fmt.Sprint(wantIncomplete) {
		t.Errorf("Incomplete = %v, want %v", got.Incomplete, wantIncomplete)
	}
	if len(got.Groups) != 2 {
		t.Fatalf("%d groups, want 2", len(got.Groups))
	}
	// 拉动 = change / last year's total × 100; 贡献率 = change / total change × 100;
	// and 拉动 = 贡献率 × total growth / 100: 30 × 20 / 100 = 6, 70 × 20 / 100 = 14.
	checkRows(t, "A", got.Groups[0].Rows, []wantRow{
		{period: month(2016, 1), share: "60"},  // 60/100
		{period: month(2016, 2), pop: "~3.33"}, // no total: no share; 62/60
		{period: month(2017, 1), yoyChange: "6", yoy: "10", share: "55", contribPP: "6", contribPct: "30"}, // 66/120; 6/100; 6/20
		{period: month(2017, 2), yoyChange: "8", yoy: "~12.9", pop: "~6.06"},                               // 70/62; 70/66
	})
	checkRows(t, "B", got.Groups[1].Rows, []wantRow{
		{period: month(2016, 1), share: "40"},
		{period: month(2017, 1), yoyChange: "14", yoy: "35", share: "45", contribPP: "14", contribPct: "70"}, // 54/120; 14/100; 14/20
		{period: month(2017, 2)},
	})

	// A total that did not change has no 贡献率, its parts still 拉动.
	flat := GrowthByGroup([][]Point{
		{pt(year(2016), "50"), pt(year(2017), "60")},
		{pt(year(2016), "50"), pt(year(2017), "40")},
	}, GrowthOptions{})
	checkRows(t, "flat total", flat.Total.Rows, []wantRow{
		{period: year(2016), share: "100"},
		{period: year(2017), yoyChange: "0", yoy: "0", share: "100", contribPP: "0"},
	})
	checkRows(t, "rising part", flat.Groups[0].Rows, []wantRow{
		{period: year(2016), share: "50"},
		{period: year(2017), yoyChange: "10", yoy: "20", share: "60", contribPP: "10"},
	})
	if len(flat.Incomplete) != 0 {
		t.Errorf("Incomplete = %v, want none", flat.Incomplete)
	}
}
