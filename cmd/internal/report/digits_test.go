package report

import (
	"math"
	"math/rand/v2"
	"testing"

	"econcalc/calc"

	"github.com/shopspring/decimal"
)

// randomInt64 is a value of any number of digits, either sign, now and then
// one at the edges: zero, a power of ten or one below it, the extremes.
func randomInt64(rng *rand.Rand) int64 {
	var v int64
	switch rng.IntN(8) {
	case 0:
		v = []int64{0, 1, 9, math.MaxInt64, math.MinInt64}[rng.IntN(5)]
	case 1:
		v = calc.Pow10[rng.IntN(len(calc.Pow10))] - int64(rng.IntN(2))
	default:
		v = rng.Int64N(calc.Pow10[rng.IntN(len(calc.Pow10))])
	}
	if rng.IntN(2) == 0 {
		v = -v
	}
	return v
}

// TestAppendScaledIsDecimal holds the digit-pair writer to the decimal
// library's printing of v × 10^-places, after bytes already in the buffer,
// at every number of places --decimals allows.
func TestAppendScaledIsDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 29))
	for range 200_000 {
		v, places := randomInt64(rng), rng.IntN(21)
		want := "x," + decimal.New(v, -int32(places)).StringFixed(int32(places))
		dst := make([]byte, 2, 2+rng.IntN(4)) // room or none for the digits
		copy(dst, "x,")
		if got := string(appendScaled(dst, v, places)); got != want {
			t.Fatalf("appendScaled(%d, %d) = %q, want %q", v, places, got, want)
		}
	}
}

// TestAppendExactFixedIsPadPlaces: an amount in fixed point is written as
// padPlaces(ExactNum(n), places) writes it, on random units (some not a
// multiple of their places' unit, whose extra digits are cut), negative
// ones cut to zero among them.
func TestAppendExactFixedIsPadPlaces(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 13))
	for range 200_000 {
		units := randomInt64(rng) / 4 // below calc's limit on fixed point
		if rng.IntN(4) == 0 {
			units = rng.Int64N(2*calc.FixedOne) - calc.FixedOne
		}
		f := calc.Fixed{Units: units, Places: int8(rng.IntN(calc.FixedScale + 1))}
		places := int32(rng.IntN(8) - 1)
		want := padPlaces(ExactNum(calc.FixedNum(f.Units, int(f.Places))), places)
		if got := string(appendExactFixed(nil, f, places)); got != want {
			t.Fatalf("appendExactFixed(%+v, %d) = %q, want %q", f, places, got, want)
		}
	}
}
