package calc

import (
	"cmp"
	"errors"
	"math/big"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"
)

// Errors of AllocateLargestRemainder and RetainShare, about values: the
// caller says which pool or cell they came from.
var (
	ErrUnitNotPositive  = errors.New("the unit must be greater than zero")
	ErrNegativePool     = errors.New("a pool cannot be negative")
	ErrNotWholeUnits    = errors.New("is not a whole number of units")
	ErrNegativeWeight   = errors.New("a weight cannot be negative")
	ErrAllWeightsZero   = errors.New("every weight is zero: nobody to pay")
	ErrRetainOutOfRange = errors.New("the retained share must be between 0 and 100 percent")
)

// AllocateLargestRemainder splits pool among the weights so that the amounts
// sum to pool exactly and are whole multiples of unit (0.01 for the fen).
// Each weight first gets its exact share, pool × w ÷ W, rounded down to the
// unit; the units left over go one each to the largest remainders, ties to
// the earlier weight. No amount is a whole unit or more away from its exact
// share, and a zero weight gets nothing. It is SplitLargestRemainder over
// weights of one household each.
func AllocateLargestRemainder(pool, unit decimal.Decimal, weights []decimal.Decimal) ([]decimal.Decimal, error) {
	counts := make([]WeightCount, len(weights))
	for i, w := range weights {
		counts[i] = WeightCount{Weight: numOfDecimal(w), Count: 1}
	}
	s, err := SplitLargestRemainder(pool, unit, counts)
	if err != nil {
		return nil, err
	}
	amounts := make([]decimal.Decimal, len(weights))
	tied := int64(0)
	for i, c := range counts {
		floor, tie := s.count(c.Weight)
		if tie > 0 || tie == 0 && tied < s.tied {
			floor.Add(floor, bigOne)
		}
		if tie == 0 {
			tied++
		}
		if floor.IsInt64() {
			amounts[i] = unitsOf(floor.Int64(), unit)
		} else {
			amounts[i] = decimal.NewFromBigInt(floor, 0).Mul(unit)
		}
	}
	return amounts, nil
}

var bigOne = big.NewInt(1)

// numOfDecimal is d as a Num, in fixed point when it fits.
func numOfDecimal(d decimal.Decimal) Num {
	if e := d.Exponent(); e >= -FixedScale && e <= 0 && d.NumDigits() <= 18 {
		if hi, lo := bits.Mul64(uint64(abs(d.CoefficientInt64())), uint64(pow10[FixedScale+e])); hi == 0 && lo < numLimit {
			return FixedNum(d.CoefficientInt64()*pow10[FixedScale+e], int(-e))
		}
	}
	return DecimalNum(d)
}

// unitsOf is k units (k ≥ 0, unit > 0): in one allocation when k × the
// unit's coefficient fits int64, else in decimal. Both a count and a
// coefficient may be near int64's limit (9999999990000000000 yuan is 10^10
// units of 999999999), so the product is checked, never assumed to fit.
func unitsOf(k int64, unit decimal.Decimal) decimal.Decimal {
	if unit.NumDigits() <= 18 {
		if hi, lo := bits.Mul64(uint64(k), uint64(unit.CoefficientInt64())); hi == 0 && lo < 1<<63 {
			return decimal.New(int64(lo), unit.Exponent())
		}
	}
	return unit.Mul(decimal.NewFromInt(k))
}

// WeightCount is so many households of one weight, sharing one pool.
type WeightCount struct {
	Weight Num
	Count  int64
}

// Split is a pool divided by largest remainder, decided once for every
// household: with N = pool ÷ unit units and the weights scaled to integers
// (sum W), a household of weight w gets ⌊N·w ÷ W⌋ units and its remainder
// is N·w mod W. Households of one weight share their floor and remainder,
// so the leftover units are settled by counts of weights, not by sorting
// households: the remainders above the cut get one unit more each; of the
// households whose remainder is the cut, the first Tied() in input order
// do. That is exactly a stable sort of the households by remainder,
// largest first, the leftover going to the first in it.
//
// The arithmetic is in integers, so remainders compare exactly and ties are
// true ties: in 64 and 128 bits when the weights are fixed point and N and
// W fit, else in big integers.
type Split struct {
	unit      decimal.Decimal
	unitFixed int64 // the unit in fixed point; 0 when it is not
	places    int
	exp       int32    // the weights are integers at 10^exp
	units     *big.Int // N
	total     *big.Int // W
	cut       *big.Int // nil when no unit is left over
	tied      int64
	small     bool
	n, w, c   uint64 // N, W and the cut, when small
}

