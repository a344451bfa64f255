package main

import (
	"math/big"
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
)

// rowExtras are a row's figures formed across rows rather than from its
// series alone: the average growth over --avg-from…--avg-to, growth at
// comparable prices, and the rank among groups.
type rowExtras struct {
	avg                                 report.Cell
	realYoY, realPeriodYoY, realTwoYear report.Cell
	realContribPP, realContribPct       report.Cell
	rank, rankOf                        report.Cell
	share                               report.Cell // with --share-rounding largest-remainder
	shareSet                            bool
}

func (ex *rowExtras) cell(key string) report.Cell {
	switch key {
	case "avg_pct":
		return ex.avg
	case "real_yoy_pct":
		return ex.realYoY
	case "real_period_yoy_pct":
		return ex.realPeriodYoY
	case "real_yoy2_avg_pct":
		return ex.realTwoYear
	case "real_contrib_pp":
		return ex.realContribPP
	case "real_contrib_pct":
		return ex.realContribPct
	case "rank":
		return ex.rank
	case "rank_of":
		return ex.rankOf
	}
	return report.Cell{}
}

// extrasPlan is what growth forms beyond calc.GrowthOf, once per series.
type extrasPlan struct {
	out     report.Options
	avg     *averageSpan
	defl    *deflator
	twoYear bool
	rank    *rankOptions
	rankCol report.Column

	// Of the series formed now: whether it holds each period's own
	// figures, deflated by each period's own index, and which of its
	// Februaries are 1–2月 (febLabels.of).
	own    bool
	janFeb func(calc.Period) bool

	shares       report.ShareRounding
	shareCol     report.Column
	sharesHalfUp bool // some period's shares could not be made to add to 100
}

func (p *extrasPlan) wanted() bool {
	return p.avg != nil || p.defl != nil || p.rank != nil || p.shares == report.SharesLargestRemainder
}

// formExtras forms the extras of one series: rows[g] are group g's rows
// (one group without --group-col), total the total's (nil without groups).
func formExtras[N growthAmount[N]](p *extrasPlan, groups []string, rows [][]calc.RowOf[N], total []calc.RowOf[N]) (ex [][]rowExtras, totalEx []rowExtras) {
	ex = make([][]rowExtras, len(rows))
	for g := range rows {
		ex[g] = make([]rowExtras, len(rows[g]))
		if p.avg != nil {
			formAverage(p.avg, rows[g], ex[g], p.janFeb)
		}
	}
	if total != nil {
		totalEx = make([]rowExtras, len(total))
		if p.avg != nil {
			formAverage(p.avg, total, totalEx, p.janFeb)
		}
	}
	if p.defl != nil {
		formReal(p, groups, rows, ex, total, totalEx)
	}
	if p.shares == report.SharesLargestRemainder && total != nil {
		formShares(p, rows, ex)
	}
	if p.rank != nil && total != nil {
		formRanks(p, rows, ex)
	}
	return ex, totalEx
}

// formAverage puts the average growth on the row of the span's last period.
func formAverage[N growthAmount[N]](a *averageSpan, rows []calc.RowOf[N], ex []rowExtras, jf func(calc.Period) bool) {
	points := make([]calc.PointOf[N], len(rows))
	to := -1
	for i := range rows {
		points[i] = calc.PointOf[N]{Period: rows[i].Period, Value: rows[i].Value}
		if rows[i].Period == a.to {
			to = i
		}
	}
	if to >= 0 {
		ex[to].avg = averageOver(a, points, jf)
	}
}

// averageOver is the average growth of a series over the span; missing when
// either end has no value, or one end is a 1–2月 figure of the two months
// together and the other is not (jf: febLabels.of).
func averageOver[N growthAmount[N]](a *averageSpan, points []calc.PointOf[N], jf func(calc.Period) bool) report.Cell {
	if !comparable(jf, a.from, a.to) {
		return report.Cell{}
	}
	var from, to calc.Opt[N]
	for _, p := range points {
		switch p.Period {
		case a.from:
			from = p.Value
		case a.to:
			to = p.Value
		}
	}
	if !from.OK || !to.OK {
		return report.Cell{}
	}
	pct, ok := calc.AverageGrowth(from.V.Num().Decimal(), to.V.Num().Decimal(), a.years)
	return report.MaybeCell(calc.Maybe{V: pct, OK: ok})
}

// pairSum is figures and their bases at comparable prices, summed over
// groups.
type pairSum struct {
	cur, prior *big.Rat
	count      int
	janFeb     int // of count, rows whose period value is the 1–2月 total
}

