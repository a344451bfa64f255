package calc

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
)

// Registry is a count of registered poor households (建档立卡贫困户) and of the
// people in them. Both are whole numbers of households and people, in the
// units the input gives (1650.5 万人 is 16,505,000 people: CountPlaces). A
// registry published in people only (the national roll, in 万人) counts
// zero households.
type Registry struct {
	Households, Persons decimal.Decimal
}

// Describe says what r counts: "284 households and 844 people", or "844
// people" for a roll in people only.
func (r Registry) Describe(personsOnly bool) string {
	if personsOnly {
		return r.Persons.String() + " people"
	}
	return r.Households.String() + " households and " + r.Persons.String() + " people"
}

// Add returns r + o, household by household and person by person.
func (r Registry) Add(o Registry) Registry {
	return Registry{Households: r.Households.Add(o.Households), Persons: r.Persons.Add(o.Persons)}
}

// Sub returns r − o.
func (r Registry) Sub(o Registry) Registry {
	return Registry{Households: r.Households.Sub(o.Households), Persons: r.Persons.Sub(o.Persons)}
}

// IsZero reports that r counts no households and no people.
func (r Registry) IsZero() bool { return r.Households.IsZero() && r.Persons.IsZero() }

var maxPersonsPerHousehold = decimal.NewFromInt(10)

// ImplausibleHouseholdSize reports people per household outside 1–10, or
// people without households: figures like these usually hide a typo.
func (r Registry) ImplausibleHouseholdSize() bool {
	if r.Households.IsZero() {
		return !r.Persons.IsZero()
	}
	return r.Persons.LessThan(r.Households) || r.Persons.GreaterThan(r.Households.Mul(maxPersonsPerHousehold))
}

// YearFlows is one input row of the roll: what left the registry (脱贫) and
// what joined it (newly identified households, returns to poverty) in a year
// or a span of years.
type YearFlows struct {
	Years  YearSpan
	Exited Registry
	Added  Registry
}

// RollSettings are the choices of a roll besides its rows.
type RollSettings struct {
	Population Maybe // the area's rural registered population, for incidence
	Target     int   // the year by which everyone must be out; 0 for none
	// Adjust records the smallest additions that cover exits exceeding what
	// remains, instead of failing with a *ShortfallError.
	Adjust bool
	// PersonsOnly rolls a registry counted in people only: every household
	// count is zero, no needed-per-year household figure is worked out and
	// no message speaks of households.
	PersonsOnly bool
	// HouseholdPlaces and PersonPlaces are the decimals one household and
	// one person take in the units the counts are in (CountPlaces): 4 in
	// 万人. The needed per year is rounded up at them.
	HouseholdPlaces, PersonPlaces int32
}

// Trimmed is r without trailing zeros after the point, at the places of
// s (WholeCount): 9898.5 − 1650.5 万人 is 8248, not 8248.0.
func (s RollSettings) Trimmed(r Registry) Registry {
	r.Households, _ = WholeCount(r.Households, s.HouseholdPlaces)
	r.Persons, _ = WholeCount(r.Persons, s.PersonPlaces)
	return r
}

// RollRow is the registry after one row of exits and additions.
type RollRow struct {
	Years      YearSpan
	Added      Registry // as input, plus Adjustment
	Adjustment Registry // additions the roll had to assume (Adjust only)
	Exited     Registry
	Remaining  Registry
	// ExitRatePct is people exited so far ÷ (people registered at the start +
	// people added so far) × 100.
	ExitRatePct Maybe
	// IncidencePct (贫困发生率) is remaining people ÷ population × 100.
	IncidencePct Maybe
	// NeededHouseholds and NeededPersons are what remains ÷ the years left to
	// the target (target − the row's last year), rounded up to a whole
	// household or person (PerYearRoundedUp), since a county cannot lift
	// part of a household; missing from the target year on.
	NeededHouseholds, NeededPersons Maybe
}

// ShortfallError is a row whose exits exceed what the registry holds: the
// roll cannot be consistent unless households or people were added.
type ShortfallError struct {
	Row         int // index of the row in the rows passed to RollRegistry
	Years       YearSpan
	Available   Registry // remaining before the row, plus the row's additions
	Exited      Registry
	Shortfall   Registry // the smallest additions that would cover the exits
	PersonsOnly bool     // the roll counts people only
}

func (e *ShortfallError) Error() string {
	return fmt.Sprintf("%s: exits of %s exceed the %s on the registry: short by %s",
		e.Years, e.Exited.Describe(e.PersonsOnly), e.Available.Describe(e.PersonsOnly), e.Shortfall.Describe(e.PersonsOnly))
}

// errHouseholdsInPersonsOnly is a caller's mistake: a roll in people only
// given households.
var errHouseholdsInPersonsOnly = errors.New("a roll in people only was given households")

