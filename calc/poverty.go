package calc

import (
	"math/bits"
	"sort"

	"github.com/shopspring/decimal"
)

// Household is one registry row (建档立卡户): its size and its income split
// into the components that count and those that do not (subsidies, loans:
// 不搞把补贴、贷款算成收入).
type Household struct {
	Members  int64           // whole number ≥ 1
	Counted  decimal.Decimal // sum of counted components, yuan a year
	Excluded decimal.Decimal // sum of excluded components
}

// need is what the household needs to reach the line: line × members.
func (h Household) need(line decimal.Decimal) decimal.Decimal {
	return line.Mul(decimal.NewFromInt(h.Members))
}

// PerCapita is counted income ÷ members.
func (h Household) PerCapita() decimal.Decimal {
	return h.Counted.DivRound(decimal.NewFromInt(h.Members), QuotientPlaces)
}

// Poor reports whether per-capita counted income is strictly below the line.
// It compares counted < line × members, which is exact: no quotient is
// rounded. A household exactly at the line is not poor.
func (h Household) Poor(line decimal.Decimal) bool {
	return h.Counted.Cmp(h.need(line)) < 0
}

// LiftedByExcluded reports a household that is poor on counted income but
// would not be if its excluded components were counted too: one that clears
// the line only on paper.
func (h Household) LiftedByExcluded(line decimal.Decimal) bool {
	return h.Poor(line) && h.Counted.Add(h.Excluded).Cmp(h.need(line)) >= 0
}

// Shortfall is line × members − counted income for a poor household (zero
// otherwise): the yuan it lacks, which equals Σ over its members of (z − y).
func (h Household) Shortfall(line decimal.Decimal) decimal.Decimal {
	if !h.Poor(line) {
		return zero
	}
	return h.need(line).Sub(h.Counted)
}

// GapPct is the household's poverty gap, (line − per-capita) ÷ line × 100,
// computed as shortfall ÷ (line × members) × 100 so that it is rounded once.
// ok is false when the household is not poor.
func (h Household) GapPct(line decimal.Decimal) (pct decimal.Decimal, ok bool) {
	if !h.Poor(line) {
		return decimal.Decimal{}, false
	}
	return Percent(h.Shortfall(line), h.need(line))
}

// Counts are a group's households and people, and how many are poor.
type Counts struct {
	Households, Persons         int64
	PoorHouseholds, PoorPersons int64
	Lifted                      int64 // households poor but lifted by excluded components
}

func (c *Counts) merge(o *Counts) {
	c.Households += o.Households
	c.Persons += o.Persons
	c.PoorHouseholds += o.PoorHouseholds
	c.PoorPersons += o.PoorPersons
	c.Lifted += o.Lifted
}

// Tally is the running sums of a group of households (a village, a county)
// from which every summary figure follows. It holds no rows, so memory stays
// flat however many households are added. All sums are exact.
type Tally struct {
	Counts
	Income decimal.Decimal // Σ counted income = Σ members × per-capita income
	// Shortfall is Σ over poor households of (z·m − income). Since
	// m·(z − y)/z = (z·m − income)/z, the gap index numerator is Shortfall ÷ z.
	Shortfall decimal.Decimal
	// squaredBySize maps a household size m to Σ (z·m − income)² over poor
	// households of that size. Since m·((z − y)/z)² = (z·m − income)² ÷ (z²·m),
	// keeping the squares by size leaves a single division for the end, so the
	// severity index is exact. Household sizes are few, so the map stays small.
	squaredBySize map[int64]decimal.Decimal
}

// Add counts one household against the line. It is the whole per-row work of
// a summary.
func (t *Tally) Add(h Household, line decimal.Decimal) {
	t.Households++
	t.Persons += h.Members
	t.Income = t.Income.Add(h.Counted)
	if !h.Poor(line) {
		return
	}
	t.PoorHouseholds++
	t.PoorPersons += h.Members
	if h.LiftedByExcluded(line) {
		t.Lifted++
	}
	s := h.Shortfall(line)
	t.Shortfall = t.Shortfall.Add(s)
	if t.squaredBySize == nil {
		t.squaredBySize = map[int64]decimal.Decimal{}
	}
	t.squaredBySize[h.Members] = t.squaredBySize[h.Members].Add(s.Mul(s))
}

// Merge adds another tally's households to t.
func (t *Tally) Merge(o *Tally) {
	t.Counts.merge(&o.Counts)
	t.Income = t.Income.Add(o.Income)
	t.Shortfall = t.Shortfall.Add(o.Shortfall)
	for m, sq := range o.squaredBySize {
		if t.squaredBySize == nil {
			t.squaredBySize = map[int64]decimal.Decimal{}
		}
		t.squaredBySize[m] = t.squaredBySize[m].Add(sq)
	}
}

