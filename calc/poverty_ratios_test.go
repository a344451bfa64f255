package calc

import (
	"math/big"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/shopspring/decimal"
)

// sameRatio reports a ÷ b = c ÷ d, by cross-multiplying; two zero
// denominators are the same missing figure.
func sameRatio(a, b, c, d Num) bool {
	if b.IsZero() || d.IsZero() {
		return b.IsZero() == d.IsZero()
	}
	return a.Decimal().Mul(d.Decimal()).Equal(c.Decimal().Mul(b.Decimal()))
}

// TestRatiosAgreeWithTally: a village's figures from its sums in 128-bit
// integers are those of the decimal tally, exactly: mean income, gap index
// and severity index, over its own people and over a larger population,
// whether its households fit fixed point or not (more than 16 members, an
// amount beyond 10^8 yuan), with every size fixed point keeps (1 to 16
// members, whose least common multiple is the sum's factor), and with
// sizes from 1 to 40 members, part of them in decimal.
func TestRatiosAgreeWithTally(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 16))
	line := NewLine(decimal.RequireFromString("3335.5"))
	for trial := range 300 {
		var reg RegistryTally
		var dec Tally
		sizes := []int64{1, 2, 3, 4, 5, 6, 7, 8}
		switch trial % 5 {
		case 2:
			sizes = append(sizes, 9, 10, 11, 12, 13, 14, 15, 16)
		case 3:
			sizes = append(sizes, 100) // decimal: beyond MaxFixedMembers
		case 4:
			for m := int64(9); m <= 40; m++ { // lcm(1…40) > 2^32
				sizes = append(sizes, m)
			}
		}
		for range 1 + rng.IntN(60) {
			members := sizes[rng.IntN(len(sizes))]
			cents := rng.Int64N(5_000_000) * members // up to 50,000 yuan a head
			if trial%7 == 6 && rng.IntN(10) == 0 {
				cents = 2_000_000_000_000 // 2 × 10^10 yuan: beyond FixedLimit
			}
			counted := decimal.New(cents, -2)
			h := Registered{Members: members, Counted: numOf(counted), Excluded: numOf(decimal.New(rng.Int64N(300_000), -2))}
			reg.Add(&h, line)
			dec.Add(h.Decimal(), line.D)
		}
		for _, population := range []int64{dec.Persons, dec.Persons + 12_345, 0} {
			got, want := reg.Ratios(line, population), dec.Ratios(line.D, population)
			if got.Counts != want.Counts {
				t.Fatalf("trial %d: counts %+v, want %+v", trial, got.Counts, want.Counts)
			}
			for _, c := range []struct {
				name       string
				a, b, c, d Num
			}{
				{"mean income", got.Income, got.People, want.Income, want.People},
				{"gap", got.Shortfall, got.Need, want.Shortfall, want.Need},
				{"severity", got.Squares, got.SquaresDen, want.Squares, want.SquaresDen},
			} {
				if !sameRatio(c.a, c.b, c.c, c.d) {
					t.Fatalf("trial %d, population %d: %s %s ÷ %s, want %s ÷ %s", trial, population, c.name,
						c.a.Decimal(), c.b.Decimal(), c.c.Decimal(), c.d.Decimal())
				}
			}
			if population > 0 {
				pct, _ := dec.SeverityIndex(line.D, population)
				viaRatio, _ := Percent(got.Squares.Decimal(), got.SquaresDen.Decimal())
				if !pct.Equal(viaRatio) {
					t.Fatalf("trial %d: severity %s from the ratio, %s from SeverityIndex", trial, viaRatio, pct)
				}
			}
		}
	}
}

// numOf is an amount as input reads it: fixed point when it fits.
func numOf(d decimal.Decimal) Num {
	if units, ok := ToFixed(d); ok {
		return FixedNum(units, int(max(0, -d.Exponent())))
	}
	return DecimalNum(d)
}

// TestVillageTallyIsSmall guards item 9 of issue 16: a million villages
// took 1.4 GB, each keeping a fixed-point tally, a decimal tally with its
// map, and a list of squares by household size grown one size at a time.
// A village's tally is now a hundred-odd bytes, allocates nothing for the
// households it counts in fixed point, poor or not (its squares are one
// sum, not one per household size), and keeps the decimal sums only for a
// household that needs them.
func TestVillageTallyIsSmall(t *testing.T) {
	if size := unsafe.Sizeof(RegistryTally{}); size > 112 {
		t.Errorf("a village's tally is %d bytes", size)
	}
	if at := unsafe.Offsetof(FixedTally{}.Counts); at != 16 { // what every household adds to, first
		t.Errorf("the counts are at byte %d, after more than the income", at)
	}
	line := NewLine(decimal.NewFromInt(3335))
	rich := Registered{Members: 6, Counted: FixedNum(30_000*FixedOne, 0)}
	poor := Registered{Members: 6, Counted: FixedNum(3_000*FixedOne, 0)}
	poorer := Registered{Members: 16, Counted: FixedNum(100*FixedOne, 0)}
	for _, c := range []struct {
		name   string
		add    []*Registered
		allocs float64
	}{
		{"above the line", []*Registered{&rich, &rich}, 0},
		{"poor", []*Registered{&poor, &rich, &poor, &poorer}, 0},
	} {
		got := testing.AllocsPerRun(100, func() {
			var v RegistryTally
			for _, h := range c.add {
				v.Add(h, line)
			}
		})
		if got > c.allocs {
			t.Errorf("%s: %v allocations a village, want at most %v", c.name, got, c.allocs)
		}
	}
}

