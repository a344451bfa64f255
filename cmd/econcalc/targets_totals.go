package main

import (
	"fmt"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// A completion table by area may carry the bureau's own total for each
// indicator: a 合计 row in the area column (or in 序号, beside an empty
// area), its indicator named or left empty. It is no area, so it is left
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
// units, an indicator without areas) is left unchecked, with a warning. A
// total whose indicator cell is empty or a dash (—, emptyLabel) is its
// table's one indicator's, or in a table of several, the one whose areas'
// sums it is (totalled).
func checkTargetTotals(e *env, t totalsOptions, table *targetsTable, names [3]string) error {
	noteSubtotals(e, table.subtotals)
	for _, r := range table.reported {
		if emptyLabel([]byte(r.row.indicator)) { // empty, or a dash: —
			name, err := t.totalled(e, table, r, names)
			if name == "" || err != nil {
				return err
			}
			r.row.indicator = name
		}
		figures, why := compareTotal(r, table.areasOf(r.row.indicator), names)
		if why != "" {
			e.warnf("%s: total %q of %s left unchecked: %s", r.at, r.label, r.row.indicator, why)
			continue
		}
		for _, f := range figures {
			if err := t.check(e, r.at, r.label, f.what, f.sum, f.reported); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t *targetsTable) areasOf(indicator string) []targetRow {
	var areas []targetRow
	for _, a := range t.rows {
		if a.indicator == indicator {
			areas = append(areas, a)
		}
	}
	return areas
}

// totalFigure is one figure of a reported total beside the areas' sum.
type totalFigure struct {
	what          string // 1-10月累计 of 规模工业增加值
	sum, reported calc.Num
}

// compareTotal pairs each figure a reported total gives with its areas'
// sum, in the areas' unit, or says why it cannot be checked.
func compareTotal(r reportedTarget, areas []targetRow, names [3]string) (figures []totalFigure, why string) {
	if len(areas) == 0 {
		return nil, "no area reports " + r.row.indicator
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
		return nil, why
	}
	reported := []calc.Maybe{r.row.target, r.row.value, r.row.prior}
	for i, s := range []calc.Maybe{sum.target, sum.value, sum.prior} {
		if reported[i].OK && s.OK {
			figures = append(figures, totalFigure{names[i] + " of " + r.row.indicator,
				calc.DecimalNum(s.V), calc.DecimalNum(reported[i].V.Shift(shift))})
		}
	}
	return figures, ""
}

// totalled is the indicator of a total row whose indicator cell is empty
// (合计 in the area column, nothing beside it): the table's indicator where
// it has one, else the first whose areas' sums it is, every figure it
// gives within its rounding. Where it is none's, it is left unchecked with
// a warning, an error with --strict-totals; name is then "".
func (t totalsOptions) totalled(e *env, table *targetsTable, r reportedTarget, names [3]string) (name string, err error) {
	var indicators []string
	for _, rows := range byIndicator(table.rows) {
		indicators = append(indicators, rows[0].indicator)
	}
	switch len(indicators) {
	case 0:
		e.warnf("%s: total %q left unchecked: no area reports a figure", r.at, r.label)
		return "", nil
	case 1:
		return indicators[0], nil
	}
	for _, n := range indicators {
		r.row.indicator = n
		figures, why := compareTotal(r, table.areasOf(n), names)
		if why != "" || len(figures) == 0 {
			continue
		}
		agrees := true
		for _, f := range figures {
			agrees = agrees && calc.WithinRounding(f.sum, f.reported)
		}
		if agrees {
			return n, nil
		}
	}
	msg := fmt.Sprintf("total %q names no indicator, and its figures are the areas' sums of none of the table's %d indicators (%s): write its indicator beside it",
		r.label, len(indicators), strings.Join(indicators, ", "))
	if t.strict {
		return "", &input.DataError{File: r.at.File(), Line: r.at.Line(), Msg: msg + " (--strict-totals)"}
	}
	e.warnf("%s: %s; left unchecked", r.at, msg)
	return "", nil
}
