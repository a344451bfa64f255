package main

import (
	"fmt"
	"slices"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
)

// targetsColumns are the output's columns; the value's header names the
// months it runs to, 1-10月累计 (Jan-Oct).
func targetsColumns(opts targetsOptions, period calc.Period) []report.Column {
	var cols []report.Column
	if opts.groupCol != "" {
		cols = append(cols, report.Column{Key: "group", En: opts.groupCol, Zh: opts.groupCol, Kind: report.TextKind})
	}
	zhValue := fmt.Sprintf("1-%d月累计", period.Sub)
	if period.Sub == 1 {
		zhValue = "1月累计"
	}
	enValue := strings.TrimPrefix(period.SpanLabel(false), fmt.Sprintf("%d ", period.Year))
	cols = append(cols,
		report.Column{Key: "indicator", En: "indicator", Zh: "指标", Kind: report.TextKind},
		report.Column{Key: "unit", En: "unit", Zh: "单位", Kind: report.TextKind},
		report.Column{Key: "target", En: "target", Zh: "全年目标", Kind: report.ExactKind},
		report.Column{Key: "target_pct", En: "target %", Zh: "目标增速(%)", Kind: report.PercentKind},
		report.Column{Key: "value", En: enValue, Zh: zhValue, Kind: report.ExactKind},
		report.Column{Key: "prior", En: "prior year", Zh: "上年同期", Kind: report.ExactKind},
		report.Column{Key: "yoy_pct", En: "yoy %", Zh: "同比增长(%)", Kind: report.PercentKind},
		report.Column{Key: "yoy_source", En: "yoy from", Zh: "增速来源", Kind: report.TextKind},
		report.Column{Key: "completion_pct", En: "completion %", Zh: "完成全年目标(%)", Kind: report.PercentKind},
		report.Column{Key: "time_pct", En: "time %", Zh: "序时进度(%)", Kind: report.PercentKind},
		report.Column{Key: "lead_pp", En: "lead pp", Zh: "超(欠)序时进度(百分点)", Kind: report.PercentKind, NonZero: true},
		report.Column{Key: "rate_gap_pp", En: "vs target pp", Zh: "与目标差(百分点)", Kind: report.PercentKind, NonZero: true},
		report.Column{Key: "status", En: "status", Zh: "状态", Kind: report.TextKind},
	)
	if opts.groupCol != "" {
		cols = append(cols,
			report.Column{Key: "rank", En: "rank", Zh: "位次", Kind: report.ExactKind},
			report.Column{Key: "rank_of", En: "of", Zh: "参评数", Kind: report.ExactKind})
	}
	return cols
}

// figureCells are a row's cells from target to status.
func figureCells(r targetRow, progress calc.YearProgress) []report.Cell {
	f := calc.TargetFigures{Growth: r.growth, TargetPct: r.targetPct, LowerBetter: r.lowerBetter}
	level := r.target.OK && notCumulative(r) // compared as it stands, not against time
	if r.target.OK && !level {
		c, cok := calc.TargetCompletion(r.value.V, r.target.V)
		l, lok := calc.TargetLead(r.value.V, r.target.V, progress)
		f.Completion, f.Lead = calc.Opt[calc.Fraction]{V: c, OK: cok}, calc.Opt[calc.Fraction]{V: l, OK: lok}
	}
	fraction := func(q calc.Opt[calc.Fraction]) report.Cell {
		if !q.OK {
			return report.Cell{}
		}
		return report.PercentCell(q.V.Num, q.V.Den)
	}
	var gap calc.Opt[calc.Fraction]
	if r.growth.OK && r.targetPct.OK {
		gap = calc.Opt[calc.Fraction]{V: r.growth.V.MinusPercent(r.targetPct.V), OK: true}
	}
	source := "computed"
	if r.given {
		source = "given"
	}
	time := progress.Fraction()
	timeCell := report.PercentCell(time.Num, time.Den)
	if level {
		timeCell = report.Cell{} // a level is no share of the year's
	}
	status := calc.TargetStatus(f)
	if level {
		status = levelStatus(r)
	}
	return []report.Cell{
		report.MaybeCell(r.target), report.MaybeCell(r.targetPct), report.MaybeCell(r.value), report.MaybeCell(r.prior),
		fraction(r.growth), report.OptionalWord(source, r.growth.OK),
		fraction(f.Completion), timeCell, fraction(f.Lead), fraction(gap),
		report.OptionalWord(status, status != ""),
	}
}

