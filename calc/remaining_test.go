package calc

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

func rollReg(households, persons int64) Registry {
	return Registry{Households: decimal.NewFromInt(households), Persons: decimal.NewFromInt(persons)}
}

func rollYears(first, last int) YearSpan { return YearSpan{First: first, Last: last} }

// The reference report: 593 households / 1,755 people registered; 393 / 1,154
// exited in 2014–2016; 284 / 844 exit in 2017, everyone out by 2017.
var referenceRows = []YearFlows{
	{Years: rollYears(2014, 2016), Exited: rollReg(393, 1154)},
	{Years: rollYears(2017, 2017), Exited: rollReg(284, 844)},
}

func TestRollRegistryReferenceShortfall(t *testing.T) {
	// 593 − 393 = 200 households and 1755 − 1154 = 601 people remain after
	// 2016; 2017's exits of 284 / 844 exceed them by 284 − 200 = 84 and
	// 844 − 601 = 243.
	_, err := RollRegistry(rollReg(593, 1755), referenceRows, RollSettings{Target: 2017})
	var short *ShortfallError
	if !errors.As(err, &short) {
		t.Fatalf("err = %v, want a *ShortfallError", err)
	}
	if short.Row != 1 || short.Years != rollYears(2017, 2017) {
		t.Errorf("shortfall in row %d (%v), want row 1 (2017)", short.Row, short.Years)
	}
	checkRollRegistry(t, "available", short.Available, rollReg(200, 601))
	checkRollRegistry(t, "shortfall", short.Shortfall, rollReg(84, 243))
	want := "2017: exits of 284 households and 844 people exceed the 200 households and 601 people on the registry: short by 84 households and 243 people"
	if err.Error() != want {
		t.Errorf("message\n %s\nwant\n %s", err, want)
	}
}

func TestRollRegistryReferenceAdjusted(t *testing.T) {
	rows, err := RollRegistry(rollReg(593, 1755), referenceRows, RollSettings{
		Target: 2017, Adjust: true, Population: Some(decimal.NewFromInt(50000))})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	first, last := rows[0], rows[1]
	// 2014–2016: nothing added; remaining 593 − 393 = 200, 1755 − 1154 = 601.
	checkRollRegistry(t, "2014-2016 added", first.Added, rollReg(0, 0))
	checkRollRegistry(t, "2014-2016 remaining", first.Remaining, rollReg(200, 601))
	// exit rate 1154 ÷ 1755 × 100 = 65.7549857549857549857549857549… (28 places)
	checkRollFigure(t, "2014-2016 exit rate", first.ExitRatePct, "65.7549857549857549857549857550")
	// incidence 601 ÷ 50000 × 100 = 1.202
	checkRollFigure(t, "2014-2016 incidence", first.IncidencePct, "1.202")
	// one year left to 2017: 200 ÷ 1 and 601 ÷ 1
	checkRollFigure(t, "2014-2016 needed households", first.NeededHouseholds, "200")
	checkRollFigure(t, "2014-2016 needed persons", first.NeededPersons, "601")

	// 2017: the smallest additions are the shortfall, 84 / 243; then
	// 200 + 84 − 284 = 0 and 601 + 243 − 844 = 0 remain.
	checkRollRegistry(t, "2017 adjustment", last.Adjustment, rollReg(84, 243))
	checkRollRegistry(t, "2017 added", last.Added, rollReg(84, 243))
	checkRollRegistry(t, "2017 remaining", last.Remaining, rollReg(0, 0))
	// exit rate (1154 + 844) ÷ (1755 + 243) × 100 = 1998 ÷ 1998 × 100 = 100
	checkRollFigure(t, "2017 exit rate", last.ExitRatePct, "100")
	checkRollFigure(t, "2017 incidence", last.IncidencePct, "0")
	// the target year itself has no years left: no needed-per-year figure
	if last.NeededHouseholds.OK || last.NeededPersons.OK {
		t.Errorf("2017 needed = %v / %v, want missing", last.NeededHouseholds, last.NeededPersons)
	}
}

