package calc

import (
	"errors"

	"github.com/shopspring/decimal"
)

// ErrRateTooLow is returned for a growth rate of −100% or below: no positive
// base can have produced it.
var ErrRateTooLow = errors.New("a growth rate of -100% or below implies no base")

// ImpliedBase recovers the prior-period level that a published level and
// growth rate imply: value ÷ (1 + rate/100), and the increase value − base.
// The increase comes from the unrounded base.
func ImpliedBase(value, ratePct decimal.Decimal) (base, increase decimal.Decimal, err error) {
	b, _, den, err := ImpliedBaseRatio(value, ratePct)
	if err != nil {
		return base, increase, err
	}
	base = b.DivRound(den, QuotientPlaces)
	return base, value.Sub(base), nil
}

// ImpliedBaseRatio is the base and the increase undivided, each over den =
// 100 + rate: base = value × 100 ÷ den, increase = value × rate ÷ den, for a
// report to divide and round once.
func ImpliedBaseRatio(value, ratePct decimal.Decimal) (base, increase, den decimal.Decimal, err error) {
	den = hundred.Add(ratePct)
	if den.Sign() <= 0 {
		return base, increase, den, ErrRateTooLow
	}
	return value.Mul(hundred), value.Mul(ratePct), den, nil
}
