package main

import (
	"fmt"
	"slices"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

// A roll file may give running totals (累计) instead of each year's count:
// 脱贫户数（累计）, 累计脱贫户数, 脱贫人数（年末累计）. Each row's own count is
// its total less the row before's, the first row's counted from the start
// the flags give (--households, --persons are the registry before the first
// row). 累计 is what the figures are, never their unit: 脱贫人数（累计，万人）
// is in 万人. A total that falls is refused, as is a year missing between
// rows (checkYearGaps), unless the user says it had none.

// findRollColumn finds a count column by spec's names, or by a name that
// says it holds running totals (累计脱贫户数, 脱贫户数累计; a bracketed
// 脱贫户数（累计）is found by spec's own names): -1 when there is none, an
// error when required. Two columns of its names, whatever their brackets
// say (脱贫户数 and 累计脱贫户数, 脱贫户数（当年） and 脱贫户数（累计）or
// 脱贫户数（计划）), are refused: which to read would be a guess. So is one
// whose header says it holds a plan (脱贫人数（计划）, plannedCount), unless
// override names it.
func findRollColumn(in *input.Source, spec input.Column, override string, required bool) (int, error) {
	i, err := in.FindOptional(spec, override)
	if err != nil || override != "" {
		return i, err
	}
	running := runningColumn(spec)
	j, err := in.FindOptional(running, "")
	if err != nil {
		return -1, err
	}
	if rivals := rollRivals(in, spec, running); len(rivals) > 1 {
		return -1, in.HeaderError("", fmt.Sprintf("columns %s could each be the %s column: name the one to use with --%s",
			input.QuoteNames(rivals), spec.Key, spec.Flag))
	}
	switch {
	case i < 0 && j < 0 && required:
		return in.Find(spec, "")
	case i < 0 && j < 0:
		return -1, nil
	case i < 0:
		i = j
	}
	return i, refusePlannedCount(in, spec, i)
}

// runningColumn is spec's column of running totals: 累计 before or after
// each of its names (累计脱贫户数, 脱贫户数累计).
func runningColumn(spec input.Column) input.Column {
	running := input.Column{Key: "累计" + spec.Aliases[0], Flag: spec.Flag}
	for _, a := range spec.Aliases {
		running.Aliases = append(running.Aliases, "累计"+a, a+"累计")
	}
	return running
}

// rollRivals is every header whose name, without what its brackets say, is
// one of spec's or running's: a unit (脱贫户数（户）), a note (（当年）,
// （计划）) or 累计 in brackets tells none of them apart by name alone.
func rollRivals(in *input.Source, specs ...input.Column) []string {
	var names []string
	for _, h := range in.Header {
		bare := strings.ToLower(withoutBrackets(h))
		for _, spec := range specs {
			if bare == strings.ToLower(spec.Key) || slices.Contains(spec.Aliases, bare) {
				names = append(names, h)
				break
			}
		}
	}
	return names
}

// withoutBrackets is a header without the brackets at its end
// (脱贫户数 for 脱贫户数（当年）).
func withoutBrackets(header string) string {
	h := strings.TrimSpace(header)
	if !strings.HasSuffix(h, ")") && !strings.HasSuffix(h, "）") && !strings.HasSuffix(h, "]") && !strings.HasSuffix(h, "】") {
		return h
	}
	if k := strings.LastIndexAny(h, "(（[【"); k > 0 {
		return strings.TrimSpace(h[:k])
	}
	return h
}

// isRunningTotal reports whether a count column's header says it holds
// running totals: 累计 (or 累积) anywhere in it, but not 非累计.
func isRunningTotal(header string) bool {
	for _, not := range []string{"非累计", "不累计", "非累积", "不累积"} {
		if strings.Contains(header, not) {
			return false
		}
	}
	return strings.Contains(header, "累计") || strings.Contains(header, "累积")
}

// rollColumnUnit is the unit of count column c: its header's, notes in its
// brackets aside (万人 in 脱贫人数（累计，万人） or 脱贫人数（当年，万人）,
// calc.BracketUnit), else the table's (单位：万人 above the header).
func rollColumnUnit(in *input.Source, c int) string {
	return in.Unit(c)
}

// fromRunningTotals turns the running totals of the count columns that
// hold them into each row's own count. rows are sorted by year, with no
// year in two rows and none missing between them unless the user said it
// had none (checkYearGaps), so a total less the row before's is the row's
// own years'.
func fromRunningTotals(rows []rollRow, counts []rollCountColumn, header []string) error {
	for k, c := range counts {
		if c.col < 0 || !c.running {
			continue
		}
		totals := make([]decimal.Decimal, len(rows))
		for i := range rows {
			if rows[i].blank[k] {
				return &input.DataError{File: rows[i].file, Line: rows[i].line, Column: header[c.col],
					Msg: "is empty: a running total (累计) needs a figure in every row; write 0 when there has been none so far"}
			}
			totals[i] = *rows[i].count(k)
		}
		each, falls := calc.FromRunningTotals(totals)
		if falls >= 0 {
			r, prev := rows[falls], rows[falls-1]
			return &input.DataError{File: r.file, Line: r.line, Column: header[c.col], Msg: fmt.Sprintf(
				"a running total (累计): %s's %s is less than %s's %s at %s, and a running total cannot fall; if the column gives each year's own count, name it without 累计",
				r.flows.Years, totals[falls], prev.flows.Years, totals[falls-1], prev.where())}
		}
		for i := range rows {
			*rows[i].count(k), _ = calc.WholeCount(each[i], c.places)
		}
	}
	return nil
}

// noteRunningTotals says which columns were read as running totals, and
// what the first row's total counts from.
func noteRunningTotals(e *env, counts []rollCountColumn, header []string, rows []rollRow, personsOnly bool) {
	var names []string
	for _, c := range counts {
		if c.col >= 0 && c.running {
			names = append(names, header[c.col])
		}
	}
	if len(names) == 0 || len(rows) == 0 {
		return
	}
	flags := "--households and --persons give"
	if personsOnly {
		flags = "--persons gives"
	}
	what := "column %s is a running total"
	if len(names) > 1 {
		what = "columns %s are running totals"
	}
	e.notef(what+" (累计): each row's own count is its total less the row before's, the first row's (%s) counted from the start %s",
		input.QuoteNames(names), rows[0].flows.Years, flags)
}
