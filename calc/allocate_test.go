package calc

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestAllocateReferenceDividend: the reference report's company pays
// 100,000 yuan a year to 33 signed households. 100000 ÷ 33 = 3030.3030…:
// each gets 3030.30 (303030 fen), which leaves 10000000 − 33 × 303030 = 10
// fen; all remainders tie, so the first ten in input order get one fen
// more, 3030.31. 10 × 3030.31 + 23 × 3030.30 = 30303.10 + 69696.90 = 100000.00.
func TestAllocateReferenceDividend(t *testing.T) {
	weights := make([]decimal.Decimal, 33)
	for i := range weights {
		weights[i] = dec("1")
	}
	amounts, err := AllocateLargestRemainder(dec("100000"), dec("0.01"), weights)
	if err != nil {
		t.Fatal(err)
	}
	sum := decimal.Zero
	for i, a := range amounts {
		want := "3030.30"
		if i < 10 {
			want = "3030.31"
		}
		if a.StringFixed(2) != want {
			t.Errorf("household %d gets %s, want %s", i+1, a.StringFixed(2), want)
		}
		sum = sum.Add(a)
	}
	if !sum.Equal(dec("100000")) {
		t.Errorf("amounts sum to %s, want 100000", sum)
	}
}

// TestAllocateByWeight: 100 yuan by members 1, 2, 3 (W = 6): exact shares
// 16.666…, 33.333…, 50; floors 16.66, 33.33, 50.00 leave 1 fen, which goes to
// the largest remainder: 0.666… (the first) beats 0.333… and 0.
func TestAllocateByWeight(t *testing.T) {
	amounts, err := AllocateLargestRemainder(dec("100"), dec("0.01"), []decimal.Decimal{dec("1"), dec("2"), dec("3")})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"16.67", "33.33", "50.00"} {
		if got := amounts[i].StringFixed(2); got != want {
			t.Errorf("amount %d = %s, want %s", i, got, want)
		}
	}
	// Whole yuan: 10 over 3 equal weights: 3 each and the leftover 1 to the first.
	amounts, _ = AllocateLargestRemainder(dec("10"), dec("1"), []decimal.Decimal{dec("1"), dec("1"), dec("1")})
	for i, want := range []string{"4", "3", "3"} {
		if got := amounts[i].String(); got != want {
			t.Errorf("whole yuan %d = %s, want %s", i, got, want)
		}
	}
}

func TestAllocateErrors(t *testing.T) {
	for _, c := range []struct {
		pool, unit string
		weights    []string
		want       error
	}{
		{"100.005", "0.01", []string{"1"}, ErrNotWholeUnits},
		{"100", "0", []string{"1"}, ErrUnitNotPositive},
		{"-1", "0.01", []string{"1"}, ErrNegativePool},
		{"100", "0.01", []string{"1", "-1"}, ErrNegativeWeight},
		{"100", "0.01", []string{"0", "0"}, ErrAllWeightsZero},
	} {
		var ws []decimal.Decimal
		for _, w := range c.weights {
			ws = append(ws, dec(w))
		}
		if _, err := AllocateLargestRemainder(dec(c.pool), dec(c.unit), ws); !errors.Is(err, c.want) {
			t.Errorf("pool %s unit %s weights %v: error %v, want %v", c.pool, c.unit, c.weights, err, c.want)
		}
	}
}

// TestRetain: 17850 yuan (21000 kWh × 0.85) with 20% kept: 3570 retained,
// 14280 distributed. 100.01 with 33.3%: 33.30333 rounds down to 33.30, so
// 66.71 is distributed.
func TestRetain(t *testing.T) {
	for _, c := range []struct{ pool, pct, retained, distributed string }{
		{"17850", "20", "3570", "14280"},
		{"100.01", "33.3", "33.30", "66.71"},
		{"100", "0", "0", "100"},
		{"100", "100", "100", "0"},
	} {
		r, d, err := Retain(dec(c.pool), dec("0.01"), dec(c.pct))
		if err != nil || !r.Equal(dec(c.retained)) || !d.Equal(dec(c.distributed)) {
			t.Errorf("Retain(%s, %s%%) = %s, %s, %v; want %s, %s", c.pool, c.pct, r, d, err, c.retained, c.distributed)
		}
	}
	if _, _, err := Retain(dec("100"), dec("0.01"), dec("101")); !errors.Is(err, ErrRetainOutOfRange) {
		t.Errorf("retain 101%%: %v", err)
	}
}

