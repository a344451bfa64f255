package main

import (
	"errors"
	"fmt"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
	"github.com/urfave/cli/v2"
)

const remainingDescription = `Rolls a poverty registry (建档立卡) forward: from the households and people
registered at the start (--households, --persons), each row's additions are added and
its exits (脱贫) taken away, in year order. Exits that exceed what remains are bad
input, named with the year and the shortfall in households and people; --adjust
instead records the smallest additions that cover them (marked on stderr) and goes on.

Columns: year (年份; 2017, 2017年, 2017年度, or a span 2014-2016, 2014—2016年,
2014至2016年, 2014~2016; digits may be full-width), exited_households (脱贫户数),
exited_persons (脱贫人数), and optionally added_households (新增户数), added_persons
(新增人数). Counts are whole numbers of households and people in the unit their
header gives, which --households and --persons are in too: in 万人, 1650.5 is
16,505,000 people. A column of running totals (脱贫户数（累计）, 累计脱贫户数) gives
each row's count as its total less the row before's, the first row's counted from
the start --households and --persons give (a note says so); a total that falls is
an error. Two columns that could each be one count, told apart only by 累计 or a
note in brackets (脱贫户数 and 累计脱贫户数, 脱贫户数（当年） and 脱贫户数（计划）), are
refused: name the one to read with --exited-households-col etc. A note in brackets
(计划, 当年, 实际) is no unit: 万人 in 脱贫人数（当年，万人）. A column that holds a plan
(脱贫人数（计划）, 目标, 任务, 预计) is not read as the exits or additions unless
named by its flag. An empty addition is none, an empty exit is an error. Spans
must not overlap, and a year missing between two rows (2014, then 2016) is refused:
add its row, or say with --missing-years-zero that it had no exits and no
additions. Years before the first row or after the last are not asked for. A span labelled
as a sum (2014—2015年合计, 累计, 小计, or 合计 in the first column, 序号, beside
2014-2015年) beside rows of each of its years, above or below them, is their
subtotal: each count it gives is checked against their sum (a warning naming its
line and column where they differ, an error with --strict-totals), and it is left
out of the roll. A total row
(合计, 总计, 全县合计, in the year column or the first) is checked against the sum
of the years' rows, and left out of the roll; a subtotal (小计) is refused unless
--ignore-subtotals.

A registry counted in people only (the national roll is published in 万人) leaves
out --households and has no household columns: its output has no *_households keys and
no message speaks of households. A household column without --households is a usage
error; --households without an exited-households column is an error naming it.

Output keys: year, added_households, added_persons, exited_households, exited_persons,
remaining_households, remaining_persons, exit_rate_pct (people exited so far ÷ (people
registered + people added so far) × 100); with --population incidence_pct (remaining
people ÷ population × 100, 2 places unless --decimals); with --target needed_per_year_households and
needed_per_year_persons (what remains ÷ (target − the row's last year), rounded up to a
whole number: 601 people over 3 years is 201 a year; empty from the target year on). A
total row sums the additions and exits.

Warns when remaining people per household fall outside 1–10 (a typo, usually) and when
anyone remains at or after the target year. Holds every row in memory (rows are sorted
by year).

Examples:
   econcalc remaining testdata/demo/registry_roll.csv --households 593 --persons 1755 --target 2017 --adjust
   econcalc remaining testdata/demo/registry_roll.csv --households 593 --persons 1755 --adjust --population 50000 --format csv   # 50000 is illustrative
   econcalc remaining testdata/demo/registry_roll.csv --households 593 --persons 1755   # fails: 2017 is short 84 households, 243 people
   printf 'year,exited_persons\n2013,1650\n2014,1232\n2015,1442\n2016,1240\n2017,1289\n' | econcalc remaining - --persons 9899 --target 2020   # the national roll, 万人`

