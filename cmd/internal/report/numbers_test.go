package report

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"econcalc/calc"

	"github.com/shopspring/decimal"
)

// exactRounded is r rounded to places in big rationals, the arithmetic the
// integer paths of quotient and round must agree with.
func exactRounded(r *big.Rat, places int32, halfEven bool) string {
	scaled := new(big.Rat).Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)))
	neg := scaled.Sign() < 0
	scaled.Abs(scaled)
	q, rem := new(big.Int).QuoRem(scaled.Num(), scaled.Denom(), new(big.Int))
	switch c := new(big.Int).Lsh(rem, 1).Cmp(scaled.Denom()); {
	case c > 0, c == 0 && (!halfEven || q.Bit(0) == 1):
		q.Add(q, big.NewInt(1))
	}
	digits := q.String()
	if places > 0 {
		if len(digits) <= int(places) {
			digits = strings.Repeat("0", int(places)-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-int(places)] + "." + digits[len(digits)-int(places):]
	}
	if neg && q.Sign() != 0 {
		digits = "-" + digits
	}
	return digits
}

// randomNum is an amount in either form, at any magnitude a Num can hold:
// fixed point up to its limit, decimals of up to 40 digits from 10^-30 up.
func randomNum(rng *rand.Rand) calc.Num {
	sign := int64(1 - 2*rng.IntN(2))
	if rng.IntN(2) == 0 {
		// A fixed-point amount written with places decimals has units that
		// are a multiple of 10^(FixedScale−places).
		places := rng.IntN(calc.FixedScale + 1)
		step := calc.Pow10[calc.FixedScale-places]
		units := rng.Int64N(1<<62>>rng.IntN(62)) / step * step
		return calc.FixedNum(sign*units, places)
	}
	digits := make([]byte, 1+rng.IntN(40))
	for i := range digits {
		digits[i] = byte('0' + rng.IntN(10))
	}
	c, _ := new(big.Int).SetString(string(digits), 10)
	return calc.DecimalNum(decimal.NewFromBigInt(c.Mul(c, big.NewInt(sign)), int32(rng.IntN(41)-30)))
}

func ratOf(n calc.Num) *big.Rat { return n.Decimal().Rat() }

// Every printed quotient and rounded amount is the exact decimal result, at
// every --decimals and --value-decimals from 0 to 20, whatever the sizes:
// the int64 paths must give way where 10^places and the digits overflow
// (--decimals 17 once printed a share of 100 as -84.46744073709551616), and
// the wide path must round once, not a 28-place quotient again.
func TestQuotientAndRoundAreExactAtEveryPlaces(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 1))
	for range 20000 {
		num, den := randomNum(rng), randomNum(rng)
		if den.IsZero() {
			continue
		}
		places := int32(rng.IntN(21))
		shift := 2 * rng.IntN(2)
		for _, halfEven := range []bool{false, true} {
			o := Options{HalfEven: halfEven}
			q := new(big.Rat).Quo(ratOf(num), ratOf(den))
			q.Mul(q, new(big.Rat).SetInt64(calc.Pow10[shift]))
			if got, want := o.quotient(num, den, shift, places), exactRounded(q, places, halfEven); got != want {
				t.Fatalf("quotient(%s, %s, %d, %d) halfEven=%v = %s, want %s", num.Decimal(), den.Decimal(), shift, places, halfEven, got, want)
			}
			if got, want := o.round(num.Decimal(), places), exactRounded(ratOf(num), places, halfEven); got != want {
				t.Fatalf("round(%s, %d) halfEven=%v = %s, want %s", num.Decimal(), places, halfEven, got, want)
			}
		}
	}
}

// The cases the random ones stand for: a total's share of itself at 17 to
// 20 places, and quotients whose 21st to 28th digits are 4999999 followed by
// more, where rounding a 28-place quotient again would round up.
func TestQuotientEdges(t *testing.T) {
	n := func(s string) calc.Num { return calc.DecimalNum(decimal.RequireFromString(s)) }
	for _, c := range []struct {
		num, den calc.Num
		shift    int
		places   int32
		halfEven bool
		want     string
	}{
		{calc.FixedNum(120_0000, 0), calc.FixedNum(120_0000, 0), 2, 17, false, "100.00000000000000000"},
		{calc.FixedNum(120_0000, 0), calc.FixedNum(120_0000, 0), 2, 19, false, "100.0000000000000000000"},
		{calc.FixedNum(120_0000, 0), calc.FixedNum(120_0000, 0), 2, 20, false, "100.00000000000000000000"},
		{calc.FixedNum(-4611686018427387903, 4), calc.FixedNum(3_0000, 0), 2, 20, false, "-15372286728091293.01000000000000000000"},
		// 0.4999999999999999999999999999997 is 0.5000000000000000000000000000
		// at 28 places, but 0 at 0 places
		{n("4999999999999999999999999999997"), n("1e31"), 0, 0, false, "0"},
		{n("4999999999999999999999999999997"), n("1e31"), 0, 0, true, "0"},
		{n("123456789012345678944999999997"), n("1e30"), 0, 20, false, "0.12345678901234567894"},
		{n("123456789012345678854999999997"), n("1e30"), 0, 20, true, "0.12345678901234567885"},
	} {
		o := Options{HalfEven: c.halfEven}
		if got := o.quotient(c.num, c.den, c.shift, c.places); got != c.want {
			t.Errorf("quotient(%s, %s, %d, %d) halfEven=%v = %s, want %s", c.num.Decimal(), c.den.Decimal(), c.shift, c.places, c.halfEven, got, c.want)
		}
	}
}
