package main

import (
	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// villageSums are the villages' people, by name: what a registry's total
// row is checked against for its members.
type villageSums map[string]int64

// checkTotals compares the registry's total rows with the households they
// cover, a village's (its 合计 in the id column) or every village's: the
// members, and each counted income column on its own, so that errors
// between columns cannot cancel out and each column's rounding is its own.
// The columns' sums come from a second reading, made only for a registry
// with total rows that give income (columnSums).
func (g *registryReader) checkTotals(e *env, in *input.Source, p *registryPart, people villageSums) error {
	noteSubtotals(e, p.subtotals)
	var sums map[string][]calc.Num
	for _, r := range p.reported {
		if sums == nil && len(r.values) > 1 {
			var err error
			if sums, err = g.columnSums(in); err != nil {
				return err
			}
		}
	}
	has := func(name string) bool { _, ok := people[name]; return ok }
	for _, r := range p.reported {
		village, want := r.settleScope(has, func(village string) []calc.Num { return g.villageTotals(village, people, sums) })
		scope := "all villages"
		if village != "" {
			scope = village
		}
		for k, col := range g.checked {
			if !r.ok[k] {
				continue
			}
			what := in.Header[col]
			if g.cols.scale[col] != 0 {
				what += ", in 元," // the figures are compared in 元 (columnUnits)
			}
			if err := g.opts.totals.check(e, r.at, r.label, what+" in "+scope, want[k], r.values[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

// villageTotals are the sums of a total row's checked columns over a
// village, or over all of them: members, then each counted income column.
func (g *registryReader) villageTotals(village string, people villageSums, sums map[string][]calc.Num) []calc.Num {
	want := make([]calc.Num, len(g.checked))
	var n int64
	for name, v := range people {
		if village == "" || village == name {
			n += v
		}
	}
	want[0] = calc.IntNum(n)
	for name, s := range sums { // sums: the order of adding does not matter
		if village == "" || village == name {
			for k := range s {
				want[k+1] = want[k+1].Add(s[k])
			}
		}
	}
	return want
}

// columnSums reads the registry again for the sums, by village, of the
// income columns a total row checks (totalChecked, after members), each
// in 元.
func (g *registryReader) columnSums(in *input.Source) (map[string][]calc.Num, error) {
	cols := g.checked[1:]
	newPart := func(int64) map[string][]calc.Num { return map[string][]calc.Num{} }
	add := func(sums map[string][]calc.Num, rec *input.Row) error {
		if kind, _, err := g.opts.totals.rowLabel(rec, g.cols.id, g.cols.village, g.first); err != nil || kind != dataRow {
			return err
		}
		name := rec.Text(g.cols.village)
		s := sums[name]
		if s == nil {
			s = make([]calc.Num, len(cols))
			sums[name] = s
		}
		for k, c := range cols {
			v, _, err := rec.Amount(c)
			if err != nil {
				return err
			}
			s[k] = s[k].Add(v.Shift(g.cols.scale[c]))
		}
		return nil
	}
	merge := func(parts []map[string][]calc.Num) (map[string][]calc.Num, error) {
		all := parts[0]
		for _, part := range parts[1:] {
			for name, s := range part { // sums: the order of adding does not matter
				if a := all[name]; a != nil {
					for k := range a {
						a[k] = a[k].Add(s[k])
					}
				} else {
					all[name] = s
				}
			}
		}
		return all, nil
	}
	return input.Fold(in.Again(0), newPart, add, merge)
}

// totalChecked are the columns of a total row that are checked: members,
// then the counted income columns when none is per person (a total row's
// income per person is an average, not a sum).
func (c *householdColumns) totalChecked() []int {
	for _, i := range c.counted {
		if c.perCapita[i] {
			return []int{c.members}
		}
	}
	return append([]int{c.members}, c.counted...)
}
