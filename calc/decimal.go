package calc

import (
	"github.com/shopspring/decimal"
)

// QuotientPlaces is how many decimal places a quotient carries before it is
// rounded for printing. Figures are printed with a handful of decimals, so 28
// places leave every printed digit exact.
const QuotientPlaces = 28

var (
	hundred = decimal.NewFromInt(100)
	zero    = decimal.Decimal{}
	one     = decimal.NewFromInt(1)
)

// Ratio returns num ÷ den; ok is false when den is zero.
func Ratio(num, den decimal.Decimal) (q decimal.Decimal, ok bool) {
	if den.IsZero() {
		return decimal.Decimal{}, false
	}
	return num.DivRound(den, QuotientPlaces), true
}

// Percent returns part ÷ whole × 100; ok is false when whole is zero.
func Percent(part, whole decimal.Decimal) (decimal.Decimal, bool) {
	return Ratio(part.Mul(hundred), whole)
}

// SumOf adds value(0) … value(n−1): in int64 while the values share an
// exponent and the sum fits, the usual case, else in decimal.
func SumOf(n int, value func(k int) decimal.Decimal) decimal.Decimal {
	var small int64
	exp := int32(0)
	for k := range n {
		d := value(k)
		if k == 0 {
			exp = d.Exponent()
		}
		c := d.CoefficientInt64()
		if d.NumDigits() > 18 || d.Exponent() != exp || c >= 1<<40 || c <= -1<<40 || small >= 1<<61 || small <= -1<<61 {
			sum := decimal.Zero
			for k := range n {
				sum = sum.Add(value(k))
			}
			return sum
		}
		small += c
	}
	return decimal.New(small, exp)
}