// RollRegistry rolls the registry forward from start through rows, which must
// be in year order with no year in two rows. Each row's remaining is the
// previous remaining + its additions − its exits. A row whose exits exceed
// that is a *ShortfallError, unless settings.Adjust, which adds the
// shortfall to the row's additions and goes on. With settings.PersonsOnly
// every household count, at the start and in the rows, must be zero.
func RollRegistry(start Registry, rows []YearFlows, settings RollSettings) ([]RollRow, error) {
	if settings.PersonsOnly && !start.Households.IsZero() {
		return nil, errHouseholdsInPersonsOnly
	}
	out := make([]RollRow, 0, len(rows))
	remaining := start
	var exitedSoFar, addedSoFar Registry
	for i, row := range rows {
		if i > 0 && rows[i-1].Years.Last >= row.Years.First {
			return nil, fmt.Errorf("years out of order or overlapping: %s after %s", row.Years, rows[i-1].Years)
		}
		if settings.PersonsOnly && !(row.Exited.Households.IsZero() && row.Added.Households.IsZero()) {
			return nil, errHouseholdsInPersonsOnly
		}
		available := remaining.Add(row.Added)
		short := Registry{
			Households: decimal.Max(zero, row.Exited.Households.Sub(available.Households)),
			Persons:    decimal.Max(zero, row.Exited.Persons.Sub(available.Persons)),
		}
		if !short.IsZero() && !settings.Adjust {
			return nil, &ShortfallError{Row: i, Years: row.Years, Available: available, Exited: row.Exited, Shortfall: short,
				PersonsOnly: settings.PersonsOnly}
		}
		r := RollRow{Years: row.Years, Added: settings.Trimmed(row.Added.Add(short)), Adjustment: short, Exited: row.Exited}
		remaining = settings.Trimmed(available.Add(short).Sub(row.Exited))
		exitedSoFar = exitedSoFar.Add(row.Exited)
		addedSoFar = addedSoFar.Add(r.Added)
		r.Remaining = remaining
		r.ExitRatePct = maybe(Percent(exitedSoFar.Persons, start.Persons.Add(addedSoFar.Persons)))
		if settings.Population.OK {
			r.IncidencePct = maybe(Percent(remaining.Persons, settings.Population.V))
		}
		if yearsLeft := settings.Target - row.Years.Last; settings.Target != 0 && yearsLeft > 0 {
			if !settings.PersonsOnly {
				r.NeededHouseholds = Some(PerYearRoundedUp(remaining.Households, yearsLeft, settings.HouseholdPlaces))
			}
			r.NeededPersons = Some(PerYearRoundedUp(remaining.Persons, yearsLeft, settings.PersonPlaces))
		}
		out = append(out, r)
	}
	return out, nil
}

// PerYearRoundedUp is count ÷ years rounded up to a whole household or
// person: the least that, done every year, gets count done in time. count
// is zero or more, a whole number of its base with places decimals allowed
// (CountPlaces: 4 in 万人); years is above zero. The quotient is taken
// exactly (an integer quotient of count × 10^places and its remainder), so
// 601 ÷ 3 is 201 and 600 ÷ 3 is 200, never 201 from a quotient rounded at
// some place; 8248.5 万人 ÷ 7 is 1178.3572 万人, 11,783,572 people.
func PerYearRoundedUp(count decimal.Decimal, years int, places int32) decimal.Decimal {
	q, rem := count.Shift(places).QuoRem(decimal.NewFromInt(int64(years)), 0)
	if rem.Sign() > 0 {
		q = q.Add(one)
	}
	q, _ = WholeCount(q.Shift(-places), places)
	return q
}

// CountPlaces is how many decimals a count written in unit may have and
// still be a whole number of base (人 or 户): 4 in 万人, where 1650.5 is
// 16,505,000 people; 0 in 人, and in a unit that is no multiple of base.
func CountPlaces(unit, base string) int32 {
	b, exp, ok := parseUnit(unit)
	if !ok || b != base || exp < 0 {
		return 0
	}
	return exp
}

// WholeCount reports whether d, a count with places decimals allowed
// (CountPlaces), is a whole number of its base, and gives d with no
// trailing zeros after the point: 1154.0 is 1154, 1650.50 万人 is 1650.5.
func WholeCount(d decimal.Decimal, places int32) (decimal.Decimal, bool) {
	if !d.Shift(places).IsInteger() {
		return d, false
	}
	for p := int32(0); p < places; p++ {
		if r := d.Round(p); r.Equal(d) {
			return r, true
		}
	}
	return d.Round(places), true
}

// FromRunningTotals gives each row's own count from running totals (累计,
// counted from the start of the registry): the first row's total, then each
// total less the one before. A running total cannot fall: falls is the
// index of the first that is below the one before, or -1.
func FromRunningTotals(totals []decimal.Decimal) (each []decimal.Decimal, falls int) {
	each = make([]decimal.Decimal, len(totals))
	prev := zero
	for i, t := range totals {
		if t.LessThan(prev) {
			return nil, i
		}
		each[i], prev = t.Sub(prev), t
	}
	return each, -1
}