var (
	rollYearColumn             = input.Column{Key: "year", Aliases: []string{"年份", "年度", "年"}, Flag: "year-col"}
	rollExitedHouseholdsColumn = input.Column{Key: "exited_households", Aliases: []string{"脱贫户数", "脱贫户", "退出户数"}, Flag: "exited-households-col"}
	rollExitedPersonsColumn    = input.Column{Key: "exited_persons", Aliases: []string{"脱贫人数", "脱贫人口", "退出人数"}, Flag: "exited-persons-col"}
	rollAddedHouseholdsColumn  = input.Column{Key: "added_households", Aliases: []string{"新增户数", "新识别户数", "新增贫困户数"}, Flag: "added-households-col"}
	rollAddedPersonsColumn     = input.Column{Key: "added_persons", Aliases: []string{"新增人数", "新识别人数", "新增贫困人口"}, Flag: "added-persons-col"}
)

type remainingOptions struct {
	in       input.Options
	out      report.Options
	start    calc.Registry
	settings calc.RollSettings
	totals   totalsOptions
	cols     [5]string // overrides: year, exited households, exited persons, added households, added persons
	// missingYearsZero reads a year missing between two rows as one with no
	// exits and no additions, instead of refusing it.
	missingYearsZero bool
}

func remainingCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "remaining",
		Usage:       "roll a poverty registry forward: what remains after each year's exits, and what it takes to reach a target",
		UsageText:   "econcalc remaining --persons N [--households N] [options] [FILE...]",
		Description: remainingDescription,
		Flags: withIOFlags(append([]cli.Flag{
			&cli.StringFlag{Name: "households", Usage: "households registered at the start; leave it out for a registry counted in people only (no household columns)"},
			&cli.StringFlag{Name: "persons", Usage: "people registered at the start (required)"},
			&cli.StringFlag{Name: "population", Usage: "the area's rural registered population, for the incidence (贫困发生率)"},
			&cli.StringFlag{Name: "target", Usage: "the year by which everyone must be out: adds what must exit per year"},
			&cli.BoolFlag{Name: "adjust", Usage: "when exits exceed what remains, record the smallest additions that cover them instead of failing"},
			&cli.BoolFlag{Name: "missing-years-zero", Usage: "read a year missing between two rows as one with no exits and no additions, instead of refusing it"},
			&cli.StringFlag{Name: rollYearColumn.Flag, Usage: "name of the year column"},
			&cli.StringFlag{Name: rollExitedHouseholdsColumn.Flag, Usage: "name of the exited-households column"},
			&cli.StringFlag{Name: rollExitedPersonsColumn.Flag, Usage: "name of the exited-persons column"},
			&cli.StringFlag{Name: rollAddedHouseholdsColumn.Flag, Usage: "name of the added-households column"},
			&cli.StringFlag{Name: rollAddedPersonsColumn.Flag, Usage: "name of the added-persons column"},
		}, totalsFlags()...)...),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			opts := remainingOptions{in: in, out: out, totals: totalsFrom(c), missingYearsZero: c.Bool("missing-years-zero"),
				settings: calc.RollSettings{Adjust: c.Bool("adjust"), PersonsOnly: !c.IsSet("households")}}
			if c.String("persons") == "" {
				return usagef("--persons is required: the people registered at the start (建档立卡人数); --households too, unless the registry is counted in people only")
			}
			if !opts.settings.PersonsOnly {
				if opts.start.Households, err = registryCount(c, "households", false); err != nil {
					return err
				}
			}
			if opts.start.Persons, err = registryCount(c, "persons", false); err != nil {
				return err
			}
			if c.String("population") != "" {
				pop, err := registryCount(c, "population", true)
				if err != nil {
					return err
				}
				opts.settings.Population = calc.Some(pop)
			}
			if t := c.String("target"); t != "" {
				span, err := calc.ParseYearSpan(t)
				if err != nil || span.First != span.Last {
					return usagef("--target %q: write one year, such as 2017", t)
				}
				opts.settings.Target = span.First
			}
			for i, spec := range []input.Column{rollYearColumn, rollExitedHouseholdsColumn, rollExitedPersonsColumn,
				rollAddedHouseholdsColumn, rollAddedPersonsColumn} {
				opts.cols[i] = c.String(spec.Flag)
			}
			return runRemaining(e, opts)
		},
	}
}

