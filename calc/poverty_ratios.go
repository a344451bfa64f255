package calc

import (
	"math/bits"

	"github.com/shopspring/decimal"
)

// Ratios are a tally's counts and its figures undivided, each a numerator
// and a denominator, so that whoever prints them divides each once:
//
//	mean income     Income ÷ People
//	gap index       Shortfall ÷ Need × 100, Need = z × population
//	severity index  Squares ÷ SquaresDen × 100, SquaresDen = z² × population
//	                (numerator and denominator both times the household
//	                sizes' common multiple, so that Squares is whole)
//
// A zero denominator is a figure that does not exist: no people.
type Ratios struct {
	Counts
	Income, People      Num
	Shortfall, Need     Num
	Squares, SquaresDen Num
}

// Ratios are the tally's figures against the line, over population (the
// registry's people or the village's whole population).
func (t *Tally) Ratios(line decimal.Decimal, population int64) Ratios {
	pop := decimal.NewFromInt(population)
	num, den := t.severityRatio(line, population)
	return Ratios{Counts: t.Counts,
		Income: DecimalNum(t.Income), People: IntNum(t.Persons),
		Shortfall: DecimalNum(t.Shortfall), Need: DecimalNum(line.Mul(pop)),
		Squares: DecimalNum(num), SquaresDen: DecimalNum(den)}
}

// Ratios are the tally's figures against the line: in 128-bit integers
// when its households all fit fixed point and the figures fit 128 bits, the
// usual case, which costs no allocation beyond what a Num needs; else in
// decimal.
func (t *RegistryTally) Ratios(line Line, population int64) Ratios {
	if t.dec == nil && line.fits && population >= 0 {
		if r, ok := t.fixed.ratios(line.fixed, population); ok {
			return r
		}
	}
	return t.Tally().Ratios(line.D, population)
}

// ratios are Tally.Ratios in fixed point; ok is false when a figure does
// not fit 128 bits. line > 0 and population ≥ 0.
func (t *FixedTally) ratios(line, population int64) (r Ratios, ok bool) {
	// Σ_m S_m ÷ m = Σ_m S_m·(L/m) ÷ L, L the sizes' least common multiple.
	// S_m and z² are both in units of 10^-2·FixedScale: they cancel.
	wide, lcm := t.squaresOverLCM()
	if wide.hi != 0 {
		return r, false
	}
	squares := uint128{wide.mid, wide.lo}
	hi, lo := bits.Mul64(uint64(line), uint64(line))
	den, fits := uint128{hi, lo}.mul64(lcm)
	if fits {
		den, fits = den.mul64(uint64(population))
	}
	need, needFits := uint128{0, uint64(line)}.mul64(uint64(population))
	if !fits || !needFits {
		return r, false
	}
	squares, den = lowerTerms(squares, den)
	return Ratios{Counts: t.Counts,
		Income: t.income.num(), People: IntNum(t.Persons),
		Shortfall: t.shortfall.num(), Need: need.num(),
		Squares: squares.num(), SquaresDen: den.num()}, true
}

// lowerTerms divides num and den by their common factors of 2 and 5, the
// factors that amounts in units of 10^-4 share, so that a fraction whose
// terms do not fit 64 bits usually does once reduced, and prints without
// big integers. Nothing over a nonzero den is 0 over 1.
func lowerTerms(num, den uint128) (uint128, uint128) {
	if num == (uint128{}) && den != (uint128{}) {
		return num, uint128{0, 1}
	}
	if k := min(num.trailingZeros(), den.trailingZeros()); k > 0 && k < 128 {
		num, den = num.rsh(k), den.rsh(k)
	}
	for num != (uint128{}) {
		n, nr := num.divmod64(5)
		d, dr := den.divmod64(5)
		if nr != 0 || dr != 0 {
			break
		}
		num, den = n, d
	}
	return num, den
}

func (a uint128) trailingZeros() uint {
	if a.lo != 0 {
		return uint(bits.TrailingZeros64(a.lo))
	}
	return 64 + uint(bits.TrailingZeros64(a.hi))
}

// rsh is a >> k for 0 < k < 128.
func (a uint128) rsh(k uint) uint128 {
	if k >= 64 {
		return uint128{0, a.hi >> (k - 64)}
	}
	return uint128{a.hi >> k, a.lo>>k | a.hi<<(64-k)}
}

// divmod64 is a ÷ d and its remainder, d > 0.
func (a uint128) divmod64(d uint64) (uint128, uint64) {
	hi, r := bits.Div64(0, a.hi, d)
	lo, r := bits.Div64(r, a.lo, d)
	return uint128{hi, lo}, r
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// mul64 is a × m; fits is false when it overflows 128 bits.
func (a uint128) mul64(m uint64) (p uint128, fits bool) {
	hiHi, hiLo := bits.Mul64(a.hi, m)
	loHi, loLo := bits.Mul64(a.lo, m)
	hi, carry := bits.Add64(hiLo, loHi, 0)
	return uint128{hi, loLo}, hiHi == 0 && carry == 0
}

// addChecked adds b to a; it is false, and a is undefined, on overflow.
func (a *uint128) addChecked(b uint128) bool {
	lo, carry := bits.Add64(a.lo, b.lo, 0)
	hi, over := bits.Add64(a.hi, b.hi, carry)
	*a = uint128{hi, lo}
	return over == 0
}

// num is a as a Num of units of 10^-FixedScale: fixed point when it fits.
func (a uint128) num() Num {
	if a.hi == 0 && a.lo < numLimit {
		return FixedNum(int64(a.lo), FixedScale)
	}
	return DecimalNum(a.decimal(FixedScale))
}

// num is a as a Num of units of 10^-FixedScale: fixed point when it fits.
func (a int128) num() Num {
	if v := int64(a.lo); a.hi == v>>63 && v > -numLimit && v < numLimit {
		return FixedNum(v, FixedScale)
	}
	return DecimalNum(a.decimal(FixedScale))
}
