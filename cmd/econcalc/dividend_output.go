package main

import (
	"errors"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
)

func (opts dividendOptions) amountColumn(key, en, zh string) report.Column {
	return report.Column{Key: key, En: en, Zh: zh, Kind: report.FixedKind, Places: opts.places}
}

// paidSum is what some households were paid: how many, in all, the least
// and the most.
type paidSum struct {
	households    int64
	sum, min, max calc.Num
}

// addN adds n households paid amount each.
func (s *paidSum) addN(amount calc.Num, n int64) {
	switch {
	case s.households == 0:
		s.min, s.max = amount, amount
	case amount.Cmp(s.min) < 0:
		s.min = amount
	case amount.Cmp(s.max) > 0:
		s.max = amount
	}
	s.sum = s.sum.Add(amount.MulInt(n))
	s.households += n
}

func (s *paidSum) join(o paidSum) {
	if o.households == 0 {
		return
	}
	if s.households == 0 {
		*s = o
		return
	}
	if o.min.Cmp(s.min) < 0 {
		s.min = o.min
	}
	if o.max.Cmp(s.max) > 0 {
		s.max = o.max
	}
	s.sum = s.sum.Add(o.sum)
	s.households += o.households
}

// payPart is the second pass over one part of the input: the rows it lays
// out and what it paid each group.
type payPart struct {
	rows       *report.Report // nil with --summary
	w          *report.RowWriter
	paid       []paidSum  // by group
	ties       []int64    // by pool: its households at the cut met so far, in input order
	shareTies  []int64    // the same for share_pct split to 100
	shareSums  []calc.Num // by group: its households' share_pct as printed, split to 100 over groups (groupShareCells)
	lastGroup  int
	classes    map[calc.Fixed]*payClass // of the pool classShare
	small      []*payClass              // the same by smallWeight
	byCell     [256]*payClass           // the same by a weight cell of one byte (weightClass)
	held       []*payClass              // the classes above, in the order made
	spare      []*payClass              // classes of pools met before, to fill in again (newClass)
	weights    []report.Rendered        // the weight cells of small weights, of any pool
	classShare int
	stray      bool // not a part the first pass read: start again in order
	labelled   bool // the first pass met total or subtotal rows in the part: look for them
}

// errPartsDiffer sends the second pass to the in-order reader when its
// parts are not the first pass's (they are, for the same file read the
// same way).
var errPartsDiffer = errors.New("dividend: the second pass's parts are not the first's")

// payer is what the second pass knows: the layout, the groups and how each
// pool is split.
type payer struct {
	l              payeeLayout
	opts           dividendOptions
	groups, shares []*payGroup
	byName         map[string]int
	units          []calc.Num // one unit, per pool
	cols           []report.Column
	tally          *tallyPart
	rep            *report.Report
	made           int // parallel parts made so far
}

// payOut is the second pass: it reads the households again, in the same
// parts as the first, pays each, and lays out its row (but with
// --summary). A part counts its pools' households at the cut on from those
// of the parts before it, which the first pass counted, so that the first
// Tied() of them in input order get the unit more, as the largest-remainder
// order says.
func payOut(in *input.Source, l payeeLayout, opts dividendOptions, tally *tallyPart, shares []*payGroup) (*report.Report, error) {
	p := &payer{l: l, opts: opts, groups: tally.groups.groups, shares: shares, byName: tally.groups.byName, tally: tally}
	for _, s := range shares {
		p.units = append(p.units, s.split.Unit())
		s.weightNum = calc.DecimalNum(s.weight)
	}
	if !opts.summary {
		p.cols = p.columns()
		p.rep = opts.out.NewReport(p.cols)
	}
	all, err := input.Fold(in.Again(p.l.upTo()), p.newPart, p.pay, p.merge)
	if err != nil {
		if errors.Is(err, errPartsDiffer) {
			return nil, &internalError{err.Error()}
		}
		return nil, err
	}
	for gi, g := range p.groups {
		g.paid = all.paid[gi]
		if all.shareSums != nil {
			g.shareSum = all.shareSums[gi]
		}
	}
	return p.rep, nil
}

func (p *payer) newPart(bytes int64) *payPart {
	part := &payPart{paid: make([]paidSum, len(p.groups)), ties: make([]int64, len(p.shares)), shareTies: make([]int64, len(p.shares)),
		lastGroup: -1, classes: map[calc.Fixed]*payClass{}, small: make([]*payClass, smallWeights),
		weights: make([]report.Rendered, smallWeights), classShare: -1}
	if p.rep != nil {
		part.rows = p.rep.Fork()
		part.w = part.rows.RowWriter()
		if p.opts.groupCol != "" && p.opts.poolGiven && p.opts.shares == report.SharesLargestRemainder {
			part.shareSums = make([]calc.Num, len(p.groups))
		}
	}
	if bytes == 0 {
		part.labelled = len(p.tally.reported) > 0 || p.tally.subtotals > 0
		return part // the in-order pass: from the start
	}
	k := p.made
	p.made++
	if k >= len(p.tally.parts) || p.tally.parts[k].bytes != bytes {
		part.stray = true
		return part
	}
	part.labelled = len(p.tally.parts[k].reported) > 0 || p.tally.parts[k].subtotals > 0
	for _, before := range p.tally.parts[:k] {
		for s, n := range before.ties {
			part.ties[s] += n
		}
		for s, n := range before.shareTies {
			part.shareTies[s] += n
		}
	}
	return part
}

