package main

import (
	"econcalc/calc"
	"github.com/shopspring/decimal"
)

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
	// row lays out one row into buf (one per goroutine): no allocation per household.
	row := func(buf []cell, first cell, group string, weight, of, amount decimal.Decimal) []cell {
		cells := append(buf[:0], first)
		if grouped {
			cells = append(cells, textCell(group))
		}
		return append(cells, numCell(weight), percentCell(weight, of), numCell(amount))
	}
	inParallel(rep, len(payees), parallelRows, func(fork *report, from, to int) {
		buf := make([]cell, 0, len(cols))
		for _, p := range payees[from:to] {
			fork.add(row(buf, textCell(p.id), groups[p.group].name, p.weight, poolWeight(p), p.amount)...)
		}
	})
	buf := make([]cell, 0, len(cols))
	var total, totalWeight decimal.Decimal
	for _, g := range groups {
		sum := sumOf(g.members, payees, func(p *payee) decimal.Decimal { return p.amount })
		total, totalWeight = total.Add(sum), totalWeight.Add(g.weight)
		if grouped {
			of := g.weight
			if opts.poolGiven {
				of = shares[0].weight
			}
			rep.addTotal(row(buf, totalLabel(), g.name, g.weight, of, sum)...)
		}
	}
	rep.addTotal(row(buf, totalLabel(), "", totalWeight, totalWeight, total)...)
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
