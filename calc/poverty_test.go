package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// line2017 is the 2017 provincial exit line used in the demo (DOMAIN.md §4).
var line2017 = dec("3335")

func household(members int64, counted, excluded string) Household {
	return Household{Members: members, Counted: dec(counted), Excluded: dec(excluded)}
}

func TestHouseholdDefinitions(t *testing.T) {
	tests := []struct {
		name      string
		h         Household
		perCapita string
		poor      bool
		lifted    bool
		shortfall string
		gapPct    string // "" when not poor
	}{
		// 15500 ÷ 4 = 3875 ≥ 3335: not poor.
		{"above the line", household(4, "15500", "0"), "3875", false, false, "0", ""},
		// 10005 ÷ 3 = 3335 exactly: equal to the line is not poor.
		{"exactly at the line", household(3, "10005", "0"), "3335", false, false, "0", ""},
		// 10004 ÷ 3 = 3334.666…: one yuan short of 3 × 3335 = 10005 is poor.
		// shortfall 1, gap 1 ÷ 10005 × 100 = 0.009995002498750624687656171914…
		{"one yuan below", household(3, "10004", "0"), "3334.6666666666666666666666666667", true, false, "1",
			"0.0099950024987506246876561719"},
		// 5000 ÷ 2 = 2500 < 3335: poor. With the 2000 subsidy 7000 ≥ 6670: lifted.
		// shortfall 6670 − 5000 = 1670, gap 1670 ÷ 6670 × 100 = 835 ÷ 33.35 = 25.037481259370314842578710644677…
		{"lifted by a subsidy", household(2, "5000", "2000"), "2500", true, true, "1670",
			"25.0374812593703148425787106447"},
		// 9000 ÷ 3 = 3000: poor. With the 3000 loan 12000 ≥ 10005: lifted.
		// shortfall 1005, gap 1005 ÷ 10005 × 100 = 10.044977511244377811094452773613…
		{"lifted by a loan", household(3, "9000", "3000"), "3000", true, true, "1005",
			"10.0449775112443778110944527736"},
		// 5500 + 1000 = 6500 < 6670: the subsidy is not enough, so not lifted.
		// gap 1170 ÷ 6670 × 100 = 17.541229385307346326836581709145…
		{"excluded income not enough", household(2, "5500", "1000"), "2750", true, false, "1170",
			"17.5412293853073463268365817091"},
		// Zero income: per capita 0, gap (3335 − 0) ÷ 3335 = 100%.
		{"zero income", household(1, "0", "0"), "0", true, false, "3335", "100"},
		// A business loss: −600 ÷ 2 = −300, gap (6670 + 600) ÷ 6670 × 100 = 108.995502248875562218890554722638…
		{"negative income", household(2, "-600", "0"), "-300", true, false, "7270",
			"108.9955022488755622188905547226"},
		// Counted 13600 ≥ 13340 already: excluded income is irrelevant, not lifted.
		{"not poor with excluded income", household(4, "13600", "6200"), "3400", false, false, "0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.h
			if got := h.PerCapita(); !got.Equal(dec(tt.perCapita)) {
				t.Errorf("PerCapita = %s, want %s", got, tt.perCapita)
			}
			if got := h.Poor(line2017); got != tt.poor {
				t.Errorf("Poor = %v, want %v", got, tt.poor)
			}
			if got := h.LiftedByExcluded(line2017); got != tt.lifted {
				t.Errorf("LiftedByExcluded = %v, want %v", got, tt.lifted)
			}
			if got := h.Shortfall(line2017); !got.Equal(dec(tt.shortfall)) {
				t.Errorf("Shortfall = %s, want %s", got, tt.shortfall)
			}
			gap, ok := h.GapPct(line2017)
			if ok != (tt.gapPct != "") || ok && !gap.Equal(dec(tt.gapPct)) {
				t.Errorf("GapPct = %s, %v; want %q", gap, ok, tt.gapPct)
			}
		})
	}
}

// luojian is the demo's 罗建村 (testdata/demo/households.csv): 8 households,
// 24 people, at the line 3335.
func luojian() *Tally {
	var t Tally
	for _, h := range []Household{
		household(4, "15500", "0"),   // LJ01 not poor
		household(3, "10005", "0"),   // LJ02 exactly at the line: not poor
		household(2, "5000", "2000"), // LJ03 poor, lifted by the subsidy
		household(5, "14000", "0"),   // LJ04 poor: 2800 per head
		household(1, "0", "0"),       // LJ05 poor: zero income
		household(3, "14000", "0"),   // LJ06 not poor
		household(4, "18000", "500"), // LJ07 not poor
		household(2, "8500", "0"),    // LJ08 not poor
	} {
		t.Add(h, line2017)
	}
	return &t
}

func TestTallyCounts(t *testing.T) {
	lj := luojian()
	// Persons 4+3+2+5+1+3+4+2 = 24; poor LJ03, LJ04, LJ05: 3 households, 2+5+1 = 8 people.
	// Income 15500+10005+5000+14000+0+14000+18000+8500 = 85005.
	// Shortfall (6670−5000) + (16675−14000) + (3335−0) = 1670 + 2675 + 3335 = 7680.
	want := Tally{Counts: Counts{Households: 8, Persons: 24, PoorHouseholds: 3, PoorPersons: 8, Lifted: 1},
		Income: dec("85005"), Shortfall: dec("7680")}
	if lj.Households != want.Households || lj.Persons != want.Persons ||
		lj.PoorHouseholds != want.PoorHouseholds || lj.PoorPersons != want.PoorPersons ||
		lj.Lifted != want.Lifted || !lj.Income.Equal(want.Income) || !lj.Shortfall.Equal(want.Shortfall) {
		t.Errorf("tally = %+v, want %+v", *lj, want)
	}
}

