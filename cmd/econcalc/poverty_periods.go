package main

import (
	"fmt"
	"regexp"

	"econcalc/cmd/internal/input"
)

// A registry export often gives an income for two years side by side
// (2016年人均纯收入, 2017年人均纯收入; 上年人均纯收入, 本年人均纯收入;
// 工资性收入, 工资性收入（上年）): the same income twice, never two parts of
// one, so that adding them would make a poor household rich.

// incomePeriod is the period a counted column's header names: a year, or
// last year (上年, 去年); zero for a header that names neither.
type incomePeriod struct {
	col      int
	label    string
	year     int
	lastYear bool
}

func (p incomePeriod) named() bool { return p.year != 0 || p.lastYear }

// earlier reports p as of a period before q's: last year before any other,
// a year before a later one.
func (p incomePeriod) earlier(q incomePeriod) bool {
	if p.lastYear {
		return !q.lastYear
	}
	return !q.lastYear && p.year != 0 && q.year != 0 && p.year < q.year
}

// checkIncomePeriods refuses counted columns of two periods: two years, or
// last year beside any other (上年 beside 本年, or beside a header naming
// none, whose figures are this year's). Headers naming a year beside
// headers naming none are left alone (2017年工资性收入 beside 转移净收入),
// and so are months, which may be parts of one year (1-6月, 7-12月).
func checkIncomePeriods(in *input.Source, counted []int) error {
	periods := make([]incomePeriod, len(counted))
	for k, i := range counted {
		periods[k].col = i
		if p, ok := namedPeriod(in.Header[i]); ok {
			periods[k] = incomePeriod{col: i, label: p.label, year: p.year, lastYear: p.lastYear}
		}
	}
	for _, p := range periods {
		if !p.named() {
			continue
		}
		for _, q := range periods {
			if p.earlier(q) {
				return periodsError(in, p, q)
			}
		}
	}
	return nil
}

// thisYearWord names this year in a header: 本年人均纯收入.
var thisYearWord = regexp.MustCompile(`本年度?|当年|今年`)

func periodsError(in *input.Source, old, cur incomePeriod) error {
	of := func(p incomePeriod) string {
		if w := thisYearWord.FindString(in.Header[p.col]); !p.named() && w != "" {
			return "is of " + w
		} else if !p.named() {
			return "names none (this year's)"
		}
		return "is of " + p.label
	}
	return in.HeaderError(in.Header[old.col], fmt.Sprintf(
		"is of %s and %s %s: the same income for two periods, which adding would count as one; count one period's with --income %s (or --per-capita-col), or leave the other out with --ignore %s",
		old.label, input.QuoteCell(in.Header[cur.col]), of(cur), input.QuoteCell(in.Header[cur.col]), input.QuoteCell(in.Header[old.col])))
}
