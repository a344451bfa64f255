package main

import (
	"econcalc/calc"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
)

// With --share-rounding largest-remainder a pool's households' share_pct
// add to exactly 100 as printed. That is a second split of each pool, of
// 100 into units of the column's last place, decided from the same counts
// of households by weight as the money (calc.SplitHundred), so that memory
// stays flat: a household's share is its weight's floor, and one unit more
// above the cut or for the first Tied() at it in input order, counted
// across the parallel parts as the money's ties are.

// dividendShareColumn is share_pct: a household's weight over its pool's.
var dividendShareColumn = report.Column{Key: "share_pct", En: "share %", Zh: "份额%", Kind: report.PercentKind}

// splitShares decides each pool's split of 100 (weights are the pools'
// counts of households by weight, as split was given them) and counts, in
// each part of the first pass, the households at each pool's cut. Half up,
// it does nothing.
func splitShares(opts dividendOptions, shares []*payGroup, weights [][]calc.WeightCount, tally *tallyPart) error {
	if opts.shares != report.SharesLargestRemainder {
		return nil
	}
	places := opts.out.SharePlaces(dividendShareColumn)
	for k, g := range shares {
		var err error
		// The money's split has refused negative weights and all zero.
		if g.shareSplit, err = calc.SplitHundred(weights[k], places); err != nil {
			return err
		}
	}
	for _, part := range tally.parts {
		part.shareTies = part.tiesAtCut(opts, shares, func(g *payGroup) *calc.Split { return g.shareSplit })
	}
	return nil
}

// shareCells lays out a class's share_pct (column col of rows): its weight
// over its pool's, rounded on its own; or, split to 100, its floor and its
// floor and a unit.
func (c *payClass) shareCells(rows *report.Report, col int, g *payGroup, weight calc.Num) {
	if g.shareSplit == nil {
		c.shareCell = rows.RenderQuotient(col, weight, g.weightNum) // as PercentCell renders, without making decimals
		return
	}
	var floor calc.Num
	floor, c.shareTie = g.shareSplit.Share(weight)
	c.shareFloor = floor
	c.shareCell = rows.Render(dividendShareColumn, report.ShareCell(floor.Decimal()))
	c.shareMore = rows.Render(dividendShareColumn, report.ShareCell(floor.Add(g.shareSplit.Unit()).Decimal()))
}

// nextShare says whether the next household of the class in its pool gets
// its share_pct's floor and a unit more (split to 100, as payOut decides
// the money).
func (part *payPart) nextShare(c *payClass, g *payGroup, share int) (more bool) {
	if g.shareSplit == nil {
		return false
	}
	more = c.shareTie > 0 || c.shareTie == 0 && part.shareTies[share] < g.shareSplit.Tied()
	if c.shareTie == 0 {
		part.shareTies[share]++
	}
	return more
}

// addShare adds a household's share_pct as printed, split to 100, to its
// group's (payPart.shareSums).
func (part *payPart) addShare(c *payClass, g *payGroup, group int, more bool) {
	s := c.shareFloor
	if more {
		s = s.Add(g.shareSplit.Unit())
	}
	part.shareSums[group] = part.shareSums[group].Add(s)
}

// groupShareCells are the total rows' share_pct of the groups of one pool
// (--pool with --group-col): each group's weight over everyone's, rounded
// on its own; split to 100, the sum of its households' share_pct as
// printed, so that a group's total agrees with its rows (and the groups'
// still add to 100).
func groupShareCells(opts dividendOptions, groups []*payGroup) []report.Cell {
	if opts.shares == report.SharesLargestRemainder {
		cells := make([]report.Cell, len(groups))
		for i, g := range groups {
			cells[i] = report.ShareCell(g.shareSum.Decimal())
		}
		return cells
	}
	weights := make([]decimal.Decimal, len(groups))
	for i, g := range groups {
		weights[i] = g.weight
	}
	cells, _ := opts.out.ShareCells(dividendShareColumn, weights, opts.shares) // weights are never negative
	return cells
}
