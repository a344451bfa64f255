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

// villageSums are the sums by village, the last village at hand: a
// registry lists a village's households together.
type villageSums struct {
	m        map[string]*villageSum
	last     *villageSum
	lastName string
}

func newVillageSums() *villageSums { return &villageSums{m: map[string]*villageSum{}} }

func (s *villageSums) add(village []byte, h *calc.Registered) {
	v := s.last
	if v == nil || string(village) != s.lastName {
		if v = s.m[string(village)]; v == nil {
			v = &villageSum{}
			s.m[string(village)] = v
		}
		s.last, s.lastName = v, string(village)
	}
	v.persons += h.Members
	v.income = v.income.Add(h.Counted)
}

func (s *villageSums) merge(o *villageSums) {
	for name, v := range o.m {
		if m := s.m[name]; m == nil {
			s.m[name] = v
		} else {
			m.persons += v.persons
			m.income = m.income.Add(v.income)
		}
	}
}

// sumsOf are the villages' sums from their tallies.
func sumsOf(villages map[string]*calc.Tally) *villageSums {
	s := newVillageSums()
	for name, t := range villages {
		s.m[name] = &villageSum{persons: t.Persons, income: calc.DecimalNum(t.Income)}
	}
	return s
}

// checkTotals compares the registry's total rows with the households they
// cover: a village's (its 合计 in the id column) or every village's.
func (g *registryReader) checkTotals(e *env, p *registryPart, sums *villageSums) error {
	noteSubtotals(e, p.subtotals)
	for _, r := range p.reported {
		var want villageSum
		for name, v := range sums.m {
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