// SplitLargestRemainder splits pool among households of the weights
// counted. Errors: the unit not positive, the pool negative or not whole
// units, a weight negative, or every weight zero.
func SplitLargestRemainder(pool, unit decimal.Decimal, weights []WeightCount) (*Split, error) {
	units, err := WholeUnits(pool, unit)
	if err != nil {
		return nil, err
	}
	s := &Split{unit: unit, places: max(0, -int(unit.Exponent())), exp: -FixedScale, units: units}
	if f := numOfDecimal(unit); f.d == nil {
		s.unitFixed = f.f.Units
	}
	allFixed := true
	for _, c := range weights {
		if c.Weight.Sign() < 0 {
			return nil, ErrNegativeWeight
		}
		if c.Weight.d != nil {
			allFixed = false
			s.exp = min(s.exp, c.Weight.d.Exponent())
		}
	}
	s.total = s.sum(weights, allFixed)
	if s.total.Sign() == 0 {
		return nil, ErrAllWeightsZero
	}
	s.small = allFixed && units.IsUint64() && s.total.IsUint64()
	if s.small {
		s.n, s.w = units.Uint64(), s.total.Uint64()
		s.cutSmall(weights)
	} else {
		s.cutBig(weights)
	}
	return s, nil
}

// sum is W, in 64-bit integers while it fits.
func (s *Split) sum(weights []WeightCount, allFixed bool) *big.Int {
	if allFixed {
		var total uint64
		fits := true
		for _, c := range weights {
			hi, lo := bits.Mul64(uint64(c.Weight.f.Units), uint64(c.Count))
			var carry uint64
			total, carry = bits.Add64(total, lo, 0)
			if hi != 0 || carry != 0 {
				fits = false
				break
			}
		}
		if fits {
			return new(big.Int).SetUint64(total)
		}
	}
	total := new(big.Int)
	for _, c := range weights {
		total.Add(total, new(big.Int).Mul(s.integer(c.Weight), big.NewInt(c.Count)))
	}
	return total
}

// cutSmall finds the cut in 64 and 128-bit integers. The units left over
// are fewer than the households: each remainder is below W and they sum to
// left·W; so the walk ends at a remainder above zero.
func (s *Split) cutSmall(weights []WeightCount) {
	left := s.n
	remainders := make([]uint64, len(weights))
	for i, c := range weights {
		hi, lo := bits.Mul64(s.n, uint64(c.Weight.f.Units))
		q, r := bits.Div64(hi, lo, s.w) // q ≤ N: every weight is at most W
		remainders[i] = r
		left -= q * uint64(c.Count) // Σ q·count ≤ N
	}
	order := byRemainder(len(weights), func(a, b int) int { return cmp.Compare(remainders[b], remainders[a]) })
	for k := 0; left > 0 && k < len(order); {
		r := remainders[order[k]]
		var n uint64
		for ; k < len(order) && remainders[order[k]] == r; k++ {
			n += uint64(weights[order[k]].Count)
		}
		if left <= n {
			s.cut, s.c, s.tied = new(big.Int).SetUint64(r), r, int64(left)
			return
		}
		left -= n
	}
}

// cutBig finds the cut in big integers, for any sizes.
func (s *Split) cutBig(weights []WeightCount) {
	left := new(big.Int).Set(s.units)
	remainders := make([]*big.Int, len(weights))
	for i, c := range weights {
		floor, r := new(big.Int).QuoRem(new(big.Int).Mul(s.units, s.integer(c.Weight)), s.total, new(big.Int))
		remainders[i] = r
		left.Sub(left, floor.Mul(floor, big.NewInt(c.Count)))
	}
	order := byRemainder(len(weights), func(a, b int) int { return remainders[b].Cmp(remainders[a]) })
	for k := 0; left.Sign() > 0 && k < len(order); {
		r := remainders[order[k]]
		var n int64
		for ; k < len(order) && remainders[order[k]].Cmp(r) == 0; k++ {
			n += weights[order[k]].Count
		}
		if left.Cmp(big.NewInt(n)) <= 0 {
			s.cut, s.tied = r, left.Int64()
			return
		}
		left.Sub(left, big.NewInt(n))
	}
}

