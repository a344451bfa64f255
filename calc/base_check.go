package calc

import "github.com/shopspring/decimal"

// BaseCheck compares a reported prior-period level (上年同期) with the base a
// published level and growth rate imply, allowing for the rounding of all
// three figures.
type BaseCheck struct {
	// Low and High bound the implied base, value ÷ (1 + rate/100), over every
	// level and rate that round to the written ones; to QuotientPlaces
	// places, for printing.
	Low, High decimal.Decimal
	// Agrees reports that the prior, give or take half a unit of its own last
	// digit, meets [Low, High]. It is decided without dividing, so exactly.
	Agrees bool
}

// CheckPriorBase checks a reported prior-period level against the base that
// value and ratePct imply. Each figure is taken as written: its last digit
// tells how it was rounded, so 31.7 stands for [31.65, 31.75] and 31.70 for
// [31.695, 31.705] (their Exponent, which decimal.NewFromString keeps). The
// intervals are closed, so that half-up and half-even rounding both fit, and
// a prior disagrees only when no level, rate and prior that round to the
// written ones make the rate exact.
func CheckPriorBase(value, ratePct, prior decimal.Decimal) (BaseCheck, error) {
	hv, hr, hp := halfUnit(value), halfUnit(ratePct), halfUnit(prior)
	// The base 100·V ÷ (100 + R) is monotone in V for a fixed R and in R for
	// a fixed V, so over the box of values and rates its extremes are at the
	// corners.
	var corners [4]struct{ num, den decimal.Decimal }
	for i, v := range []decimal.Decimal{value.Sub(hv), value.Add(hv)} {
		for j, r := range []decimal.Decimal{ratePct.Sub(hr), ratePct.Add(hr)} {
			den := hundred.Add(r)
			if den.Sign() <= 0 {
				// A rate above −100 written to d places is at least
				// −100 + 10^−d, so its lower end −100 + 10^−d/2 stays above
				// −100; only a rate of −100 or below gets here.
				return BaseCheck{}, ErrRateTooLow
			}
			corners[2*i+j].num, corners[2*i+j].den = hundred.Mul(v), den
		}
	}
	check := BaseCheck{}
	// The prior [p − hp, p + hp] misses the base's range when it lies below
	// every corner or above every corner: p·den < num ⇔ p < num ÷ den, as
	// den > 0.
	below, above := true, true
	for i, c := range corners {
		below = below && prior.Add(hp).Mul(c.den).Cmp(c.num) < 0
		above = above && prior.Sub(hp).Mul(c.den).Cmp(c.num) > 0
		b := c.num.DivRound(c.den, QuotientPlaces)
		if i == 0 || b.Cmp(check.Low) < 0 {
			check.Low = b
		}
		if i == 0 || b.Cmp(check.High) > 0 {
			check.High = b
		}
	}
	check.Agrees = !below && !above
	return check, nil
}

// halfUnit is half a unit of d's last written digit: 0.05 for 120.2, 0.5 for
// 95, 0.005 for 31.70.
func halfUnit(d decimal.Decimal) decimal.Decimal {
	return decimal.New(5, d.Exponent()-1)
}