func (s *pairSum) add(cur, prior *big.Rat, janFeb bool) {
	if s.cur == nil {
		s.cur, s.prior = new(big.Rat), new(big.Rat)
	}
	s.cur.Add(s.cur, cur)
	s.prior.Add(s.prior, prior)
	s.count++
	if janFeb {
		s.janFeb++
	}
}

// realRate is one real rate: the level on a year earlier (real_yoy_pct),
// the single period's value on a year earlier (real_period_yoy_pct), or the
// level on two years earlier (real_yoy2_avg_pct, a yearly average).
type realRate[N growthAmount[N]] struct {
	years   int
	spans   bool                                                   // of period values, whose span differs on a jan-feb row
	indexes func(r *calc.RowOf[N]) map[deflatorKey]decimal.Decimal // the indexes that deflate r's figures
	values  func(r *calc.RowOf[N]) (cur, earlier calc.Num, ok bool)
	set     func(ex *rowExtras, cur, prior *big.Rat)
}

func realRates[N growthAmount[N]](p *extrasPlan) []realRate[N] {
	d := p.defl
	// A January–February row's period value is the 1–2月 total, which
	// the year-to-date index deflates, not February's own.
	periods := func(r *calc.RowOf[N]) map[deflatorKey]decimal.Decimal {
		if r.JanFeb {
			return d.index
		}
		return d.period
	}
	levels := func(*calc.RowOf[N]) map[deflatorKey]decimal.Decimal { return d.index }
	if p.own {
		levels = periods // each period's own figure, deflated by its own index
	}
	rates := []realRate[N]{{1, false, levels, func(r *calc.RowOf[N]) (calc.Num, calc.Num, bool) {
		return r.Value.V.Num(), r.YoYPct.Den.Num(), r.Value.OK && r.YoYPct.OK && !r.YoYPct.Whole
	}, func(ex *rowExtras, cur, prior *big.Rat) { ex.realYoY = changeCell(cur, prior, prior) }}}
	if d.period != nil {
		rates = append(rates, realRate[N]{1, true, periods, func(r *calc.RowOf[N]) (calc.Num, calc.Num, bool) {
			return r.PeriodValue.V.Num(), r.PeriodYoYPct.Den.Num(), r.PeriodValue.OK && r.PeriodYoYPct.OK && !r.PeriodYoYPct.Whole
		}, func(ex *rowExtras, cur, prior *big.Rat) { ex.realPeriodYoY = changeCell(cur, prior, prior) }})
	}
	if p.twoYear {
		rates = append(rates, realRate[N]{2, false, levels, func(r *calc.RowOf[N]) (calc.Num, calc.Num, bool) {
			return r.Value.V.Num(), r.TwoYearsEarlier.V.Num(), r.Value.OK && r.TwoYearsEarlier.OK && r.TwoYearsEarlier.V.Sign() > 0
		}, func(ex *rowExtras, cur, prior *big.Rat) {
			pct, ok := calc.AverageGrowthOf(new(big.Rat).Quo(cur, prior), 2)
			ex.realTwoYear = report.MaybeCell(calc.Maybe{V: pct, OK: ok})
		}})
	}
	return rates
}

// changeCell is (cur − prior) ÷ base, exact, divided when printed.
func changeCell(cur, prior, base *big.Rat) report.Cell {
	num, den, ok := calc.RatQuotient(new(big.Rat).Sub(cur, prior), base)
	if !ok {
		return report.Cell{}
	}
	return report.PercentCell(num, den)
}

