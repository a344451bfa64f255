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

// Deflate puts a level and the level k years earlier at comparable prices,
// as exact fractions. With a year-on-year index (上年同期 = 100), indexes are
// this period's and each earlier year's back to k−1 years before (k of
// them), and the current level goes to the earlier year's prices:
// current × Π(100 ÷ index), beside the earlier level as it is. With a fixed
// base, indexes are this period's and the earlier period's (two), and both
// go to base-year prices: × 100 ÷ their own index. cur ÷ prior − 1 is then
// the real growth: (1 + nominal) ÷ (index ÷ 100) − 1 for one year on a
// year-on-year index, (V_t ÷ I_t) ÷ (V_t−1 ÷ I_t−1) − 1 on a fixed one.
// Indexes must be above zero.
func Deflate(current, earlier decimal.Decimal, indexes []decimal.Decimal, base IndexBase) (cur, prior *big.Rat) {
	if base == FixedIndex {
		return atIndex(current, indexes[0]), atIndex(earlier, indexes[1])
	}
	cur = current.Rat()
	for _, index := range indexes {
		cur.Mul(cur, big.NewRat(100, 1))
		cur.Quo(cur, index.Rat())
	}
	return cur, earlier.Rat()
}

// atIndex is v × 100 ÷ index.
func atIndex(v, index decimal.Decimal) *big.Rat {
	r := new(big.Rat).Mul(v.Rat(), big.NewRat(100, 1))
	return r.Quo(r, index.Rat())
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