// MeanIncome is the people-weighted mean of per-capita counted income:
// Σ members × per-capita ÷ Σ members = Σ income ÷ persons.
func (t *Tally) MeanIncome() (decimal.Decimal, bool) {
	return Ratio(t.MeanIncomeRatio())
}

// MeanIncomeRatio is MeanIncome undivided: Σ income and persons.
func (t *Tally) MeanIncomeRatio() (num, den decimal.Decimal) {
	return t.Income, decimal.NewFromInt(t.Persons)
}

// GapIndex is FGT1 × 100: Σ over poor people of (z − y) ÷ z, divided by the
// population. It is Shortfall × 100 ÷ (z × population), one division.
func (t *Tally) GapIndex(line decimal.Decimal, population int64) (pct decimal.Decimal, ok bool) {
	if line.Sign() <= 0 {
		return decimal.Decimal{}, false
	}
	return Percent(t.GapIndexRatio(line, population))
}

// GapIndexRatio is GapIndex undivided, for a caller that divides once when
// printing: Shortfall and z × population (× 100 makes the percentage).
func (t *Tally) GapIndexRatio(line decimal.Decimal, population int64) (num, den decimal.Decimal) {
	return t.Shortfall, line.Mul(decimal.NewFromInt(population))
}

// SeverityIndex is FGT2 × 100: Σ over poor people of ((z − y) ÷ z)², divided
// by the population. The sum Σ_m S_m ÷ m (S_m the squared shortfalls of
// households of size m) is formed as one fraction over the product of the
// sizes, and the index is that fraction × 100 ÷ (z² × population): one
// division, so the result is exact to QuotientPlaces.
func (t *Tally) SeverityIndex(line decimal.Decimal, population int64) (pct decimal.Decimal, ok bool) {
	if line.Sign() <= 0 || population <= 0 {
		return decimal.Decimal{}, false
	}
	return Percent(t.severityRatio(line, population))
}

// severityRatio is SeverityIndex undivided: Σ_m S_m ÷ m over z² ×
// population, as one fraction (× 100 makes the percentage).
func (t *Tally) severityRatio(line decimal.Decimal, population int64) (num, den decimal.Decimal) {
	sizes := make([]int64, 0, len(t.squaredBySize))
	for m := range t.squaredBySize {
		sizes = append(sizes, m)
	}
	sort.Slice(sizes, func(i, j int) bool { return sizes[i] < sizes[j] })
	num, den = zero, one // num ÷ den = Σ_m S_m ÷ m
	for _, m := range sizes {
		dm := decimal.NewFromInt(m)
		num = num.Mul(dm).Add(t.squaredBySize[m].Mul(den))
		den = den.Mul(dm)
	}
	return num, den.Mul(line).Mul(line).Mul(decimal.NewFromInt(population))
}

// Incidence is 贫困发生率: poor people ÷ population × 100.
func Incidence(poorPersons, population int64) (pct decimal.Decimal, ok bool) {
	return Percent(decimal.NewFromInt(poorPersons), decimal.NewFromInt(population))
}

// PassesExit reports whether the exact incidence is below the exit threshold
// (2% in the central and eastern provinces, 3% in the west). It compares
// poor × 100 < threshold × population, so no rounded incidence decides it: an
// incidence that prints as 2.0 may still fail. A threshold of a few digits,
// the usual one, is compared in 128-bit integers, without a decimal.
func PassesExit(poorPersons, population int64, thresholdPct decimal.Decimal) bool {
	if population <= 0 {
		return false
	}
	if passes, ok := passesExitSmall(poorPersons, population, thresholdPct); ok {
		return passes
	}
	lhs := decimal.NewFromInt(poorPersons).Mul(hundred)
	return lhs.Cmp(thresholdPct.Mul(decimal.NewFromInt(population))) < 0
}

// passesExitSmall is PassesExit for poor ≥ 0, population > 0 and a
// threshold c × 10^e with 0 ≤ c < 10^18 and -16 ≤ e ≤ 0, so that both
// sides, poor × 100 × 10^-e and c × population, are products of two
// 64-bit numbers. ok is false for anything else.
func passesExitSmall(poor, population int64, threshold decimal.Decimal) (passes, ok bool) {
	c, e := threshold.CoefficientInt64(), threshold.Exponent()
	if poor < 0 || threshold.NumDigits() > 18 || c < 0 || e > 0 || e < -16 {
		return false, false
	}
	lhi, llo := bits.Mul64(uint64(poor), 100*uint64(Pow10[-e]))
	rhi, rlo := bits.Mul64(uint64(c), uint64(population))
	return lhi < rhi || lhi == rhi && llo < rlo, true
}
