package main

import (
	"fmt"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
)

// poolsColumns name the --pools file's columns: --village-col (its groups),
// --pool-col, --kwh-col and --tariff-col; "" to find them by their names.
type poolsColumns struct{ village, pool, kwh, tariff string }

// poolsFile is the --pools file's layout: its group column, and a pool
// column or a yield and a tariff, with the powers of ten that bring them
// into 元, 千瓦时 and 元/千瓦时.
type poolsFile struct {
	in                *input.Source
	group, pool       int
	kwh, tariff       int // -1 without them; beside a pool column, they check it (yieldBeside)
	amountCol         int // pool, or kwh
	rowUnit           rowShift
	kwhExp, tariffExp int32
}

// readPools reads --pools into the groups, insisting on one pool per group
// and one group per pool. The file's own total rows (合计) are checked
// against the pools, or the yields, they cover, and are no group.
func readPools(e *env, opts dividendOptions, groups []*payGroup) error {
	in, err := input.Open(input.Options{Files: []string{opts.poolsFile}, Encoding: opts.in.Encoding, Delimiter: opts.in.Delimiter, MaxRecord: opts.in.MaxRecord, Lookup: true}, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := poolsLayout(e, in, opts)
	if err != nil {
		return err
	}
	byName := map[string]*payGroup{}
	for _, g := range groups {
		byName[g.name] = g
	}
	var sum decimal.Decimal // of the pools, or of the yields
	var reported []reportedTotal
	subtotals := 0
	// A 合计 in the first column (序号) beside an empty group is the pools'
	// total, as in a table of households.
	totals, first := opts.totals, firstColumnBeside(f.group)
	totals.numbering = numberingColumn(in, f.group)
	err = in.Each(func(rec *input.Row) error {
		switch kind, col, err := totals.rowLabel(rec, f.group, first); {
		case err != nil:
			return err
		case kind == totalRow:
			t, err := readTotal(rec, col, "", []int{f.amountCol})
			if err != nil {
				return err
			}
			shift, err := f.rowUnit.of(rec)
			reported = append(reported, t.shifted([]int32{shift}))
			return err
		case kind == subtotalRow:
			subtotals++
			return nil
		}
		name := rec.Text(f.group)
		g, ok := byName[name]
		if !ok {
			return rec.Errorf(f.group, "pool for %q, which has no households in the input", name)
		}
		if g.poolAt.file != "" {
			return rec.Errorf(f.group, "%q has a pool already at %s", name, g.poolAt)
		}
		g.poolAt = place{rec.Pos().File(), rec.Pos().Line()}
		amount, counted, err := f.read(rec)
		if err != nil {
			return err
		}
		switch {
		case !amount.OK:
			return rec.Errorf(f.amountCol, "empty: every group needs its pool")
		case amount.V.Sign() < 0:
			return rec.Errorf(f.amountCol, "%s: a pool cannot be negative", report.ExactString(amount.V))
		}
		if _, err := calc.WholeUnits(amount.V, opts.unit); err != nil {
			return rec.Errorf(f.amountCol, "the pool %s is not a whole number of units of %s (--unit)", report.ExactString(amount.V), report.ExactString(opts.unit))
		}
		if err := f.yieldBeside(e, opts.totals, rec, amount.V); err != nil {
			return err
		}
		g.pool, sum = amount.V, sum.Add(counted)
		return nil
	})
	if err != nil {
		return err
	}
	for _, g := range groups {
		if g.poolAt.file == "" {
			return &input.DataError{File: opts.poolsFile, Msg: fmt.Sprintf("no pool for %q, which has households in the input", g.name)}
		}
	}
	noteSubtotals(e, subtotals)
	noteLookup(e, in)
	// A total read in 万元 is compared in 元: say so, lest 19000 read as 万元.
	what := in.Header[f.amountCol]
	if f.rowUnit.empty != 0 || f.rowUnit.unitCol >= 0 {
		what = fmt.Sprintf("%s, in %s,", what, f.rowUnit.to)
	}
	for _, t := range reported {
		if t.ok[0] {
			if err := opts.totals.check(e, t.at, t.label, what, calc.DecimalNum(sum), t.values[0]); err != nil {
				return err
			}
		}
	}
	return nil
}

// poolsLayout finds the --pools file's columns and their units.
func poolsLayout(e *env, in *input.Source, opts dividendOptions) (poolsFile, error) {
	f := poolsFile{in: in, kwh: -1, tariff: -1}
	var err error
	cols := opts.poolsCols
	// The groups are in the column --village-col names, else in one named
	// as the households' --group-col, else in one named as a village is
	// (村, 村名, 行政村: two of those are refused, naming --village-col).
	if f.group = in.Index(opts.groupCol); cols.village != "" || f.group < 0 {
		if f.group, err = in.Find(villageColumn, cols.village); err != nil {
			return f, err
		}
	}
	if f.pool, err = in.FindOptional(poolColumn, cols.pool); err != nil {
		return f, err
	}
	if f.pool < 0 {
		if f.kwh, err = in.FindOptional(kwhColumn, cols.kwh); err != nil {
			return f, err
		}
		if f.kwh < 0 {
			return f, in.HeaderError("", "no pool column: give pool (金额, 分红总额), or kwh (发电量) and tariff (电价), or name yours with --pool-col (--kwh-col, --tariff-col); the header has: "+input.QuoteNames(in.Header))
		}
		if f.tariff, err = in.Find(tariffColumn, cols.tariff); err != nil {
			return f, err
		}
	} else if err := f.kwhBeside(in, cols); err != nil {
		if cols.kwh != "" || cols.tariff != "" {
			return f, err // named, so meant to check the pools
		}
		f.kwh, f.tariff = -1, -1 // units it cannot read: the pool alone
	}
	// A pool in 万元 is paid in 元, and a yield in 万千瓦时 is in 千瓦时 at a
	// tariff per 千瓦时 (columnUnits).
	amountUnit := "元"
	if f.amountCol = f.pool; f.pool < 0 {
		f.amountCol, amountUnit = f.kwh, "千瓦时"
	}
	_, exps, err := columnUnits(in, []int{f.amountCol}, nil, amountUnit)
	if err != nil {
		return f, err
	}
	noteUnits(e, in, []int{f.amountCol}, exps, amountUnit)
	unitCol := unitColumnOf(in)
	if unitCol >= 0 && f.pool < 0 {
		return f, in.HeaderError(in.Header[unitCol], "beside a yield and a tariff names neither's unit: give the units in their headers")
	}
	f.rowUnit = rowShift{in: in, unitCol: unitCol, amount: f.amountCol, to: amountUnit, empty: exps[0]}
	if f.pool < 0 {
		f.kwhExp = exps[0]
		texps, err := tariffUnit(in, f.tariff)
		if err != nil {
			return f, err
		}
		noteUnits(e, in, []int{f.tariff}, texps, "元/千瓦时")
		f.tariffExp = texps[0]
	}
	return f, nil
}

// tariffUnit is the power of ten that brings the tariff column into
// 元/千瓦时: 电价（元） is per 千瓦时.
func tariffUnit(in *input.Source, tariff int) ([]int32, error) {
	unit := in.Unit(tariff)
	if calc.UnitBase(unit) == "元" {
		unit += "/千瓦时"
	}
	_, exps, err := columnUnits(in, []int{tariff}, []string{unit}, "元/千瓦时")
	return exps, err
}

// kwhBeside finds a yield and a tariff beside the pool column, and their
// units, to check each pool by (yieldBeside); an error where there are
// none, or their units cannot be read.
func (f *poolsFile) kwhBeside(in *input.Source, cols poolsColumns) error {
	var err error
	if f.kwh, err = in.Find(kwhColumn, cols.kwh); err != nil {
		return err
	}
	if f.tariff, err = in.Find(tariffColumn, cols.tariff); err != nil {
		return err
	}
	_, exps, err := columnUnits(in, []int{f.kwh}, nil, "千瓦时")
	if err != nil {
		return err
	}
	texps, err := tariffUnit(in, f.tariff)
	if err != nil {
		return err
	}
	f.kwhExp, f.tariffExp = exps[0], texps[0]
	return nil
}

// yieldBeside checks a pool against the yield × the tariff its row gives
// too, where both are filled in: a warning where they differ by more than
// the pool's rounding, an error with --strict-totals. The pool is paid.
func (f *poolsFile) yieldBeside(e *env, opts totalsOptions, rec *input.Row, pool decimal.Decimal) error {
	if f.pool < 0 || f.kwh < 0 {
		return nil
	}
	k, err := rec.Number(f.kwh)
	if err != nil {
		return err
	}
	t, err := rec.Number(f.tariff)
	if err != nil || !k.OK || !t.OK {
		return err
	}
	kwh, tariff := k.V.Shift(f.kwhExp), t.V.Shift(f.tariffExp)
	yield := kwh.Mul(tariff)
	if calc.WithinRounding(calc.DecimalNum(yield), calc.DecimalNum(pool)) {
		return nil
	}
	msg := fmt.Sprintf("%s %s of %q is not %s × %s (%s × %s = %s); the pool paid is %s",
		f.in.Header[f.pool], report.ExactString(pool), rec.Text(f.group), f.in.Header[f.kwh], f.in.Header[f.tariff],
		report.ExactString(kwh), report.ExactString(tariff), report.ExactString(yield), report.ExactString(pool))
	if opts.strict {
		return rec.Errorf(f.pool, "%s (--strict-totals)", msg)
	}
	e.warnf("%s: %s", rec.Pos(), msg)
	return nil
}

// read is a group's pool, in 元, and what its total rows add up: the pool,
// or the yield in 千瓦时.
func (f *poolsFile) read(rec *input.Row) (pool calc.Maybe, counted decimal.Decimal, err error) {
	if f.pool >= 0 {
		if pool, err = rec.Number(f.pool); err != nil {
			return pool, counted, err
		}
		shift, err := f.rowUnit.of(rec)
		pool.V = pool.V.Shift(shift)
		return pool, pool.V, err
	}
	k, err := rec.Number(f.kwh)
	if err != nil {
		return pool, counted, err
	}
	t, err := rec.Number(f.tariff)
	if err != nil {
		return pool, counted, err
	}
	kwh := k.V.Shift(f.kwhExp)
	return calc.Maybe{V: kwh.Mul(t.V.Shift(f.tariffExp)), OK: k.OK && t.OK}, kwh, nil
}