// registryCount reads a count flag: a whole number, above zero when
// positive, else zero or more, written as reports write it (1755 or 1,755).
func registryCount(c *cli.Context, name string, positive bool) (decimal.Decimal, error) {
	s := c.String(name)
	d, ok, err := input.ParseNumber(s, false)
	switch {
	case err != nil:
		return d, usagef("--%s %q: %v", name, s, err)
	case positive && (!ok || !d.IsInteger() || d.Sign() <= 0):
		return d, usagef("--%s %q: write a whole number above zero", name, s)
	case !ok || !d.IsInteger() || d.Sign() < 0:
		return d, usagef("--%s %q: write a whole number, zero or more", name, s)
	}
	return d.Truncate(0), nil
}

// rollRow is one input row and where it was read.
type rollRow struct {
	flows calc.YearFlows
	file  string
	line  int
	order int // position in the input, to tell which of two rows came later
	// exitedCols names the row's exited households and exited persons
	// columns, for an error about the exits.
	exitedCols [2]string
	// summed is a label that says the row sums its span (2014—2015年合计):
	// beside the span's years it is their subtotal (spanSubtotals). Its
	// empty cells (blank, by rollRow.count's k) then report nothing; an
	// empty exit is an error (emptyExit) only where it is the span's row.
	summed    bool
	blank     [4]bool
	emptyExit error
}

func (r rollRow) where() string { return fmt.Sprintf("%s:%d", r.file, r.line) }

func runRemaining(e *env, opts remainingOptions) error {
	rows, err := readRollRows(e, &opts)
	if err != nil {
		return err
	}
	flows := make([]calc.YearFlows, len(rows))
	for i, r := range rows {
		flows[i] = r.flows
	}
	rolled, err := calc.RollRegistry(opts.start, flows, opts.settings)
	var short *calc.ShortfallError
	if errors.As(err, &short) {
		r := rows[short.Row]
		column := r.exitedCols[1]
		if short.Shortfall.Households.Sign() > 0 {
			column = r.exitedCols[0]
		}
		record := "added_households/added_persons (新增户数/新增人数)"
		if opts.settings.PersonsOnly {
			record = "added_persons (新增人数)"
		}
		return &input.DataError{File: r.file, Line: r.line, Column: column,
			Msg: err.Error() + "; record the additions in " + record + ", or rerun with --adjust"}
	}
	if err != nil {
		return err
	}
	warnRoll(e, opts, rows, rolled)
	s := opts.settings
	cols := remainingColumns(s)
	rep := opts.out.NewReport(cols)
	var added, exited calc.Registry
	for _, r := range rolled {
		added, exited = s.Trimmed(added.Add(r.Added)), s.Trimmed(exited.Add(r.Exited))
		cells := []report.Cell{report.TextCell(r.Years.String())}
		for _, reg := range []calc.Registry{r.Added, r.Exited, r.Remaining} {
			cells = append(cells, counted(s, report.NumCell(reg.Households), report.NumCell(reg.Persons))...)
		}
		cells = append(cells, report.MaybeCell(r.ExitRatePct))
		if s.Population.OK { // remaining ÷ population, divided once as printed: 2 places unless --decimals
			cells = append(cells, report.PercentCell(r.Remaining.Persons, s.Population.V))
		}
		if s.Target != 0 {
			cells = append(cells, counted(s, report.MaybeCell(r.NeededHouseholds), report.MaybeCell(r.NeededPersons))...)
		}
		rep.Add(cells...)
	}
	total := []report.Cell{report.TotalLabel()}
	total = append(total, counted(s, report.NumCell(added.Households), report.NumCell(added.Persons))...)
	total = append(total, counted(s, report.NumCell(exited.Households), report.NumCell(exited.Persons))...)
	rep.AddTotal(append(total, make([]report.Cell, len(cols)-len(total))...)...)
	return rep.Finish(e.stdout)
}

