package calc

import "github.com/shopspring/decimal"

// A registry as read: each household's amounts are Nums, and a village's
// sums are kept in fixed point (FixedTally) for the households whose
// amounts fit, in decimal (Tally) for the rest, merged exactly at the end.
// Either way the figures are the same exact ones.

// Line is a poverty line, in decimal and, when it fits, in fixed point.
type Line struct {
	D     decimal.Decimal
	fixed int64
	fits  bool
}

// NewLine is the line d yuan per person a year.
func NewLine(d decimal.Decimal) Line {
	f, fits := ToFixed(d)
	return Line{D: d, fixed: f, fits: fits}
}

// Registered is one registry row as read: its size, and its counted and
// excluded income.
type Registered struct {
	Members           int64
	Counted, Excluded Num
}

// inFixed is the household in fixed point, when it and the line fit the
// bounds FixedTally needs.
func (h *Registered) inFixed(line Line) (FixedHousehold, bool) {
	const bound = FixedLimit * MaxFixedComponents
	c, e := h.Counted.f.Units, h.Excluded.f.Units
	if h.Counted.d != nil || h.Excluded.d != nil || !line.fits || uint64(h.Members-1) >= MaxFixedMembers ||
		uint64(c+bound-1) >= 2*bound-1 || uint64(e+bound-1) >= 2*bound-1 { // |c|, |e| < bound
		return FixedHousehold{}, false
	}
	return FixedHousehold{Members: h.Members, Counted: c, Excluded: e}, true
}

// Decimal is the household in decimal.
func (h *Registered) Decimal() Household {
	return Household{Members: h.Members, Counted: h.Counted.Decimal(), Excluded: h.Excluded.Decimal()}
}

// Standing is where a household stands against the line, worked out once
// for a listing: poor, lifted only by excluded components, and its gap
// undivided (shortfall ÷ line × members, × 100 makes GapPct; zero when it
// is not poor).
type Standing struct {
	Poor, Lifted    bool
	Shortfall, Need Num
}

// Standing works out where the household stands against the line.
func (h *Registered) Standing(line Line) Standing {
	if f, ok := h.inFixed(line); ok {
		need := line.fixed * f.Members
		if f.Counted >= need {
			return Standing{}
		}
		return Standing{Poor: true, Lifted: f.Counted+f.Excluded >= need,
			Shortfall: FixedNum(need-f.Counted, FixedScale), Need: FixedNum(need, FixedScale)}
	}
	d := h.Decimal()
	if !d.Poor(line.D) {
		return Standing{}
	}
	return Standing{Poor: true, Lifted: d.LiftedByExcluded(line.D),
		Shortfall: DecimalNum(d.Shortfall(line.D)), Need: DecimalNum(d.need(line.D))}
}

// PerCapitaRatio is per-capita income undivided: counted income and
// members.
func (h *Registered) PerCapitaRatio() (num, den Num) {
	return h.Counted, IntNum(h.Members)
}

// RegistryTally is a group's running sums (a village's): no rows, so
// memory stays flat however many households are added, and small, so that
// a million villages fit: the decimal sums exist only for a village with a
// household whose amounts do not fit fixed point.
type RegistryTally struct {
	fixed FixedTally
	dec   *Tally // households whose amounts do not fit fixed point
}

// Add counts one household against the line.
func (t *RegistryTally) Add(h *Registered, line Line) {
	if f, ok := h.inFixed(line); ok {
		t.fixed.Add(f, line.fixed)
		return
	}
	if t.dec == nil {
		t.dec = &Tally{}
	}
	t.dec.Add(h.Decimal(), line.D)
}

// Merge adds another tally's households to t.
func (t *RegistryTally) Merge(o *RegistryTally) {
	t.fixed.Merge(&o.fixed)
	if o.dec != nil {
		if t.dec == nil {
			t.dec = &Tally{}
		}
		t.dec.Merge(o.dec)
	}
}

// Counts are the tally's households and people.
func (t *RegistryTally) Counts() Counts {
	c := t.fixed.Counts
	if t.dec != nil {
		c.merge(&t.dec.Counts)
	}
	return c
}

// Income is the tally's counted income, exactly.
func (t *RegistryTally) Income() Num {
	income := t.fixed.income.num()
	if t.dec != nil {
		income = income.Add(DecimalNum(t.dec.Income))
	}
	return income
}

// Tally is the exact decimal tally every figure comes from.
func (t *RegistryTally) Tally() *Tally {
	var d Tally
	if t.dec != nil {
		d.Merge(t.dec)
	}
	t.fixed.AddTo(&d)
	return &d
}