// TestPassesExitInIntegers: the comparison in integers gives the decimal
// one's answer, at the threshold and around it.
func TestPassesExitInIntegers(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for range 20_000 {
		threshold := decimal.New(rng.Int64N(100_000), -int32(rng.IntN(6)))
		population := 1 + rng.Int64N(1_000_000)
		poor := rng.Int64N(population + 1)
		if rng.IntN(4) == 0 { // exactly at the threshold: poor × 100 = threshold × population
			population = 100 * (1 + rng.Int64N(1000))
			poor = threshold.Mul(decimal.NewFromInt(population)).Div(hundred).IntPart()
		}
		lhs := decimal.NewFromInt(poor).Mul(hundred)
		want := lhs.Cmp(threshold.Mul(decimal.NewFromInt(population))) < 0
		if got := PassesExit(poor, population, threshold); got != want {
			t.Fatalf("PassesExit(%d, %d, %s) = %v, want %v", poor, population, threshold, got, want)
		}
	}
}

func TestLowerTerms(t *testing.T) {
	for _, c := range []struct{ num, den, wantNum, wantDen uint128 }{
		{uint128{0, 0}, uint128{0, 7}, uint128{0, 0}, uint128{0, 1}},                // 0 ÷ 7 = 0 ÷ 1
		{uint128{0, 0}, uint128{0, 0}, uint128{0, 0}, uint128{0, 0}},                // no people stays none
		{uint128{0, 3000}, uint128{0, 4000}, uint128{0, 3}, uint128{0, 4}},          // 10^3 in common
		{uint128{0, 21}, uint128{0, 35}, uint128{0, 21}, uint128{0, 35}},            // 7 is left
		{uint128{1, 0}, uint128{4, 0}, uint128{0, 1}, uint128{0, 4}},                // 2^64 in common
		{uint128{0, 250}, uint128{1 << 10, 0}, uint128{0, 125}, uint128{1 << 9, 0}}, // one 2 in common
	} {
		n, d := lowerTerms(c.num, c.den)
		if n != c.wantNum || d != c.wantDen {
			t.Errorf("lowerTerms(%v, %v) = %v, %v; want %v, %v", c.num, c.den, n, d, c.wantNum, c.wantDen)
		}
	}
}

// TestUint192AsBigInt: the severity sum's 192-bit words add, multiply and
// divide as big integers do, through carries across every word.
func TestUint192AsBigInt(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 2))
	word := func() uint64 {
		switch rng.IntN(3) {
		case 0:
			return ^uint64(0) // all ones: every carry
		case 1:
			return rng.Uint64N(1 << 20)
		}
		return rng.Uint64()
	}
	asBig := func(a uint192) *big.Int {
		n := new(big.Int).SetUint64(a.hi)
		n.Lsh(n, 64).Or(n, new(big.Int).SetUint64(a.mid))
		return n.Lsh(n, 64).Or(n, new(big.Int).SetUint64(a.lo))
	}
	limit := new(big.Int).Lsh(big.NewInt(1), 192)
	for range 20_000 {
		a := uint192{rng.Uint64N(1 << 40), word(), word()}
		v, f := uint128{word(), word()}, rng.Uint64N(sizesLCM)+1
		want := new(big.Int).Mul(new(big.Int).Add(new(big.Int).Lsh(new(big.Int).SetUint64(v.hi), 64), new(big.Int).SetUint64(v.lo)), new(big.Int).SetUint64(f))
		want.Add(want, asBig(a)).Mod(want, limit)
		a.addMul(v, f)
		if asBig(a).Cmp(want) != 0 {
			t.Fatalf("addMul: %v, want %v", asBig(a), want)
		}
		d := rng.Uint64N(sizesLCM) + 1
		q, exact := a.div64(d)
		wq, wr := new(big.Int).QuoRem(want, new(big.Int).SetUint64(d), new(big.Int))
		if asBig(q).Cmp(wq) != 0 || exact != (wr.Sign() == 0) {
			t.Fatalf("%v ÷ %d = %v (exact %v), want %v rem %v", want, d, asBig(q), exact, wq, wr)
		}
		if got := a.decimal(2 * FixedScale); !got.Equal(decimal.NewFromBigInt(want, -2*FixedScale)) {
			t.Fatalf("decimal %s, want %s", got, want)
		}
	}
}
