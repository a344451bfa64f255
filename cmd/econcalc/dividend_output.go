package main

import (
	"econcalc/calc"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
)

func (opts dividendOptions) amountColumn(key, en, zh string) report.Column {
	return report.Column{Key: key, En: en, Zh: zh, Kind: report.FixedKind, Places: opts.places}
}

func writePayees(e *env, opts dividendOptions, payees []payee, groups []*payGroup, shares []*payGroup) error {
	cols := []report.Column{{Key: "household_id", En: "household", Zh: "户编号", Kind: report.TextKind}}
	grouped := opts.groupCol != ""
	if grouped {
		cols = append(cols, report.Column{Key: "group", En: opts.groupCol, Zh: opts.groupCol, Kind: report.TextKind})
	}
	cols = append(cols,
		report.Column{Key: "weight", En: "weight", Zh: "权重", Kind: report.ExactKind},
		report.Column{Key: "share_pct", En: "share %", Zh: "份额%", Kind: report.PercentKind},
		opts.amountColumn("amount", "amount", "金额"))
	poolWeight := func(p payee) decimal.Decimal {
		if opts.poolGiven {
			return shares[0].weight
		}
		return groups[p.group].weight
	}
	rep := opts.out.NewReport(cols)
	// row lays out one row into buf (one per goroutine): no allocation per household.
	row := func(buf []report.Cell, first report.Cell, group string, weight, of, amount decimal.Decimal) []report.Cell {
		cells := append(buf[:0], first)
		if grouped {
			cells = append(cells, report.TextCell(group))
		}
		return append(cells, report.NumCell(weight), report.PercentCell(weight, of), report.NumCell(amount))
	}
	report.InParallel(rep, len(payees), report.ParallelRows, func(fork *report.Report, from, to int) {
		buf := make([]report.Cell, 0, len(cols))
		for _, p := range payees[from:to] {
			fork.Add(row(buf, report.TextCell(p.id), groups[p.group].name, p.weight, poolWeight(p), p.amount)...)
		}
	})
	buf := make([]report.Cell, 0, len(cols))
	var total, totalWeight decimal.Decimal
	for _, g := range groups {
		sum := sumOf(g.members, payees, func(p *payee) decimal.Decimal { return p.amount })
		total, totalWeight = total.Add(sum), totalWeight.Add(g.weight)
		if grouped {
			of := g.weight
			if opts.poolGiven {
				of = shares[0].weight
			}
			rep.AddTotal(row(buf, report.TotalLabel(), g.name, g.weight, of, sum)...)
		}
	}
	rep.AddTotal(row(buf, report.TotalLabel(), "", totalWeight, totalWeight, total)...)
	return rep.Finish(e.stdout)
}

func writeDividendSummary(e *env, opts dividendOptions, payees []payee, groups []*payGroup, shares []*payGroup) error {
	cols := []report.Column{
		{Key: "group", En: "group", Zh: "分组", Kind: report.TextKind},
		{Key: "households", En: "households", Zh: "户数", Kind: report.ExactKind},
		opts.amountColumn("pool", "pool", "分红总额"),
		opts.amountColumn("retained", "retained", "集体留存"),
		opts.amountColumn("distributed", "distributed", "分配金额"),
		{Key: "mean", En: "mean", Zh: "户均", Kind: report.AmountKind},
		opts.amountColumn("min", "min", "最少"),
		opts.amountColumn("max", "max", "最多"),
	}
	rep := opts.out.NewReport(cols)
	row := func(label report.Cell, members []int, pool, retained report.Cell) []report.Cell {
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
		return []report.Cell{label, report.IntCell(len(members)), pool, retained, report.NumCell(sum), report.MaybeCell(maybeOf(mean, ok)), report.NumCell(lo), report.NumCell(hi)}
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
				rep.Add(row(report.TextCell(g.name), g.members, report.Cell{}, report.Cell{})...)
			}
			continue
		}
		rep.Add(row(report.TextCell(g.name), g.members, report.NumCell(g.pool), report.NumCell(g.retained))...)
	}
	if opts.groupCol == "" {
		rep.Add(row(report.TextCell(""), all, report.NumCell(pool), report.NumCell(retained))...)
	} else {
		rep.AddTotal(row(report.TotalLabel(), all, report.NumCell(pool), report.NumCell(retained))...)
	}
	return rep.Finish(e.stdout)
}
