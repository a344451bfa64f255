package main

import (
	"fmt"
	"sort"
	"strings"

	"econcalc/calc"
	"github.com/shopspring/decimal"
	"github.com/urfave/cli/v2"
)

const povertyDescription = `Remaining poverty from a registry of households (建档立卡户): which households are
still below the line, and per village the poor households and people, the incidence
(贫困发生率), the gap and severity indices (FGT1, FGT2, each household weighted by its
members) and whether the village passes the exit threshold.

Subsidies and loans are not income (不搞把补贴、贷款算成收入): by default every column
whose header contains subsidy, loan, 补贴, 补助, 贷款 or 借款 is excluded; --exclude names
the excluded columns instead. lifted_by_excluded counts the households that are poor
on counted income but would clear the line if the excluded components were counted.
One stderr line says which columns were counted and which excluded.

A household is poor when counted income ÷ members is strictly below --line (at the
line is not poor). Incidence = poor people ÷ people × 100; the people are the
registry's, or with --population each village's whole rural registered population
(people outside the registry are not poor). exit_ok compares the exact incidence
with --exit-threshold. Everything is exact; rounding happens only when printing.

Columns: household_id (户编号, 户号, 户主), village (村, 村名, 行政村), members (家庭人口,
人口, 人数) and income components: every other column, or those named by --income (the
rest, unless excluded, is then ignored and listed on stderr). An empty component cell
is 0; a row with every counted component empty is an error. --population FILE:
village (村, 村名, 行政村) and population (户籍人口, 农业人口, 乡村人口, 人口).

Output keys (per village, sorted by name, and a total row): village, households,
persons, population (with --population), poor_households, poor_persons,
incidence_pct, gap_pct, severity_pct, mean_income, lifted_by_excluded, exit_ok.
With --households, one row per household in input order: household_id, village,
members, income, excluded, per_capita, gap_pct, status, lifted_by_excluded.

The summary streams: it keeps running sums per village, never the rows, and on plain
files (UTF-8 or GB18030, no quoted fields) catches duplicate ids in a 16 MiB filter, so
memory stays flat.

Examples:
   econcalc poverty testdata/demo/households.csv --line 3335
   econcalc poverty testdata/demo/households.csv --line 3335 --population testdata/demo/village_population.csv
   econcalc poverty testdata/demo/households.csv --line 3335 --households --poor-only --format csv`

type povertyOptions struct {
	in                            inputOptions
	out                           outputOptions
	idCol, villageCol, membersCol string
	populationCol, populationFile string
	incomeCols, excludeCols       []string
	line, threshold               decimal.Decimal
	households, poorOnly          bool
}

func povertyCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "poverty",
		Usage:       "remaining poor households, incidence (贫困发生率) and exit check by village, excluding subsidies and loans",
		UsageText:   "econcalc poverty --line AMOUNT [options] [FILE...]",
		Description: povertyDescription,
		Flags: withIOFlags(
			&cli.StringFlag{Name: "line", Usage: "per-capita annual income line in yuan (required; e.g. 3335, a 2017 provincial exit line)"},
			&cli.StringFlag{Name: "exit-threshold", Value: "2", Usage: "exit threshold for incidence, percent (2 central and east, 3 west)"},
			&cli.StringFlag{Name: "population", Usage: "CSV of village and whole rural registered population, the incidence denominator"},
			&cli.StringSliceFlag{Name: "income", Usage: "counted income columns (repeatable or comma-separated; default every other column)"},
			&cli.StringSliceFlag{Name: "exclude", Usage: "components that are not income (default: headers containing subsidy, loan, 补贴, 补助, 贷款, 借款)"},
			&cli.BoolFlag{Name: "households", Usage: "one row per household instead of per village"},
			&cli.BoolFlag{Name: "poor-only", Usage: "with --households, only the poor households"},
			&cli.StringFlag{Name: "id-col", Usage: "name of the household id column"},
			&cli.StringFlag{Name: "village-col", Usage: "name of the village column"},
			&cli.StringFlag{Name: "members-col", Usage: "name of the household members column"},
			&cli.StringFlag{Name: "population-col", Usage: "name of the population column of the --population file"},
		),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			opts := povertyOptions{in: in, out: out,
				idCol: c.String("id-col"), villageCol: c.String("village-col"), membersCol: c.String("members-col"),
				populationCol: c.String("population-col"), populationFile: c.String("population"),
				incomeCols: splitNames(c.StringSlice("income")), excludeCols: splitNames(c.StringSlice("exclude")),
				households: c.Bool("households"), poorOnly: c.Bool("poor-only")}
			if opts.line, err = positiveFlag(c, "line", false); err != nil {
				return err
			}
			if opts.threshold, err = positiveFlag(c, "exit-threshold", true); err != nil {
				return err
			}
			if opts.poorOnly && !opts.households {
				return usagef("--poor-only filters the --households rows; add --households")
			}
			if opts.households && opts.populationFile != "" {
				return usagef("--population sets the village denominator; it does not apply to --households")
			}
			return runPoverty(e, opts)
		},
	}
}

