package main

import (
	"fmt"
	"runtime"
	"slices"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
)

// payeeLayout is where dividend finds its columns; group and weight are -1
// when absent (equal weights).
type payeeLayout struct {
	id, group, weight int
	totals            totalsOptions
}

func findPayeeColumns(in *input.Source, opts dividendOptions) (payeeLayout, error) {
	l := payeeLayout{group: -1, weight: -1, totals: opts.totals}
	var err error
	if l.id, err = in.Find(householdIDColumn, opts.idCol); err != nil {
		return l, err
	}
	if opts.groupCol != "" {
		if l.group, err = in.Named(opts.groupCol); err != nil {
			return l, err
		}
	}
	switch strings.ToLower(strings.TrimSpace(opts.by)) {
	case "equal":
	case "members":
		l.weight, err = in.Find(membersColumn, opts.membersCol)
	default:
		l.weight, err = in.Named(opts.by)
	}
	return l, err
}

// readPayees reads the households, in parallel parts when the input
// allows.
func readPayees(e *env, opts *dividendOptions) ([]payee, []*payGroup, error) {
	in, err := input.Open(opts.in, e.stdin)
	if err != nil {
		return nil, nil, err
	}
	defer in.Close()
	l, err := findPayeeColumns(in, *opts)
	if err != nil {
		return nil, nil, err
	}
	opts.weightsAt.File = in.First()
	if l.weight >= 0 {
		opts.weightsAt.Column = in.Header[l.weight]
	}
	in.Unique(l.id, "household")
	read, err := input.Fold(in, newPayeePart, l.add, mergePayees)
	if err != nil {
		return nil, nil, err
	}
	if err := read.checkTotals(e, opts.totals, in.Header[max(l.weight, 0)]); err != nil {
		return nil, nil, err
	}
	return read.payees, read.groups.groups, nil
}

// payeeGroups assigns households to groups in first-appearance order.
type payeeGroups struct {
	groups []*payGroup
	byName map[string]int
}

// index is the group of that name, new if need be.
func (g *payeeGroups) index(name string) int {
	gi, ok := g.byName[name]
	if !ok {
		gi = len(g.groups)
		g.byName[name] = gi
		g.groups = append(g.groups, &payGroup{name: name})
	}
	return gi
}

// join puts a payee in group gi.
func (g *payeeGroups) join(gi, payee int) {
	g.groups[gi].members = append(g.groups[gi].members, payee)
}

// payeePart is the households of one part of the input.
type payeePart struct {
	payees    []payee
	groups    payeeGroups
	lastGroup int                            // households of a group are usually listed together
	weights   map[calc.Fixed]decimal.Decimal // each weight made a decimal once
	reported  []reportedTotal                // the file's own total rows
	subtotals int
}

// newPayeePart is a part for so many bytes of input: a row of a household
// file is rarely shorter than 24 bytes, so its list is sized once.
func newPayeePart(bytes int64) *payeePart {
	return &payeePart{payees: make([]payee, 0, bytes/24), groups: payeeGroups{byName: map[string]int{}},
		lastGroup: -1, weights: map[calc.Fixed]decimal.Decimal{}}
}

var one = decimal.NewFromInt(1)

// add reads one household.
func (l *payeeLayout) add(p *payeePart, rec *input.Row) error {
	switch kind, col, err := l.totals.labelled(rec, l.group, l.id); {
	case err != nil:
		return err
	case kind == totalRow:
		var checked []int
		if l.weight >= 0 {
			checked = append(checked, l.weight)
		}
		t, err := readTotal(rec, col, totalScope(rec, col, l.group), checked)
		p.reported = append(p.reported, t)
		return err
	case kind == subtotalRow:
		p.subtotals++
		return nil
	}
	id := rec.Cell(l.id)
	if len(id) == 0 {
		return rec.Errorf(l.id, "empty household id")
	}
	if err := rec.Unique(id); err != nil {
		return err
	}
	group := p.lastGroup
	if l.group >= 0 {
		name := rec.Cell(l.group)
		if len(name) == 0 {
			return rec.Errorf(l.group, "empty group")
		}
		if group < 0 || string(name) != p.groups.groups[group].name {
			group = p.groups.index(string(name))
		}
	} else if group < 0 {
		group = p.groups.index("")
	}
	p.lastGroup = group
	weight := one
	if l.weight >= 0 {
		w, ok, err := rec.Amount(l.weight)
		switch {
		case err != nil:
			return err
		case !ok:
			return rec.Errorf(l.weight, "empty: every household needs a weight (write 0 for none)")
		case w.Sign() < 0:
			return rec.Errorf(l.weight, "%s: a weight cannot be negative", report.ExactNum(w))
		}
		weight = p.weightOf(w)
	}
	p.groups.join(group, len(p.payees))
	p.payees = append(p.payees, payee{id: string(id), weight: weight, group: group})
	return nil
}

