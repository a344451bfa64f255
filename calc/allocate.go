package calc

import (
	"cmp"
	"errors"
	"math/big"
	"math/bits"
	"slices"
	"sort"

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
// share, and a zero weight gets nothing.
//
// The arithmetic is in integers: with N = pool ÷ unit units and the weights
// scaled to integers w_i (sum W), weight i gets ⌊N·w_i ÷ W⌋ units and its
// remainder is N·w_i mod W, so remainders compare exactly and ties are true
// ties.
func AllocateLargestRemainder(pool, unit decimal.Decimal, weights []decimal.Decimal) ([]decimal.Decimal, error) {
	units, err := WholeUnits(pool, unit)
	if err != nil {
		return nil, err
	}
	amounts := make([]decimal.Decimal, len(weights))
	if units.IsInt64() {
		if counts, ok := allocateSmall(units.Int64(), weights); ok {
			// Households with the same weight get the same amount, or one
			// unit apart: equal amounts share one decimal (decimals are
			// immutable), so that a pool over thousands of households
			// allocates a few dozen.
			made := map[int64]decimal.Decimal{}
			for i, k := range counts {
				a, ok := made[k]
				if !ok {
					a = unitsOf(k, unit)
					made[k] = a
				}
				amounts[i] = a
			}
			return amounts, nil
		}
	}
	counts, err := allocateBig(units, weights)
	if err != nil {
		return nil, err
	}
	for i, k := range counts {
		amounts[i] = decimal.NewFromBigInt(k, 0).Mul(unit)
	}
	return amounts, nil
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

// allocateBig is the allocation in big integers, for any sizes.
func allocateBig(units *big.Int, weights []decimal.Decimal) ([]*big.Int, error) {
	scaled, total, err := integerWeights(weights)
	if err != nil {
		return nil, err
	}
	floors := make([]*big.Int, len(scaled))
	remainders := make([]*big.Int, len(scaled))
	left := new(big.Int).Set(units)
	for i, w := range scaled {
		floors[i], remainders[i] = new(big.Int).QuoRem(new(big.Int).Mul(units, w), total, new(big.Int))
		left.Sub(left, floors[i])
	}
	// left < len(weights): each remainder is below W and they sum to left·W.
	order := make([]int, len(scaled))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return remainders[order[a]].Cmp(remainders[order[b]]) > 0
	})
	for _, i := range order[:left.Int64()] {
		floors[i].Add(floors[i], big.NewInt(1))
	}
	return floors, nil
}

// allocateSmall is AllocateLargestRemainder's arithmetic in 64 and 128-bit
// integers, for weights whose digits fit int64 (every realistic case); it
// returns each weight's count of units. ok is false when they do not fit,
// or when the weights are negative or all zero (the general path says so).
func allocateSmall(units int64, weights []decimal.Decimal) ([]int64, bool) {
	exp := int32(0)
	for _, w := range weights {
		if w.Sign() < 0 || w.NumDigits() > 18 {
			return nil, false
		}
		exp = min(exp, w.Exponent())
	}
	scaled := make([]int64, len(weights))
	var total int64
	for i, w := range weights {
		shift := w.Exponent() - exp
		if shift > 18 {
			return nil, false
		}
		hi, v := bits.Mul64(uint64(w.CoefficientInt64()), uint64(pow10[shift]))
		if hi != 0 || v >= 1<<62 || total+int64(v) >= 1<<62 {
			return nil, false
		}
		scaled[i] = int64(v)
		total += int64(v)
	}
	if total == 0 {
		return nil, false
	}
	counts := make([]int64, len(weights))
	remainders := make([]uint64, len(weights))
	left := units
	for i, w := range scaled {
		hi, lo := bits.Mul64(uint64(units), uint64(w))
		q, r := bits.Div64(hi, lo, uint64(total)) // q ≤ units: no overflow
		counts[i], remainders[i] = int64(q), r
		left -= int64(q)
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(remainders[b], remainders[a]) })
	for _, i := range order[:left] {
		counts[i]++
	}
	return counts, true
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

// integerWeights scales the weights by a common power of ten so that all are
// integers (0.5 and 1.25 become 50 and 125), and returns their sum.
func integerWeights(weights []decimal.Decimal) ([]*big.Int, *big.Int, error) {
	var exp int32
	for _, w := range weights {
		if w.Sign() < 0 {
			return nil, nil, ErrNegativeWeight
		}
		exp = min(exp, w.Exponent())
	}
	scaled := make([]*big.Int, len(weights))
	total := new(big.Int)
	for i, w := range weights {
		scaled[i] = w.Shift(-exp).BigInt()
		total.Add(total, scaled[i])
	}
	if total.Sign() == 0 {
		return nil, nil, ErrAllWeightsZero
	}
	return scaled, total, nil
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