// positiveFlag reads a flag holding a positive number.
func positiveFlag(c *cli.Context, name string, percent bool) (decimal.Decimal, error) {
	s := c.String(name)
	if s == "" {
		return decimal.Decimal{}, usagef("--%s is required: lines differ by year and province, e.g. --line 3335", name)
	}
	d, ok, err := parseNumber(s, percent)
	if err != nil || !ok || d.Sign() <= 0 {
		return decimal.Decimal{}, usagef("--%s %q: use a positive number", name, s)
	}
	return d, nil
}

// maxNegativeWarnings bounds the per-household warnings; the rest are counted.
const maxNegativeWarnings = 5

func runPoverty(e *env, opts povertyOptions) error {
	in, spooled, err := openSpooled(opts.in, e.stdin)
	if err != nil {
		return err
	}
	opts.in = spooled
	defer in.Close()
	cols, ignored, err := findHouseholdColumns(in, opts)
	if err != nil {
		return err
	}
	e.notef("%s", cols.describe(in.header, ignored))
	for _, i := range cols.counted {
		if looksExcluded(in.header[i]) { // possible only when --income or --exclude named the columns
			e.warnf("column %q is counted as income but looks like a subsidy or loan", in.header[i])
		}
	}

	if !opts.households {
		villages, rows, ok, err := povertySummaryFast(e, opts, in, cols)
		if err != nil {
			return err
		}
		if ok {
			return writeVillages(e, opts, villages, rows)
		}
	}
	var rep *report
	if opts.households {
		fastRep, ok, err := povertyHouseholdsFast(e, opts, in, cols)
		if err != nil {
			return err
		}
		if ok {
			return fastRep.finish(e.stdout)
		}
		rep = opts.out.newReport(householdColumnsOut)
	}
	villages := map[string]*calc.Tally{}
	seen := map[string]place{}
	negatives := 0
	err = in.each(func(rec *record) error {
		id := strings.TrimSpace(rec.fields[cols.id])
		village := strings.TrimSpace(rec.fields[cols.village])
		if id == "" {
			return rec.errorf(cols.id, "empty household id")
		}
		if village == "" {
			return rec.errorf(cols.village, "empty village name")
		}
		if first, dup := seen[id]; dup {
			return rec.errorf(cols.id, "duplicate household %q: already at %s", id, first)
		}
		// Fields are substrings of the whole row: clone what is kept, or the map keeps every row.
		seen[strings.Clone(id)] = place{rec.file, rec.line}
		h, err := cols.read(rec)
		if err != nil {
			return err
		}
		if h.Counted.Sign() < 0 {
			if negatives++; negatives <= maxNegativeWarnings {
				e.warnf("%s:%d: household %q: counted income %s is negative", rec.file, rec.line, id, exactString(h.Counted))
			}
		}
		if opts.households {
			if !opts.poorOnly || h.Poor(opts.line) {
				rep.add(householdCells(id, village, h, opts.line)...)
			}
			return nil
		}
		t := villages[village]
		if t == nil {
			t = &calc.Tally{}
			villages[strings.Clone(village)] = t
		}
		t.Add(h, opts.line)
		return nil
	})
	if err != nil {
		return err
	}
	if negatives > maxNegativeWarnings {
		e.warnf("%d more households have negative counted income", negatives-maxNegativeWarnings)
	}
	if opts.households {
		return rep.finish(e.stdout)
	}
	return writeVillages(e, opts, villages, in.Rows())
}

var householdColumnsOut = []column{
	{key: "household_id", en: "household", zh: "户编号", kind: textKind},
	{key: "village", en: "village", zh: "村", kind: textKind},
	{key: "members", en: "members", zh: "家庭人口", kind: exactKind},
	{key: "income", en: "income", zh: "计入收入", kind: exactKind},
	{key: "excluded", en: "excluded", zh: "不计收入", kind: exactKind},
	{key: "per_capita", en: "per capita", zh: "人均收入", kind: amountKind},
	{key: "gap_pct", en: "gap %", zh: "差距%", kind: percentKind},
	{key: "status", en: "status", zh: "状态", kind: textKind},
	{key: "lifted_by_excluded", en: "lifted by excluded", zh: "靠补贴贷款达线", kind: textKind},
}

func householdCells(id, village string, h calc.Household, line decimal.Decimal) []cell {
	gap, poor := h.GapPct(line)
	status := "not-poor"
	if poor {
		status = "poor"
	}
	return []cell{textCell(id), textCell(village), numCell(decimal.NewFromInt(h.Members)),
		numCell(h.Counted), numCell(h.Excluded), numCell(h.PerCapita()),
		maybeCell(calc.Maybe{V: gap, OK: poor}), textCell(status), yesNo(h.LiftedByExcluded(line))}
}

