package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// Counts in a unit such as 万人: the places a whole person takes, and rolls
// in it.

// In 万人 (places 4) the quotient is rounded up to a whole person, 0.0001
// 万人, not to a whole 万人, and printed without trailing zeros.
func TestPerYearRoundedUpInTenThousands(t *testing.T) {
	cases := []struct {
		count string
		years int
		want  string // as printed
	}{
		// 82,485,000 people ÷ 7 = 11,783,571.428… → 11,783,572 = 1178.3572 万人
		{"8248.5", 7, "1178.3572"},
		// 55,750,000 ÷ 5 = 11,150,000 exactly: 1115, not 1115.0000
		{"5575", 5, "1115"},
		// 43,350,000 ÷ 4 = 10,837,500 = 1083.75 万人 exactly
		{"4335", 4, "1083.75"},
		// 1 person ÷ 3 years: one person a year, 0.0001 万人
		{"0.0001", 3, "0.0001"},
	}
	for _, c := range cases {
		got := PerYearRoundedUp(decimal.RequireFromString(c.count), c.years, 4)
		if printed(got) != c.want {
			t.Errorf("PerYearRoundedUp(%s, %d, 4) = %s (exponent %d), want %s", c.count, c.years, got, got.Exponent(), c.want)
		}
	}
}

func TestCountPlacesAndWholeCount(t *testing.T) {
	places := []struct {
		unit, base string
		want       int32
	}{
		{"万人", "人", 4}, {"人", "人", 0}, {"", "人", 0}, {"万户", "户", 4}, {"千人", "人", 3},
		{"万人", "户", 0}, // no multiple of households: whole, as before
		{"人次", "人", 0},
	}
	for _, c := range places {
		if got := CountPlaces(c.unit, c.base); got != c.want {
			t.Errorf("CountPlaces(%q, %q) = %d, want %d", c.unit, c.base, got, c.want)
		}
	}
	whole := []struct {
		count  string
		places int32
		want   string // "" for not whole
	}{
		{"1154.0", 0, "1154"},
		{"1154.5", 0, ""},
		{"1650.5", 4, "1650.5"},  // 16,505,000 people
		{"1650.50", 4, "1650.5"}, // the trailing zero dropped
		{"1650", 4, "1650"},
		{"1650.12345", 4, ""}, // 16,501,234.5 people: half a person
		{"0.0001", 4, "0.0001"},
	}
	for _, c := range whole {
		got, ok := WholeCount(decimal.RequireFromString(c.count), c.places)
		if c.want == "" {
			if ok {
				t.Errorf("WholeCount(%s, %d) = %s, true; want not whole", c.count, c.places, got)
			}
			continue
		}
		if !ok || printed(got) != c.want {
			t.Errorf("WholeCount(%s, %d) = %s (exponent %d), %v; want %s", c.count, c.places, got, got.Exponent(), ok, c.want)
		}
	}
}

// A roll in 万人 (PersonPlaces 4) keeps the decimals a whole person takes
// there, and prints no more than it needs: 9898.5 − 1650.5 = 8248, not
// 8248.0; --adjust covers 8248 + 0 − 8248.25 short by 0.25 万人 (2,500 people).
func TestRollRegistryInTenThousands(t *testing.T) {
	wan := func(s string) Registry { return Registry{Persons: decimal.RequireFromString(s)} }
	rows := []YearFlows{
		{Years: rollYears(2013, 2013), Exited: wan("1650.5")},
		{Years: rollYears(2014, 2014), Exited: wan("8248.25")},
	}
	got, err := RollRegistry(wan("9898.5"), rows, RollSettings{PersonsOnly: true, PersonPlaces: 4, Adjust: true, Target: 2020})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []struct{ remaining, added, needed string }{
		// 82,480,000 people ÷ 7 = 11,782,857.14… → 11,782,858 = 1178.2858 万人
		{"8248", "0", "1178.2858"},
		// 8248 − 8248.25 is short 0.25: added 0.25, none remain, 0 ÷ 6 = 0
		{"0", "0.25", "0"},
	} {
		r := got[i]
		if printed(r.Remaining.Persons) != want.remaining || printed(r.Added.Persons) != want.added || printed(r.NeededPersons.V) != want.needed {
			t.Errorf("%s: remaining %s, added %s, needed %s; want %s, %s, %s", r.Years,
				printed(r.Remaining.Persons), printed(r.Added.Persons), printed(r.NeededPersons.V), want.remaining, want.added, want.needed)
		}
	}
}
