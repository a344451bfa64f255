package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

// The roll file of remaining: a row per year or span of years, with the
// households and people who exited and were added.

// readRollRows reads the rows, sorted by year. A total row (合计) is no
// year: each count it gives is checked against the sum of the years' rows.
// It also sets the places of the counts' units (rollCountColumns) in
// opts.settings.
func readRollRows(e *env, opts *remainingOptions) ([]rollRow, error) {
	in, err := input.Open(opts.in, e.stdin)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	year, err := in.Find(rollYearColumn, opts.cols[0])
	if err != nil {
		return nil, err
	}
	exitedH, addedH, err := findRollHouseholdColumns(in, *opts)
	if err != nil {
		return nil, err
	}
	exitedP, err := findRollColumn(in, rollExitedPersonsColumn, opts.cols[2], true)
	if err != nil {
		return nil, err
	}
	addedP, err := findRollColumn(in, rollAddedPersonsColumn, opts.cols[4], false)
	if err == nil {
		err = sameCountUnits(in, func(c int) string { return rollColumnUnit(in, c) }, [2]int{exitedP, addedP}, [2]int{exitedH, addedH})
	}
	if err != nil {
		return nil, err
	}
	exitedCols := [2]string{"", in.Header[exitedP]}
	if exitedH >= 0 {
		exitedCols[0] = in.Header[exitedH]
	}
	counts := rollCountColumns(in, &opts.settings, exitedH, exitedP, addedH, addedP)
	opts.totals.numbering = numberingColumn(in, year)
	noteFlagUnits(e, in, exitedP, addedP, opts.settings.Population.OK)
	notePlannedCounts(e, in, [4]int{exitedH, exitedP, addedH, addedP}, [4]string{opts.cols[1], opts.cols[2], opts.cols[3], opts.cols[4]})
	var rows []rollRow
	totals := rollTotals{counts: counts}
	err = in.Each(func(rec *input.Row) error {
		if done, err := totals.read(rec, opts.totals, year); done || err != nil {
			return err
		}
		span, summed, err := calc.ParseYearSum(string(rec.Fields[year]))
		if err != nil {
			return rec.Errorf(year, "%v", err)
		}
		summed = summed || summedBeside(rec, opts.totals, year)
		r := rollRow{flows: calc.YearFlows{Years: span}, file: rec.Pos().File(), line: rec.Pos().Line(), order: len(rows),
			exitedCols: exitedCols, summed: summed}
		for k, c := range counts {
			if c.col < 0 {
				continue
			}
			var given bool
			if *r.count(k), given, err = rollCount(rec, c); err != nil {
				return err
			}
			r.blank[k] = !given
			if !given && c.required && r.emptyExit == nil {
				r.emptyExit = rec.Errorf(c.col, "is empty: write 0 when none exited")
				if !summed {
					return r.emptyExit
				}
			}
		}
		rows = append(rows, r)
		return nil
	})
	if err == nil {
		rows, err = spanSubtotals(e, opts.totals, rows, counts, in.Header)
	}
	if err != nil {
		return nil, err
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].flows.Years.First < rows[j].flows.Years.First })
	err = checkYearSpans(rows)
	if err == nil {
		err = checkYearGaps(rows, opts.missingYearsZero)
	}
	if err == nil {
		err = fromRunningTotals(rows, counts, in.Header)
	}
	if err == nil {
		err = totals.check(e, opts.totals, in, rows)
	}
	if err != nil {
		return nil, err
	}
	noteRunningTotals(e, counts, in.Header, rows, opts.settings.PersonsOnly)
	return rows, nil
}

