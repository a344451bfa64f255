package calc

import (
	"math"

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
	two     = decimal.NewFromInt(2)
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

// Sqrt returns the square root of x ≥ 0 to QuotientPlaces places by Newton's
// method in decimal, so a ratio that is a perfect square gives an exact root.
func Sqrt(x decimal.Decimal) (decimal.Decimal, bool) {
	if x.Sign() < 0 {
		return decimal.Decimal{}, false
	}
	if x.IsZero() {
		return x, true
	}
	// Start above the root, so that the iteration falls monotonically and
	// stops where it no longer falls: just above a float64 estimate where
	// there is one, else at (x+1)/2 ≥ √x.
	r := x.Add(one).DivRound(two, QuotientPlaces)
	if f, _ := x.Float64(); f > 0 && !math.IsInf(f, 0) {
		if guess := decimal.NewFromFloat(math.Sqrt(f) * (1 + 1e-9)).Add(one); guess.Cmp(r) < 0 {
			r = guess
		}
	}
	for i := 0; i < 5000; i++ {
		next := r.Add(x.DivRound(r, QuotientPlaces)).DivRound(two, QuotientPlaces)
		if next.Cmp(r) >= 0 {
			break
		}
		r = next
	}
	return r, true
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
