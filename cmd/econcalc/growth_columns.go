package main

import (
	"fmt"

	"econcalc/calc"
	"econcalc/cmd/internal/report"
)

// keyColumns are the group (with --group-col) and series columns that begin
// every growth table.
func (opts growthOptions) keyColumns() []report.Column {
	var cols []report.Column
	if opts.groupCol != "" {
		cols = append(cols, report.Column{Key: "group", En: opts.groupCol, Zh: opts.groupCol, Kind: report.TextKind})
	}
	return append(cols, report.Column{Key: "series", En: "series", Zh: "指标", Kind: report.TextKind})
}

func percentColumn(key, en, zh string) report.Column {
	return report.Column{Key: key, En: en, Zh: zh, Kind: report.PercentKind}
}

// growthColumns are the columns of a growth table; ytd: some series is
// year-to-date; janFeb: some series of each month's own figures has a row
// of 1–2月, whose span and note it prints.
func growthColumns(opts growthOptions, freq calc.Frequency, ytd, janFeb bool, places int, avg *averageSpan) []report.Column {
	real := opts.real.wanted()
	cols := append(opts.keyColumns(),
		report.Column{Key: "period", En: "period", Zh: "期间", Kind: report.TextKind})
	if (ytd || janFeb) && !opts.out.ForPeople() {
		cols = append(cols, report.Column{Key: "span", En: "span", Zh: "累计期", Kind: report.TextKind})
	}
	cols = append(cols,
		report.Column{Key: "value", En: "value", Zh: "数值", Kind: report.ExactKind, Places: int32(places)},
		report.Column{Key: "yoy_change", En: "yoy change", Zh: "同比增减", Kind: report.ExactKind, Places: int32(places)},
		percentColumn("yoy_pct", "yoy %", "同比%"),
	)
	if real {
		cols = append(cols, percentColumn("real_yoy_pct", "real yoy %", "实际增长%"))
	}
	if freq != calc.Annual {
		cols = append(cols, percentColumn("pop_pct", "pop %", "环比%"))
	}
	if ytd {
		cols = append(cols,
			report.Column{Key: "period_value", En: "period value", Zh: "当期值", Kind: report.ExactKind, Places: int32(places)},
			percentColumn("period_yoy_pct", "period yoy %", "当期同比%"))
		if real {
			cols = append(cols, percentColumn("real_period_yoy_pct", "real period yoy %", "当期实际增长%"))
		}
	}
	if ytd || janFeb {
		cols = append(cols, report.Column{Key: "note", En: "note", Zh: "备注", Kind: report.TextKind})
	}
	if opts.twoYear {
		cols = append(cols, percentColumn("yoy2_avg_pct", "2-year avg %", "两年平均%"))
		if real {
			cols = append(cols, percentColumn("real_yoy2_avg_pct", "real 2-year avg %", "两年平均实际%"))
		}
	}
	if avg != nil {
		cols = append(cols, avg.column())
	}
	if opts.groupCol != "" {
		cols = append(cols,
			percentColumn("share_pct", "share %", "占比%"),
			percentColumn("contrib_pp", "contrib pp", "拉动(百分点)"),
			percentColumn("contrib_pct", "contrib %", "贡献率%"))
		if real {
			cols = append(cols,
				percentColumn("real_contrib_pp", "real contrib pp", "实际拉动(百分点)"),
				percentColumn("real_contrib_pct", "real contrib %", "实际贡献率%"))
		}
	}
	if opts.rank != nil {
		cols = append(cols,
			report.Column{Key: "rank", En: "rank", Zh: "位次", Kind: report.ExactKind},
			report.Column{Key: "rank_of", En: "of", Zh: "参评数", Kind: report.ExactKind})
	}
	return cols
}

// shownPeriod is a period as the output prints it: a year-to-date one as
// the span it covers where people read it (2017年1-10月, 2017 Jan-Oct),
// else as its key (2017-10), with the span in a column of its own.
func shownPeriod(out report.Options, p calc.Period, ytd bool) string {
	if ytd && out.ForPeople() {
		return p.SpanLabel(out.Lang == "zh")
	}
	return p.String()
}

// growthCells renders one row into out; ex holds the figures formed across
// rows (ranks, averages, real growth), nil when none is asked for; ytd is
// whether the row's series is year-to-date. A row of each month's own
// figures that is 1–2月 is shown as the span it covers too.
func growthCells[N growthAmount[N]](rep *report.Report, opts report.Options, ytd bool, cols []report.Column, group report.Cell, series string, r *calc.RowOf[N], ex *rowExtras, out []report.Rendered) {
	for i, c := range cols {
		switch c.Key {
		case "group":
			out[i] = rep.Render(c, group)
		case "series":
			out[i] = report.Rendered{S: series}
		case "period":
			out[i] = report.Rendered{S: shownPeriod(opts, r.Period, ytd || r.JanFeb)}
		case "span":
			out[i] = rep.Render(c, report.Cell{}) // a series of each period's own figures covers no span
			if ytd || r.JanFeb {
				out[i] = report.Rendered{S: r.Period.Span()}
			}
		case "note":
			out[i] = rep.Render(c, report.OptionalWord("jan-feb", r.JanFeb))
		default:
			out[i] = rep.Render(c, growthCell(c.Key, r, ex))
		}
	}
}

// growthCell is a row's figure under an output key: what it prints and
// what --rank-by ranks.
func growthCell[N growthAmount[N]](key string, r *calc.RowOf[N], ex *rowExtras) report.Cell {
	switch key {
	case "value":
		return optCell(r.Value)
	case "yoy_change":
		return optCell(r.YoYChange)
	case "yoy_pct":
		return quotientCell(r.YoYPct)
	case "pop_pct":
		return quotientCell(r.PoPPct)
	case "period_value":
		return optCell(r.PeriodValue)
	case "period_yoy_pct":
		return quotientCell(r.PeriodYoYPct)
	case "yoy2_avg_pct":
		if r.Value.OK && r.TwoYearsEarlier.OK {
			pct, ok := calc.TwoYearAverage(r.Value.V.Num().Decimal(), r.TwoYearsEarlier.V.Num().Decimal())
			return report.MaybeCell(calc.Maybe{V: pct, OK: ok})
		}
		return report.Cell{}
	case "share_pct":
		if ex != nil && ex.shareSet {
			return ex.share
		}
		return quotientCell(r.SharePct)
	case "contrib_pp":
		return quotientCell(r.ContribPP)
	case "contrib_pct":
		return quotientCell(r.ContribPct)
	}
	if ex == nil {
		return report.Cell{}
	}
	return ex.cell(key)
}

func optCell[N growthAmount[N]](v calc.Opt[N]) report.Cell {
	if !v.OK {
		return report.Cell{}
	}
	return report.AmountCell(v.V.Num())
}

func quotientCell[N growthAmount[N]](q calc.Quotient[N]) report.Cell {
	switch {
	case !q.OK:
		return report.Cell{}
	case q.Whole:
		return report.AmountCell(calc.IntNum(100))
	}
	return report.QuotientCell(q.Num.Num(), q.Den.Num())
}

// averageSpan is --avg-from and --avg-to as periods of the series.
type averageSpan struct {
	from, to calc.Period
	years    int
}

func (a *averageSpan) column() report.Column {
	return percentColumn("avg_pct",
		fmt.Sprintf("avg %% %d-%d", a.from.Year, a.to.Year),
		fmt.Sprintf("%d-%d年年均增长%%", a.from.Year, a.to.Year))
}
