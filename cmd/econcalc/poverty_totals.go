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
	// Files read together each total their own households (f1.csv's 合计,
	// f3.csv's 合计): their sums are by file, members too.
	byFile := len(g.opts.in.Files) > 1
	var sums map[sumKey][]calc.Num
	for _, r := range p.reported {
		if sums == nil && (len(r.values) > 1 || byFile) {
			var err error
			if sums, err = g.columnSums(in, byFile); err != nil {
				return err
			}
		}
	}
	for _, r := range p.reported {
		file := ""
		if byFile {
			file = r.at.File()
		}
		has := func(name string) bool {
			if byFile {
				_, ok := sums[sumKey{file, name}]
				return ok
			}
			_, ok := people[name]
			return ok
		}
		r.scope = villageNamed(r.scope, has, people)
		village, want := r.settleScope(has, func(village string) []calc.Num { return g.villageTotals(file, village, people, sums) })
		scope := "all villages"
		if village != "" {
			scope = village
		}
		if byFile {
			scope += " of " + file
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

// villageNamed is the registry's village that a total's label names
// (labelledGroup: simplified, without spaces), or name itself.
func villageNamed(name string, has func(string) bool, people villageSums) string {
	if name == "" || has(name) {
		return name
	}
	var found []string
	for v := range people {
		if labelName(v) == name {
			found = append(found, v)
		}
	}
	if len(found) == 1 { // two would be two villages' spellings: neither
		return found[0]
	}
	return name
}

// sumKey is where a household's columns are summed: its village, and its
// file when several are read together.
type sumKey struct{ file, village string }

// villageTotals are the sums of a total row's checked columns over a
// village, or over all of them, of file when sums are by file: members,
// then each counted income column.
func (g *registryReader) villageTotals(file, village string, people villageSums, sums map[sumKey][]calc.Num) []calc.Num {
	want := make([]calc.Num, len(g.checked))
	if file != "" { // sums hold every checked column, members first
		for key, s := range sums { // sums: the order of adding does not matter
			if key.file == file && (village == "" || village == key.village) {
				for k := range s {
					want[k] = want[k].Add(s[k])
				}
			}
		}
		return want
	}
	var n int64
	for name, v := range people {
		if village == "" || village == name {
			n += v
		}
	}
	want[0] = calc.IntNum(n)
	for key, s := range sums { // sums: the order of adding does not matter
		if village == "" || village == key.village {
			for k := range s {
				want[k+1] = want[k+1].Add(s[k])
			}
		}
	}
	return want
}

// columnSums reads the registry again for the sums, by village, of the
// income columns a total row checks (totalChecked, after members), each
// in 元; byFile, by file and village, of every checked column, members
// first.
func (g *registryReader) columnSums(in *input.Source, byFile bool) (map[sumKey][]calc.Num, error) {
	cols := g.checked[1:]
	if byFile {
		cols = g.checked
	}
	newPart := func(int64) map[sumKey][]calc.Num { return map[sumKey][]calc.Num{} }
	add := func(sums map[sumKey][]calc.Num, rec *input.Row) error {
		if kind, _, err := g.opts.totals.rowLabel(rec, g.cols.id, g.cols.village, g.first); err != nil || kind != dataRow {
			return err
		}
		key := sumKey{village: rec.Text(g.cols.village)}
		if byFile {
			key.file = rec.Pos().File()
		}
		s := sums[key]
		if s == nil {
			s = make([]calc.Num, len(cols))
			sums[key] = s
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
	merge := func(parts []map[sumKey][]calc.Num) (map[sumKey][]calc.Num, error) {
		all := parts[0]
		for _, part := range parts[1:] {
			for key, s := range part { // sums: the order of adding does not matter
				if a := all[key]; a != nil {
					for k := range a {
						a[k] = a[k].Add(s[k])
					}
				} else {
					all[key] = s
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
