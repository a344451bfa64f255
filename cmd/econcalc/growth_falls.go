package main

import (
	"fmt"
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
)

// A year-to-date figure below the one before it in the same year (a
// revision, or a typo) makes that month's own value negative. It is not an
// error, since revisions happen, but it is never passed over in silence:
// each is a warning naming the row, the period and both figures.

// fall is one year-to-date figure below the one before it.
type fall struct {
	group, series  string
	period, before calc.Period
	value, prev    string
}

// warnFalls warns of every fall, the first few with their rows (found by a
// second look at the input, only when there are falls), then a count.
func warnFalls[N growthAmount[N]](e *env, in *input.Source, l growthLayout, data *growthData[N]) error {
	var falls []*fall
	for gi, group := range data.groups {
		for s, name := range data.series {
			if !data.seriesYTD[s] {
				continue // each period's own figures: no fall to speak of
			}
			points := slices.Clone(data.points[gi][s])
			slices.SortFunc(points, func(a, b calc.PointOf[N]) int { return a.Period.Index() - b.Period.Index() })
			for k := 1; k < len(points); k++ {
				prev, cur := points[k-1], points[k]
				if cur.Period.Year != prev.Period.Year || cur.Period.Index() != prev.Period.Index()+1 ||
					!cur.Value.OK || !prev.Value.OK || cur.Value.V.Num().Cmp(prev.Value.V.Num()) >= 0 {
					continue
				}
				falls = append(falls, &fall{group: group, series: name, period: cur.Period, before: prev.Period,
					value: report.ExactNum(cur.Value.V.Num()), prev: report.ExactNum(prev.Value.V.Num())})
			}
		}
	}
	if len(falls) == 0 || e.quiet {
		return nil
	}
	shown := falls[:min(len(falls), maxFallWarnings)]
	want := map[groupPeriod]bool{}
	for _, f := range shown {
		want[groupPeriod{f.group, f.period.Index()}] = true
	}
	at, err := firstRowsIn(in, l, data.freq, want)
	if err != nil {
		return err
	}
	for _, f := range shown {
		what := fmt.Sprintf("series %q", f.series)
		if l.group >= 0 {
			what += fmt.Sprintf(" of group %q", f.group)
		}
		e.warnf("%s: %s: the year-to-date figure %s for %s is below %s for %s, so that month's own value is negative (a revision, or a typo?)",
			at[groupPeriod{f.group, f.period.Index()}], what, f.value, f.period, f.prev, f.before)
	}
	if len(falls) > maxFallWarnings {
		e.warnf("%d more year-to-date figures fall below the month before", len(falls)-maxFallWarnings)
	}
	return nil
}

const maxFallWarnings = 5
