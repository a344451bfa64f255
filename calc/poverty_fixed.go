package calc

import (
	"math/bits"

	"github.com/shopspring/decimal"
)

// The quick case of a poverty summary: amounts as int64 fixed point in units
// of 10^-FixedScale yuan, summed in 128 bits (squares in 192). It is exact,
// like Tally, and converts into a Tally for every figure; a household whose
// amounts do not fit (FitsFixed) goes to a Tally directly, and the two are
// merged.
const (
	FixedScale = 4
	// FixedLimit bounds the magnitude of a fixed-point amount (10^8 yuan),
	// so that a household's shortfall stays below 2^47, its square times
	// sizesLCM ÷ m below 2^114, and their sum within 192 bits for any
	// number of households a machine can read.
	FixedLimit = 1_000_000_000_000
	// MaxFixedMembers bounds the household size kept in fixed point: up to
	// it, the sizes' least common multiple is at most sizesLCM.
	MaxFixedMembers = 16
	sizesLCM        = 720_720 // lcm(1…16)
	// MaxFixedComponents bounds how many amounts a household's income sums.
	MaxFixedComponents = 16
)

// FixedHousehold is a Household in fixed point: Counted and Excluded are in
// units of 10^-FixedScale yuan.
type FixedHousehold struct {
	Members, Counted, Excluded int64
}

// FixedTally is Tally's running sums in fixed point. It is small, the
// same size whatever households it counts, and never allocates, so that a
// registry of a million villages keeps a million of them in flat memory.
//
// Tally keeps Σ shortfall² by household size m, for the severity index's
// Σ_m S_m ÷ m. Here that is one sum, Σ shortfall² × (sizesLCM ÷ m), which is
// (Σ_m S_m ÷ m) × sizesLCM exactly, and the sizes met: ratios divides out
// what the sizes met do not need, so that the fraction is in the same terms
// as with the sums by size.
//
// Income and the counts come first: every household adds to them, and a
// village's table in a registry keeps them in one cache line with its name.
type FixedTally struct {
	income int128 // units of 10^-FixedScale
	Counts
	shortfall int128  // units of 10^-FixedScale
	squares   uint192 // Σ shortfall² × sizesLCM/m, units of 10^-2·FixedScale
	sizes     uint16  // bit m−1: a poor household of m members was met
}

// sizeShare is sizesLCM ÷ m for each household size m (index m−1).
var sizeShare = func() (s [MaxFixedMembers]uint64) {
	for m := range s {
		s[m] = sizesLCM / uint64(m+1)
	}
	return s
}()

// Add counts one household against the line (in fixed point). Members must
// be 1..MaxFixedMembers, and line, Counted and Excluded within FixedLimit
// times MaxFixedComponents.
func (t *FixedTally) Add(h FixedHousehold, line int64) {
	t.Households++
	t.Persons += h.Members
	t.income.add64(h.Counted)
	need := line * h.Members
	if h.Counted >= need {
		return
	}
	t.PoorHouseholds++
	t.PoorPersons += h.Members
	if h.Counted+h.Excluded >= need {
		t.Lifted++
	}
	s := need - h.Counted
	t.shortfall.add64(s)
	hi, lo := bits.Mul64(uint64(s), uint64(s))
	t.squares.addMul(uint128{hi, lo}, sizeShare[h.Members-1])
	t.sizes |= 1 << (h.Members - 1)
}

// squaresOverLCM is Σ_m S_m × (lcm ÷ m), lcm the least common multiple of
// the sizes met: the sum of squares over the sizes that Tally keeps, in
// the least terms it has over a common multiple.
func (t *FixedTally) squaresOverLCM() (squares uint192, lcm uint64) {
	lcm = 1
	for sizes := t.sizes; sizes != 0; sizes &= sizes - 1 {
		m := uint64(bits.TrailingZeros16(sizes)) + 1
		lcm = lcm / gcd(lcm, m) * m
	}
	squares, _ = t.squares.div64(sizesLCM / lcm) // every term holds lcm/m × sizesLCM/lcm
	return squares, lcm
}

// Merge adds another fixed tally's households to t.
func (t *FixedTally) Merge(o *FixedTally) {
	t.Counts.merge(&o.Counts)
	t.income.add(o.income)
	t.shortfall.add(o.shortfall)
	t.squares.add(o.squares)
	t.sizes |= o.sizes
}

// AddTo merges the fixed tally into a decimal tally, exactly.
func (t *FixedTally) AddTo(d *Tally) {
	c := Tally{Counts: t.Counts, Income: t.income.decimal(FixedScale), Shortfall: t.shortfall.decimal(FixedScale)}
	if t.sizes != 0 {
		// Σ_m S_m ÷ m = squares ÷ lcm: under the key lcm, Tally divides it so.
		squares, lcm := t.squaresOverLCM()
		c.squaredBySize = map[int64]decimal.Decimal{int64(lcm): squares.decimal(2 * FixedScale)}
	}
	d.Merge(&c)
}

// ToFixed converts an amount to fixed point when it is exact there and
// within FixedLimit.
func ToFixed(d decimal.Decimal) (int64, bool) {
	scaled := d.Shift(FixedScale)
	if !scaled.IsInteger() || scaled.Abs().Cmp(decimal.NewFromInt(FixedLimit)) >= 0 {
		return 0, false
	}
	return scaled.IntPart(), true
}