func villageColumnsOut(withPopulation bool) []column {
	cols := []column{
		{key: "village", en: "village", zh: "村", kind: textKind},
		{key: "households", en: "households", zh: "户数", kind: exactKind},
		{key: "persons", en: "persons", zh: "人数", kind: exactKind},
	}
	if withPopulation {
		cols = append(cols, column{key: "population", en: "population", zh: "户籍人口", kind: exactKind})
	}
	return append(cols,
		column{key: "poor_households", en: "poor households", zh: "贫困户数", kind: exactKind},
		column{key: "poor_persons", en: "poor persons", zh: "贫困人口", kind: exactKind},
		column{key: "incidence_pct", en: "incidence %", zh: "贫困发生率%", kind: percentKind},
		column{key: "gap_pct", en: "gap %", zh: "贫困距指数%", kind: percentKind},
		column{key: "severity_pct", en: "severity %", zh: "贫困强度指数%", kind: percentKind},
		column{key: "mean_income", en: "mean income", zh: "人均收入", kind: amountKind},
		column{key: "lifted_by_excluded", en: "lifted by excluded", zh: "靠补贴贷款达线户", kind: exactKind},
		column{key: "exit_ok", en: "exit ok", zh: "可退出", kind: textKind},
	)
}

// parallelVillages is the number of villages from which their rows are laid
// out in parallel: a village's figures take some 10 µs (a variable so that
// tests use it on small inputs).
var parallelVillages = 1000

// writeVillages prints one row per village, sorted by name in byte order,
// and the total. With --population every village of the population file
// appears, those without registry households among them.
func writeVillages(e *env, opts povertyOptions, villages map[string]*calc.Tally, rows int) error {
	withPopulation := opts.populationFile != ""
	var pops map[string]villagePopulation
	if withPopulation {
		var err error
		if pops, err = readPopulation(e, opts); err != nil {
			return err
		}
		if err := checkPopulation(opts, villages, pops); err != nil {
			return err
		}
		for name := range pops {
			if villages[name] == nil {
				villages[name] = &calc.Tally{}
			}
		}
	}
	names := make([]string, 0, len(villages))
	for name := range villages {
		names = append(names, name)
	}
	sort.Strings(names)
	rep := opts.out.newReport(villageColumnsOut(withPopulation))
	inParallel(rep, len(names), parallelVillages, func(fork *report, from, to int) {
		for _, name := range names[from:to] {
			t := villages[name]
			denominator := t.Persons
			if withPopulation {
				denominator = pops[name].people
			}
			exit := yesNo(calc.PassesExit(t.PoorPersons, denominator, opts.threshold))
			fork.add(villageCells(textCell(name), t, denominator, withPopulation, opts.line, exit)...)
		}
	})
	var total calc.Tally
	var totalPopulation int64
	for _, name := range names {
		total.Merge(villages[name])
		totalPopulation += pops[name].people
	}
	if !withPopulation {
		totalPopulation = total.Persons
	}
	if err := reconcile("poverty summary", rows, int(total.Households)); err != nil {
		return err
	}
	rep.addTotal(villageCells(totalLabel(), &total, totalPopulation, withPopulation, opts.line, cell{})...)
	return rep.finish(e.stdout)
}

// checkPopulation insists that every registry village has a population, and
// one no smaller than registry households' people.
func checkPopulation(opts povertyOptions, villages map[string]*calc.Tally, pops map[string]villagePopulation) error {
	names := make([]string, 0, len(villages))
	for name := range villages {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p, ok := pops[name]
		if !ok {
			return &dataError{file: opts.populationFile,
				msg: fmt.Sprintf("no population for village %q, which has households in the registry", name)}
		}
		if persons := villages[name].Persons; p.people < persons {
			return &dataError{file: p.at.file, line: p.at.line, column: p.column,
				msg: fmt.Sprintf("village %q: population %d is smaller than the %d people of its registry households", name, p.people, persons)}
		}
	}
	return nil
}

func villageCells(name cell, t *calc.Tally, denominator int64, withPopulation bool, line decimal.Decimal, exit cell) []cell {
	cells := []cell{name, intCell64(t.Households), intCell64(t.Persons)}
	if withPopulation {
		cells = append(cells, intCell64(denominator))
	}
	severity, sevOK := t.SeverityIndex(line, denominator)
	return append(cells, intCell64(t.PoorHouseholds), intCell64(t.PoorPersons),
		percentCell(decimal.NewFromInt(t.PoorPersons), decimal.NewFromInt(denominator)),
		percentCell(t.GapIndexRatio(line, denominator)),
		maybeCell(calc.Maybe{V: severity, OK: sevOK}), percentCell(t.MeanIncomeRatio()),
		intCell64(t.Lifted), exit)
}

func intCell64(n int64) cell { return numCell(decimal.NewFromInt(n)) }