func TestRollRegistry(t *testing.T) {
	cases := []struct {
		name      string
		start     Registry
		rows      []YearFlows
		settings  RollSettings
		remaining []Registry
		added     []Registry
		exitRate  []string // "" for missing
		needed    []string // households needed per year; "" for missing
	}{
		{
			// 100 − 30 = 70 / 300 − 90 = 210; 70 + 10 − 40 = 40 / 210 + 25 − 120 = 115.
			// exit rate 90 ÷ 300 = 30%; (90 + 120) ÷ (300 + 25) = 210 ÷ 325 = 64.615384…%
			// target 2020: 70 ÷ (2020 − 2015) = 14; 40 ÷ (2020 − 2017) = 13.333…,
			// rounded up to 14 households a year.
			name:  "additions, a gap year, a target",
			start: rollReg(100, 300),
			rows: []YearFlows{
				{Years: rollYears(2015, 2015), Exited: rollReg(30, 90)},
				{Years: rollYears(2017, 2017), Exited: rollReg(40, 120), Added: rollReg(10, 25)},
			},
			settings:  RollSettings{Target: 2020},
			remaining: []Registry{rollReg(70, 210), rollReg(40, 115)},
			added:     []Registry{rollReg(0, 0), rollReg(10, 25)},
			exitRate:  []string{"30", "64.6153846153846153846153846154"},
			needed:    []string{"14", "14"},
		},
		{
			// Exits exactly equal to what remains are consistent: 10 − 10 = 0.
			// Rows past the target have no needed-per-year figure.
			name:      "all out, past the target",
			start:     rollReg(10, 30),
			rows:      []YearFlows{{Years: rollYears(2018, 2019), Exited: rollReg(10, 30)}},
			settings:  RollSettings{Target: 2018},
			remaining: []Registry{rollReg(0, 0)},
			added:     []Registry{rollReg(0, 0)},
			exitRate:  []string{"100"},
			needed:    []string{""},
		},
		{
			// Only people fall short: 5 households leave with 20 people but
			// the 5 households hold 15. --adjust adds 0 households and 5 people.
			// exit rate 20 ÷ (15 + 5) = 100%.
			name:      "people short, households not",
			start:     rollReg(5, 15),
			rows:      []YearFlows{{Years: rollYears(2016, 2016), Exited: rollReg(5, 20)}},
			settings:  RollSettings{Adjust: true},
			remaining: []Registry{rollReg(0, 0)},
			added:     []Registry{rollReg(0, 5)},
			exitRate:  []string{"100"},
			needed:    []string{""},
		},
		{
			// An empty registry has no exit rate (0 ÷ 0).
			name:      "empty registry",
			start:     rollReg(0, 0),
			rows:      []YearFlows{{Years: rollYears(2016, 2016)}},
			remaining: []Registry{rollReg(0, 0)},
			added:     []Registry{rollReg(0, 0)},
			exitRate:  []string{""},
			needed:    []string{""},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, err := RollRegistry(c.start, c.rows, c.settings)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range rows {
				checkRollRegistry(t, r.Years.String()+" remaining", r.Remaining, c.remaining[i])
				checkRollRegistry(t, r.Years.String()+" added", r.Added, c.added[i])
				checkOptionalRollFigure(t, r.Years.String()+" exit rate", r.ExitRatePct, c.exitRate[i])
				checkOptionalRollFigure(t, r.Years.String()+" needed households", r.NeededHouseholds, c.needed[i])
				if r.IncidencePct.OK {
					t.Errorf("incidence without a population: %v", r.IncidencePct.V)
				}
			}
		})
	}
}

