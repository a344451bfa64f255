package main

import (
	"fmt"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// A completion table by area may carry the bureau's own total for each
// indicator: a 合计 row in the area column. It is no area, so it is left
// out of the table and its ranks, and its target, value and prior are
// checked against the areas' sums as every command checks a reported total
// (totalsOptions.check): a warning beyond the reported figures' rounding,
// an error with --strict-totals. A total row in the indicator column would
// be a total across indicators, which a completion table never has: it is
// left out with a warning.

// reportedTarget is a total row of the input: where it is, its label as
// written, and its figures.
type reportedTarget struct {
	at    input.Pos
	label string
	row   targetRow
}

// checkTargetTotals checks each reported total against the sums of its
// indicator's areas, figure by figure, where the total row and every area
// give the figure. A total that cannot be summed (a rate, areas in other
// units, an indicator without areas) is left unchecked, with a warning.
func checkTargetTotals(e *env, t totalsOptions, table *targetsTable, names [3]string) error {
	noteSubtotals(e, table.subtotals)
	for _, r := range table.reported {
		var areas []targetRow
		for _, a := range table.rows {
			if a.indicator == r.row.indicator {
				areas = append(areas, a)
			}
		}
		if len(areas) == 0 {
			e.warnf("%s: total %q of %s left unchecked: no area reports %s", r.at, r.label, r.row.indicator, r.row.indicator)
			continue
		}
		sum, why := sumAreas(areas)
		if r.row.unit == "" { // an empty 单位 cell, and no unit in the headers: the areas'
			r.row.unit = sum.unit
		}
		var shift int32 // a total in 万元 beside areas in 亿元 is checked in 亿元
		if why == "" && r.row.unit != sum.unit {
			_, exps, err := calc.UnitScales([]string{r.label, r.row.indicator}, []string{r.row.unit, sum.unit}, sum.unit)
			if err != nil || r.row.unit == "" || sum.unit == "" {
				why = fmt.Sprintf("it is in %q and its areas in %q", r.row.unit, sum.unit)
			} else {
				shift = exps[0]
			}
		}
		if why != "" {
			e.warnf("%s: total %q of %s left unchecked: %s", r.at, r.label, r.row.indicator, why)
			continue
		}
		reported := []calc.Maybe{r.row.target, r.row.value, r.row.prior}
		for i := range reported {
			reported[i].V = reported[i].V.Shift(shift)
		}
		for i, s := range []calc.Maybe{sum.target, sum.value, sum.prior} {
			if !reported[i].OK || !s.OK {
				continue
			}
			what := names[i] + " of " + r.row.indicator
			if err := t.check(e, r.at, r.label, what, calc.DecimalNum(s.V), calc.DecimalNum(reported[i].V)); err != nil {
				return err
			}
		}
	}
	return nil
}
