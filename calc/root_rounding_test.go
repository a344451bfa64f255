package calc

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// The figures below are printed rounded half-up once; a root is only
// approximate, so these tests decide the right figure independently, by
// exact fractions: a rate r is the one printed when the true root lies in
// the interval r rounds from, that is when the interval's ends, raised to the
// n-th power, bracket the ratio.

// ratPow is r^n.
func ratPow(r *big.Rat, n int) *big.Rat {
	e := big.NewInt(int64(n))
	return new(big.Rat).SetFrac(new(big.Int).Exp(r.Num(), e, nil), new(big.Int).Exp(r.Denom(), e, nil))
}

// cmpRoot is the sign of x^(1/n) − b, from x and b^n alone.
func cmpRoot(x *big.Rat, n int, b *big.Rat) int {
	if b.Sign() < 0 {
		return 1
	}
	return x.Cmp(ratPow(b, n))
}

// growthFactor is 1 + pct ÷ 100.
func growthFactor(pct *big.Rat) *big.Rat {
	f := new(big.Rat).Quo(pct, big.NewRat(100, 1))
	return f.Add(f, big.NewRat(1, 1))
}

// roundsTo reports whether a true value v rounds to c at places (half away
// from zero, as Decimal.Round and 四舍五入 do), given cmpAt(b), the sign of
// v − b for any b: for c > 0, c − u/2 ≤ v < c + u/2; for c < 0, c − u/2 < v
// ≤ c + u/2; for 0, −u/2 < v < u/2.
func roundsTo(c decimal.Decimal, places int32, cmpAt func(b *big.Rat) int) bool {
	half := decimal.New(5, -places-1)
	lo, hi := cmpAt(c.Sub(half).Rat()), cmpAt(c.Add(half).Rat())
	switch c.Sign() {
	case 1:
		return lo >= 0 && hi < 0
	case -1:
		return lo > 0 && hi <= 0
	}
	return lo > 0 && hi < 0
}

// checkRounding fails t unless root (of x, n-th) and the growth rate it
// gives, (root − 1) × 100, round at every place 0…20 as the true values do.
func checkRounding(t *testing.T, what string, x *big.Rat, n int, root decimal.Decimal) bool {
	t.Helper()
	pct := root.Sub(one).Mul(hundred)
	for places := int32(0); places <= 20; places++ {
		if c := root.Round(places); !roundsTo(c, places, func(b *big.Rat) int { return cmpRoot(x, n, b) }) {
			t.Errorf("%s: root %s rounds to %s at %d places; the true root does not", what, root, c, places)
			return false
		}
		if c := pct.Round(places); !roundsTo(c, places, func(b *big.Rat) int { return cmpRoot(x, n, growthFactor(b)) }) {
			t.Errorf("%s: rate %s rounds to %s at %d places; the true rate does not", what, pct, c, places)
			return false
		}
	}
	return true
}

// checkRate fails t unless the rate printed to one place is want, and the
// true rate is want too: (1 + (want ∓ 0.05) ÷ 100)^n brackets ratio.
func checkRate(t *testing.T, what string, ratio *big.Rat, n int, got decimal.Decimal, ok bool, want string) {
	t.Helper()
	w := dec(want)
	if !roundsTo(w, 1, func(b *big.Rat) int { return cmpRoot(ratio, n, growthFactor(b)) }) {
		t.Fatalf("%s: the test is wrong: the true rate does not round to %s", what, want)
	}
	if !ok || got.StringFixed(1) != want {
		t.Errorf("%s = %s (%s at one place), %v; want %s", what, got, got.StringFixed(1), ok, want)
	}
}

// /tmp/audit/growth/summary_tie.csv: growth --summary printed annualized_pct
// 7.2. 1148112249999 ÷ 10^12 is just below 1.0715² = 1.14811225, so the
// rate is just below 7.15: 7.14999999999953…, 7.1 at one place.
func TestAnnualizedGrowthJustBelowATie(t *testing.T) {
	s, _ := Summarize([]Point{pt(year(2015), "1000000000000"), pt(year(2016), "1050000000000"), pt(year(2017), "1148112249999")})
	ratio := big.NewRat(1148112249999, 1000000000000)
	checkRate(t, "summary_tie.csv annualized_pct", ratio, 2, s.AnnualizedPct.V, s.AnnualizedPct.OK, "7.1")
	checkRounding(t, "summary_tie.csv", ratio, 2, s.AnnualizedPct.V.Shift(-2).Add(one))
}

