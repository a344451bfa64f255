package report

import (
	"econcalc/calc"

	"github.com/shopspring/decimal"
)

// Ranks gives each of a column's cells its 位次 in competition ranking
// (1, 2, 2, 4; calc.CompetitionRanks): highest first, or lowest first for a
// figure where lower is better. Figures are compared as this report prints
// them, so two areas both shown as 8.5 share a rank; with exact, as their
// exact values. A missing cell is not ranked (rank 0) and not counted in of.
func (o Options) Ranks(col Column, cells []Cell, lowestFirst, exact bool) (ranks []int, of int) {
	type figure struct{ num, den decimal.Decimal }
	figures := make([]figure, len(cells))
	printer := &Report{opts: o}
	one := decimal.NewFromInt(1)
	for i := range cells {
		c := &cells[i]
		switch {
		case !c.ok || c.word || c.total || col.Kind == TextKind:
		case exact && c.quo:
			figures[i] = figure{c.num.Decimal(), c.den.Decimal()}
		case exact:
			figures[i] = figure{c.num.Decimal(), one}
		default:
			shown := printer.render(&col, c)
			figures[i] = figure{decimal.RequireFromString(shown.S), one}
		}
	}
	return calc.CompetitionRanks(len(cells),
		func(i int) bool { return !figures[i].den.IsZero() },
		func(i, j int) int {
			c := calc.CompareQuotients(figures[j].num, figures[j].den, figures[i].num, figures[i].den)
			if lowestFirst {
				return -c
			}
			return c
		})
}

// RankCell is a rank from Ranks as a cell: missing when not ranked.
func RankCell(rank int) Cell {
	if rank == 0 {
		return Cell{}
	}
	return IntCell(rank)
}