// findRollHouseholdColumns finds the exited and added households columns: the
// first required and the second optional with --households, both absent
// (-1) without it, in a registry counted in people only.
func findRollHouseholdColumns(in *input.Source, opts remainingOptions) (exited, added int, err error) {
	if !opts.settings.PersonsOnly {
		exited, err = findRollColumn(in, rollExitedHouseholdsColumn, opts.cols[1], true)
		var de *input.DataError
		if errors.As(err, &de) && exited < 0 && strings.HasPrefix(de.Msg, "no ") { // none found, not two
			de.Msg += "; or leave out --households for a registry counted in people only"
		}
		if err != nil {
			return -1, -1, err
		}
		added, err = findRollColumn(in, rollAddedHouseholdsColumn, opts.cols[3], false)
		return exited, added, err
	}
	for _, c := range []struct {
		spec     input.Column
		override string
	}{{rollExitedHouseholdsColumn, opts.cols[1]}, {rollAddedHouseholdsColumn, opts.cols[3]}} {
		i, err := in.FindOptional(c.spec, c.override)
		if err != nil && c.override != "" {
			return -1, -1, err
		}
		if names := rollRivals(in, c.spec, runningColumn(c.spec)); i >= 0 || len(names) > 0 { // one, or two that could each be it
			if len(names) == 0 || c.override != "" {
				names = []string{in.Header[i]}
			}
			return -1, -1, usagef("%s: column %q counts households, but --households is missing: give the households registered at the start, or leave the household columns out for a registry counted in people only",
				in.First(), names[0])
		}
	}
	return -1, -1, nil
}

// rollCountColumn is a count column of the roll file: -1 when absent.
type rollCountColumn struct {
	col      int
	required bool   // an exit, whose empty cell is an error
	running  bool   // running totals (累计): fromRunningTotals
	places   int32  // decimals a whole count may have in its unit (4 in 万人)
	unit, of string // the unit (万人) and what it counts (people), for a message
}

// rollCount reads a count cell: a whole number of households or people,
// zero or more, in the column's unit (1650.5 万人 is 16,505,000 people), and
// whether the cell gives one. An empty addition is none; an empty exit is
// an error (the caller's), since a missing figure is never zero.
func rollCount(rec *input.Row, c rollCountColumn) (decimal.Decimal, bool, error) {
	m, err := rec.Number(c.col)
	if err != nil {
		return decimal.Decimal{}, false, err
	}
	v, whole := calc.WholeCount(m.V, c.places)
	switch {
	case !whole && c.places == 0:
		return decimal.Decimal{}, false, rec.Errorf(c.col, "%s is not a whole number", input.QuoteCell(string(rec.Fields[c.col])))
	case !whole:
		return decimal.Decimal{}, false, rec.Errorf(c.col, "%s is not a whole number of %s: at most %d decimals in %s",
			input.QuoteCell(string(rec.Fields[c.col])), c.of, c.places, c.unit)
	case v.Sign() < 0:
		return decimal.Decimal{}, false, rec.Errorf(c.col, "%q is negative: a count is zero or more", rec.Fields[c.col])
	}
	return v, m.OK, nil
}

// checkYearSpans rejects a year in two rows (a duplicate, or overlapping
// spans), naming both lines. rows are sorted by first year, so a clash is
// always between neighbours.
func checkYearSpans(rows []rollRow) error {
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		if !a.flows.Years.Overlaps(b.flows.Years) {
			continue
		}
		if a.order > b.order {
			a, b = b, a // report at the later line
		}
		what := fmt.Sprintf("%s overlaps %s", b.flows.Years, a.flows.Years)
		if a.flows.Years == b.flows.Years {
			what = fmt.Sprintf("duplicate year %s", b.flows.Years)
		}
		return &input.DataError{File: b.file, Line: b.line, Msg: fmt.Sprintf("%s at %s; a year may appear in one row only", what, a.where())}
	}
	return nil
}

// checkYearGaps rejects a year missing between two rows (2014年, then
// 2016年), naming it and the rows around it, unless missingZero (the user
// says the years left out had no exits and no additions): a year left out
// of a table is more often a row lost than a year without exits, and read
// as none it would leave a wrong stock. rows are sorted by first year and
// do not overlap (checkYearSpans).
func checkYearGaps(rows []rollRow, missingZero bool) error {
	for i := 1; i < len(rows) && !missingZero; i++ {
		a, b := rows[i-1], rows[i]
		if b.flows.Years.First == a.flows.Years.Last+1 {
			continue
		}
		missing := calc.YearSpan{First: a.flows.Years.Last + 1, Last: b.flows.Years.First - 1}
		is, row, it := "is", "its row", "it"
		if missing.First != missing.Last {
			is, row, it = "are", "their rows", "they"
		}
		return &input.DataError{File: b.file, Line: b.line, Msg: fmt.Sprintf(
			"%s %s missing, between %s at %s and %s: add %s (0 where none exited), or rerun with --missing-years-zero if %s had no exits and no additions",
			missing, is, a.flows.Years, a.where(), b.flows.Years, row, it)}
	}
	return nil
}
