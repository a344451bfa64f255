package calc

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

// realPct is the real growth rate cur ÷ prior − 1, × 100, to one place.
func realPct(t *testing.T, cur, prior *big.Rat) string {
	t.Helper()
	num, den, ok := RatQuotient(new(big.Rat).Sub(cur, prior), prior)
	if !ok {
		t.Fatal("no quotient")
	}
	return num.Mul(hundred).DivRound(den, 10).StringFixed(1)
}

func TestDeflate(t *testing.T) {
	d := decimal.RequireFromString
	// 上年同期 = 100: nominal +10 % (110 on 100) at prices up 5 %:
	// 1.10 ÷ 1.05 − 1 = 4.7619… %.
	cur, prior := Deflate(d("110"), d("100"), []decimal.Decimal{d("105")}, YoYIndex)
	if got := realPct(t, cur, prior); got != "4.8" {
		t.Errorf("yoy index: %s, want 4.8", got)
	}
	// 2015 = 100: 100 at index 110 in 2016, 121 at 115.5 in 2017:
	// (121 ÷ 115.5) ÷ (100 ÷ 110) − 1 = 1.152380… − 1: 15.2 %, the same as
	// a year-on-year index of 115.5 ÷ 110 × 100 = 105 on +21 % nominal.
	cur, prior = Deflate(d("121"), d("100"), []decimal.Decimal{d("115.5"), d("110")}, FixedIndex)
	if got := realPct(t, cur, prior); got != "15.2" {
		t.Errorf("fixed index: %s, want 15.2", got)
	}
	cur, prior = Deflate(d("121"), d("100"), []decimal.Decimal{d("105")}, YoYIndex)
	if got := realPct(t, cur, prior); got != "15.2" {
		t.Errorf("the equivalent yoy index: %s, want 15.2", got)
	}
	// No price change: real equals nominal, exactly.
	cur, prior = Deflate(d("103.7"), d("100"), []decimal.Decimal{d("100")}, YoYIndex)
	if cur.Cmp(d("103.7").Rat()) != 0 || prior.Cmp(d("100").Rat()) != 0 {
		t.Errorf("index 100 changed the levels: %s, %s", cur, prior)
	}
}

func TestDeflateOverTwoYears(t *testing.T) {
	d := decimal.RequireFromString
	factor := func(cur, prior *big.Rat) *big.Rat { return new(big.Rat).Quo(cur, prior) }
	// Two years at yoy indexes 105 (this year) and 104 (last year), 121 on
	// 100: 1.21 ÷ (1.05 × 1.04) = 1.108058…, √ = 1.052643…: 5.3 % a year.
	f := factor(Deflate(d("121"), d("100"), []decimal.Decimal{d("105"), d("104")}, YoYIndex))
	if want := new(big.Rat).Quo(d("1.21").Rat(), d("1.092").Rat()); f.Cmp(want) != 0 {
		t.Errorf("factor %s, want %s", f, want)
	}
	if pct, _ := AverageGrowthOf(f, 2); pct.StringFixed(1) != "5.3" {
		t.Errorf("real two-year average %s, want 5.3", pct)
	}
	// Fixed base: (121 ÷ 115.5) ÷ (100 ÷ 110) = 1.15238…
	f = factor(Deflate(d("121"), d("100"), []decimal.Decimal{d("115.5"), d("110")}, FixedIndex))
	if want := big.NewRat(121*110, 1155*10); f.Cmp(want) != 0 {
		t.Errorf("fixed factor %s, want %s", f, want)
	}
}

func TestRatQuotient(t *testing.T) {
	num, den, ok := RatQuotient(big.NewRat(2, 3), big.NewRat(5, 7))
	// (2/3) ÷ (5/7) = 14/15
	if !ok || !num.Equal(decimal.NewFromInt(14)) || !den.Equal(decimal.NewFromInt(15)) {
		t.Errorf("%s/%s %v, want 14/15", num, den, ok)
	}
	if _, _, ok := RatQuotient(big.NewRat(1, 1), new(big.Rat)); ok {
		t.Error("division by zero")
	}
}
