package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestRegistryAgreesWithDecimal: a household whose amounts fit fixed point
// and the same household held in decimal stand alike against the line, and
// tallies of either kind give the same exact figures.
func TestRegistryAgreesWithDecimal(t *testing.T) {
	line := NewLine(decimal.RequireFromString("3335"))
	// Line × members: 3 × 3335 = 10005. 10004.99 is poor by 0.01; with 0.01
	// excluded it clears the line (lifted); 10005 is at the line, not poor.
	for _, c := range []struct {
		members           int64
		counted, excluded string
		poor, lifted      bool
	}{
		{3, "10004.99", "0.01", true, true},
		{3, "10004.99", "0", true, false},
		{3, "10005", "0", false, false},
		{1, "-50", "0", true, false},
		{100, "1", "0", true, false}, // beyond MaxFixedMembers: decimal either way
	} {
		fixed := Registered{Members: c.members, Counted: parseNum(t, c.counted), Excluded: parseNum(t, c.excluded)}
		dec := Registered{Members: c.members, Counted: DecimalNum(decimal.RequireFromString(c.counted)), Excluded: DecimalNum(decimal.RequireFromString(c.excluded))}
		for _, h := range []Registered{fixed, dec} {
			st := h.Standing(line)
			if st.Poor != c.poor || st.Lifted != c.lifted {
				t.Errorf("%+v: poor %v lifted %v, want %v %v", c, st.Poor, st.Lifted, c.poor, c.lifted)
			}
			if c.poor {
				// Shortfall = 3335 × members − counted, exactly.
				want := decimal.NewFromInt(3335 * c.members).Sub(decimal.RequireFromString(c.counted))
				if !st.Shortfall.Decimal().Equal(want) || !st.Need.Decimal().Equal(decimal.NewFromInt(3335*c.members)) {
					t.Errorf("%+v: shortfall %s of %s, want %s of %d", c, st.Shortfall.Decimal(), st.Need.Decimal(), want, 3335*c.members)
				}
			}
		}
		var a, b RegistryTally
		a.Add(&fixed, line)
		b.Add(&dec, line)
		ta, tb := a.Tally(), b.Tally()
		sa, _ := ta.SeverityIndex(line.D, c.members)
		sb, _ := tb.SeverityIndex(line.D, c.members)
		if ta.PoorPersons != tb.PoorPersons || ta.Lifted != tb.Lifted || !ta.Income.Equal(tb.Income) || !ta.Shortfall.Equal(tb.Shortfall) || !sa.Equal(sb) {
			t.Errorf("%+v: fixed tally %+v, decimal tally %+v", c, ta, tb)
		}
	}
}

// parseNum is an amount in fixed point, as input reads one that fits.
func parseNum(t *testing.T, s string) Num {
	d := decimal.RequireFromString(s)
	units, ok := ToFixed(d)
	if !ok {
		t.Fatalf("%s does not fit fixed point", s)
	}
	return FixedNum(units, int(max(0, -d.Exponent())))
}