// pay pays one household and lays out its row.
func (p *payer) pay(part *payPart, rec *input.Row) error {
	if part.stray {
		return errPartsDiffer
	}
	l := &p.l
	if part.labelled {
		switch kind, _, err := l.labelled(rec); {
		case err != nil:
			return err
		case kind != dataRow:
			return nil
		}
	}
	group := part.lastGroup
	if l.group >= 0 {
		name := rec.Cell(l.group)
		if group < 0 || !sameName(name, p.groups[group].name) {
			gi, ok := p.byName[string(name)]
			if !ok {
				return errPartsDiffer
			}
			group = gi
		}
	} else {
		group = 0
	}
	part.lastGroup = group
	share := group
	if p.opts.poolGiven {
		share = 0 // shareOf, without a copy of opts
	}
	var c *payClass
	if l.weight >= 0 {
		c = part.seen(rec.Fields[l.weight], share, group)
	}
	if c == nil {
		var err error
		if c, err = part.rowClass(p, share, group, rec); err != nil {
			return err
		}
	}
	more := c.tie > 0 || c.tie == 0 && part.ties[share] < p.shares[share].split.Tied()
	if c.tie == 0 {
		part.ties[share]++
	}
	c.count(part, more)
	if w := part.w; w != nil {
		w.Text(rec.Cell(l.id))
		shareMore := part.nextShare(c, p.shares[share], share)
		if part.shareSums != nil {
			part.addShare(c, p.shares[share], group, shareMore)
		}
		w.Prepared(c.tail(p, w, tailOf(more, shareMore)))
		w.End()
	}
	return nil
}

// merge adds up the parts' payments and joins their rows in input order.
func (p *payer) merge(parts []*payPart) (*payPart, error) {
	for _, part := range parts {
		part.settleAll()
	}
	all := parts[0]
	for _, part := range parts[1:] {
		for gi := range all.paid {
			all.paid[gi].join(part.paid[gi])
		}
		for gi := range all.shareSums {
			all.shareSums[gi] = all.shareSums[gi].Add(part.shareSums[gi])
		}
	}
	if p.rep != nil {
		for _, part := range parts {
			p.rep.Join(part.rows)
		}
	}
	return all, nil
}

func (p *payer) columns() []report.Column {
	cols := []report.Column{{Key: "household_id", En: "household", Zh: "户编号", Kind: report.TextKind}}
	if p.opts.groupCol != "" {
		cols = append(cols, report.Column{Key: "group", En: p.opts.groupCol, Zh: p.opts.groupCol, Kind: report.TextKind})
	}
	return append(cols,
		report.Column{Key: "weight", En: "weight", Zh: "权重", Kind: report.ExactKind, Places: p.tally.places},
		dividendShareColumn,
		p.opts.amountColumn("amount", "amount", "金额"))
}

// writeDividendTotals ends the households' rows with a total row per group
// and one for all.
func writeDividendTotals(e *env, opts dividendOptions, rep *report.Report, groups []*payGroup) error {
	grouped := opts.groupCol != ""
	row := func(group string, weight decimal.Decimal, share report.Cell, amount decimal.Decimal) []report.Cell {
		cells := []report.Cell{report.TotalLabel()}
		if grouped {
			cells = append(cells, report.TextCell(group))
		}
		return append(cells, report.NumCell(weight), share, report.NumCell(amount))
	}
	var groupShares []report.Cell // of one pool over every group
	if grouped && opts.poolGiven {
		groupShares = groupShareCells(opts, groups)
	}
	var total, totalWeight decimal.Decimal
	for gi, g := range groups {
		sum := g.paid.sum.Decimal()
		total, totalWeight = total.Add(sum), totalWeight.Add(g.weight)
		if grouped {
			share := report.PercentCell(g.weight, g.weight)
			if groupShares != nil {
				share = groupShares[gi]
			}
			rep.AddTotal(row(g.name, g.weight, share, sum)...)
		}
	}
	rep.AddTotal(row("", totalWeight, report.PercentCell(totalWeight, totalWeight), total)...)
	return rep.Finish(e.stdout)
}

func writeDividendSummary(e *env, opts dividendOptions, groups []*payGroup, shares []*payGroup) error {
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
	row := func(label report.Cell, paid paidSum, pool, retained report.Cell) []report.Cell {
		sum := paid.sum.Decimal()
		mean := report.PercentCell(sum, decimal.NewFromInt(paid.households)) // divided and rounded once, when printed
		return []report.Cell{label, report.Int64Cell(paid.households), pool, retained, report.NumCell(sum), mean,
			report.AmountCell(paid.min), report.AmountCell(paid.max)}
	}
	var all paidSum
	var pool, retained decimal.Decimal
	for _, g := range shares {
		pool, retained = pool.Add(g.pool), retained.Add(g.retained)
	}
	for _, g := range groups {
		all.join(g.paid)
		if opts.poolGiven {
			if opts.groupCol != "" {
				rep.Add(row(report.TextCell(g.name), g.paid, report.Cell{}, report.Cell{})...)
			}
			continue
		}
		rep.Add(row(report.TextCell(g.name), g.paid, report.NumCell(g.pool), report.NumCell(g.retained))...)
	}
	if opts.groupCol == "" {
		rep.Add(row(report.TextCell(""), all, report.NumCell(pool), report.NumCell(retained))...)
	} else {
		rep.AddTotal(row(report.TotalLabel(), all, report.NumCell(pool), report.NumCell(retained))...)
	}
	return rep.Finish(e.stdout)
}
