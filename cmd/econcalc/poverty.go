package main

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

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
人口, 人数); every other column has a role by its header, or by flag:
  counted    headers containing 收入, 工资, 经营, 财产, 转移, 养老金, income, wage, salary,
             business, property, transfer, pension (or named by --income: the rest,
             unless excluded, is then ignored);
  excluded   see above (or --exclude);
  ignored    identifiers and attributes: 序号, 编号, 代码, 电话, 手机, 身份证, 证件, 年份,
             年度, 组, 户主, 姓名, 备注, and the words id, no, phone, year, name, note
             (or --ignore);
  any other column is an error that names it.
An amount per person (a header with 人均 or per capita, or --per-capita-col) counts
members times: 人均纯收入 4000 in a household of 3 is 12000. Counted income per person
in one column and per household in another is an error. An empty component cell is 0;
a row with every counted component empty is an error. --population FILE: village (村,
村名, 行政村) and population (户籍人口, 农业人口, 乡村人口, 人口).

Output keys (per village, in the order the registry first lists them, and a
total row): village, households, persons, population (with --population),
poor_households, poor_persons, incidence_pct, gap_pct, severity_pct,
mean_income, lifted_by_excluded, exit_ok.
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
	in                            input.Options
	out                           report.Options
	idCol, villageCol, membersCol string
	populationCol, populationFile string
	incomeCols, excludeCols       []string
	ignoreCols, perCapitaCols     []string
	line, threshold               decimal.Decimal
	households, poorOnly          bool
	totals                        totalsOptions
}

func povertyCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "poverty",
		Usage:       "remaining poor households, incidence (贫困发生率) and exit check by village, excluding subsidies and loans",
		UsageText:   "econcalc poverty --line AMOUNT [options] [FILE...]",
		Description: povertyDescription,
		Flags: withIOFlags(append([]cli.Flag{
			&cli.StringFlag{Name: "line", Usage: "per-capita annual income line in yuan (required; e.g. 3335, a 2017 provincial exit line)"},
			&cli.StringFlag{Name: "exit-threshold", Value: "2", Usage: "exit threshold for incidence, percent (2 central and east, 3 west)"},
			&cli.StringFlag{Name: "population", Usage: "CSV of village and whole rural registered population, the incidence denominator"},
			&cli.StringSliceFlag{Name: "income", Usage: "counted income columns (repeatable or comma-separated; default: by header, see below)"},
			&cli.StringSliceFlag{Name: "exclude", Usage: "components that are not income (default: headers containing subsidy, loan, 补贴, 补助, 贷款, 借款)"},
			&cli.StringSliceFlag{Name: "ignore", Usage: "columns that are neither income nor excluded (row numbers, phones, notes)"},
			&cli.StringSliceFlag{Name: "per-capita-col", Usage: "counted income columns that are per person (人均): a household's is the amount × members"},
			&cli.BoolFlag{Name: "households", Usage: "one row per household instead of per village"},
			&cli.BoolFlag{Name: "poor-only", Usage: "with --households, only the poor households"},
			&cli.StringFlag{Name: "id-col", Usage: "name of the household id column"},
			&cli.StringFlag{Name: "village-col", Usage: "name of the village column"},
			&cli.StringFlag{Name: "members-col", Usage: "name of the household members column"},
			&cli.StringFlag{Name: "population-col", Usage: "name of the population column of the --population file"},
		}, totalsFlags()...)...),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			opts := povertyOptions{in: in, out: out,
				idCol: c.String("id-col"), villageCol: c.String("village-col"), membersCol: c.String("members-col"),
				populationCol: c.String("population-col"), populationFile: c.String("population"),
				incomeCols: input.SplitNames(c.StringSlice("income")), excludeCols: input.SplitNames(c.StringSlice("exclude")),
				ignoreCols: input.SplitNames(c.StringSlice("ignore")), perCapitaCols: input.SplitNames(c.StringSlice("per-capita-col")),
				households: c.Bool("households"), poorOnly: c.Bool("poor-only"), totals: totalsFrom(c)}
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

// positiveFlag reads a flag holding a positive number; a percentage (percent)
// is at most 100.
func positiveFlag(c *cli.Context, name string, percent bool) (decimal.Decimal, error) {
	s := c.String(name)
	if s == "" {
		return decimal.Decimal{}, usagef("--%s is required: lines differ by year and province, e.g. --line 3335", name)
	}
	d, ok, err := input.ParseNumber(s, percent)
	switch {
	case err != nil || !ok || d.Sign() <= 0:
		return decimal.Decimal{}, usagef("--%s %q: use a positive number", name, s)
	case percent && d.Cmp(decimal.NewFromInt(100)) > 0:
		// An incidence never exceeds 100%: a higher threshold passes every
		// village, and is a slip (20 for 2, or a count for a percentage).
		return decimal.Decimal{}, usagef("--%s %q: use a percentage above 0 and at most 100", name, s)
	}
	return d, nil
}

