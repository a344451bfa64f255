package main

import (
	"econcalc/calc"
)

// villageSum is what a registry's total row is checked against: a
// village's people and counted income.
type villageSum struct {
	persons int64
	income  calc.Num
}

// villageSums are the villages' sums, by name.
type villageSums map[string]villageSum

// checkTotals compares the registry's total rows with the households they
// cover: a village's (its 合计 in the id column) or every village's.
func (g *registryReader) checkTotals(e *env, p *registryPart, sums villageSums) error {
	noteSubtotals(e, p.subtotals)
	for _, r := range p.reported {
		var want villageSum
		for name, v := range sums {
			if r.scope == "" || r.scope == name {
				want.persons += v.persons
				want.income = want.income.Add(v.income)
			}
		}
		scope := "all villages"
		if r.scope != "" {
			scope = r.scope
		}
		var members, income []calc.Num
		for i, v := range r.values {
			switch {
			case !r.ok[i]:
			case i == 0:
				members = append(members, v)
			default:
				income = append(income, v)
			}
		}
		if err := g.opts.totals.check(e, r.at, r.label, "members in "+scope, calc.IntNum(want.persons), members...); err != nil {
			return err
		}
		if err := g.opts.totals.check(e, r.at, r.label, "counted income in "+scope, want.income, income...); err != nil {
			return err
		}
	}
	return nil
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
