package calc

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestSharesToHundred(t *testing.T) {
	for _, tc := range []struct {
		name   string
		parts  []string
		places int32
		want   []string
		why    string
	}{
		{"长顺县 2019, 三次产业结构", []string{"155864", "275605", "365687"}, 1, []string{"19.5", "34.6", "45.9"},
			// W = 155864 + 275605 + 365687 = 797156; 100 is 1000 tenths.
			// 1000 × 155864 ÷ 797156 = 195 r 418580 (19.552…)
			// 1000 × 275605 ÷ 797156 = 345 r 586180 (34.573…)
			// 1000 × 365687 ÷ 797156 = 458 r 589552 (45.873…)
			// Floors 19.5 + 34.5 + 45.8 = 99.8: two tenths left, to the
			// largest remainders 589552 (45.8 → 45.9) and 586180
			// (34.5 → 34.6); 418580 gets none: 19.5 + 34.6 + 45.9 = 100.0,
			// as published. Half up would give 19.6 (19.55…), 100.1.
			"the published structure"},
		{"three-way tie", []string{"1", "1", "1"}, 1, []string{"33.4", "33.3", "33.3"},
			// 1000 ÷ 3 = 333 r 1 each: 99.9, one tenth left, the remainders
			// tie, so the first in input order gets it.
			"ties by input order"},
		{"three-way tie, whole percent", []string{"7", "7", "7"}, 0, []string{"34", "33", "33"},
			// 100 ÷ 3 = 33 r 1 each: 99, one left to the first.
			"places 0"},
		{"two places", []string{"1", "2", "3", "4", "5", "6"}, 2, []string{"4.76", "9.52", "14.29", "19.05", "23.81", "28.57"},
			// W = 21; 10000 hundredths × w ÷ 21: 476 r 4, 952 r 8, 1428 r 12,
			// 1904 r 16, 2380 r 20, 2857 r 3. Floors sum to 9997: three
			// hundredths left, to the remainders 20, 16 and 12 (23.80 → 23.81,
			// 19.04 → 19.05, 14.28 → 14.29). Half up agrees here.
			"places 2"},
		{"a zero part", []string{"0", "2", "1"}, 1, []string{"0.0", "66.7", "33.3"},
			// 666 r 2 and 333 r 1 (of 3): 99.9, the tenth to 66.6.
			"a zero part gets nothing"},
		{"one part", []string{"42.5"}, 1, []string{"100.0"}, "the whole is 100"},
		{"decimal parts", []string{"0.1", "0.2"}, 1, []string{"33.3", "66.7"},
			// W = 0.3: 333 r 0.1 and 666 r 0.2 (of 0.3): the tenth to 66.6.
			"parts need not be whole"},
	} {
		parts := make([]decimal.Decimal, len(tc.parts))
		for i, p := range tc.parts {
			parts[i] = dec(p)
		}
		got, err := SharesToHundred(parts, tc.places)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		shown := make([]string, len(got))
		for i, s := range got {
			shown[i] = s.StringFixed(tc.places)
		}
		if strings.Join(shown, " : ") != strings.Join(tc.want, " : ") {
			t.Errorf("%s (%s): %s, want %s", tc.name, tc.why, strings.Join(shown, " : "), strings.Join(tc.want, " : "))
		}
	}
}

func TestSharesToHundredRefuses(t *testing.T) {
	for _, tc := range []struct {
		parts []string
		want  error
	}{
		{[]string{"5", "-1"}, ErrNegativeWeight},
		{[]string{"0", "0"}, ErrAllWeightsZero},
		{nil, ErrAllWeightsZero},
	} {
		parts := make([]decimal.Decimal, len(tc.parts))
		for i, p := range tc.parts {
			parts[i] = dec(p)
		}
		if _, err := SharesToHundred(parts, 1); !errors.Is(err, tc.want) {
			t.Errorf("%v: err %v, want %v", tc.parts, err, tc.want)
		}
	}
}

// TestSharesToHundredAddUp: on random parts, at 0 to 3 places, the shares
// add to exactly 100, each is within one unit of the last place below its
// exact value (never above it by a unit or more), and a share that got a
// unit more never has a smaller remainder than one that did not.
func TestSharesToHundredAddUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 4))
	for trial := range 2000 {
		n := 1 + rng.IntN(12)
		places := int32(rng.IntN(4))
		parts := make([]decimal.Decimal, n)
		sum := decimal.Zero
		for i := range parts {
			parts[i] = decimal.New(rng.Int64N(1_000_000), -int32(rng.IntN(3)))
			if rng.IntN(5) == 0 {
				parts[i] = decimal.New(rng.Int64N(3), 0) // small and tied
			}
			sum = sum.Add(parts[i])
		}
		if sum.IsZero() {
			continue
		}
		shares, err := SharesToHundred(parts, places)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		unit := ShareUnit(places)
		total := decimal.Zero
		for i, s := range shares {
			total = total.Add(s)
			exact := parts[i].Mul(hundred).DivRound(sum, 30)
			if d := s.Sub(exact); d.Cmp(unit) >= 0 || d.Neg().Cmp(unit) >= 0 {
				t.Fatalf("trial %d: share %d is %s, exact %s: a unit or more away", trial, i, s, exact)
			}
			if !s.Equal(s.Round(places)) {
				t.Fatalf("trial %d: share %d is %s, not at %d places", trial, i, s, places)
			}
		}
		if !total.Equal(hundred) {
			t.Fatalf("trial %d: %v at %d places add to %s", trial, parts, places, total)
		}
	}
}

// TestSplitHundredIsSharesToHundred: counted by weight, a split of 100
// gives each household what SharesToHundred gives it: 1, 1, 2, 1, 2 at one
// place (W = 7): 1000 × 1 ÷ 7 = 142 r 6, × 2 = 285 r 5. Floors 3 × 142 +
// 2 × 285 = 996: four tenths, to the three remainders 6 (the weights 1) and
// then the first weight 2 at the cut 5.
func TestSplitHundredIsSharesToHundred(t *testing.T) {
	weights := []string{"1", "1", "2", "1", "2"}
	parts := make([]decimal.Decimal, len(weights))
	for i, w := range weights {
		parts[i] = dec(w)
	}
	want, err := SharesToHundred(parts, 1)
	if err != nil {
		t.Fatal(err)
	}
	s, err := SplitHundred([]WeightCount{{Weight: IntNum(1), Count: 3}, {Weight: IntNum(2), Count: 2}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	tied := int64(0)
	for i, p := range parts {
		floor, tie := s.Share(numOfDecimal(p))
		got := floor
		if tie > 0 || tie == 0 && tied < s.Tied() {
			got = floor.Add(s.Unit())
		}
		if tie == 0 {
			tied++
		}
		if !got.Decimal().Equal(want[i]) {
			t.Errorf("household %d (weight %s): %s, want %s", i+1, weights[i], got.Decimal(), want[i])
		}
	}
	for i, w := range []string{"14.3", "14.3", "28.6", "14.3", "28.5"} {
		if want[i].StringFixed(1) != w {
			t.Errorf("share %d = %s, want %s", i+1, want[i].StringFixed(1), w)
		}
	}
}
