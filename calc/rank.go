package calc

import (
	"sort"

	"github.com/shopspring/decimal"
)

// CompetitionRanks ranks n figures as league tables and 位次 do: the best
// is 1, figures that tie share a rank, and the rank after a tie skips as
// many places as tied (1, 2, 2, 4). cmp(i, j) < 0 when figure i ranks ahead
// of figure j, 0 when they tie. A figure that is not ranked (ranked(i) is
// false: a missing growth rate) gets rank 0 and is not counted in of, the
// number of figures ranked.
func CompetitionRanks(n int, ranked func(i int) bool, cmp func(i, j int) int) (ranks []int, of int) {
	order := make([]int, 0, n)
	for i := 0; i < n; i++ {
		if ranked(i) {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return cmp(order[a], order[b]) < 0 })
	ranks = make([]int, n)
	for pos, i := range order {
		if pos > 0 && cmp(order[pos-1], i) == 0 {
			ranks[i] = ranks[order[pos-1]]
			continue
		}
		ranks[i] = pos + 1
	}
	return ranks, len(order)
}

// CompareQuotients compares a ÷ b with c ÷ d exactly (b and d not zero):
// -1, 0 or 1, as the sign of a ÷ b − c ÷ d, which is the sign of
// (a·d − c·b) ÷ (b·d).
func CompareQuotients(a, b, c, d decimal.Decimal) int {
	return a.Mul(d).Sub(c.Mul(b)).Sign() * b.Sign() * d.Sign()
}
