package calc

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// RootDigits is how many significant digits of a root are found exactly (at
// least: a large root gets more, see rootMinPlaces): far more than any figure
// prints, so that the printed figure is the true root rounded once.
const RootDigits = 40

// rootMinPlaces is the fewest decimal places a root is found to, whatever
// its size. The report layer prints a figure to at most 20 places; a root
// becomes a percentage as (root − 1) × 100, which moves its digits two
// places; and the rounding for printing must fall at least one position
// above the root's last exact digit (see nthRoot): 20 + 2 + 1.
const rootMinPlaces = 23

// NthRoot is x^(1/n) for x ≥ 0 and n ≥ 1: exact where the root is a decimal
// of no more digits than nthRoot finds (1.21 over 2 gives 1.1), else the true
// root cut to them with a 5 after (see nthRoot).
func NthRoot(x decimal.Decimal, n int) (decimal.Decimal, bool) {
	return nthRoot(x.Rat(), n)
}

// nthRoot is NthRoot of an exact fraction, made to be rounded half-up once
// more, for printing, with the same result as rounding the true root.
//
// It finds f, the true root cut (not rounded) to RootDigits significant
// digits and at least rootMinPlaces decimal places, exactly: f × 10^k is the
// integer n-th root ⌊(x × 10^(nk))^(1/n)⌋, by Newton's method in floating
// point, then checked, and moved by a unit where it is off, with exact
// integer arithmetic so that f^n ≤ x < (f + 10^−k)^n.
// If f^n = x, f is the root, returned as it is (√1.21 = 1.1). Otherwise the
// true root lies strictly inside (f, f + 10^−k), and nthRoot returns f plus
// half of 10^−k: a 5 one digit below f's last.
//
// Why not the root rounded to nearest: that is a second rounding. A true root
// just below a printing midpoint (1.0714999…, where 7.15 % is the midpoint at
// one place) would round up to the midpoint, and printing would round it up
// again: 7.2 for a true 7.1. The open interval (f, f + 10^−k) holds no number
// of k places or fewer, so no midpoint of a rounding at fewer than k places;
// the true root and f + ½·10^−k, both inside it, lie on the same side of
// every such midpoint, and rounding either gives the same figure.
//
// The cost is a few powers and a division of integers of about n × k digits:
// about a millisecond for n = 599 (50 years of months less one).
func nthRoot(x *big.Rat, n int) (decimal.Decimal, bool) {
	if x.Sign() < 0 || n < 1 {
		return decimal.Decimal{}, false
	}
	if x.Sign() == 0 {
		return decimal.Decimal{}, true
	}
	k := rootPlaces(x, n)
	// m^n is an integer, so m^n ≤ x × 10^(nk) exactly when m^n ≤ ⌊x × 10^(nk)⌋.
	scaled := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)*int64(k)), nil)
	scaled.Mul(scaled, x.Num())
	radicand, rem := new(big.Int).QuoRem(scaled, x.Denom(), new(big.Int))
	m, exact := intRoot(radicand, n)
	if exact && rem.Sign() == 0 {
		return trimZeros(m, k), true
	}
	m.Mul(m, big.NewInt(10))
	m.Add(m, big.NewInt(5))
	return decimal.NewFromBigInt(m, -int32(k+1)), true
}

// rootPlaces is how many decimal places give x^(1/n) RootDigits significant
// digits, and at least rootMinPlaces. The number of digits before the point
// comes from logarithms in float64, so it may be one off near a power of
// ten: the root then has a digit more or fewer, never fewer places than
// rootMinPlaces.
func rootPlaces(x *big.Rat, n int) int {
	log10Root := (log2Int(x.Num()) - log2Int(x.Denom())) / float64(n) * math.Log10(2)
	digits := int(math.Floor(log10Root)) + 1 // before the point
	return max(RootDigits-digits, rootMinPlaces)
}

// log2Int is log2 of b > 0, in float64, from its leading 53 bits.
func log2Int(b *big.Int) float64 {
	shift := max(b.BitLen()-53, 0)
	top, _ := new(big.Float).SetInt(new(big.Int).Rsh(b, uint(shift))).Float64()
	return math.Log2(top) + float64(shift)
}

// intRoot is ⌊a^(1/n)⌋ for an integer a ≥ 0 and n ≥ 1, and whether it is
// the root exactly.
func intRoot(a *big.Int, n int) (root *big.Int, exact bool) {
	if a.Sign() == 0 || n == 1 {
		return new(big.Int).Set(a), true
	}
	if n == 2 { // the two-year average: math/big's integer square root is quicker
		m := new(big.Int).Sqrt(a)
		return m, new(big.Int).Mul(m, m).Cmp(a) == 0
	}
	// Newton's method in floating point, from a float64 estimate, 2^(log2(a)
	// ÷ n), to 64 bits more than the root has: r ← r + (a ÷ r^(n−1) − r) ÷ n.
	prec := uint(a.BitLen()/n + 64)
	af := new(big.Float).SetPrec(prec).SetInt(a)
	e := log2Int(a) / float64(n)
	whole := math.Floor(e)
	r := new(big.Float).SetMantExp(big.NewFloat(math.Exp2(e-whole)), int(whole))
	r.SetPrec(prec) // SetMantExp takes the float64's 53 bits
	nf := new(big.Float).SetPrec(prec).SetInt64(int64(n))
	pow, step := new(big.Float).SetPrec(prec), new(big.Float).SetPrec(prec)
	for range 200 {
		floatPow(pow, r, n-1)
		step.Quo(af, pow)
		step.Sub(step, r)
		step.Quo(step, nf)
		r.Add(r, step)
		if step.Sign() == 0 || step.MantExp(nil) < r.MantExp(nil)-int(prec)+16 {
			break
		}
	}
	m, _ := r.Int(nil)
	// r is within a unit or so of the root; make m its floor, checked
	// exactly: m^n ≤ a < (m+1)^n.
	bn, p := big.NewInt(int64(n)), new(big.Int)
	for m.Sign() > 0 && p.Exp(m, bn, nil).Cmp(a) > 0 {
		m.Sub(m, big.NewInt(1))
	}
	exact = p.Exp(m, bn, nil).Cmp(a) == 0
	for !exact && p.Exp(new(big.Int).Add(m, big.NewInt(1)), bn, nil).Cmp(a) <= 0 {
		m.Add(m, big.NewInt(1))
		exact = p.Cmp(a) == 0
	}
	return m, exact
}

// floatPow sets z to x^n, n ≥ 0, by squaring, at z's precision.
func floatPow(z, x *big.Float, n int) {
	base := new(big.Float).SetPrec(z.Prec()).Set(x)
	z.SetInt64(1)
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			z.Mul(z, base)
		}
		base.Mul(base, base)
	}
}

// trimZeros is m × 10^−k without the trailing zeros of m.
func trimZeros(m *big.Int, k int) decimal.Decimal {
	ten, q, r := big.NewInt(10), new(big.Int), new(big.Int)
	for m.Sign() != 0 {
		q.QuoRem(m, ten, r)
		if r.Sign() != 0 {
			break
		}
		m, q = q, m
		k--
	}
	return decimal.NewFromBigInt(m, -int32(k))
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
