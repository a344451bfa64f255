package main

import (
	"fmt"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
	"github.com/urfave/cli/v2"
)

const dividendDescription = `Splits a pool of money — a company's yearly dividend to the households it signed, a
village photovoltaic station's revenue, a cooperative's profit — across households, exactly
to the fen: the amounts always sum to the pool, and no household is a unit or more away
from its exact share.

Allocation is by largest remainder: each household first gets its exact share rounded
down to the unit; the units left over go one each to the largest remainders, ties to the
earlier household in the input.

Households: household_id (户编号, 户号, 户主), an optional group column (--group-col, e.g.
village or 村) and a weight: --by equal (default), members (家庭人口, 人口, 人数), or a
column name. Weights must be ≥ 0, and not all zero.

The pool: --pool AMOUNT for one pool over every household, or --pools FILE with the group
and either pool (金额, 分红总额) or kwh (发电量) and tariff (电价): the pool is kwh × tariff
(--village-col, --pool-col, --kwh-col, --tariff-col name the file's columns).
Each group then splits its own pool; a group without a pool, or a pool without
households, is an error. --retain PCT keeps that share of each pool for the collective
(public-welfare jobs and small works, as photovoltaic rules require), rounded down to the
unit so that rounding never takes from the households. --unit (default 0.01, the fen; 1
for whole yuan): a pool to split must be a whole number of units.

Output keys: household_id, group (with --group-col), weight, share_pct (of its pool's
weight), amount, in input order; then a total row per group and an overall total.
--share-rounding largest-remainder: a pool's households' share_pct add to exactly 100 as
printed (33 equal households: ten of 3.1 and 23 of 3.0, not 33 of 3.0); with one --pool
over groups, a group's total row is the sum of its households' share_pct as printed, so
the groups' add to 100 too.
--summary: group, households, pool, retained, distributed, mean, min, max.

Examples:
   econcalc dividend testdata/demo/signed_households.csv --pool 100000
   econcalc dividend testdata/demo/pv_households.csv --group-col 村 --pools testdata/demo/pv_pools.csv --retain 20 --by members
   econcalc dividend testdata/demo/pv_households.csv --group-col 村 --pools testdata/demo/pv_pools.csv --retain 20 --summary`

var (
	poolColumn   = input.Column{Key: "pool", Aliases: []string{"金额", "分红总额", "amount"}, Flag: "pool-col"}
	kwhColumn    = input.Column{Key: "kwh", Aliases: []string{"发电量", "电量"}, Flag: "kwh-col"}
	tariffColumn = input.Column{Key: "tariff", Aliases: []string{"电价"}, Flag: "tariff-col"}
)

type dividendOptions struct {
	in                input.Options
	out               report.Options
	pool              decimal.Decimal
	poolGiven         bool
	poolsFile         string
	poolsCols         poolsColumns // --village-col, --pool-col, --kwh-col, --tariff-col: the --pools file's
	groupCol, by      string
	idCol, membersCol string
	retain, unit      decimal.Decimal
	places            int32 // decimals of the unit
	summary           bool
	totals            totalsOptions
	shares            report.ShareRounding // of share_pct
	// weightsAt locates the weights, once read (the first household file
	// and the weight column), for an error about all of them.
	weightsAt input.DataError
}

func dividendCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "dividend",
		Usage:       "split a pool across households exactly to the fen (largest remainder)",
		UsageText:   "econcalc dividend (--pool AMOUNT | --pools FILE --group-col NAME) [options] [FILE...]",
		Description: dividendDescription,
		Flags: withIOFlags(append([]cli.Flag{
			&cli.StringFlag{Name: "pool", Usage: "one pool over every household, in yuan"},
			&cli.StringFlag{Name: "pools", Usage: "CSV of group and pool, or group, kwh and tariff: one pool per group"},
			&cli.StringFlag{Name: "group-col", Usage: "the household column that names each household's group (village, 村)"},
			&cli.StringFlag{Name: "retain", Value: "0", Usage: "percent of each pool the collective keeps before the split"},
			&cli.StringFlag{Name: "by", Value: "equal", Usage: "the weights: equal, members, or a column name"},
			&cli.StringFlag{Name: "unit", Value: "0.01", Usage: "the smallest amount paid: 0.01 (the fen) or 1 (whole yuan)"},
			&cli.BoolFlag{Name: "summary", Usage: "one row per group: households, pool, retained, distributed, mean, min, max"},
			&cli.StringFlag{Name: "id-col", Usage: "name of the household id column"},
			&cli.StringFlag{Name: "members-col", Usage: "name of the members column (with --by members)"},
			&cli.StringFlag{Name: "village-col", Usage: "name of the group (village) column of the --pools file, where it is not the --group-col name"},
			&cli.StringFlag{Name: "pool-col", Usage: "name of the pool column of the --pools file"},
			&cli.StringFlag{Name: "kwh-col", Usage: "name of the yield (kwh) column of the --pools file"},
			&cli.StringFlag{Name: "tariff-col", Usage: "name of the tariff column of the --pools file"},
			shareRoundingFlag(),
		}, totalsFlags()...)...),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			opts := dividendOptions{in: in, out: out, poolsFile: c.String("pools"), groupCol: c.String("group-col"),
				by: c.String("by"), idCol: c.String("id-col"), membersCol: c.String("members-col"), summary: c.Bool("summary"), totals: totalsFrom(c),
				poolsCols: poolsColumns{village: c.String("village-col"), pool: c.String("pool-col"), kwh: c.String("kwh-col"), tariff: c.String("tariff-col")}}
			if err := opts.parseAmounts(c); err != nil {
				return err
			}
			if opts.shares, err = shareRoundingFrom(c); err != nil {
				return err
			}
			return runDividend(e, opts)
		},
	}
}

