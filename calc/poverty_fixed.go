package calc

import "github.com/shopspring/decimal"

// The quick case of a poverty summary: amounts as int64 fixed point in units
// of 10^-FixedScale yuan, summed in 128 bits. It is exact, like Tally, and
// converts into a Tally for every figure; a household whose amounts do not
// fit (FitsFixed) goes to a Tally directly, and the two are merged.
const (
	FixedScale = 4
	// FixedLimit bounds the magnitude of a fixed-point amount (10^8 yuan),
	// so that a household's shortfall stays below 2^47 and the sum of its
	// square below 2^128 for any number of households a machine can read.
	FixedLimit = 1_000_000_000_000
	// MaxFixedMembers bounds the household size kept in fixed point.
	MaxFixedMembers = 64
	// MaxFixedComponents bounds how many amounts a household's income sums.
	MaxFixedComponents = 16
)

// FixedHousehold is a Household in fixed point: Counted and Excluded are in
// units of 10^-FixedScale yuan.
type FixedHousehold struct {
	Members, Counted, Excluded int64
}

// FixedTally is Tally's running sums in fixed point. It is small and
// allocates only for the sizes of its poor households, so that a registry
// of a million villages keeps a million of them.
type FixedTally struct {
	Counts
	income, shortfall int128       // units of 10^-FixedScale
	squares           []sizeSquare // the sizes of poor households met, in that order
}

// sizeSquare is Σ shortfall² over the poor households of one size, in
// units of 10^-2·FixedScale.
type sizeSquare struct {
	members int64
	sum     uint128
}

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
	t.squaresOf(h.Members).addSquare(s)
}

// squaresOf is the sum of squares of households of m members, new if need
// be. Sizes are at most MaxFixedMembers, and a village has a handful, so
// looking through them costs little.
func (t *FixedTally) squaresOf(m int64) *uint128 {
	for i := range t.squares {
		if t.squares[i].members == m {
			return &t.squares[i].sum
		}
	}
	t.squares = append(t.squares, sizeSquare{members: m})
	return &t.squares[len(t.squares)-1].sum
}

// Merge adds another fixed tally's households to t.
func (t *FixedTally) Merge(o *FixedTally) {
	t.Counts.merge(&o.Counts)
	t.income.add(o.income)
	t.shortfall.add(o.shortfall)
	for _, sq := range o.squares {
		t.squaresOf(sq.members).add(sq.sum)
	}
}

// AddTo merges the fixed tally into a decimal tally, exactly.
func (t *FixedTally) AddTo(d *Tally) {
	c := Tally{Counts: t.Counts, Income: t.income.decimal(FixedScale), Shortfall: t.shortfall.decimal(FixedScale)}
	for _, sq := range t.squares {
		if c.squaredBySize == nil {
			c.squaredBySize = make(map[int64]decimal.Decimal, len(t.squares))
		}
		c.squaredBySize[sq.members] = sq.sum.decimal(2 * FixedScale)
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