func TestTallyMeasures(t *testing.T) {
	lj := luojian()
	tests := []struct {
		name string
		got  func() (decimal.Decimal, bool)
		want string
	}{
		// 85005 ÷ 24 = 3541.875
		{"mean income", lj.MeanIncome, "3541.875"},
		// Incidence 8 ÷ 24 × 100 = 33.333…
		{"incidence, registry", func() (decimal.Decimal, bool) { return Incidence(lj.PoorPersons, 24) },
			"33.3333333333333333333333333333"},
		// 8 ÷ 500 × 100 = 1.6
		{"incidence, population", func() (decimal.Decimal, bool) { return Incidence(lj.PoorPersons, 500) }, "1.6"},
		// FGT1: 2·(1670/6670) + 5·(2675/16675) + 1·1 = 7680 ÷ 3335 people-equivalents;
		// ÷ 24 × 100 = 768000 ÷ 80040 = 9.59520239880059970014992503748…
		{"gap, registry", func() (decimal.Decimal, bool) { return lj.GapIndex(line2017, 24) },
			"9.5952023988005997001499250375"},
		// 768000 ÷ (3335 × 500) = 0.46056971514242878560719640179…
		{"gap, population", func() (decimal.Decimal, bool) { return lj.GapIndex(line2017, 500) },
			"0.4605697151424287856071964018"},
		// FGT2: Σ (z·m − income)² ÷ m = 1670²/2 + 2675²/5 + 3335²/1
		//   = 1394450 + 1431125 + 11122225 = 13947800;
		// ÷ (3335² × 24) × 100 = 1394780000 ÷ 266933400 = 5.22519849520517102767956351657…
		{"severity, registry", func() (decimal.Decimal, bool) { return lj.SeverityIndex(line2017, 24) },
			"5.2251984952051710276795635166"},
		// 1394780000 ÷ (11122225 × 500) = 0.25080952776984820932861904879…
		{"severity, population", func() (decimal.Decimal, bool) { return lj.SeverityIndex(line2017, 500) },
			"0.2508095277698482093286190488"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.got()
			if !ok || !got.Equal(dec(tt.want)) {
				t.Errorf("= %s, %v; want %s", got, ok, tt.want)
			}
		})
	}
}

func TestTallyMerge(t *testing.T) {
	// Two halves of 罗建村 merged give the same severity as the whole: the
	// squared shortfalls of the 2-person and the 5-person households are kept
	// apart by size until the end.
	var a, b Tally
	a.Add(household(2, "5000", "2000"), line2017)
	a.Add(household(4, "15500", "0"), line2017)
	b.Add(household(5, "14000", "0"), line2017)
	b.Add(household(1, "0", "0"), line2017)
	for _, h := range []Household{household(3, "10005", "0"), household(3, "14000", "0"),
		household(4, "18000", "500"), household(2, "8500", "0")} {
		b.Add(h, line2017)
	}
	a.Merge(&b)
	got, _ := a.SeverityIndex(line2017, 24)
	if want := dec("5.2251984952051710276795635166"); !got.Equal(want) {
		t.Errorf("merged severity = %s, want %s", got, want)
	}
	if a.Persons != 24 || a.PoorPersons != 8 || a.Lifted != 1 {
		t.Errorf("merged = %+v", a)
	}
}

func TestEmptyTally(t *testing.T) {
	// A village in the population file with no registry households: nobody is
	// poor, so the indices are 0; the mean income has no people to divide by.
	var t0 Tally
	if g, ok := t0.GapIndex(line2017, 400); !ok || !g.IsZero() {
		t.Errorf("gap = %s, %v; want 0", g, ok)
	}
	if s, ok := t0.SeverityIndex(line2017, 400); !ok || !s.IsZero() {
		t.Errorf("severity = %s, %v; want 0", s, ok)
	}
	if _, ok := t0.MeanIncome(); ok {
		t.Error("mean income of no people should be missing")
	}
	if _, ok := Incidence(0, 0); ok {
		t.Error("incidence over no people should be missing")
	}
}

func TestPassesExit(t *testing.T) {
	tests := []struct {
		poor, population int64
		threshold        string
		want             bool
	}{
		{8, 500, "2", true},   // 800 < 1000: 1.6%
		{8, 380, "2", false},  // 800 < 760 fails: 2.105…%
		{8, 380, "3", true},   // 800 < 1140: the western rule
		{10, 500, "2", false}, // 1000 < 1000 fails: exactly 2% is not below 2%
		// 199 ÷ 9951 = 1.99980…%, prints as 2.0 at one decimal, yet passes:
		// 19900 < 19902.
		{199, 9951, "2", true},
		// 201 ÷ 10049 = 2.000199…%, prints as 2.0 and fails: 20100 < 20098 is false.
		{201, 10049, "2", false},
		{0, 0, "2", false}, // no people: nothing to pass
	}
	for _, tt := range tests {
		if got := PassesExit(tt.poor, tt.population, dec(tt.threshold)); got != tt.want {
			t.Errorf("PassesExit(%d, %d, %s) = %v, want %v", tt.poor, tt.population, tt.threshold, got, tt.want)
		}
	}
}
