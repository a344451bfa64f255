package report

import (
	"econcalc/calc"

	"github.com/shopspring/decimal"
)

// ShareRounding says how the shares that make up one whole (a period's
// groups, the categories of all investment, a pool's households) are
// rounded.
type ShareRounding uint8

const (
	// SharesHalfUp rounds each share on its own, as every other figure is
	// (--rounding): they may add to 99.9 or 100.1.
	SharesHalfUp ShareRounding = iota
	// SharesLargestRemainder rounds them together so that, as printed,
	// they add to exactly 100 (calc.SharesToHundred).
	SharesLargestRemainder
)

var hundred = decimal.NewFromInt(100)

// SharePlaces is the number of places a percentage column prints a
// quotient at: --decimals, or the column's own places when --decimals is
// not given (as quotientIn rounds).
func (o Options) SharePlaces(col Column) int32 {
	if col.Places > 0 && !o.DecimalsGiven {
		return col.Places
	}
	return o.Decimals
}

// ShareCell is a share already rounded to the places its column prints
// (calc.SharesToHundred at SharePlaces), in percent: it prints as it is,
// whatever --rounding says.
func ShareCell(pct decimal.Decimal) Cell {
	return PercentCell(pct, hundred)
}

// ShareCells are the cells of each part's share of their sum in col, a
// percentage column: PercentCell each with SharesHalfUp; with
// SharesLargestRemainder, rounded together to the column's places so that
// they add to exactly 100, ties to the earlier part. A sum of zero gives
// missing cells, as PercentCell does. A part below zero (a loss among
// profits) makes no structure that adds to 100 by rounding alone: the
// shares are then rounded half up, and halfUp is true for the caller to
// warn.
func (o Options) ShareCells(col Column, parts []decimal.Decimal, rounding ShareRounding) (cells []Cell, halfUp bool) {
	sum := decimal.Zero
	negative := false
	for _, p := range parts {
		sum = sum.Add(p)
		negative = negative || p.Sign() < 0
	}
	cells = make([]Cell, len(parts))
	if rounding == SharesLargestRemainder && !negative && !sum.IsZero() {
		if shares, err := calc.SharesToHundred(parts, o.SharePlaces(col)); err == nil {
			for i, s := range shares {
				cells[i] = ShareCell(s)
			}
			return cells, false
		}
	}
	for i, p := range parts {
		cells[i] = PercentCell(p, sum)
	}
	return cells, rounding == SharesLargestRemainder && !sum.IsZero()
}