// formReal forms the real rates of every row; with groups, the total's from
// the sums of the groups' deflated levels, and each group's contribution at
// comparable prices (拉动 and 贡献率 at constant prices).
func formReal[N growthAmount[N]](p *extrasPlan, groups []string, rows [][]calc.RowOf[N], ex [][]rowExtras, total []calc.RowOf[N], totalEx []rowExtras) {
	d := p.defl
	for k, rate := range realRates[N](p) {
		sums := map[int]*pairSum{}
		pairs := make([][][2]*big.Rat, len(rows))
		for g := range rows {
			pairs[g] = make([][2]*big.Rat, len(rows[g]))
			for i := range rows[g] {
				r := &rows[g][i]
				cur, earlier, ok := rate.values(r)
				if !ok {
					continue
				}
				indexes, ok := d.indexes(rate.indexes(r), groups[g], r.Period, rate.years)
				if !ok {
					continue
				}
				c, pr := calc.Deflate(cur.Decimal(), earlier.Decimal(), indexes, d.base)
				rate.set(&ex[g][i], c, pr)
				pairs[g][i] = [2]*big.Rat{c, pr}
				s := sums[r.Period.Index()]
				if s == nil {
					s = &pairSum{}
					sums[r.Period.Index()] = s
				}
				s.add(c, pr, r.JanFeb)
			}
		}
		if total == nil {
			continue
		}
		for i := range total {
			s := sums[total[i].Period.Index()]
			if s == nil || s.count != len(rows) || s.prior.Sign() <= 0 {
				continue
			}
			if rate.spans && s.janFeb != 0 && s.janFeb != s.count {
				// Some groups' February is the 1–2月 total, others' February
				// alone: their sum is no period of the total's. The total's
				// February is its 1–2月 total (some group has no January),
				// whose real growth is its level's, formed first.
				if total[i].JanFeb {
					totalEx[i].realPeriodYoY = totalEx[i].realYoY
				}
				continue
			}
			rate.set(&totalEx[i], s.cur, s.prior)
			if k == 0 {
				totalEx[i].realContribPP = totalEx[i].realYoY
				if s.cur.Cmp(s.prior) != 0 {
					totalEx[i].realContribPct = report.IntCell(100)
				}
			}
		}
		if k != 0 {
			continue
		}
		// 拉动: a group's change at comparable prices ÷ the total's base;
		// 贡献率: ÷ the total's change.
		for g := range rows {
			for i, pair := range pairs[g] {
				s := sums[rows[g][i].Period.Index()]
				if pair[0] == nil || s.count != len(rows) || s.prior.Sign() <= 0 {
					continue
				}
				ex[g][i].realContribPP = changeCell(pair[0], pair[1], s.prior)
				ex[g][i].realContribPct = changeCell(pair[0], pair[1], new(big.Rat).Sub(s.cur, s.prior))
			}
		}
	}
}

// formShares rounds the groups' shares of each period together, so that
// they add to exactly 100 as printed.
func formShares[N growthAmount[N]](p *extrasPlan, rows [][]calc.RowOf[N], ex [][]rowExtras) {
	for _, at := range byPeriod(rows) {
		var parts []decimal.Decimal
		var which [][2]int
		for _, gi := range at {
			if r := &rows[gi[0]][gi[1]]; r.SharePct.OK {
				parts = append(parts, r.Value.V.Num().Decimal())
				which = append(which, gi)
			}
		}
		cells, halfUp := p.out.ShareCells(p.shareCol, parts, p.shares)
		p.sharesHalfUp = p.sharesHalfUp || halfUp
		for j, gi := range which {
			ex[gi[0]][gi[1]].share, ex[gi[0]][gi[1]].shareSet = cells[j], true
		}
	}
}

// byPeriod is every group's rows, (group, row) pairs, period by period in
// calendar order.
func byPeriod[N growthAmount[N]](rows [][]calc.RowOf[N]) [][][2]int {
	at := map[int][][2]int{}
	var periods []int
	for g := range rows {
		for i := range rows[g] {
			k := rows[g][i].Period.Index()
			if _, ok := at[k]; !ok {
				periods = append(periods, k)
			}
			at[k] = append(at[k], [2]int{g, i})
		}
	}
	slices.Sort(periods)
	out := make([][][2]int, len(periods))
	for j, k := range periods {
		out[j] = at[k]
	}
	return out
}

// formRanks ranks the groups at each period by the --rank-by figure.
// The total is not ranked.
func formRanks[N growthAmount[N]](p *extrasPlan, rows [][]calc.RowOf[N], ex [][]rowExtras) {
	for _, at := range byPeriod(rows) {
		cells := make([]report.Cell, len(at))
		for j, gi := range at {
			cells[j] = growthCell(p.rankCol.Key, &rows[gi[0]][gi[1]], &ex[gi[0]][gi[1]])
		}
		ranks, of := p.out.Ranks(p.rankCol, cells, p.rank.lowest, p.rank.exact)
		for j, gi := range at {
			if ranks[j] > 0 {
				ex[gi[0]][gi[1]].rank = report.IntCell(ranks[j])
				ex[gi[0]][gi[1]].rankOf = report.IntCell(of)
			}
		}
	}
}

// rankOptions is --rank, --rank-by and --rank-exact.
type rankOptions struct {
	by     string // an output key
	lowest bool   // -KEY: lowest first
	exact  bool
}
