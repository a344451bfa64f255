package main

import (
	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

// What the roll file of remaining says of itself besides its years: the
// units its counts are in, and the totals (合计) it reports.

// count is the row's figure in count column k, in the order
// rollCountColumns lists them: exited households, exited persons, added households, added
// persons.
func (r *rollRow) count(k int) *decimal.Decimal {
	switch k {
	case 0:
		return &r.flows.Exited.Households
	case 1:
		return &r.flows.Exited.Persons
	case 2:
		return &r.flows.Added.Households
	}
	return &r.flows.Added.Persons
}

// rollUnit is the unit of a pair of count columns, exited and added (-1
// when absent): the first that gives one, an empty unit being taken for
// the other's (sameCountUnits refused two that differ).
func rollUnit(in *input.Source, exited, added int) string {
	for _, c := range []int{exited, added} {
		if c < 0 {
			continue
		}
		if u := rollColumnUnit(in, c); u != "" {
			return u
		}
	}
	return ""
}

// rollCountColumns lists the count columns (-1 when absent) in the order
// of rollRow.count, each with the decimals a whole household or person
// takes in its unit (calc.CountPlaces: 4 in 万人, where 1650.5 is
// 16,505,000 people), and sets those in s. Nothing is converted: the roll
// is worked out and printed in the units of the input, which --households
// and --persons are in too.
func rollCountColumns(in *input.Source, s *calc.RollSettings, exitedH, exitedP, addedH, addedP int) []rollCountColumn {
	hUnit, pUnit := rollUnit(in, exitedH, addedH), rollUnit(in, exitedP, addedP)
	s.HouseholdPlaces, s.PersonPlaces = calc.CountPlaces(hUnit, "户"), calc.CountPlaces(pUnit, "人")
	counts := []rollCountColumn{
		{exitedH, true, false, s.HouseholdPlaces, hUnit, "households"}, {exitedP, true, false, s.PersonPlaces, pUnit, "people"},
		{addedH, false, false, s.HouseholdPlaces, hUnit, "households"}, {addedP, false, false, s.PersonPlaces, pUnit, "people"},
	}
	for k := range counts {
		counts[k].running = counts[k].col >= 0 && isRunningTotal(in.Header[counts[k].col])
	}
	return counts
}

// rollTotals are the total rows (合计) of a roll file, each checked once
// every row is read, and the subtotals passed over.
type rollTotals struct {
	counts    []rollCountColumn
	reported  []reportedTotal
	subtotals int
}

// read takes a total or a subtotal row, by its label in the year column
// or in the first column beside it (序号): done reports the row is one, and
// no year. A subtotal is refused unless --ignore-subtotals.
func (t *rollTotals) read(rec *input.Row, opts totalsOptions, year int) (done bool, err error) {
	if _, err := calc.ParseYearSpan(rec.Text(year)); err == nil {
		return false, nil // 2014—2015年合计 is the span's row, or its years' subtotal (spanSubtotals)
	}
	kind, label, err := opts.rowLabel(rec, year, firstColumnBeside(year))
	switch {
	case err != nil:
		return true, err
	case kind == subtotalRow:
		t.subtotals++
		return true, nil
	case kind != totalRow:
		return false, nil
	}
	var cols []int
	for _, c := range t.counts {
		if c.col >= 0 {
			cols = append(cols, c.col)
		}
	}
	reported, err := readTotal(rec, label, "", cols)
	t.reported = append(t.reported, reported)
	return true, err
}

// summedBeside is whether the first column (序号), or the column that
// numbers the rows, labels a row whose year cell is a year or a span as a
// sum: 合计 or 小计 beside 2014-2015年 is that span's total, a subtotal of
// its years where they are listed (spanSubtotals), not a span overlapping
// them. A place there (全县) counts only in the column that numbers the rows.
func summedBeside(rec *input.Row, opts totalsOptions, year int) bool {
	for _, c := range []int{opts.numbering - 1, firstColumnBeside(year)} {
		if c < 0 || c == year || !mayBeLabel(rec.Fields[c]) {
			continue
		}
		if kind, place := labelKind(rec.Cell(c)); kind != dataRow && (!place || c == opts.numbering-1) {
			return true
		}
	}
	return false
}

// check compares each count a total row gives with the sum of that column
// over the years' rows, as written (before any --adjust): a warning where
// they differ, an error with --strict-totals. An empty cell of the total
// reports nothing.
func (t *rollTotals) check(e *env, opts totalsOptions, in *input.Source, rows []rollRow) error {
	noteSubtotals(e, t.subtotals)
	for _, reported := range t.reported {
		i := 0 // the total's value of column k
		for k, c := range t.counts {
			if c.col < 0 {
				continue
			}
			if i++; !reported.ok[i-1] {
				continue
			}
			var sum decimal.Decimal
			for j := range rows {
				sum = sum.Add(*rows[j].count(k))
			}
			if err := opts.check(e, reported.at, reported.label, in.Header[c.col], calc.DecimalNum(sum), reported.values[i-1]); err != nil {
				return err
			}
		}
	}
	return nil
}

// noteFlagUnits says, when the people exited are counted in a unit other
// than 人 (万人), that --persons and --population are read in it too: a
// population given in people beside a roll in 万人 would make an
// incidence 10,000 times too small, and no flag carries a unit to tell.
// The unit may be the added people's alone (新增人数（万人） beside 脱贫人数),
// as the counts are read in it (rollUnit).
func noteFlagUnits(e *env, in *input.Source, exitedP, addedP int, population bool) {
	unit := rollUnit(in, exitedP, addedP)
	if unit == "" || unit == "人" {
		return
	}
	if rollColumnUnit(in, exitedP) == "" {
		exitedP = addedP // the column that names it
	}
	flags := "--persons is"
	if population {
		flags = "--persons and --population are"
	}
	e.notef("%s read in %s, the unit of %q", flags, unit, in.Header[exitedP])
}