// The national roll, published in people only (万人): 9899 at the end of
// 2012, then each year's fall to 8249, 7017, 5575, 4335 and 3046 at the end
// of 2017 (1650 + 1232 + 1442 + 1240 + 1289 = 6853 = 9899 − 3046).
func TestRollRegistryPersonsOnly(t *testing.T) {
	rows := []YearFlows{
		{Years: rollYears(2013, 2013), Exited: rollReg(0, 1650)},
		{Years: rollYears(2014, 2014), Exited: rollReg(0, 1232)},
		{Years: rollYears(2015, 2015), Exited: rollReg(0, 1442)},
		{Years: rollYears(2016, 2016), Exited: rollReg(0, 1240)},
		{Years: rollYears(2017, 2017), Exited: rollReg(0, 1289)},
	}
	got, err := RollRegistry(rollReg(0, 9899), rows, RollSettings{PersonsOnly: true, Target: 2020})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		remaining int64
		exitRate  string // exited so far ÷ 9899 × 100, to 28 places
		needed    string // remaining ÷ (2020 − year), rounded up
	}{
		{8249, "16.6683503384180220224265077281", "1179"}, // 1650 ÷ 9899; 8249 ÷ 7 = 1178.43
		{7017, "29.1140519244368117991716334983", "1170"}, // 2882 ÷ 9899; 7017 ÷ 6 = 1169.5
		{5575, "43.6811799171633498333164966158", "1115"}, // 4324 ÷ 9899; 5575 ÷ 5 exactly
		{4335, "56.2076977472471966865339933327", "1084"}, // 5564 ÷ 9899; 4335 ÷ 4 = 1083.75
		{3046, "69.2292150722295181331447620972", "1016"}, // 6853 ÷ 9899; 3046 ÷ 3 = 1015.33
	}
	for i, r := range got {
		checkRollRegistry(t, r.Years.String()+" remaining", r.Remaining, rollReg(0, want[i].remaining))
		checkRollFigure(t, r.Years.String()+" exit rate", r.ExitRatePct, want[i].exitRate)
		checkRollFigure(t, r.Years.String()+" needed persons", r.NeededPersons, want[i].needed)
		if r.NeededHouseholds.OK {
			t.Errorf("%s: needed households %v in a roll of people only", r.Years, r.NeededHouseholds.V)
		}
	}
}

func TestPerYearRoundedUp(t *testing.T) {
	cases := []struct {
		count string
		years int
		want  string
	}{
		{"0", 3, "0"},     // nothing left: nothing a year
		{"600", 3, "200"}, // exact: no rounding
		{"601", 3, "201"}, // 200.33…: a third of a household is a whole one
		{"602", 3, "201"}, // 200.67…
		{"1", 7, "1"},     // 0.14…: one, not zero
		{"7", 1, "7"},     // one year left: all of it
		// past int64: 10^30 + 1 = 3 × 333…333 (30 threes) + 2, so 333…334
		{"1000000000000000000000000000001", 3, "333333333333333333333333333334"},
		{"20000000000000000000000000000", 2, "10000000000000000000000000000"}, // 2 × 10^28 ÷ 2, exact
	}
	for _, c := range cases {
		got := PerYearRoundedUp(decimal.RequireFromString(c.count), c.years, 0)
		if !got.Equal(decimal.RequireFromString(c.want)) || got.Exponent() != 0 {
			t.Errorf("PerYearRoundedUp(%s, %d) = %s (exponent %d), want %s, a whole number", c.count, c.years, got, got.Exponent(), c.want)
		}
	}
}

func TestRollRegistryPersonsOnlyShortfall(t *testing.T) {
	// The reference report in people only: 1755 − 1154 = 601 remain after
	// 2016, and 2017's 844 exceed them by 243.
	rows := []YearFlows{
		{Years: rollYears(2014, 2016), Exited: rollReg(0, 1154)},
		{Years: rollYears(2017, 2017), Exited: rollReg(0, 844)},
	}
	_, err := RollRegistry(rollReg(0, 1755), rows, RollSettings{PersonsOnly: true})
	var short *ShortfallError
	if !errors.As(err, &short) {
		t.Fatalf("err = %v, want a *ShortfallError", err)
	}
	checkRollRegistry(t, "shortfall", short.Shortfall, rollReg(0, 243))
	want := "2017: exits of 844 people exceed the 601 people on the registry: short by 243 people"
	if err.Error() != want {
		t.Errorf("message\n %s\nwant\n %s", err, want)
	}
	// --adjust: 601 + 243 − 844 = 0.
	got, err := RollRegistry(rollReg(0, 1755), rows, RollSettings{PersonsOnly: true, Adjust: true})
	if err != nil {
		t.Fatal(err)
	}
	checkRollRegistry(t, "2017 adjustment", got[1].Adjustment, rollReg(0, 243))
	checkRollRegistry(t, "2017 remaining", got[1].Remaining, rollReg(0, 0))
}

func TestRollRegistryPersonsOnlyRejectsHouseholds(t *testing.T) {
	for _, c := range []struct {
		start Registry
		row   YearFlows
	}{
		{rollReg(1, 3), YearFlows{Years: rollYears(2016, 2016)}},
		{rollReg(0, 3), YearFlows{Years: rollYears(2016, 2016), Exited: rollReg(1, 3)}},
		{rollReg(0, 3), YearFlows{Years: rollYears(2016, 2016), Added: rollReg(1, 0)}},
	} {
		if _, err := RollRegistry(c.start, []YearFlows{c.row}, RollSettings{PersonsOnly: true}); err == nil {
			t.Errorf("start %v, row %+v: households rolled in a roll of people only", c.start, c.row)
		}
	}
}

