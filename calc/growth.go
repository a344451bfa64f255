package calc

import (
	"math"

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

// TwoYearAverage is 两年平均增长: (√(current ÷ twoYearsEarlier) − 1) × 100.
func TwoYearAverage(current, twoYearsEarlier decimal.Decimal) (pct decimal.Decimal, ok bool) {
	if twoYearsEarlier.Sign() <= 0 || current.Sign() < 0 {
		return decimal.Decimal{}, false
	}
	ratio, _ := Ratio(current, twoYearsEarlier)
	root, _ := Sqrt(ratio)
	return root.Sub(one).Mul(hundred), true
}

// rootSignificantDigits is how many significant digits of a floating-point
// root are kept: float64 carries 15 to 17, and 12 absorb its last-place error
// so that an exact tie such as 7.15 is not printed as 7.1.
const rootSignificantDigits = 12

// AnnualizedGrowth is the compound annual growth rate between first and last
// when they lie years apart: ((last ÷ first)^(1/years) − 1) × 100. The
// fractional power is taken in floating point and kept to 12 significant
// digits; everything before and after it is exact.
func AnnualizedGrowth(first, last decimal.Decimal, years decimal.Decimal) (pct decimal.Decimal, ok bool) {
	if first.Sign() <= 0 || last.Sign() < 0 || years.Sign() <= 0 {
		return decimal.Decimal{}, false
	}
	ratio, _ := Ratio(last, first)
	if ratio.IsZero() {
		return hundred.Neg(), true
	}
	if years.Equal(one) {
		return ratio.Sub(one).Mul(hundred), true
	}
	r, _ := ratio.Float64()
	y, _ := years.Float64()
	root := math.Exp(math.Log(r) / y)
	return roundSignificant(root, rootSignificantDigits).Sub(one).Mul(hundred), true
}

// roundSignificant converts f to a decimal of at most n significant digits.
func roundSignificant(f float64, n int) decimal.Decimal {
	d := decimal.NewFromFloat(f)
	exp := int32(math.Floor(math.Log10(math.Abs(f))))
	return d.Round(int32(n) - 1 - exp)
}