// parseAmounts reads --pool, --retain and --unit and checks the flags
// combine.
func (opts *dividendOptions) parseAmounts(c *cli.Context) error {
	// number reads a flag's amount: above zero when positive, else zero or
	// more.
	number := func(name string, percent, positive bool) (decimal.Decimal, error) {
		d, ok, err := input.ParseNumber(c.String(name), percent)
		switch {
		case err != nil:
			return d, usagef("--%s %q: %v", name, c.String(name), err)
		case positive && (!ok || d.Sign() <= 0):
			return d, usagef("--%s %q: use a positive amount such as 0.01 or 1", name, c.String(name))
		case !ok || d.Sign() < 0:
			return d, usagef("--%s %q: use a number of zero or more", name, c.String(name))
		}
		return d, nil
	}
	var err error
	if opts.unit, err = number("unit", false, true); err != nil {
		return err
	}
	opts.places = max(0, -opts.unit.Exponent())
	if opts.retain, err = number("retain", true, false); err != nil {
		return err
	}
	if opts.retain.Cmp(decimal.NewFromInt(100)) > 0 {
		return usagef("--retain %s: use a percentage from 0 to 100", c.String("retain"))
	}
	for _, name := range []string{"village-col", "pool-col", "kwh-col", "tariff-col"} {
		if c.IsSet(name) && opts.poolsFile == "" {
			return usagef("--%s names a column of the --pools file: give --pools FILE", name)
		}
	}
	switch {
	case c.IsSet("pool") && opts.poolsFile != "":
		return usagef("--pool and --pools do not combine: one pool for everyone, or one per group")
	case c.IsSet("pool"):
		if opts.pool, err = number("pool", false, false); err != nil {
			return err
		}
		// Both figures are flags, so a pool that is not a whole number of
		// units is bad usage, not bad data (a pool read from --pools is).
		if _, err := calc.WholeUnits(opts.pool, opts.unit); err != nil {
			return usagef("--pool %q: not a whole number of units of %s (--unit); round it to the unit, or give a smaller --unit",
				c.String("pool"), report.ExactString(opts.unit))
		}
		opts.poolGiven = true
	case opts.poolsFile != "":
		if opts.groupCol == "" {
			return usagef("--pools needs --group-col: the household column that says whose pool each household shares")
		}
	default:
		return usagef("give the money to split: --pool AMOUNT, or --pools FILE with --group-col")
	}
	return nil
}

// payGroup is the households that share one pool, or, with --pool and
// --group-col, one group of them.
type payGroup struct {
	name                        string
	households                  int64
	pool, retained, distributed decimal.Decimal
	weight                      decimal.Decimal // the sum of its households' weights
	weightNum                   calc.Num        // the same, for the households' share_pct (payOut)
	poolAt                      place
	split                       *calc.Split // how its pool is divided
	shareSplit                  *calc.Split // how 100 is, with --share-rounding largest-remainder
	paid                        paidSum     // what its households got
	shareSum                    calc.Num    // their share_pct as printed, split to 100 (groupShareCells)
}

