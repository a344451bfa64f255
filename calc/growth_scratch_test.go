package calc

import (
	"math/rand"
	"reflect"
	"testing"
)

// TestPeriodSlotsDenseAndSparse: a period is found by its index whether
// the periods lie close together (a dense table) or far apart (binary
// search), and a period between them is not found.
func TestPeriodSlotsDenseAndSparse(t *testing.T) {
	for _, c := range []struct {
		name    string
		indexes []int
	}{
		{"dense: months of two years", []int{24000, 24001, 24002, 24005, 24012, 24013}},
		{"sparse: 1900, 1950 and 2017", []int{1900, 1950, 2017}},
		{"one period", []int{2017}},
		{"none", nil},
	} {
		var s periodSlots
		s.build(func(i int) int { return c.indexes[i] }, len(c.indexes))
		for want, k := range c.indexes {
			if got, ok := s.find(k); !ok || got != want {
				t.Errorf("%s: find(%d) = %d, %v; want %d", c.name, k, got, ok, want)
			}
		}
		for _, k := range []int{1899, 1901, 2016, 2018, 24003, 24014, 0} {
			if _, ok := s.find(k); ok && !contains(c.indexes, k) {
				t.Errorf("%s: find(%d) found a period that is not there", c.name, k)
			}
		}
	}
}

func contains(xs []int, k int) bool {
	for _, x := range xs {
		if x == k {
			return true
		}
	}
	return false
}

// TestSparseYearsCompareByCalendar: 1950 against 1949 only; 2017 has no
// 2016 and gets no rate, whatever lies between (the binary-search path).
func TestSparseYearsCompareByCalendar(t *testing.T) {
	points := []PointOf[Num]{
		{Period: year(2017), Value: Opt[Num]{V: IntNum(150), OK: true}},
		{Period: year(1900), Value: Opt[Num]{V: IntNum(100), OK: true}},
		{Period: year(1901), Value: Opt[Num]{V: IntNum(110), OK: true}},
	}
	var slots periodSlots
	slots.build(func(i int) int { return []int{1900, 1901, 2017}[i] }, 3)
	if slots.index == nil {
		t.Fatal("1900 to 2017 in three points should take the binary-search path")
	}
	g := GrowthOf(points, GrowthOptions{})
	// sorted: 1900, 1901, 2017; 1901 on 1900 is 10 ÷ 100.
	if r := g.Rows[1]; !r.YoYPct.OK || r.YoYPct.Num.Decimal().String() != "10" || r.YoYPct.Den.Decimal().String() != "100" {
		t.Errorf("1901: %+v, want 10 on 100", r.YoYPct)
	}
	if g.Rows[2].YoYPct.OK || g.Rows[0].YoYPct.OK {
		t.Error("1900 and 2017 have no year before them")
	}
}

// TestFormerAsGroup: forming each group in reused memory gives the rows
// Group gives, group after group, on random monthly year-to-date series
// with gaps.
func TestFormerAsGroup(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	for trial := 0; trial < 50; trial++ {
		groups := make([][]PointOf[Num], 1+rng.Intn(6))
		for g := range groups {
			for k := 0; k < 40; k++ {
				if rng.Intn(5) == 0 {
					continue // a gap
				}
				p := MakePeriod(2015+k/12, Monthly, k%12+1)
				groups[g] = append(groups[g], PointOf[Num]{Period: p, Value: Opt[Num]{V: IntNum(int64(1 + rng.Intn(1000))), OK: rng.Intn(10) > 0}})
			}
			rng.Shuffle(len(groups[g]), func(i, j int) { groups[g][i], groups[g][j] = groups[g][j], groups[g][i] })
		}
		opts := GrowthOptions{YTD: trial%2 == 0, TwoYear: true}
		b := BreakDown(groups, opts)
		former := b.Former()
		for g := range groups {
			want := b.Group(g)
			got := former.Group(g)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("trial %d group %d: Former.Group differs from Group", trial, g)
			}
		}
	}
}
