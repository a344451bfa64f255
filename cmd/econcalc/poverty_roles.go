package main

import (
	"fmt"
	"regexp"
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
		case isWholeIncome(h):
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
	whose := "a household's"
	if containsAny(strings.ToLower(in.Header[totals[0]]), perCapitaMarks) {
		whose = "a person's" // 年人均纯收入 beside 人均工资性收入
	}
	return in.HeaderError(in.Header[totals[0]], fmt.Sprintf(
		"is %s whole income, beside %s: adding them would count its parts twice; count it alone with --income %s, or leave it out with --ignore",
		whose, input.QuoteNames(others), input.QuoteCell(in.Header[totals[0]])))
}

// wholeIncomeOf are the words before an income that say whose and of which
// period it is, not which part: a year (2017年, 上年, 全年, 年), the
// household (户, 全家, 全户, 家庭, 农户) or a person (人均). Without them,
// 年人均纯收入, 全家纯收入 and 户人均纯收入 are a bare 纯收入.
var wholeIncomeOf = regexp.MustCompile(`^(?:(?:19|20)\d\d\s*年度?|上一?年度?|去年|本年度?|当年|今年|全年|年度|年|全家|全户|家庭|农户|户|人均|\s)+`)

// isWholeIncome reports a header (headerName's) that names a household's or
// a person's whole income rather than a part of it: one with a word of a
// whole (合计, 小计, 总计, 家庭, 可支配收入 …: totalIncomeFragments), or
// whose name after the words of wholeIncomeOf is a bare income (收入,
// 纯收入: totalIncomeNames); never one that names a part (工资, 经营,
// 种植 …: 家庭经营纯收入, 工资性收入小计).
func isWholeIncome(h string) bool {
	if containsAny(h, componentFragments) {
		return false
	}
	return containsAny(h, totalIncomeFragments) || slices.Contains(totalIncomeNames, wholeIncomeOf.ReplaceAllString(h, ""))
}