// runDividend reads the households twice and holds none of them: the first
// pass counts households by group and weight (tallyPayees), which decides
// every pool's split (a household's floor and remainder follow from its
// weight); the second pays each household as it is read (payOut).
func runDividend(e *env, opts dividendOptions) error {
	in, err := input.Open(opts.in, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	l, err := findPayeeColumns(in, opts)
	if err != nil {
		return err
	}
	tally, err := tallyPayees(e, in, l, &opts)
	if err != nil {
		return err
	}
	groups := tally.groups.groups
	// The pools: one per group from --pools, or one over everyone.
	shares := groups
	if opts.poolGiven {
		shares = []*payGroup{{name: "", pool: opts.pool}}
		for _, g := range groups {
			shares[0].weight = shares[0].weight.Add(g.weight)
			shares[0].households += g.households
		}
	} else if err := readPools(e, opts, groups); err != nil {
		return err
	}
	if err := splitAll(opts, shares, tally); err != nil {
		return err
	}
	rep, err := payOut(in, l, opts, tally, shares)
	if err != nil {
		return err
	}
	if err := reconcileDividends(groups, shares); err != nil {
		return err
	}
	if opts.summary {
		return writeDividendSummary(e, opts, groups, shares)
	}
	return writeDividendTotals(e, opts, rep, groups)
}

// splitAll decides every pool's split from the counts of weights, and
// counts, in each part of the first pass, the households whose remainder
// is their pool's cut (the second pass's parts start from them). An error
// is the first pool's in order.
func splitAll(opts dividendOptions, shares []*payGroup, tally *tallyPart) error {
	weights := make([][]calc.WeightCount, len(shares))
	for _, part := range tally.parts {
		part.each(func(key weightClass, n int64) {
			s := shareOf(part.into[key.group], opts)
			w := part.weightOf(key)
			weights[s] = append(weights[s], calc.WeightCount{Weight: w, Count: n})
			tally.places = max(tally.places, int32(w.Places()))
		})
	}
	for k, g := range shares {
		if err := split(opts, g, weights[k]); err != nil {
			return err
		}
	}
	if err := splitShares(opts, shares, weights, tally); err != nil {
		return err
	}
	for _, part := range tally.parts {
		part.ties = part.tiesAtCut(opts, shares, func(g *payGroup) *calc.Split { return g.split })
	}
	return nil
}

// tiesAtCut counts a part's households whose remainder is their pool's cut
// in the split splitOf gives of each pool.
func (part *tallyPart) tiesAtCut(opts dividendOptions, shares []*payGroup, splitOf func(*payGroup) *calc.Split) []int64 {
	ties := make([]int64, len(shares))
	part.each(func(key weightClass, n int64) {
		s := shareOf(part.into[key.group], opts)
		if _, tie := splitOf(shares[s]).Share(part.weightOf(key)); tie == 0 {
			ties[s] += n
		}
	})
	return ties
}

// split decides how a group's pool, less what is retained, is split over
// its households.
func split(opts dividendOptions, g *payGroup, weights []calc.WeightCount) error {
	var err error
	if g.retained, g.distributed, err = calc.Retain(g.pool, opts.unit, opts.retain); err != nil {
		return err
	}
	if g.split, err = calc.SplitLargestRemainder(g.distributed, opts.unit, weights); err != nil {
		what := "the pool"
		if g.name != "" {
			what = fmt.Sprintf("the pool of %q", g.name)
		}
		at := input.DataError{File: g.poolAt.file, Line: g.poolAt.line}
		if g.poolAt.file == "" && err == calc.ErrAllWeightsZero {
			at = opts.weightsAt // one pool over everyone: the weights are at fault
		}
		at.Msg = fmt.Sprintf("%s: %s", what, describeAllocationError(err, g, opts))
		return &at
	}
	return nil
}

func describeAllocationError(err error, g *payGroup, opts dividendOptions) string {
	switch err {
	case calc.ErrNotWholeUnits:
		return fmt.Sprintf("%s is not a whole number of units of %s (--unit)", report.ExactString(g.distributed), report.ExactString(opts.unit))
	case calc.ErrAllWeightsZero:
		return "every household's weight is zero: nobody to pay"
	}
	return err.Error()
}

// reconcileDividends checks that every pool was paid out exactly and every
// household counted in the first pass was paid in the second.
func reconcileDividends(groups, shares []*payGroup) error {
	var read, paid int64
	for _, g := range groups {
		read += g.households
		paid += g.paid.households
	}
	sums := make([]calc.Num, len(shares))
	for k, g := range groups {
		if len(shares) == 1 {
			k = 0
		}
		sums[k] = sums[k].Add(g.paid.sum)
	}
	for k, g := range shares {
		if sum := sums[k].Decimal(); !sum.Equal(g.distributed) {
			return &internalError{fmt.Sprintf("dividend: the pool of %q paid out %s of %s", g.name, report.ExactString(sum), g.distributed)}
		}
	}
	return reconcile("dividend", int(read), int(paid))
}
