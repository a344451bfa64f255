package main

import (
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
)

// targetRow is one row of the input: an indicator, or an indicator in one
// area.
type targetRow struct {
	group, indicator, unit   string
	target, targetPct, value calc.Maybe
	prior, givenYoY          calc.Maybe
	growth                   calc.Opt[calc.Fraction] // from prior, else given
	given                    bool                    // growth is the input's yoy_pct
	lowerBetter              bool
	line                     int
}

// targetsTable is the input read: its rows, in input order, and the period
// they run to, as a month count (2017-Q3 is 2017, 9 months).
type targetsTable struct {
	rows   []targetRow
	period calc.Period

	reported  []reportedTarget // the input's own totals over areas
	subtotals int              // 小计 rows passed over (--ignore-subtotals)
}

func (t *targetsTable) hasIndicator(name string) bool {
	for _, r := range t.rows {
		if r.indicator == name {
			return true
		}
	}
	return false
}

// readTargets reads every row, checks that the file is of one period, and
// forms each row's growth.
func readTargets(e *env, in *input.Source, opts targetsOptions) (*targetsTable, error) {
	cols, err := findTargetsColumns(in, opts)
	if err != nil {
		return nil, err
	}
	t := &targetsTable{}
	if opts.asOf != "" {
		p, _, _ := calc.ParsePeriod(opts.asOf) // checked with the flags
		t.period = monthsOf(p)
	}
	periodLine, periodLabel := 0, ""
	// A row whose 单位 cell names its unit is in it (and the headers must
	// agree); the others are in the headers' units, or the one above them
	// (单位：亿元).
	headerUnit, settled := "", false
	// settle chooses the value column at the first row. Where a header
	// names a year it needs the table's period: --as-of, else the first
	// row's, which the others must then match.
	settle := func(rec *input.Row) error {
		if t.period.Year == 0 && cols.period < 0 {
			return needAsOf(in)
		}
		// The row's period where a header names a year, or where it
		// could tell 1-10月累计 from 1-9月累计.
		if t.period.Year == 0 && (cols.dated(in) || rec.Text(cols.period) != "") {
			p, err := rowPeriod(rec, cols.period)
			if err != nil {
				return err
			}
			t.period, periodLine, periodLabel = p, rec.Pos().Line(), rec.Text(cols.period)
		}
		if err := cols.settleValue(in, opts, t.period); err != nil {
			return err
		}
		for _, c := range cols.other {
			e.notef("%s", cols.leftOut(in, c, t.period))
		}
		for _, note := range cols.passedOver(in) {
			e.notef("%s", note)
		}
		if cols.target >= 0 && cols.targetPct < 0 {
			if u := in.Unit(cols.target); u == "%" || u == "％" {
				// 全年目标（%）, 2017年目标(%): a growth target, not a level
				cols.targetPct, cols.target = cols.target, -1
			}
		}
		headerUnit = periodlessUnit(in, cols.value) // 累计（三季度） gives none
		unit, err := cols.amountUnits(e, in)
		if unit != "" {
			headerUnit = unit
		}
		settled = true
		return err
	}
	seen := map[[2]string]int{}
	err = in.Each(func(rec *input.Row) error {
		// A total across indicators (合计) is left out; a breakdown
		// (其中：税收收入) is an indicator with its own target.
		// So is one labelled in the first column (序号) beside an empty
		// indicator, where there are no areas.
		if label := acrossIndicators(rec, cols); label >= 0 {
			e.warnf("%s: %q is a total row, left out: a completion table has no total across indicators", rec.Pos(), rec.Text(label))
			return nil
		}
		area, areaLabel := dataRow, -1
		if cols.group >= 0 {
			kind, col, err := opts.totals.rowLabel(rec, cols.group, firstColumnBeside(cols.group, cols.indicator))
			if err != nil {
				return err
			}
			area, areaLabel = kind, col
		}
		if !settled {
			if err := settle(rec); err != nil {
				return err
			}
		}
		r := targetRow{indicator: rec.Text(cols.indicator), unit: headerUnit, line: rec.Pos().Line()}
		if cols.unit >= 0 && rec.Text(cols.unit) != "" {
			if err := cellUnitAgrees(rec, in, cols); err != nil {
				return err
			}
			r.unit = rec.Text(cols.unit)
		}
		shift := cols.shift
		if cols.unit >= 0 && rec.Text(cols.unit) != "" {
			shift = nil // every figure of the row in its 单位
		}
		switch area {
		case subtotalRow:
			t.subtotals++
			return nil
		case totalRow: // an indicator's total over the areas, its indicator's cell maybe empty: checked once every area is read
			t.reported = append(t.reported, reportedTarget{at: rec.Pos(), label: rec.Text(areaLabel), row: r})
			return readTargetFigures(rec, cols, shift, &t.reported[len(t.reported)-1].row, true)
		}
		if r.indicator == "" {
			return rec.Errorf(cols.indicator, "empty: every row needs its indicator")
		}
		if cols.group >= 0 {
			if r.group = rec.Text(cols.group); r.group == "" {
				return rec.Errorf(cols.group, "empty: every row needs its area")
			}
		}
		key := [2]string{r.group, r.indicator}
		if line, dup := seen[key]; dup && cols.group >= 0 {
			return rec.Errorf(cols.indicator, "%q is on line %d too: one row per indicator and area", r.indicator, line)
		} else if dup {
			return rec.Errorf(cols.indicator, "%q is on line %d too: one row per indicator", r.indicator, line)
		}
		seen[key] = r.line
		if err := readTargetFigures(rec, cols, shift, &r, false); err != nil {
			return err
		}
		if cols.period >= 0 {
			p, err := rowPeriod(rec, cols.period)
			switch {
			case err != nil:
				return err
			case periodLine == 0 && opts.asOf != "" && p != t.period:
				return rec.Errorf(cols.period, "%s is not the period of --as-of %s", rec.Text(cols.period), opts.asOf)
			case periodLine == 0:
				t.period, periodLine, periodLabel = p, r.line, rec.Text(cols.period)
			case p != t.period:
				return rec.Errorf(cols.period, "%s is not %s, the period of line %d: a completion table is of one period; give each period a file of its own", rec.Text(cols.period), periodLabel, periodLine)
			}
		}
		if r.target.OK && r.target.V.Sign() <= 0 {
			e.warnf("%s: %s: a target of %s has no completion", rec.Pos(), r.indicator, report.ExactString(r.target.V))
		}
		formGrowth(e, rec, &r)
		t.rows = append(t.rows, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if !settled {
		return nil, in.NoRows()
	}
	if err := cols.checkValueSpan(in, t.period); err != nil {
		return nil, err
	}
	var names [3]string // of the target, the value and the prior, as the checks name them
	for i, col := range []int{cols.target, cols.value, cols.prior} {
		if col >= 0 {
			names[i] = in.Header[col]
		}
	}
	return t, checkTargetTotals(e, opts.totals, t, names)
}

// acrossIndicators is the column of a row's label when the row is a total
// or subtotal across indicators, else -1: its indicator cell says so (合计;
// a breakdown, 其中：税收收入, is an indicator), or, in a table without
// areas, its first column does (合计 in 序号) beside an empty indicator.
func acrossIndicators(rec *input.Row, cols targetsCols) int {
	if cell := rec.Cell(cols.indicator); !isBreakdown(cell) && kindOf(cell) != dataRow {
		return cols.indicator
	}
	first := firstColumnBeside(cols.indicator)
	if cols.group >= 0 || first < 0 || !emptyLabel(rec.Cell(cols.indicator)) || kindOf(rec.Cell(first)) == dataRow {
		return -1
	}
	return first
}

func needAsOf(in *input.Source) error {
	return usagef("--as-of is needed: %s has no period column; add --as-of 2017-10 (the month the figures run to)", in.First())
}

// monthsOf is a period as the months of its year gone: a quarter is its
// last month, a year is 12.
func monthsOf(p calc.Period) calc.Period {
	last, _ := p.Last(calc.Monthly)
	return last
}

func rowPeriod(rec *input.Row, col int) (calc.Period, error) {
	label := rec.Text(col)
	if label == "" {
		return calc.Period{}, rec.Errorf(col, "empty: give every row its period (or leave the column out and use --as-of)")
	}
	p, _, err := calc.ParsePeriod(label)
	if err != nil {
		return calc.Period{}, rec.Errorf(col, "%v", err)
	}
	return monthsOf(p), nil
}

// readTargetFigures reads a row's numbers; every one may be empty but an
// indicator's year-to-date value (a total row's may be empty too).
func readTargetFigures(rec *input.Row, cols targetsCols, shift map[int]int32, r *targetRow, total bool) (err error) {
	v, err := rec.Number(cols.value)
	if err != nil {
		return err
	}
	if !v.OK && !total {
		return rec.Errorf(cols.value, "empty: every indicator needs its year-to-date value")
	}
	r.value = v
	r.value.V = v.V.Shift(shift[cols.value])
	for _, f := range []struct {
		col  int
		dst  *calc.Maybe
		rate bool
	}{{cols.target, &r.target, false}, {cols.targetPct, &r.targetPct, true}, {cols.prior, &r.prior, false}, {cols.yoy, &r.givenYoY, true}} {
		if f.col < 0 {
			continue
		}
		if !f.rate {
			*f.dst, err = rec.Number(f.col)
			f.dst.V = f.dst.V.Shift(shift[f.col])
		} else if *f.dst, err = rec.Rate(f.col); err != nil {
			err = rateAsText(rec, f.col, err)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// amountUnits brings the target, the value and the prior to one unit
// (columnUnits) when their headers give different ones: it returns that
// unit, or "" when nothing is converted.
func (cols *targetsCols) amountUnits(e *env, in *input.Source) (string, error) {
	var amounts []int
	for _, c := range []int{cols.target, cols.value, cols.prior} {
		if c >= 0 {
			amounts = append(amounts, c)
		}
	}
	units := make([]string, len(amounts))
	for k, c := range amounts {
		units[k] = periodlessUnit(in, c)
	}
	unit, exps, err := columnUnits(in, amounts, units, "")
	if err != nil || !converted(exps) {
		return "", err
	}
	cols.shift = map[int]int32{}
	for k, c := range amounts {
		cols.shift[c] = exps[k]
	}
	noteUnits(e, in, amounts, exps, unit)
	return unit, nil
}

// rateAsText says how to write a growth rate that a report gave in words:
// 持平 (level) is 0, 下降5.2% is -5.2, 增长8% is 8.
func rateAsText(rec *input.Row, col int, err error) error {
	cell := rec.Text(col)
	if strings.Contains(cell, "持平") {
		return rec.Errorf(col, "%s is not a number: growth of 持平 (level with last year) is 0; write 0", input.QuoteCell(cell))
	}
	for _, w := range []struct{ word, sign string }{{"下降", "-"}, {"减少", "-"}, {"回落", "-"}, {"增长", ""}, {"提高", ""}, {"上升", ""}} {
		if rest, ok := strings.CutPrefix(cell, w.word); ok {
			if d, ok, perr := input.ParseNumber(rest, true); perr == nil && ok {
				return rec.Errorf(col, "%s is not a number: write %s%s", input.QuoteCell(cell), w.sign, report.ExactString(d))
			}
		}
	}
	return err
}

// formGrowth takes growth from the prior where a row has one above zero,
// else as the row gives it; where both are given and the given rate is not
// the computed one rounded to its places, it says so.
func formGrowth(e *env, rec *input.Row, r *targetRow) {
	if r.prior.OK {
		if g, ok := calc.GrowthFraction(r.value.V, r.prior.V); ok {
			r.growth = calc.Opt[calc.Fraction]{V: g, OK: true}
			if r.givenYoY.OK {
				places := max(-r.givenYoY.V.Exponent(), 0)
				if computed := g.Percent().Round(places); !computed.Equal(r.givenYoY.V) {
					e.warnf("%s: %s: growth given as %s, but %s on %s is %s: the table shows the latter", rec.Pos(), r.indicator,
						report.ExactString(r.givenYoY.V), report.ExactString(r.value.V), report.ExactString(r.prior.V), computed.StringFixed(places))
				}
			}
			return
		}
		e.warnf("%s: %s: a prior of %s gives no growth rate", rec.Pos(), r.indicator, report.ExactString(r.prior.V))
	}
	if r.givenYoY.OK {
		r.growth = calc.Opt[calc.Fraction]{V: calc.PercentFraction(r.givenYoY.V), OK: true}
		r.given = true
	}
}