// byRemainder is the weights' indexes, largest remainder first.
func byRemainder(n int, cmp func(a, b int) int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, cmp)
	return order
}

// integer is a weight as an integer at 10^s.exp.
func (s *Split) integer(w Num) *big.Int {
	if w.d == nil {
		return new(big.Int).Mul(big.NewInt(w.f.Units), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-FixedScale-s.exp)), nil))
	}
	return w.d.Shift(-s.exp).BigInt()
}

// Tied is how many of the households whose remainder is the cut get one
// unit more: the first so many in input order.
func (s *Split) Tied() int64 { return s.tied }

// count is a weight's floor in units, and how its remainder compares with
// the cut: above (1, one unit more), at it (0, one more for the first Tied
// of them) or below (-1).
func (s *Split) count(w Num) (*big.Int, int) {
	floor, r := new(big.Int).QuoRem(new(big.Int).Mul(s.units, s.integer(w)), s.total, new(big.Int))
	if s.cut == nil {
		return floor, -1
	}
	return floor, r.Cmp(s.cut)
}

// Share is what a household of weight w gets (w one of the weights split):
// its floor, and how its remainder compares with the cut (see count). One
// more is Share's amount plus Unit.
func (s *Split) Share(w Num) (Num, int) {
	if s.small && w.d == nil && uint64(w.f.Units) <= s.w {
		hi, lo := bits.Mul64(s.n, uint64(w.f.Units))
		q, r := bits.Div64(hi, lo, s.w) // hi < W as w ≤ W
		tie := -1
		if s.cut != nil {
			tie = cmp.Compare(r, s.c)
		}
		return s.amount(q), tie
	}
	floor, tie := s.count(w)
	if floor.IsUint64() {
		return s.amount(floor.Uint64()), tie
	}
	return DecimalNum(decimal.NewFromBigInt(floor, 0).Mul(s.unit)), tie
}

// Unit is one unit, as an amount.
func (s *Split) Unit() Num { return s.amount(1) }

// amount is k units: fixed point when it fits.
func (s *Split) amount(k uint64) Num {
	if s.unitFixed > 0 {
		if hi, lo := bits.Mul64(k, uint64(s.unitFixed)); hi == 0 && lo < numLimit/2 {
			return FixedNum(int64(lo), s.places)
		}
	}
	if k < 1<<63 {
		return DecimalNum(unitsOf(int64(k), s.unit))
	}
	return DecimalNum(decimal.NewFromBigInt(new(big.Int).SetUint64(k), 0).Mul(s.unit))
}

// pow10 holds 10^0 … 10^18.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// WholeUnits returns amount ÷ unit, which must be a whole number: a pool of
// 100000.00 is 10,000,000 fen; 100000.005 is an error.
func WholeUnits(amount, unit decimal.Decimal) (*big.Int, error) {
	if unit.Sign() <= 0 {
		return nil, ErrUnitNotPositive
	}
	if amount.Sign() < 0 {
		return nil, ErrNegativePool
	}
	q, r := amount.QuoRem(unit, 0)
	if !r.IsZero() {
		return nil, ErrNotWholeUnits
	}
	return q.BigInt(), nil
}

// Retain splits a pool into what the collective keeps (pct of it, as
// photovoltaic poverty-alleviation rules require for public-welfare jobs and
// small works) and what is distributed. The retained part is rounded down to
// the unit, so that rounding never takes a unit from the households.
func Retain(pool, unit, pct decimal.Decimal) (retained, distributed decimal.Decimal, err error) {
	if pct.Sign() < 0 || pct.Cmp(hundred) > 0 {
		return decimal.Decimal{}, decimal.Decimal{}, ErrRetainOutOfRange
	}
	if unit.Sign() <= 0 {
		return decimal.Decimal{}, decimal.Decimal{}, ErrUnitNotPositive
	}
	units, _ := pool.Mul(pct).QuoRem(hundred.Mul(unit), 0)
	retained = units.Mul(unit)
	return retained, pool.Sub(retained), nil
}
