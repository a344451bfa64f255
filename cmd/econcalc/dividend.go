package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"econcalc/calc"
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
and either pool (金额, 分红总额) or kwh (发电量) and tariff (电价): the pool is kwh × tariff.
Each group then splits its own pool; a group without a pool, or a pool without
households, is an error. --retain PCT keeps that share of each pool for the collective
(public-welfare jobs and small works, as photovoltaic rules require), rounded down to the
unit so that rounding never takes from the households. --unit (default 0.01, the fen; 1
for whole yuan): a pool to split must be a whole number of units.

Output keys: household_id, group (with --group-col), weight, share_pct (of its pool's
weight), amount, in input order; then a total row per group and an overall total.
--summary: group, households, pool, retained, distributed, mean, min, max.

Examples:
   econcalc dividend testdata/demo/signed_households.csv --pool 100000
   econcalc dividend testdata/demo/pv_households.csv --group-col 村 --pools testdata/demo/pv_pools.csv --retain 20 --by members
   econcalc dividend testdata/demo/pv_households.csv --group-col 村 --pools testdata/demo/pv_pools.csv --retain 20 --summary`

var (
	poolColumn   = columnSpec{key: "pool", aliases: []string{"金额", "分红总额", "amount"}, flag: "pools"}
	kwhColumn    = columnSpec{key: "kwh", aliases: []string{"发电量", "电量"}, flag: "pools"}
	tariffColumn = columnSpec{key: "tariff", aliases: []string{"电价"}, flag: "pools"}
)

type dividendOptions struct {
	in                inputOptions
	out               outputOptions
	pool              decimal.Decimal
	poolGiven         bool
	poolsFile         string
	groupCol, by      string
	idCol, membersCol string
	retain, unit      decimal.Decimal
	places            int32 // decimals of the unit
	summary           bool
}

func dividendCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "dividend",
		Usage:       "split a pool across households exactly to the fen (largest remainder)",
		UsageText:   "econcalc dividend (--pool AMOUNT | --pools FILE --group-col NAME) [options] [FILE...]",
		Description: dividendDescription,
		Flags: withIOFlags(
			&cli.StringFlag{Name: "pool", Usage: "one pool over every household, in yuan"},
			&cli.StringFlag{Name: "pools", Usage: "CSV of group and pool, or group, kwh and tariff: one pool per group"},
			&cli.StringFlag{Name: "group-col", Usage: "the household column that names each household's group (village, 村)"},
			&cli.StringFlag{Name: "retain", Value: "0", Usage: "percent of each pool the collective keeps before the split"},
			&cli.StringFlag{Name: "by", Value: "equal", Usage: "the weights: equal, members, or a column name"},
			&cli.StringFlag{Name: "unit", Value: "0.01", Usage: "the smallest amount paid: 0.01 (the fen) or 1 (whole yuan)"},
			&cli.BoolFlag{Name: "summary", Usage: "one row per group: households, pool, retained, distributed, mean, min, max"},
			&cli.StringFlag{Name: "id-col", Usage: "name of the household id column"},
			&cli.StringFlag{Name: "members-col", Usage: "name of the members column (with --by members)"},
		),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			opts := dividendOptions{in: in, out: out, poolsFile: c.String("pools"), groupCol: c.String("group-col"),
				by: c.String("by"), idCol: c.String("id-col"), membersCol: c.String("members-col"), summary: c.Bool("summary")}
			if err := opts.parseAmounts(c); err != nil {
				return err
			}
			return runDividend(e, opts)
		},
	}
}

// parseAmounts reads --pool, --retain and --unit and checks the flags
// combine.
func (opts *dividendOptions) parseAmounts(c *cli.Context) error {
	number := func(name string, percent bool) (decimal.Decimal, error) {
		d, ok, err := parseNumber(c.String(name), percent)
		if err != nil || !ok || d.Sign() < 0 {
			return d, usagef("--%s %q: use a number of zero or more", name, c.String(name))
		}
		return d, nil
	}
	var err error
	if opts.unit, err = number("unit", false); err != nil {
		return err
	}
	if opts.unit.Sign() == 0 {
		return usagef("--unit 0: use a positive amount such as 0.01 or 1")
	}
	opts.places = max(0, -opts.unit.Exponent())
	if opts.retain, err = number("retain", true); err != nil {
		return err
	}
	if opts.retain.Cmp(decimal.NewFromInt(100)) > 0 {
		return usagef("--retain %s: use a percentage from 0 to 100", c.String("retain"))
	}
	switch {
	case c.IsSet("pool") && opts.poolsFile != "":
		return usagef("--pool and --pools do not combine: one pool for everyone, or one per group")
	case c.IsSet("pool"):
		if opts.pool, err = number("pool", false); err != nil {
			return err
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

// payee is one household of the input.
type payee struct {
	id     string
	group  int
	weight decimal.Decimal
	amount decimal.Decimal
}

// payGroup is the households that share one pool.
type payGroup struct {
	name                        string
	members                     []int // indexes into the payees, in input order
	pool, retained, distributed decimal.Decimal
	weight                      decimal.Decimal
	poolAt                      place
}

func runDividend(e *env, opts dividendOptions) error {
	payees, groups, err := readPayees(e, opts)
	if err != nil {
		return err
	}
	for _, g := range groups {
		g.weight = sumOf(g.members, payees, func(p *payee) decimal.Decimal { return p.weight })
	}
	// The pools: one per group from --pools, or one over everyone.
	shares := groups
	if opts.poolGiven {
		shares = []*payGroup{{name: "", pool: opts.pool}}
		for _, g := range groups {
			shares[0].members = append(shares[0].members, g.members...)
			shares[0].weight = shares[0].weight.Add(g.weight)
		}
		slices.Sort(shares[0].members) // input order, for ties
	} else if err := readPools(e, opts, groups); err != nil {
		return err
	}
	for _, g := range shares {
		if err := allocate(opts, g, payees); err != nil {
			return err
		}
	}
	if err := reconcileDividends(shares, payees); err != nil {
		return err
	}
	if opts.summary {
		return writeDividendSummary(e, opts, payees, groups, shares)
	}
	return writePayees(e, opts, payees, groups, shares)
}

// allocate splits a group's pool, less what is retained, over its members.
func allocate(opts dividendOptions, g *payGroup, payees []payee) error {
	var err error
	if g.retained, g.distributed, err = calc.Retain(g.pool, opts.unit, opts.retain); err != nil {
		return err
	}
	weights := make([]decimal.Decimal, len(g.members))
	for k, i := range g.members {
		weights[k] = payees[i].weight
	}
	amounts, err := calc.AllocateLargestRemainder(g.distributed, opts.unit, weights)
	if err != nil {
		what := "the pool"
		if g.name != "" {
			what = fmt.Sprintf("the pool of %q", g.name)
		}
		if g.poolAt.file != "" {
			return &dataError{file: g.poolAt.file, line: g.poolAt.line, msg: fmt.Sprintf("%s: %s", what, describeAllocationError(err, g, opts))}
		}
		return &dataError{msg: fmt.Sprintf("%s: %s", what, describeAllocationError(err, g, opts))}
	}
	for k, i := range g.members {
		payees[i].amount = amounts[k]
	}
	return nil
}

// sumOf adds up a figure of some households: in int64 while the figures
// share an exponent and the sum fits, the usual case, else in decimal.
func sumOf(members []int, payees []payee, figure func(*payee) decimal.Decimal) decimal.Decimal {
	var small int64
	exp := int32(0)
	for k, i := range members {
		c, e, ok := smallDecimal(figure(&payees[i]))
		if k == 0 {
			exp = e
		}
		if !ok || e != exp || abs64(c) >= 1<<40 || abs64(small) >= 1<<61 {
			sum := decimal.Zero
			for _, i := range members {
				sum = sum.Add(figure(&payees[i]))
			}
			return sum
		}
		small += c
	}
	return decimal.New(small, exp)
}

func describeAllocationError(err error, g *payGroup, opts dividendOptions) string {
	switch err {
	case calc.ErrNotWholeUnits:
		return fmt.Sprintf("%s is not a whole number of units of %s (--unit)", exactString(g.distributed), exactString(opts.unit))
	case calc.ErrAllWeightsZero:
		return "every household's weight is zero: nobody to pay"
	}
	return err.Error()
}

// reconcileDividends checks that every pool was paid out exactly and every
// household was paid from one pool.
func reconcileDividends(shares []*payGroup, payees []payee) error {
	paid := 0
	for _, g := range shares {
		if sum := sumOf(g.members, payees, func(p *payee) decimal.Decimal { return p.amount }); !sum.Equal(g.distributed) {
			return &internalError{fmt.Sprintf("dividend: the pool of %q paid out %s of %s", g.name, exactString(sum), g.distributed)}
		}
		paid += len(g.members)
	}
	return reconcile("dividend", len(payees), paid)
}

// payeeLayout is where dividend finds its columns; group and weight are -1
// when absent (equal weights).
type payeeLayout struct{ id, group, weight int }

func findPayeeColumns(in *input, opts dividendOptions) (payeeLayout, error) {
	l := payeeLayout{group: -1, weight: -1}
	var err error
	if l.id, err = in.find(householdIDColumn, opts.idCol); err != nil {
		return l, err
	}
	if opts.groupCol != "" {
		if l.group, err = in.named(opts.groupCol); err != nil {
			return l, err
		}
	}
	switch opts.by {
	case "equal":
	case "members":
		l.weight, err = in.find(membersColumn, opts.membersCol)
	default:
		l.weight, err = in.named(opts.by)
	}
	return l, err
}

// readPayees reads the households, on the fast path when it can.
func readPayees(e *env, opts dividendOptions) ([]payee, []*payGroup, error) {
	in, spooled, err := openSpooled(opts.in, e.stdin)
	if err != nil {
		return nil, nil, err
	}
	opts.in = spooled
	defer in.Close()
	l, err := findPayeeColumns(in, opts)
	if err != nil {
		return nil, nil, err
	}
	if payees, groups, ok, err := readPayeesFast(opts, in, l); err != nil || ok {
		return payees, groups, err
	}
	return readPayeesGeneral(in, l)
}

// payeeGroups assigns households to groups in first-appearance order.
type payeeGroups struct {
	groups []*payGroup
	index  map[string]int
}

func (g *payeeGroups) add(name string, payee int) int {
	gi, ok := g.index[name]
	if !ok {
		gi = len(g.groups)
		g.index[name] = gi
		g.groups = append(g.groups, &payGroup{name: name})
	}
	g.groups[gi].members = append(g.groups[gi].members, payee)
	return gi
}

func readPayeesGeneral(in *input, l payeeLayout) ([]payee, []*payGroup, error) {
	var payees []payee
	groups := payeeGroups{index: map[string]int{}}
	seen := map[string]place{}
	err := in.each(func(rec *record) error {
		p := payee{id: strings.TrimSpace(rec.fields[l.id]), weight: decimal.NewFromInt(1)}
		if p.id == "" {
			return rec.errorf(l.id, "empty household id")
		}
		if first, dup := seen[p.id]; dup {
			return rec.errorf(l.id, "duplicate household %q: already at %s", p.id, first)
		}
		seen[p.id] = place{rec.file, rec.line}
		name := ""
		if l.group >= 0 {
			if name = strings.TrimSpace(rec.fields[l.group]); name == "" {
				return rec.errorf(l.group, "empty group")
			}
		}
		p.group = groups.add(name, len(payees))
		if l.weight >= 0 {
			w, err := rec.number(l.weight)
			if err != nil {
				return err
			}
			switch {
			case !w.OK:
				return rec.errorf(l.weight, "empty: every household needs a weight (write 0 for none)")
			case w.V.Sign() < 0:
				return rec.errorf(l.weight, "%s: a weight cannot be negative", exactString(w.V))
			}
			p.weight = w.V
		}
		payees = append(payees, p)
		return nil
	})
	return payees, groups.groups, err
}

// readPayeesFast reads plain CSV whose weights fit fixed point; anything
// else, every error and a duplicate id among them, goes to the general path.
func readPayeesFast(opts dividendOptions, in *input, l payeeLayout) ([]payee, []*payGroup, bool, error) {
	plain, ok, err := openPlainFiles(opts.in, in.keys)
	if err != nil || !ok {
		return nil, nil, false, err
	}
	defer plain.close()
	payees := make([]payee, 0, plain.size()/24) // a row of a household file is rarely shorter
	groups := payeeGroups{index: map[string]int{}}
	ids := idBatch{filter: newIDFilter(plain.size())}
	weights := map[[2]int64]decimal.Decimal{} // (units, places) → the decimal, made once
	one := decimal.NewFromInt(1)
	_, err = plain.scan(true, func(*fastRange) rowSink {
		return func(fields [][]byte, _ int) error {
			id := bytes.TrimSpace(fields[l.id])
			if len(id) == 0 {
				return errSlowPath
			}
			ids.add(id)
			name := ""
			if l.group >= 0 {
				if name = string(bytes.TrimSpace(fields[l.group])); name == "" {
					return errSlowPath
				}
			}
			p := payee{id: string(id), weight: one, group: groups.add(name, len(payees))}
			if l.weight >= 0 {
				v, places, empty, ok := parseFixed(fields[l.weight])
				if !ok || empty || v < 0 {
					return errSlowPath
				}
				key := [2]int64{v, int64(places)}
				w, seen := weights[key]
				if !seen {
					w = decimal.New(v/pow10[calc.FixedScale-places], -int32(places))
					weights[key] = w
				}
				p.weight = w
			}
			payees = append(payees, p)
			return nil
		}
	})
	if err == errSlowPath || (err == nil && len(payees) == 0) {
		return nil, nil, false, nil
	}
	if err != nil {
		return nil, nil, false, err
	}
	ids.flush()
	ids.filter = nil
	if dup, err := confirmDuplicates(plain, l.id, ids.candidates); err != nil || dup {
		return nil, nil, false, err
	}
	fastPathHits.Add(1)
	return payees, groups.groups, true, nil
}

// readPools reads --pools into the groups, insisting on one pool per group
// and one group per pool.
func readPools(e *env, opts dividendOptions, groups []*payGroup) error {
	in, err := openInput(inputOptions{files: []string{opts.poolsFile}, encoding: opts.in.encoding,
		delimiter: opts.in.delimiter, maxRecord: opts.in.maxRecord}, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	group := in.index(opts.groupCol)
	if group < 0 {
		if group, err = in.find(villageColumn, ""); err != nil {
			return err
		}
	}
	pool, err := in.findOptional(poolColumn, "")
	if err != nil {
		return err
	}
	kwh, tariff := -1, -1
	if pool < 0 {
		if kwh, err = in.find(kwhColumn, ""); err != nil {
			return &dataError{file: in.firstIn, line: 1, msg: fmt.Sprintf("no pool column: give pool (金额, 分红总额), or kwh (发电量) and tariff (电价); the header has: %s", strings.Join(in.header, ", "))}
		}
		if tariff, err = in.find(tariffColumn, ""); err != nil {
			return err
		}
	}
	byName := map[string]*payGroup{}
	for _, g := range groups {
		byName[g.name] = g
	}
	err = in.each(func(rec *record) error {
		name := strings.TrimSpace(rec.fields[group])
		g, ok := byName[name]
		if !ok {
			return rec.errorf(group, "pool for %q, which has no households in the input", name)
		}
		if g.poolAt.file != "" {
			return rec.errorf(group, "%q has a pool already at %s", name, g.poolAt)
		}
		g.poolAt = place{rec.file, rec.line}
		var amount calc.Maybe
		col := pool
		if pool >= 0 {
			if amount, err = rec.number(pool); err != nil {
				return err
			}
		} else {
			k, err := rec.number(kwh)
			if err != nil {
				return err
			}
			t, err := rec.number(tariff)
			if err != nil {
				return err
			}
			amount = calc.Maybe{V: k.V.Mul(t.V), OK: k.OK && t.OK}
			col = kwh
		}
		switch {
		case !amount.OK:
			return rec.errorf(col, "empty: every group needs its pool")
		case amount.V.Sign() < 0:
			return rec.errorf(col, "%s: a pool cannot be negative", exactString(amount.V))
		}
		if _, err := calc.WholeUnits(amount.V, opts.unit); err != nil {
			return rec.errorf(col, "the pool %s is not a whole number of units of %s (--unit)", exactString(amount.V), exactString(opts.unit))
		}
		g.pool = amount.V
		return nil
	})
	if err != nil {
		return err
	}
	for _, g := range groups {
		if g.poolAt.file == "" {
			return &dataError{file: opts.poolsFile, msg: fmt.Sprintf("no pool for %q, which has households in the input", g.name)}
		}
	}
	return nil
}

func (opts dividendOptions) amountColumn(key, en, zh string) column {
	return column{key: key, en: en, zh: zh, kind: fixedKind, places: opts.places}
}

func writePayees(e *env, opts dividendOptions, payees []payee, groups []*payGroup, shares []*payGroup) error {
	cols := []column{{key: "household_id", en: "household", zh: "户编号", kind: textKind}}
	grouped := opts.groupCol != ""
	if grouped {
		cols = append(cols, column{key: "group", en: opts.groupCol, zh: opts.groupCol, kind: textKind})
	}
	cols = append(cols,
		column{key: "weight", en: "weight", zh: "权重", kind: exactKind},
		column{key: "share_pct", en: "share %", zh: "份额%", kind: percentKind},
		opts.amountColumn("amount", "amount", "金额"))
	poolWeight := func(p payee) decimal.Decimal {
		if opts.poolGiven {
			return shares[0].weight
		}
		return groups[p.group].weight
	}
	rep := opts.out.newReport(cols)
	buf := make([]cell, 0, len(cols)) // one row at a time: no allocation per household
	row := func(first cell, group string, weight, of, amount decimal.Decimal) []cell {
		cells := append(buf[:0], first)
		if grouped {
			cells = append(cells, textCell(group))
		}
		return append(cells, numCell(weight), percentCell(weight, of), numCell(amount))
	}
	for _, p := range payees {
		rep.add(row(textCell(p.id), groups[p.group].name, p.weight, poolWeight(p), p.amount)...)
	}
	var total, totalWeight decimal.Decimal
	for _, g := range groups {
		sum := sumOf(g.members, payees, func(p *payee) decimal.Decimal { return p.amount })
		total, totalWeight = total.Add(sum), totalWeight.Add(g.weight)
		if grouped {
			of := g.weight
			if opts.poolGiven {
				of = shares[0].weight
			}
			rep.addTotal(row(totalLabel(), g.name, g.weight, of, sum)...)
		}
	}
	rep.addTotal(row(totalLabel(), "", totalWeight, totalWeight, total)...)
	return rep.finish(e.stdout)
}

func writeDividendSummary(e *env, opts dividendOptions, payees []payee, groups []*payGroup, shares []*payGroup) error {
	cols := []column{
		{key: "group", en: "group", zh: "分组", kind: textKind},
		{key: "households", en: "households", zh: "户数", kind: exactKind},
		opts.amountColumn("pool", "pool", "分红总额"),
		opts.amountColumn("retained", "retained", "集体留存"),
		opts.amountColumn("distributed", "distributed", "分配金额"),
		{key: "mean", en: "mean", zh: "户均", kind: amountKind},
		opts.amountColumn("min", "min", "最少"),
		opts.amountColumn("max", "max", "最多"),
	}
	rep := opts.out.newReport(cols)
	row := func(label cell, members []int, pool, retained cell) []cell {
		sum := decimal.Zero
		var lo, hi decimal.Decimal
		for k, i := range members {
			a := payees[i].amount
			sum = sum.Add(a)
			if k == 0 || a.Cmp(lo) < 0 {
				lo = a
			}
			if k == 0 || a.Cmp(hi) > 0 {
				hi = a
			}
		}
		mean, ok := calc.Ratio(sum, decimal.NewFromInt(int64(len(members))))
		return []cell{label, intCell(len(members)), pool, retained, numCell(sum), maybeCell(maybeOf(mean, ok)), numCell(lo), numCell(hi)}
	}
	var all []int
	var pool, retained decimal.Decimal
	for _, g := range shares {
		pool, retained = pool.Add(g.pool), retained.Add(g.retained)
	}
	for _, g := range groups {
		all = append(all, g.members...)
		if opts.poolGiven {
			if opts.groupCol != "" {
				rep.add(row(textCell(g.name), g.members, cell{}, cell{})...)
			}
			continue
		}
		rep.add(row(textCell(g.name), g.members, numCell(g.pool), numCell(g.retained))...)
	}
	if opts.groupCol == "" {
		rep.add(row(textCell(""), all, numCell(pool), numCell(retained))...)
	} else {
		rep.addTotal(row(totalLabel(), all, numCell(pool), numCell(retained))...)
	}
	return rep.finish(e.stdout)
}
