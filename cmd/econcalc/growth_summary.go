package main

import (
	"econcalc/calc"
	"econcalc/cmd/internal/report"
)

// writeGrowthSummary prints one row per series (and group): first and last
// values, growth over the span and per year.
func writeGrowthSummary[N growthAmount[N]](e *env, opts growthOptions, data *growthData[N], avg *averageSpan) error {
	cols := append(opts.keyColumns(),
		report.Column{Key: "from", En: "from", Zh: "起", Kind: report.TextKind},
		report.Column{Key: "to", En: "to", Zh: "止", Kind: report.TextKind},
		report.Column{Key: "first", En: "first", Zh: "起期值", Kind: report.ExactKind, Places: int32(data.places)},
		report.Column{Key: "last", En: "last", Zh: "止期值", Kind: report.ExactKind, Places: int32(data.places)},
		report.Column{Key: "periods", En: "periods", Zh: "期数", Kind: report.ExactKind},
		report.Column{Key: "change", En: "change", Zh: "增减", Kind: report.ExactKind, Places: int32(data.places)},
		report.Column{Key: "growth_pct", En: "growth %", Zh: "增长%", Kind: report.PercentKind},
		report.Column{Key: "annualized_pct", En: "annualized %", Zh: "年均增长%", Kind: report.PercentKind},
	)
	if avg != nil {
		cols = append(cols, avg.column())
	}
	rep := opts.out.NewReport(cols)
	for gi, group := range data.groups {
		for s, name := range data.series {
			ytd := data.seriesYTD[s]
			jf := data.feb.of(data.own[s])
			all := inDecimal(data.points[gi][s])
			points := likeJanFeb(jf, all)
			if ytd {
				var err error
				if points, err = likeSpans(points, name); err != nil {
					return err
				}
			}
			sum, ok := calc.Summarize(points)
			// A series of each month's own figures counts its 1–2月 rows
			// among its periods, compared or not; one figure alone is
			// compared with none (not with itself, 0.0%).
			periods := sum.Periods
			if jf != nil {
				all, _ := calc.Summarize(all)
				periods = all.Periods
			}
			cells := []report.Cell{report.TextCell(name), {}, {}, {}, {}, report.IntCell(periods), {}, {}, {}}
			if ok && sum.Periods > 1 {
				cells = []report.Cell{report.TextCell(name),
					report.TextCell(shownPeriod(opts.out, sum.First.Period, ytd || isJanFeb(jf, sum.First.Period))),
					report.TextCell(shownPeriod(opts.out, sum.Last.Period, ytd || isJanFeb(jf, sum.Last.Period))),
					report.MaybeCell(sum.First.Value), report.MaybeCell(sum.Last.Value), report.IntCell(periods),
					report.NumCell(sum.Change), report.MaybeCell(sum.GrowthPct), report.MaybeCell(sum.AnnualizedPct)}
			}
			if avg != nil {
				cells = append(cells, averageOver(avg, data.points[gi][s], jf))
			}
			if opts.groupCol != "" {
				cells = append([]report.Cell{report.TextCell(group)}, cells...)
			}
			rep.Add(cells...)
		}
	}
	return rep.Finish(e.stdout)
}

// inDecimal is a series' points as decimals, for the figures that are
// formed in decimal only.
func inDecimal[N growthAmount[N]](points []calc.PointOf[N]) []calc.Point {
	out := make([]calc.Point, len(points))
	for i, p := range points {
		out[i] = calc.Point{Period: p.Period, Value: calc.Maybe{V: p.Value.V.Num().Decimal(), OK: p.Value.OK}}
	}
	return out
}

// likeSpans keeps the points of a year-to-date series that cover the same
// span as its latest (1-10月 with 1-10月): comparing 2016年1-2月 with
// 2017年1-10月 would mix growth with the months added.
func likeSpans(points []calc.Point, series string) ([]calc.Point, error) {
	latest := latestPoint(points)
	if latest < 0 {
		return points, nil
	}
	var like []calc.Point
	present := 0
	for _, p := range points {
		if p.Period.Sub == points[latest].Period.Sub {
			like = append(like, p)
			if p.Value.OK {
				present++
			}
		}
	}
	if present < 2 {
		return nil, usagef("--summary on year-to-date figures compares like spans: series %q has no figure for the same span as %s in an earlier year", series, points[latest].Period)
	}
	return like, nil
}

// latestPoint is the index of the latest point with a value; -1 when none
// has one.
func latestPoint(points []calc.Point) int {
	latest := -1
	for i, p := range points {
		if p.Value.OK && (latest < 0 || p.Period.Index() > points[latest].Period.Index()) {
			latest = i
		}
	}
	return latest
}
