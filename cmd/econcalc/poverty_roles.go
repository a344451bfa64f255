package main

import (
	"fmt"
	"slices"
	"strings"

	"econcalc/cmd/internal/input"
)

// checkIncomeRoles refuses, among the columns counted by their headers, one
// that adding would make a household richer than it is: an expense, a
// breakdown of another column (其中：养老金), or the household's whole
// income beside its parts (收入合计 beside 工资性收入). Which is meant is
// the user's to say, with --income or --ignore.
func checkIncomeRoles(in *input.Source, counted []int) error {
	const say = "; name the components with --income, or leave it out with --ignore"
	if err := checkIncomePeriods(in, counted); err != nil {
		return err
	}
	var totals []int
	for _, i := range counted {
		name := in.Header[i]
		switch h := headerName(name); {
		case containsAny(h, expenseFragments):
			return in.HeaderError(name, "is an expense, not income: adding it would raise the household's income"+say)
		case strings.HasPrefix(strings.TrimSpace(h), "其中"):
			return in.HeaderError(name, "is a breakdown (其中) of another column: adding it would count that income twice"+say)
		case (containsAny(h, totalIncomeFragments) || slices.Contains(totalIncomeNames, h)) && !containsAny(h, componentFragments):
			totals = append(totals, i)
		}
	}
	if len(totals) == 0 || len(counted) == 1 {
		return nil
	}
	var others []string
	for _, i := range counted {
		if i != totals[0] {
			others = append(others, in.Header[i])
		}
	}
	return in.HeaderError(in.Header[totals[0]], fmt.Sprintf(
		"is a household's whole income, beside %s: adding them would count its parts twice; count it alone with --income %s, or leave it out with --ignore",
		input.QuoteNames(others), input.QuoteCell(in.Header[totals[0]])))
}