// writeTargets prints the table: indicators in the order they first
// appear, with --group-col each indicator's areas in input order, ranked
// among themselves, and with --total their total.
func writeTargets(e *env, opts targetsOptions, t *targetsTable) error {
	progress := calc.MonthsProgress(int(t.period.Sub))
	if opts.byDays {
		progress = calc.DaysProgress(int(t.period.Year), int(t.period.Sub))
	}
	cols := targetsColumns(opts, t.period)
	rep := opts.out.NewReport(cols)
	for _, rows := range byIndicator(t.rows) {
		cells := make([][]report.Cell, len(rows))
		for i, r := range rows {
			cells[i] = append([]report.Cell{report.TextCell(r.indicator), report.TextCell(r.unit)}, figureCells(r, progress)...)
			if opts.groupCol != "" {
				cells[i] = append([]report.Cell{report.TextCell(r.group)}, cells[i]...)
			}
		}
		if opts.groupCol == "" {
			for _, row := range cells {
				rep.Add(row...)
			}
			continue
		}
		rankAreas(opts, cols, rows[0].lowerBetter, cells)
		for _, row := range cells {
			rep.Add(row...)
		}
		if opts.total {
			if total, ok := indicatorTotal(e, rows); ok {
				cells := append([]report.Cell{report.TotalLabel(), report.TextCell(total.indicator), report.TextCell(total.unit)}, figureCells(total, progress)...)
				rep.AddTotal(append(cells, report.Cell{}, report.Cell{})...)
			}
		}
	}
	return rep.Finish(e.stdout)
}

// byIndicator splits rows by indicator, in the order indicators first
// appear, each indicator's rows in input order.
func byIndicator(rows []targetRow) [][]targetRow {
	var order []string
	parts := map[string][]targetRow{}
	for _, r := range rows {
		if _, ok := parts[r.indicator]; !ok {
			order = append(order, r.indicator)
		}
		parts[r.indicator] = append(parts[r.indicator], r)
	}
	out := make([][]targetRow, len(order))
	for i, name := range order {
		out[i] = parts[name]
	}
	return out
}

// rankAreas appends rank and rank_of to one indicator's rows: by the
// --rank-by figure as printed (or exact), highest first, lowest first where
// lower is better.
func rankAreas(opts targetsOptions, cols []report.Column, lowerBetter bool, cells [][]report.Cell) {
	by := slices.IndexFunc(cols, func(c report.Column) bool { return c.Key == opts.rankBy })
	figures := make([]report.Cell, len(cells))
	for i, row := range cells {
		figures[i] = row[by]
	}
	ranks, of := opts.out.Ranks(cols[by], figures, lowerBetter, opts.rankExact)
	for i := range cells {
		rankOf := report.Cell{}
		if ranks[i] > 0 {
			rankOf = report.IntCell(of)
		}
		cells[i] = append(cells[i], report.RankCell(ranks[i]), rankOf)
	}
}

// indicatorTotal sums one indicator over its areas for --total, with a
// warning where it has none (sumAreas). An area whose target is zero or
// less has no completion, and the total has no target: its value would be
// counted against the others' targets (200 + 180 + 0 = 380 against
// 150.6 + 135 + 90 is 98.8%, where each area with a target is near 75%).
func indicatorTotal(e *env, rows []targetRow) (targetRow, bool) {
	total, why := sumAreas(rows)
	if why != "" {
		e.warnf("%s: no total: %s", total.indicator, why)
		return total, false
	}
	if i := slices.IndexFunc(rows, func(r targetRow) bool { return r.target.OK && r.target.V.Sign() <= 0 }); total.target.OK && i >= 0 {
		total.target = calc.Maybe{}
		e.warnf("%s: the total has no target, nor completion: %s's target is %s, and its value would count against the others' targets",
			total.indicator, rows[i].group, report.ExactString(rows[i].target.V))
	}
	return total, true
}

// sumAreas sums one indicator over its areas: a target when every area has
// one, a prior (and so growth) when every area has one. Areas in different
// units have no sum, nor has a rate (吨标准煤/万元, %), which does not add
// up: why says so.
func sumAreas(rows []targetRow) (total targetRow, why string) {
	total = targetRow{indicator: rows[0].indicator, unit: rows[0].unit, lowerBetter: rows[0].lowerBetter}
	if isValueRate(valueUnit(total.unit)) { // not 亿元/%, an amount and its growth
		return total, fmt.Sprintf("%s is a rate, and rates do not add up", total.unit)
	}
	sums := []*calc.Maybe{&total.target, &total.value, &total.prior}
	for _, s := range sums {
		*s = calc.Some(decimal.Decimal{})
	}
	for _, r := range rows {
		if r.unit != total.unit {
			return total, fmt.Sprintf("its areas are in %q and %q", total.unit, r.unit)
		}
		for i, v := range []calc.Maybe{r.target, r.value, r.prior} {
			*sums[i] = calc.Maybe{V: sums[i].V.Add(v.V), OK: sums[i].OK && v.OK}
		}
	}
	if total.prior.OK {
		g, ok := calc.GrowthFraction(total.value.V, total.prior.V)
		total.growth = calc.Opt[calc.Fraction]{V: g, OK: ok}
	}
	return total, ""
}

// isRateUnit: a unit with a per or a percent sign is a rate.
func isRateUnit(unit string) bool { return strings.ContainsAny(unit, "/%‰％") }