// maxNegativeWarnings bounds the per-household warnings; the rest are counted.
const maxNegativeWarnings = 5

func runPoverty(e *env, opts povertyOptions) error {
	in, err := input.Open(opts.in, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	cols, err := findHouseholdColumns(in, opts)
	if err != nil {
		return err
	}
	e.notef("%s", cols.describe(in.Header))
	incomes := append(append([]int{}, cols.counted...), cols.excluded...)
	noteUnits(e, in, incomes, cols.shifts(incomes), "元")
	for _, i := range cols.counted {
		if looksExcluded(in.Header[i]) { // possible only when --income or --exclude named the columns
			e.warnf("column %q is counted as income but looks like a subsidy or loan", in.Header[i])
		}
	}
	var rep *report.Report
	var places [2]int32
	if opts.households {
		places = headPlaces(in, &cols)
		rep = householdReport(opts.out, places, opts.line)
	}
	in.Unique(cols.id, "household")
	opts.totals.numbering = numberingColumn(in, cols.id, cols.village)
	reg := &registryReader{opts: opts, cols: cols, line: calc.NewLine(opts.line), rep: rep, checked: cols.totalChecked(),
		first: firstColumnBeside(cols.id, cols.village)}
	add := reg.adder(in)
	read, err := input.Fold(in, reg.newPart, add, reg.merge)
	if err == nil && opts.households && read.places != places {
		// A row below the first ones has more places: lay the listing out again.
		reg.rep = householdReport(opts.out, read.places, opts.line)
		rep = reg.rep
		read, err = input.Fold(in, reg.newPart, add, reg.merge)
	}
	read.warn(e, err == nil) // the rows read before an error too
	if err != nil {
		return err
	}
	var villages []village
	if !opts.households || len(read.reported) > 0 {
		villages = sortVillages(read.parts)
	}
	var sums villageSums
	if len(read.reported) > 0 {
		sums = villageSumsOf(villages)
	}
	if err := reg.checkTotals(e, in, read, sums); err != nil {
		return err
	}
	if opts.households {
		return rep.Finish(e.stdout)
	}
	return writeVillages(e, opts, villages, in.Rows()-len(read.reported)-read.subtotals)
}

func villageColumnsOut(withPopulation bool, threshold decimal.Decimal) []report.Column {
	cols := []report.Column{
		{Key: "village", En: "village", Zh: "村", Kind: report.TextKind},
		{Key: "households", En: "households", Zh: "户数", Kind: report.ExactKind},
		{Key: "persons", En: "persons", Zh: "人数", Kind: report.ExactKind},
	}
	if withPopulation {
		cols = append(cols, report.Column{Key: "population", En: "population", Zh: "户籍人口", Kind: report.ExactKind})
	}
	return append(cols,
		report.Column{Key: "poor_households", En: "poor households", Zh: "贫困户数", Kind: report.ExactKind},
		report.Column{Key: "poor_persons", En: "poor persons", Zh: "贫困人口", Kind: report.ExactKind},
		// Exit is judged on incidence: 2 places by default, so that 2.04 is
		// not shown as 2.0 beside exit_ok no, and more where 1.999 would
		// show as 2.00 beside exit_ok yes.
		report.Column{Key: "incidence_pct", En: "incidence %", Zh: "贫困发生率%", Kind: report.PercentKind, Places: 2,
			Judged: true, Threshold: calc.DecimalNum(threshold)},
		report.Column{Key: "gap_pct", En: "gap %", Zh: "贫困距指数%", Kind: report.PercentKind},
		report.Column{Key: "severity_pct", En: "severity %", Zh: "贫困强度指数%", Kind: report.PercentKind},
		report.Column{Key: "mean_income", En: "mean income", Zh: "人均收入", Kind: report.AmountKind},
		report.Column{Key: "lifted_by_excluded", En: "lifted by excluded", Zh: "靠补贴贷款达线户", Kind: report.ExactKind},
		report.Column{Key: "exit_ok", En: "exit ok", Zh: "可退出", Kind: report.TextKind},
	)
}

// parallelVillages is the number of villages from which their rows are laid
// out in parallel (a variable so that tests use it on small inputs).
var parallelVillages = 1000

// writeVillages prints one row per village, in the order the registry
// first lists them, and the total. With --population every village of the population file
// appears, those without registry households among them. Each village's
// figures are formed from its sums in integers, without a decimal, so that
// a million villages print in about a second.
func writeVillages(e *env, opts povertyOptions, villages []village, rows int) error {
	withPopulation := opts.populationFile != ""
	if withPopulation {
		pops, err := readPopulation(e, opts)
		if err != nil {
			return err
		}
		if err := findPopulations(opts, villages, pops); err != nil {
			return err
		}
		if len(pops) > len(villages) { // some villages have no registry households
			none := &calc.RegistryTally{} // only read: mergeVillages merges b into a
			all := make([]village, 0, len(pops))
			for name, p := range pops {
				all = append(all, village{name, none, p.people, onlyInPopulation + int64(p.at.line)})
			}
			villages = mergeVillages(villages, sortByName(all))
		}
	}
	// Villages come out in the order the registry first lists them, as a
	// bureau's table follows administrative order (--sort for another).
	slices.SortFunc(villages, func(a, b village) int { return cmp.Compare(a.first, b.first) })
	cols := villageColumnsOut(withPopulation, opts.threshold)
	rep := opts.out.NewReport(cols)
	line := calc.NewLine(opts.line)
	report.InParallel(rep, len(villages), parallelVillages, func(fork *report.Report, from, to int) {
		out := make([]report.Rendered, len(cols))
		for _, v := range villages[from:to] {
			denominator := v.tally.Counts().Persons
			if withPopulation {
				denominator = v.people
			}
			r := v.tally.Ratios(line, denominator)
			exit := fork.Word("no")
			if calc.PassesExit(r.PoorPersons, denominator, opts.threshold) {
				exit = fork.Word("yes")
			}
			villageRow(out, fork, report.Rendered{S: v.name}, &r, denominator, withPopulation, exit)
			fork.Row(out)
		}
	})
	var total calc.RegistryTally
	var totalPopulation int64
	for _, v := range villages {
		total.Merge(v.tally)
		totalPopulation += v.people
	}
	counts := total.Counts()
	if !withPopulation {
		totalPopulation = counts.Persons
	}
	if err := reconcile("poverty summary", rows, int(counts.Households)); err != nil {
		return err
	}
	if !opts.out.NoTotal {
		r, out := total.Ratios(line, totalPopulation), make([]report.Rendered, len(cols))
		villageRow(out, rep, rep.Render(cols[0], report.TotalLabel()), &r, totalPopulation, withPopulation, report.Rendered{IsNull: true})
		rep.Row(out)
	}
	return rep.Finish(e.stdout)
}

// findPopulations gives every registry village its population, insisting
// that it has one, no smaller than its registry households' people. The
// villages are looked up a piece per core; the error is the first
// village's in order.
func findPopulations(opts povertyOptions, villages []village, pops map[string]villagePopulation) error {
	errs := make([]error, runtime.GOMAXPROCS(0))
	input.InParts(len(villages), len(errs), func(k, from, to int) {
		for i := from; i < to && errs[k] == nil; i++ {
			v := &villages[i]
			p, ok := pops[v.name]
			persons := v.tally.Counts().Persons
			switch {
			case !ok:
				errs[k] = &input.DataError{File: opts.populationFile,
					Msg: fmt.Sprintf("no population for village %q, which has households in the registry", v.name)}
			case p.people < persons:
				errs[k] = &input.DataError{File: p.at.file, Line: p.at.line, Column: p.column,
					Msg: fmt.Sprintf("village %q: population %d is smaller than the %d people of its registry households", v.name, p.people, persons)}
			}
			v.people = p.people
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// villageRow renders a village's figures, or the total's, into out in the
// order of villageColumnsOut, each ratio divided once, here.
func villageRow(out []report.Rendered, rep *report.Report, name report.Rendered, r *calc.Ratios, denominator int64, withPopulation bool, exit report.Rendered) {
	count := func(i int, n int64) report.Rendered { return rep.RenderAmount(i, calc.IntNum(n)) }
	out[0], out[1], out[2] = name, count(1, r.Households), count(2, r.Persons)
	i := 3
	if withPopulation {
		out[i] = count(i, denominator)
		i++
	}
	out[i], out[i+1] = count(i, r.PoorHouseholds), count(i+1, r.PoorPersons)
	out[i+2] = rep.RenderQuotient(i+2, calc.IntNum(r.PoorPersons), calc.IntNum(denominator))
	out[i+3] = rep.RenderQuotient(i+3, r.Shortfall, r.Need)
	out[i+4] = rep.RenderQuotient(i+4, r.Squares, r.SquaresDen)
	out[i+5] = rep.RenderQuotient(i+5, r.Income, r.People)
	out[i+6], out[i+7] = count(i+6, r.Lifted), exit
}
