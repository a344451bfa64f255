package calc

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// IndexBase is what a price index is relative to.
type IndexBase uint8

const (
	// YoYIndex is 上年同期 = 100: the index is this period's prices over the
	// same period's last year.
	YoYIndex IndexBase = iota
	// FixedIndex is a fixed base (2015 = 100): the index is this period's
	// prices over the base year's.
	FixedIndex
)

// Deflate puts a level and its level a year earlier at comparable prices,
// as exact fractions: with a year-on-year index, the current level at last
// year's prices (current × 100 ÷ index) beside last year's as it is; with a
// fixed-base index, both at base-year prices (× 100 ÷ their own index).
// index is this period's; earlierIndex the same period's a year earlier,
// used only with a fixed base. Indexes must be above zero.
func Deflate(current, earlier, index, earlierIndex decimal.Decimal, base IndexBase) (cur, prior *big.Rat) {
	cur = atIndex(current, index)
	if base == FixedIndex {
		return cur, atIndex(earlier, earlierIndex)
	}
	return cur, earlier.Rat()
}

// atIndex is v × 100 ÷ index.
func atIndex(v, index decimal.Decimal) *big.Rat {
	r := new(big.Rat).Mul(v.Rat(), big.NewRat(100, 1))
	return r.Quo(r, index.Rat())
}

// RealFactor is how many times the level grew over years at comparable
// prices: current ÷ earlier deflated by the indexes between them. With a
// year-on-year index, indexes are this period's and each year's before it,
// back to the year after earlier (years of them): the factor is
// current ÷ earlier × Π(100 ÷ index). With a fixed base, indexes are this
// period's and earlier's (two): (current ÷ I_t) ÷ (earlier ÷ I_earlier).
func RealFactor(current, earlier decimal.Decimal, indexes []decimal.Decimal, base IndexBase) *big.Rat {
	f := new(big.Rat).Quo(current.Rat(), earlier.Rat())
	if base == FixedIndex {
		return f.Mul(f, new(big.Rat).Quo(indexes[1].Rat(), indexes[0].Rat()))
	}
	for _, index := range indexes {
		f.Mul(f, new(big.Rat).Quo(big.NewRat(100, 1), index.Rat()))
	}
	return f
}

// RatQuotient is x ÷ y as a quotient of two decimals (integers), exact, for
// a figure divided only when it is printed; ok is false when y is zero.
func RatQuotient(x, y *big.Rat) (num, den decimal.Decimal, ok bool) {
	if y.Sign() == 0 {
		return decimal.Decimal{}, decimal.Decimal{}, false
	}
	n := new(big.Int).Mul(x.Num(), y.Denom())
	d := new(big.Int).Mul(x.Denom(), y.Num())
	return decimal.NewFromBigInt(n, 0), decimal.NewFromBigInt(d, 0), true
}

// AverageGrowthOf is AverageGrowth of a factor: (factor^(1/years) − 1) × 100.
func AverageGrowthOf(factor *big.Rat, years int) (pct decimal.Decimal, ok bool) {
	if factor.Sign() < 0 || years < 1 {
		return decimal.Decimal{}, false
	}
	root, ok := nthRoot(factor, years)
	if !ok {
		return decimal.Decimal{}, false
	}
	return root.Sub(one).Mul(hundred), true
}
