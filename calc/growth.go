package calc

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// GrowthRate is 增长率: (current − base) ÷ base × 100. A base of zero or below
// has no growth rate (a swing from loss to profit is reported in words), so ok
// is false there.
func GrowthRate(current, base decimal.Decimal) (pct decimal.Decimal, ok bool) {
	if base.Sign() <= 0 {
		return decimal.Decimal{}, false
	}
	return Percent(current.Sub(base), base)
}

// Contribution is 拉动, in percentage points: a part's change over the period
// divided by the whole's base-period value, × 100.
func Contribution(partChange, wholeBase decimal.Decimal) (pp decimal.Decimal, ok bool) {
	if wholeBase.Sign() <= 0 {
		return decimal.Decimal{}, false
	}
	return Percent(partChange, wholeBase)
}

// ContributionShare is 贡献率: a part's change divided by the whole's change,
// × 100. It is undefined when the whole did not change.
func ContributionShare(partChange, wholeChange decimal.Decimal) (pct decimal.Decimal, ok bool) {
	return Percent(partChange, wholeChange)
}

// TwoYearAverage is 两年平均增长: (√(current ÷ twoYearsEarlier) − 1) × 100,
// the root of the exact ratio taken by nthRoot (see there why its last digit
// is a 5 unless the root is exact). A base of zero or below, or a current
// value below zero, has none.
func TwoYearAverage(current, twoYearsEarlier decimal.Decimal) (pct decimal.Decimal, ok bool) {
	return AverageGrowth(twoYearsEarlier, current, 2)
}

// AnnualizedGrowth is the compound annual growth rate between first and last
// when they lie years apart: ((last ÷ first)^(1/years) − 1) × 100. years is a
// fraction p/q (a span of periods over the periods in a year), so the rate is
// ((last ÷ first)^q)^(1/p) − 1: the power exact, the root taken by nthRoot.
// There is none for a first value of zero or below, a last value below zero,
// or years of zero or below (or whose numerator or denominator does not fit
// an int). The cost grows with p and q; a 50-year monthly span (599/12)
// takes about a millisecond.
func AnnualizedGrowth(first, last decimal.Decimal, years *big.Rat) (pct decimal.Decimal, ok bool) {
	if first.Sign() <= 0 || last.Sign() < 0 || years == nil || years.Sign() <= 0 {
		return decimal.Decimal{}, false
	}
	p, q := years.Num(), years.Denom()
	if !p.IsInt64() || !q.IsInt64() || p.Int64() > math.MaxInt || q.Int64() > math.MaxInt {
		return decimal.Decimal{}, false
	}
	ratio := new(big.Rat).Quo(last.Rat(), first.Rat())
	power := new(big.Rat).SetFrac(new(big.Int).Exp(ratio.Num(), q, nil), new(big.Int).Exp(ratio.Denom(), q, nil))
	return AverageGrowthOf(power, int(p.Int64()))
}
