package calc

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// rootBits is the binary precision roots are computed to: 256 bits, about 77
// significant digits, of which RootDigits are kept.
const rootBits = 256

// RootDigits is how many significant digits a root keeps: far more than any
// figure prints, so that rounding it for printing is the only rounding a
// reader sees, and a perfect power (1.21 over two years) gives its root
// exactly (1.1).
const RootDigits = 40

// NthRoot is x^(1/n) for x ≥ 0 and n ≥ 1, by Newton's method in math/big,
// to RootDigits significant digits.
func NthRoot(x decimal.Decimal, n int) (decimal.Decimal, bool) {
	return nthRoot(x.Rat(), n)
}

// nthRoot is NthRoot of an exact fraction.
func nthRoot(x *big.Rat, n int) (decimal.Decimal, bool) {
	if x.Sign() < 0 || n < 1 {
		return decimal.Decimal{}, false
	}
	a := new(big.Float).SetPrec(rootBits).SetRat(x)
	if x.Sign() == 0 || n == 1 {
		return floatDecimal(a)
	}
	// Start above the root (Newton's iteration for r^n = a then falls
	// monotonically to it): from a float64 estimate where x has one, else
	// from max(a, 1).
	r := new(big.Float).SetPrec(rootBits)
	if f, _ := x.Float64(); f > 0 && !math.IsInf(f, 0) {
		r.SetFloat64(math.Pow(f, 1/float64(n)) * (1 + 1e-9))
	} else {
		r.SetInt64(1)
		if a.Cmp(r) > 0 {
			r.Set(a)
		}
	}
	nf := new(big.Float).SetPrec(rootBits).SetInt64(int64(n))
	n1 := new(big.Float).SetPrec(rootBits).SetInt64(int64(n - 1))
	pow := new(big.Float).SetPrec(rootBits)
	next := new(big.Float).SetPrec(rootBits)
	for i := 0; i < 1000; i++ {
		// next = ((n−1)·r + a ÷ r^(n−1)) ÷ n
		pow.SetInt64(1)
		for k := 1; k < n; k++ {
			pow.Mul(pow, r)
		}
		next.Quo(a, pow)
		next.Add(next, pow.Mul(n1, r))
		next.Quo(next, nf)
		if next.Cmp(r) >= 0 {
			break
		}
		r.Set(next)
	}
	return floatDecimal(r)
}

// floatDecimal is f to RootDigits significant digits, half up.
func floatDecimal(f *big.Float) (decimal.Decimal, bool) {
	d, err := decimal.NewFromString(f.Text('e', RootDigits+5))
	if err != nil {
		return decimal.Decimal{}, false
	}
	return roundSignificantDecimal(d, RootDigits), true
}

// roundSignificantDecimal rounds d to n significant digits, half up.
func roundSignificantDecimal(d decimal.Decimal, n int) decimal.Decimal {
	if d.IsZero() {
		return d
	}
	digits := int32(d.NumDigits()) + d.Exponent() // digits before the point
	return d.Round(int32(n) - digits)
}

// AverageGrowth is 年均增长 over whole years: ((to ÷ from)^(1/years) − 1) ×
// 100, the root taken by NthRoot. A start of zero or below, or an end below
// zero, has no average growth.
func AverageGrowth(from, to decimal.Decimal, years int) (pct decimal.Decimal, ok bool) {
	if from.Sign() <= 0 || to.Sign() < 0 || years < 1 {
		return decimal.Decimal{}, false
	}
	return AverageGrowthOf(new(big.Rat).Quo(to.Rat(), from.Rat()), years)
}