func TestRegistryDescribe(t *testing.T) {
	if got, want := rollReg(284, 844).Describe(false), "284 households and 844 people"; got != want {
		t.Errorf("Describe(false) = %q, want %q", got, want)
	}
	if got, want := rollReg(0, 844).Describe(true), "844 people"; got != want {
		t.Errorf("Describe(true) = %q, want %q", got, want)
	}
}

func TestRollRegistryRejectsOverlap(t *testing.T) {
	rows := []YearFlows{{Years: rollYears(2014, 2016)}, {Years: rollYears(2016, 2017)}}
	if _, err := RollRegistry(rollReg(1, 1), rows, RollSettings{}); err == nil {
		t.Error("2014-2016 followed by 2016-2017 rolled without error")
	}
}

func TestImplausibleHouseholdSize(t *testing.T) {
	cases := []struct {
		r    Registry
		want bool
	}{
		{rollReg(200, 601), false}, // 3.005 people per household
		{rollReg(10, 10), false},   // 1 each: the edge is plausible
		{rollReg(10, 100), false},  // 10 each: so is this one
		{rollReg(10, 9), true},     // 0.9 each
		{rollReg(10, 101), true},   // 10.1 each
		{rollReg(0, 0), false},
		{rollReg(0, 3), true}, // people without households
		{rollReg(3, 0), true}, // households without people
	}
	for _, c := range cases {
		if got := c.r.ImplausibleHouseholdSize(); got != c.want {
			t.Errorf("%v/%v: ImplausibleHouseholdSize = %v, want %v", c.r.Households, c.r.Persons, got, c.want)
		}
	}
}

func checkRollRegistry(t *testing.T, what string, got, want Registry) {
	t.Helper()
	if !got.Households.Equal(want.Households) || !got.Persons.Equal(want.Persons) {
		t.Errorf("%s = %v households / %v people, want %v / %v", what, got.Households, got.Persons, want.Households, want.Persons)
	}
}

func checkRollFigure(t *testing.T, what string, got Maybe, want string) {
	t.Helper()
	if !got.OK || !got.V.Equal(decimal.RequireFromString(want)) {
		t.Errorf("%s = %v (ok %v), want %s", what, got.V, got.OK, want)
	}
}

func checkOptionalRollFigure(t *testing.T, what string, got Maybe, want string) {
	t.Helper()
	if want == "" {
		if got.OK {
			t.Errorf("%s = %v, want missing", what, got.V)
		}
		return
	}
	checkRollFigure(t, what, got, want)
}

// printed is d with as many decimals as its exponent holds, as econcalc's
// reports print an exact figure: 1115.0000 stays 1115.0000.
func printed(d decimal.Decimal) string { return d.StringFixed(max(0, -d.Exponent())) }

func TestFromRunningTotals(t *testing.T) {
	d := decimal.RequireFromString
	for _, c := range []struct {
		totals []string
		want   []string // nil when the totals fall
		falls  int
	}{
		// 100, then 250 − 100 = 150, then 250 − 250 = 0.
		{[]string{"100", "250", "250"}, []string{"100", "150", "0"}, -1},
		// In 万人: 1650.5, then 2882.5 − 1650.5 = 1232.
		{[]string{"1650.5", "2882.5"}, []string{"1650.5", "1232"}, -1},
		// 250 after 300 falls at index 2.
		{[]string{"100", "300", "250"}, nil, 2},
		{nil, []string{}, -1},
	} {
		totals := make([]decimal.Decimal, len(c.totals))
		for i, s := range c.totals {
			totals[i] = d(s)
		}
		each, falls := FromRunningTotals(totals)
		if falls != c.falls || (c.want == nil) != (each == nil) || len(each) != len(c.want) {
			t.Errorf("FromRunningTotals(%v) = %v, %d; want %v, %d", c.totals, each, falls, c.want, c.falls)
			continue
		}
		for i := range each {
			if !each[i].Equal(d(c.want[i])) {
				t.Errorf("FromRunningTotals(%v)[%d] = %s, want %s", c.totals, i, each[i], c.want[i])
			}
		}
	}
}
