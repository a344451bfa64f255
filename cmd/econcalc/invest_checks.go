package main

import (
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

// projectLines remember where each project was first listed, by category
// and name, so that one listed again is warned about: a row copied twice
// is counted twice, while two projects of one name in a category (two
// villages' 道路硬化) may be real.
type projectLines map[[2]string]input.Pos

func (s projectLines) see(e *env, p project, at input.Pos) {
	key := [2]string{p.category, p.name}
	first, seen := s[key]
	if !seen {
		s[key] = at
		return
	}
	where := ""
	if p.category != "" {
		where = " in " + input.QuoteCell(p.category)
	}
	e.warnf("%s: project %s%s is listed again (first on line %d): both are counted; take one out if it is a copy",
		at, input.QuoteCell(p.name), where, first.Line())
}

// checkInvestTotals compares the table's total rows with the projects they
// cover: a category's (its 合计 in the project column), or all of them.
func checkInvestTotals(e *env, t totalsOptions, reported []reportedTotal, projects []project, names [2]string) error {
	for _, r := range reported {
		has := func(name string) bool {
			return slices.ContainsFunc(projects, func(p project) bool { return p.category == name })
		}
		covers, sums := r.settleScope(has, func(covers string) []calc.Num {
			var sums [2]decimal.Decimal
			for _, p := range projects {
				if covers == "" || p.category == covers {
					sums[0], sums[1] = sums[0].Add(p.planned), sums[1].Add(p.completed)
				}
			}
			return []calc.Num{calc.DecimalNum(sums[0]), calc.DecimalNum(sums[1])}
		})
		scope := "all projects"
		if covers != "" {
			scope = covers
		}
		for i, sum := range sums {
			if !r.ok[i] {
				continue
			}
			if err := t.check(e, r.at, r.label, names[i]+" of "+scope, sum, r.values[i]); err != nil {
				return err
			}
		}
	}
	return nil
}
