package main

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/report"
)

// A chart names each period as people read it, whatever --format prints:
// a year-to-date figure, and a 1–2月 figure of a month's own, by the span it
// covers (2017 Jan-Feb, 2017年1-2月), never as its last month (2017-02,
// which csv prints beside a span column). Periods are ordered by the
// calendar, never as text, where 2017年1-10月 sorts before 2017年1-2月 and
// 2017 Jan-Apr before 2017 Jan-Feb.

// chartPeriod is one row's period on a chart's x axis.
type chartPeriod struct {
	label string
	at    int  // calc.Period.Index, for ordering
	known bool // the label was read back as a period; else it keeps its place
}

// periodOf reads a row's period: the label the table prints (ForPeople
// formats), or the key and the span csv, tsv and json print apart.
func (g *growthPictures) periodOf(row []report.Rendered) chartPeriod {
	shown := g.cell(row, "period").S
	zh := g.opts.out.Lang == "zh"
	p, ok := readPeriod(shown, zh)
	if !ok {
		return chartPeriod{label: shown}
	}
	label := shown
	if span := g.cell(row, "span"); !span.IsNull && span.S != "" {
		label = p.SpanLabel(zh)
	}
	return chartPeriod{label: label, at: p.Index(), known: true}
}

// readPeriod reads a period back from the way the report shows it: a span
// (2017 Jan-Oct, 2017年1-10月, 2017 Q1-Q4, 2017年全年), found among the
// spans of its year as calc.Period.SpanLabel writes them (a quarterly
// 2017年全年 is the fourth quarter, not the year), or its key (2017-10,
// 2017-Q3, 2017), which calc.ParsePeriod reads.
func readPeriod(label string, zh bool) (calc.Period, bool) {
	if year, err := strconv.Atoi(label[:min(4, len(label))]); err == nil {
		for _, f := range []calc.Frequency{calc.Monthly, calc.Quarterly} {
			for sub := 1; sub <= f.PerYear(); sub++ {
				if p := calc.MakePeriod(year, f, sub); p.SpanLabel(zh) == label || p.SpanLabel(false) == label {
					return p, true
				}
			}
		}
	}
	p, _, err := calc.ParsePeriod(label)
	return p, err == nil
}

// sortPeriods orders a series' periods by the calendar, or as text when
// one of them could not be read back (text orders keys of one frequency).
func sortPeriods(periods []chartPeriod) []string {
	byCalendar := !slices.ContainsFunc(periods, func(p chartPeriod) bool { return !p.known })
	slices.SortStableFunc(periods, func(a, b chartPeriod) int {
		if byCalendar {
			return cmp.Compare(a.at, b.at)
		}
		return strings.Compare(a.label, b.label)
	})
	labels := make([]string, len(periods))
	for i, p := range periods {
		labels[i] = p.label
	}
	return labels
}