// TestAllocateProperties: over random pools, weights (zeros and repeats
// among them) and units, the amounts always sum to the pool exactly, are
// whole units, and lie within one unit below or above the exact share.
func TestAllocateProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 33))
	units := []string{"0.01", "1", "0.05", "100"}
	for trial := 0; trial < 3000; trial++ {
		unit := dec(units[rng.IntN(len(units))])
		pool := decimal.NewFromInt(rng.Int64N(10_000_000)).Mul(unit)
		n := 1 + rng.IntN(40)
		weights := make([]decimal.Decimal, n)
		total := decimal.Zero
		for i := range weights {
			switch rng.IntN(5) {
			case 0:
				weights[i] = decimal.Zero
			case 1:
				weights[i] = dec("2.5")
			default:
				weights[i] = decimal.New(rng.Int64N(1000), -int32(rng.IntN(3)))
			}
			total = total.Add(weights[i])
		}
		if total.IsZero() {
			weights[0], total = dec("1"), dec("1")
		}
		amounts, err := AllocateLargestRemainder(pool, unit, weights)
		if err != nil {
			t.Fatalf("pool %s unit %s: %v", pool, unit, err)
		}
		sum := decimal.Zero
		for i, a := range amounts {
			sum = sum.Add(a)
			if _, r := a.QuoRem(unit, 0); !r.IsZero() {
				t.Fatalf("amount %s is not a whole number of %s", a, unit)
			}
			// |amount − pool·w/W| < unit  ⇔  |amount·W − pool·w| < unit·W, exactly.
			diff := a.Mul(total).Sub(pool.Mul(weights[i])).Abs()
			if diff.Cmp(unit.Mul(total)) >= 0 {
				t.Fatalf("pool %s, weight %s of %s: amount %s is a unit or more from its share", pool, weights[i], total, a)
			}
		}
		if !sum.Equal(pool) {
			t.Fatalf("pool %s unit %s: amounts sum to %s", pool, unit, sum)
		}
		// The 64-bit arithmetic (Share, on fixed-point weights) and the
		// big-integer arithmetic (AllocateLargestRemainder, on decimals)
		// agree on each floor.
		counts := make([]WeightCount, n)
		for i, w := range weights {
			counts[i] = WeightCount{Weight: numOfDecimal(w), Count: 1}
		}
		s, err := SplitLargestRemainder(pool, unit, counts)
		if err != nil || !s.small {
			t.Fatalf("pool %s: split %v, small %v", pool, err, s != nil && s.small)
		}
		for i, c := range counts {
			floor, _ := s.Share(c.Weight)
			if d := amounts[i].Sub(floor.Decimal()); !d.IsZero() && !d.Equal(unit) {
				t.Fatalf("pool %s weight %s: amount %s, floor %s", pool, weights[i], amounts[i], floor.Decimal())
			}
		}
	}
}

// TestAllocateLargeCountsOfLargeUnits: a count of units times the unit's
// digits may pass int64 although each fits: 9999999990000000000 yuan in
// units of 999999999 is 10^10 units, and 10^10 × 999999999 once wrapped to
// −8446744083709551616. Over random units of up to 18 digits and counts up
// to 2^62, the amounts are whole units and sum to the pool exactly.
func TestAllocateLargeCountsOfLargeUnits(t *testing.T) {
	amounts, err := AllocateLargestRemainder(dec("9999999990000000000"), dec("999999999"), []decimal.Decimal{dec("1")})
	if err != nil || len(amounts) != 1 || amounts[0].String() != "9999999990000000000" {
		t.Fatalf("one household of a 9999999990000000000 pool in units of 999999999: %v, %v", amounts, err)
	}
	rng := rand.New(rand.NewPCG(2, 16))
	for range 2000 {
		unit := decimal.New(1+rng.Int64N(pow10[1+rng.IntN(18)]), -int32(rng.IntN(5)))
		count := decimal.NewFromInt(rng.Int64N(1 << 62 >> rng.IntN(40)))
		pool := count.Mul(unit)
		weights := make([]decimal.Decimal, 1+rng.IntN(5))
		for i := range weights {
			weights[i] = decimal.NewFromInt(1 + rng.Int64N(1000))
		}
		amounts, err := AllocateLargestRemainder(pool, unit, weights)
		if err != nil {
			t.Fatalf("pool %s unit %s: %v", pool, unit, err)
		}
		sum := decimal.Zero
		for _, a := range amounts {
			if a.Sign() < 0 {
				t.Fatalf("pool %s unit %s: negative amount %s", pool, unit, a)
			}
			if _, r := a.QuoRem(unit, 0); !r.IsZero() {
				t.Fatalf("pool %s unit %s: %s is not whole units", pool, unit, a)
			}
			sum = sum.Add(a)
		}
		if !sum.Equal(pool) {
			t.Fatalf("pool %s unit %s: amounts sum to %s", pool, unit, sum)
		}
	}
}

// FuzzAllocate: whatever the pool and weights, the sum is the pool.
func FuzzAllocate(f *testing.F) {
	f.Add(int64(10000000), uint16(33), uint8(0))
	f.Add(int64(7), uint16(3), uint8(2))
	f.Fuzz(func(t *testing.T, fen int64, n uint16, pattern uint8) {
		if fen < 0 || n == 0 || n > 500 {
			return
		}
		weights := make([]decimal.Decimal, n)
		for i := range weights {
			weights[i] = decimal.NewFromInt(int64((i*int(pattern+1))%7 + 1))
		}
		pool := decimal.New(fen, -2)
		amounts, err := AllocateLargestRemainder(pool, dec("0.01"), weights)
		if err != nil {
			t.Fatal(err)
		}
		sum := decimal.Zero
		for _, a := range amounts {
			sum = sum.Add(a)
		}
		if !sum.Equal(pool) {
			t.Fatalf("sum %s, pool %s", sum, pool)
		}
	})
}