// weightOf is a weight as a decimal, made once for each weight seen.
func (p *payeePart) weightOf(w calc.Num) decimal.Decimal {
	f, fixed := w.Fixed()
	if !fixed {
		return w.Decimal()
	}
	d, seen := p.weights[f]
	if !seen {
		d = w.Decimal()
		p.weights[f] = d
	}
	return d
}

// mergePayees joins the parts in input order, into the first: groups keep
// their order of first appearance.
func mergePayees(parts []*payeePart) (*payeePart, error) {
	all := parts[0]
	total := 0
	for _, p := range parts {
		total += len(p.payees)
	}
	all.payees = slices.Grow(all.payees, total-len(all.payees))
	for _, p := range parts[1:] {
		all.reported = append(all.reported, p.reported...)
		all.subtotals += p.subtotals
		offset := len(all.payees)
		into := make([]int, len(p.groups.groups))
		for gi, g := range p.groups.groups {
			into[gi] = all.groups.index(g.name)
			for _, k := range g.members {
				all.groups.join(into[gi], offset+k)
			}
		}
		for _, py := range p.payees {
			py.group = into[py.group]
			all.payees = append(all.payees, py)
		}
		p.payees = nil // garbage once copied
	}
	// Hand the copied parts back before the amounts and the output
	// allocate, so that they reuse that memory.
	runtime.GC()
	return all, nil
}

// readPools reads --pools into the groups, insisting on one pool per group
// and one group per pool.
func readPools(e *env, opts dividendOptions, groups []*payGroup) error {
	in, err := input.Open(input.Options{Files: []string{opts.poolsFile}, Encoding: opts.in.Encoding, Delimiter: opts.in.Delimiter, MaxRecord: opts.in.MaxRecord}, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	group := in.Index(opts.groupCol)
	if group < 0 {
		if group, err = in.Find(villageColumn, ""); err != nil {
			return err
		}
	}
	pool, err := in.FindOptional(poolColumn, "")
	if err != nil {
		return err
	}
	kwh, tariff := -1, -1
	if pool < 0 {
		if kwh, err = in.Find(kwhColumn, ""); err != nil {
			return in.HeaderError("", "no pool column: give pool (金额, 分红总额), or kwh (发电量) and tariff (电价); the header has: "+input.QuoteNames(in.Header))
		}
		if tariff, err = in.Find(tariffColumn, ""); err != nil {
			return err
		}
	}
	byName := map[string]*payGroup{}
	for _, g := range groups {
		byName[g.name] = g
	}
	err = in.Each(func(rec *input.Row) error {
		name := rec.Text(group)
		g, ok := byName[name]
		if !ok {
			return rec.Errorf(group, "pool for %q, which has no households in the input", name)
		}
		if g.poolAt.file != "" {
			return rec.Errorf(group, "%q has a pool already at %s", name, g.poolAt)
		}
		g.poolAt = place{rec.Pos().File(), rec.Pos().Line()}
		var amount calc.Maybe
		col := pool
		if pool >= 0 {
			if amount, err = rec.Number(pool); err != nil {
				return err
			}
		} else {
			k, err := rec.Number(kwh)
			if err != nil {
				return err
			}
			t, err := rec.Number(tariff)
			if err != nil {
				return err
			}
			amount = calc.Maybe{V: k.V.Mul(t.V), OK: k.OK && t.OK}
			col = kwh
		}
		switch {
		case !amount.OK:
			return rec.Errorf(col, "empty: every group needs its pool")
		case amount.V.Sign() < 0:
			return rec.Errorf(col, "%s: a pool cannot be negative", report.ExactString(amount.V))
		}
		if _, err := calc.WholeUnits(amount.V, opts.unit); err != nil {
			return rec.Errorf(col, "the pool %s is not a whole number of units of %s (--unit)", report.ExactString(amount.V), report.ExactString(opts.unit))
		}
		g.pool = amount.V
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
	return nil
}

// checkTotals compares the file's total rows with the weights of the
// households they cover: a group's, or everyone's. With equal weights a
// total row has nothing to check, and is only left out.
func (p *payeePart) checkTotals(e *env, t totalsOptions, weightColumn string) error {
	noteSubtotals(e, p.subtotals)
	for _, r := range p.reported {
		if len(r.values) == 0 {
			continue
		}
		var sum decimal.Decimal
		for _, py := range p.payees {
			if r.scope == "" || p.groups.groups[py.group].name == r.scope {
				sum = sum.Add(py.weight)
			}
		}
		scope := "every household"
		if r.scope != "" {
			scope = r.scope
		}
		if !r.ok[0] {
			continue
		}
		if err := t.check(e, r.at, r.label, weightColumn+" of "+scope, calc.DecimalNum(sum), r.values[0]); err != nil {
			return err
		}
	}
	return nil
}
