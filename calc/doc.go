// Package calc holds econcalc's domain: the indicators that county statistics
// bureaus, development-zone administrations and poverty-alleviation offices
// report, as pure functions over exact numbers.
//
// Nothing here reads files, parses flags or prints. Quotients are carried to
// QuotientPlaces decimal places, or kept undivided, and rounded once, by the
// caller, when printed.
//
// Amounts are decimals (shopspring/decimal) or Nums: int64 fixed point in
// units of 10^-FixedScale while they fit, the usual case, else decimals.
// The growth algorithms are written once for any Amount (GrowthOf,
// BreakDown). A registry's sums are kept in fixed point, summed in 128
// bits, for the households whose amounts fit (FixedTally) and in decimal
// for the rest (Tally); RegistryTally holds both and merges them exactly.
// The poverty tallies never divide per row: poverty is tested as income <
// line × members, the gap index is one division at the end, and the
// severity index keeps its squared shortfalls by household size so that
// it too is one division.
//
// Money is split by the largest-remainder method in exact integers, so
// that shares add up to the pool to the fen (AllocateLargestRemainder).
//
// Units are a base and a power of ten (万元 is 元 × 10^4): UnitScales says
// how far to shift each column's amounts to bring them to one unit, and
// refuses units that cannot be brought together. Roots (average growth,
// the two-year average) are exact to 40 digits and never sit on a rounding
// midpoint they are not on (nthRoot).
package calc