// counted is the household and the person figure of a pair of columns, or
// the person figure alone in a roll counted in people only: the columns and
// cells of each row are laid out by it alike.
func counted[T any](s calc.RollSettings, households, persons T) []T {
	if s.PersonsOnly {
		return []T{persons}
	}
	return []T{households, persons}
}

func remainingColumns(s calc.RollSettings) []report.Column {
	cols := []report.Column{{Key: "year", En: "year", Zh: "年份", Kind: report.TextKind}}
	cols = append(cols, counted(s,
		report.Column{Key: "added_households", En: "added households", Zh: "新增户数", Kind: report.ExactKind},
		report.Column{Key: "added_persons", En: "added persons", Zh: "新增人数", Kind: report.ExactKind})...)
	cols = append(cols, counted(s,
		report.Column{Key: "exited_households", En: "exited households", Zh: "脱贫户数", Kind: report.ExactKind},
		report.Column{Key: "exited_persons", En: "exited persons", Zh: "脱贫人数", Kind: report.ExactKind})...)
	cols = append(cols, counted(s,
		report.Column{Key: "remaining_households", En: "remaining households", Zh: "剩余户数", Kind: report.ExactKind},
		report.Column{Key: "remaining_persons", En: "remaining persons", Zh: "剩余人数", Kind: report.ExactKind})...)
	cols = append(cols, report.Column{Key: "exit_rate_pct", En: "exit rate %", Zh: "累计脱贫率%", Kind: report.PercentKind})
	if s.Population.OK {
		// Incidence prints 2 places unless --decimals, as poverty's does.
		cols = append(cols, report.Column{Key: "incidence_pct", En: "incidence %", Zh: "贫困发生率%", Kind: report.PercentKind, Places: 2})
	}
	if s.Target != 0 {
		cols = append(cols, counted(s,
			// Whole numbers, rounded up in calc: --value-decimals does not apply.
			report.Column{Key: "needed_per_year_households", En: "needed/yr households", Zh: "年均需脱贫户数", Kind: report.ExactKind},
			report.Column{Key: "needed_per_year_persons", En: "needed/yr persons", Zh: "年均需脱贫人数", Kind: report.ExactKind})...)
	}
	return cols
}

// warnRoll marks additions --adjust made, household sizes that point at a
// typo (none in a registry counted in people only), and anyone left at or
// after the target year.
func warnRoll(e *env, opts remainingOptions, rows []rollRow, rolled []calc.RollRow) {
	personsOnly := opts.settings.PersonsOnly
	if !personsOnly && opts.start.ImplausibleHouseholdSize() {
		e.warnf("--households %s --persons %s: people per household outside 1–10; a typo?", opts.start.Households, opts.start.Persons)
	}
	for i, r := range rolled {
		where := rows[i].where()
		if !r.Adjustment.IsZero() {
			e.warnf("%s: %s: --adjust added %s, the least that covers the exits",
				where, r.Years, r.Adjustment.Describe(personsOnly))
		}
		if !personsOnly && r.Remaining.ImplausibleHouseholdSize() {
			e.warnf("%s: %s: %s people remain in %s households, outside 1–10 per household; a typo?",
				where, r.Years, r.Remaining.Persons, r.Remaining.Households)
		}
		if t := opts.settings.Target; t != 0 && r.Years.Last >= t && !r.Remaining.IsZero() {
			e.warnf("%s: %s: %s remain, but the target was %d",
				where, r.Years, r.Remaining.Describe(personsOnly), t)
		}
	}
}
