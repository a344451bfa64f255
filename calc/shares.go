package calc

import "github.com/shopspring/decimal"

// Shares of a whole (结构, 占比) published so that they add to exactly 100:
// a statistics office rounds a structure (三次产业结构 19.5 : 34.6 : 45.9)
// by largest remainder, not each share half up (19.6 : 34.6 : 45.9 adds to
// 100.1). It is the dividend's split with 100 for the pool and one unit of
// the last printed place.

// ShareUnit is one unit of the last of places decimals: 0.1 at one place,
// 1 at none.
func ShareUnit(places int32) decimal.Decimal { return decimal.New(1, -places) }

// SharesToHundred is each part's share of their sum, in percent, rounded
// to places decimals so that the shares add to exactly 100: each share is
// first rounded down to the place, and the units left over go one each to
// the largest remainders, ties to the earlier part. No share is a unit of
// the last place or more away from its exact value, and a zero part gets
// 0. Errors: a part negative (ErrNegativeWeight) or every part zero
// (ErrAllWeightsZero): then there is no whole to share out.
func SharesToHundred(parts []decimal.Decimal, places int32) ([]decimal.Decimal, error) {
	return AllocateLargestRemainder(hundred, ShareUnit(places), parts)
}

// SplitHundred is SharesToHundred for households counted by weight (a
// dividend pool's): Share(w) is the share of a household of weight w
// rounded down, and whether its remainder is above, at or below the cut;
// the first Tied() households at the cut in input order, and every one
// above it, get one unit (Unit()) more.
func SplitHundred(weights []WeightCount, places int32) (*Split, error) {
	return SplitLargestRemainder(hundred, ShareUnit(places), weights)
}