// /tmp/audit/growth/two_year_tie.csv: growth --two-year printed
// yoy2_avg_pct 7.2. The ratio 1.14811224999999999999999999999 (29 places)
// cut to 28 places was 1.14811225 = 1.0715², a tie rounded up.
func TestTwoYearAverageJustBelowATie(t *testing.T) {
	cur, base := "114811224999999999999999999999", "100000000000000000000000000000"
	ratio := new(big.Rat).Quo(dec(cur).Rat(), dec(base).Rat())
	got, ok := TwoYearAverage(dec(cur), dec(base))
	checkRate(t, "two_year_tie.csv yoy2_avg_pct", ratio, 2, got, ok, "7.1")
}

// /tmp/audit/growth/tiny2y.csv: 10^15 falls to 10^−15 in two years. The
// ratio 10^−30, cut to 28 places, was 0 and the rate −100; its root is
// 10^−15 exactly, so the rate is −99.9999999999999 exactly.
func TestTwoYearAverageOfATinyRatio(t *testing.T) {
	got, ok := TwoYearAverage(dec("0.000000000000001"), dec("1000000000000000"))
	want := dec("-99.9999999999999")
	if ratPow(growthFactor(want.Rat()), 2).Cmp(big.NewRat(1, 1).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil))) != 0 {
		t.Fatal("the test is wrong: (1 − 0.999999999999999)² is not 10^−30")
	}
	if !ok || !got.Equal(want) {
		t.Errorf("TwoYearAverage(10^−15, 10^15) = %s, %v; want %s", got, ok, want)
	}
}

// A ratio of 42 significant digits, 10^−41 below 1.0715²: its root is
// about 4.7 × 10^−42 below 1.0715, which RootDigits digits rounded to
// nearest made 1.0715, a tie, and printed 7.2.
func TestNthRootJustBelowATie(t *testing.T) {
	x := dec("1.14811224999999999999999999999999999999999")
	root, ok := NthRoot(x, 2)
	if !ok {
		t.Fatal("no root")
	}
	checkRounding(t, "√"+x.String(), x.Rat(), 2, root)
	got, ok := AverageGrowth(one, x, 2)
	checkRate(t, "AverageGrowth over 2 years", x.Rat(), 2, got, ok, "7.1")
}

// A 50-year monthly span: 599 months is 599/12 years, a root of index 599
// of the ratio's 12th power; 600 months reduce to 50 years.
func TestAnnualizedGrowthOverFiftyYearsOfMonths(t *testing.T) {
	first, last := dec("123456.789"), dec("987654321.987654321")
	ratio := new(big.Rat).Quo(last.Rat(), first.Rat())
	for _, months := range []int64{599, 600} {
		got, ok := AnnualizedGrowth(first, last, big.NewRat(months, 12))
		p := big.NewRat(months, 12)
		x := ratPow(ratio, int(p.Denom().Int64()))
		if ok {
			checkRounding(t, itoa(int(months))+" months", x, int(p.Num().Int64()), got.Shift(-2).Add(one))
		} else {
			t.Errorf("%d months: no rate", months)
		}
	}
}

// BenchmarkAnnualizedGrowth599Months times the costliest root Summarize
// asks for over 50 years of months.
func BenchmarkAnnualizedGrowth599Months(b *testing.B) {
	first, last := dec("123456.789"), dec("987654321.987654321")
	years := big.NewRat(599, 12)
	for b.Loop() {
		AnnualizedGrowth(first, last, years)
	}
}

// randomDigits is a random integer of 1 to max digits.
func randomDigits(rng *rand.Rand, max int) *big.Int {
	n := new(big.Int)
	for range 1 + rng.IntN(max) {
		n.Mul(n, big.NewInt(10))
		n.Add(n, big.NewInt(int64(rng.IntN(10))))
	}
	return n
}

func tenTo(k int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil) }

