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
	divisor := hundred.Add(ratePct)
	if divisor.Sign() <= 0 {
		return decimal.Decimal{}, decimal.Decimal{}, ErrRateTooLow
	}
	base = value.Mul(hundred).DivRound(divisor, QuotientPlaces)
	return base, value.Sub(base), nil
}
