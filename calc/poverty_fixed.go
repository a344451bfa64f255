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

// FixedTally is Tally's running sums in fixed point.
type FixedTally struct {
	Households, Persons         int64
	PoorHouseholds, PoorPersons int64
	Lifted                      int64
	income, shortfall           int128    // units of 10^-FixedScale
	squares                     []uint128 // by household size; units of 10^-2·FixedScale
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
	for int64(len(t.squares)) <= h.Members {
		t.squares = append(t.squares, uint128{})
	}
	t.squares[h.Members].addSquare(s)
}

// Merge adds another fixed tally's households to t.
func (t *FixedTally) Merge(o *FixedTally) {
	t.Households += o.Households
	t.Persons += o.Persons
	t.PoorHouseholds += o.PoorHouseholds
	t.PoorPersons += o.PoorPersons
	t.Lifted += o.Lifted
	t.income.add(o.income)
	t.shortfall.add(o.shortfall)
	for len(t.squares) < len(o.squares) {
		t.squares = append(t.squares, uint128{})
	}
	for m, sq := range o.squares {
		t.squares[m].add(sq)
	}
}

// AddTo merges the fixed tally into a decimal tally, exactly.
func (t *FixedTally) AddTo(d *Tally) {
	var c Tally
	c.Households, c.Persons = t.Households, t.Persons
	c.PoorHouseholds, c.PoorPersons, c.Lifted = t.PoorHouseholds, t.PoorPersons, t.Lifted
	c.Income = t.income.decimal(FixedScale)
	c.Shortfall = t.shortfall.decimal(FixedScale)
	for m, sq := range t.squares {
		if sq != (uint128{}) {
			if c.squaredBySize == nil {
				c.squaredBySize = map[int64]decimal.Decimal{}
			}
			c.squaredBySize[int64(m)] = sq.decimal(2 * FixedScale)
		}
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