// Thousands of ratios, n = 2…12: random fractions of many digits, and,
// where double rounding bites, ratios a hair (10^−30 to 10^−80, or one over
// a random 60-digit number) above or below the n-th power of a midpoint of
// rounding at 0–20 places, both of the root and of the rate, with roots from
// 10^−21 to 10^26 (above 10^17, rootMinPlaces is what keeps 20 places right). Every one must round at every place as the true value.
func TestNthRootRoundsAsTheTrueRoot(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 7))
	const cases = 3000
	for i := range cases {
		n := 2 + rng.IntN(11)
		var x *big.Rat
		switch i % 3 {
		case 0: // a random fraction
			x = new(big.Rat).SetFrac(randomDigits(rng, 40), new(big.Int).Add(randomDigits(rng, 40), big.NewInt(1)))
			if x.Sign() == 0 {
				continue
			}
		default: // a hair off a midpoint's n-th power
			places := rng.IntN(21)
			mid := new(big.Int).Mul(randomDigits(rng, 1+places+rng.IntN(26)), big.NewInt(10))
			mid.Add(mid, big.NewInt(5))
			m := new(big.Rat).SetFrac(mid, tenTo(places+1)) // a 5 after `places` places
			// One in two of these is a midpoint of the rate: the root is 1 + m ÷ 100.
			if i%3 == 2 {
				if rng.IntN(2) == 0 && m.Cmp(big.NewRat(100, 1)) < 0 {
					m.Neg(m)
				}
				m = growthFactor(m)
			}
			x = ratPow(m, n)
			var hair *big.Rat
			if rng.IntN(2) == 0 {
				hair = new(big.Rat).SetFrac(big.NewInt(1), tenTo(30+rng.IntN(51)))
			} else {
				hair = new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Add(randomDigits(rng, 60), tenTo(59)))
			}
			if rng.IntN(2) == 0 || x.Cmp(hair) <= 0 {
				x.Add(x, hair)
			} else {
				x.Sub(x, hair)
			}
		}
		root, ok := nthRoot(x, n)
		if !ok || !checkRounding(t, x.String()+" (n = "+itoa(n)+")", x, n, root) {
			return
		}
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

// A perfect power keeps its root exact, however many digits the ratio has,
// when the root has no more than RootDigits significant digits: m^n for m
// of up to 12 significant digits, through NthRoot, TwoYearAverage and
// AnnualizedGrowth over p/q years (whose root is m^q, q ≤ 3).
func TestPerfectPowersStayExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 8))
	for range 500 {
		m := decimal.NewFromBigInt(new(big.Int).Add(randomDigits(rng, 12), big.NewInt(1)), -int32(rng.IntN(16)))
		n := 1 + rng.IntN(12)
		x := decimal.NewFromBigInt(new(big.Int).Exp(m.Coefficient(), big.NewInt(int64(n)), nil), m.Exponent()*int32(n))
		if got, ok := NthRoot(x, n); !ok || !got.Equal(m) {
			t.Fatalf("NthRoot(%s, %d) = %s, %v; want %s", x, n, got, ok, m)
		}
		want := m.Sub(one).Mul(hundred)
		base := decimal.NewFromBigInt(randomDigits(rng, 15), -int32(rng.IntN(8))).Add(one)
		if got, ok := TwoYearAverage(base.Mul(m).Mul(m), base); !ok || !got.Equal(want) {
			t.Fatalf("TwoYearAverage(%s × %s², %s) = %s, %v; want %s", base, m, base, got, ok, want)
		}
		// Over p/q years, base × m^p gives (m^q − 1) × 100 a year.
		p, q := 1+rng.IntN(6), 1+rng.IntN(3)
		last := base.Mul(m.Pow(decimal.NewFromInt(int64(p))))
		want = m.Pow(decimal.NewFromInt(int64(q))).Sub(one).Mul(hundred)
		if got, ok := AnnualizedGrowth(base, last, big.NewRat(int64(p), int64(q))); !ok || !got.Equal(want) {
			t.Fatalf("AnnualizedGrowth(%s, %s, %d/%d) = %s, %v; want %s", base, last, p, q, got, ok, want)
		}
	}
}
