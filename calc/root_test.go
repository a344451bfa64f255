package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestNthRootExactAtPerfectPowers(t *testing.T) {
	for _, c := range []struct {
		x    string
		n    int
		want string
	}{
		{"1.21", 2, "1.1"},
		{"1.331", 3, "1.1"},
		{"1.61051", 5, "1.1"}, // 1.1^5
		{"0.59049", 5, "0.9"}, // 0.9^5
		{"1024", 10, "2"},     // 2^10
		{"1", 7, "1"},         // no growth
		{"0", 3, "0"},         //
		{"2.5", 1, "2.5"},     // one year: the ratio itself
		// Not a perfect power: √(1+ε) = 1 + ε/2 − ε²/8 + ε³/16 − 5ε⁴/128 …
		// = 1.00000000004999999999875000000006249999996…, cut to 40 digits
		// (…0624999999) with a 5 after them.
		{"1.0000000001", 2, "1.0000000000499999999987500000000624999995"},
	} {
		got, ok := NthRoot(decimal.RequireFromString(c.x), c.n)
		if !ok || !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("NthRoot(%s, %d) = %s, %v; want %s", c.x, c.n, got, ok, c.want)
		}
	}
	if _, ok := NthRoot(decimal.RequireFromString("-1"), 2); ok {
		t.Error("a negative ratio has no root")
	}
}

func TestAverageGrowth(t *testing.T) {
	d := decimal.RequireFromString
	for _, c := range []struct {
		name     string
		from, to string
		years    int
		want     string // to one place, half up
	}{
		// 121 on 100 over two years: √1.21 = 1.1, exactly 10 %.
		{"perfect square", "100", "121", 2, "10.0"},
		// 2019 = 100, 2020 1–2月 −13.5 % (86.5), 2021 +35.1 % (116.8615):
		// 116.8615 ÷ 100 = 1.168615 (+16.9 % on 2019), √1.168615 = 1.08102…: 8.1 %.
		{"two-year average of −13.5 % and +35.1 %", "100", "116.8615", 2, "8.1"},
		// 1.5^(1/5) = 1.0844717711976986…: 8.4 %.
		{"five years", "200", "300", 5, "8.4"},
		// One year is the year-on-year rate: 4 ÷ 3 − 1 = 33.333…%.
		{"one year", "3", "4", 1, "33.3"},
		// Falling: 0.9^5 → −10 % a year, exactly.
		{"falling", "100000", "59049", 5, "-10.0"},
	} {
		got, ok := AverageGrowth(d(c.from), d(c.to), c.years)
		if !ok || got.StringFixed(1) != c.want {
			t.Errorf("%s: %s, %v; want %s", c.name, got, ok, c.want)
		}
	}
	// The two-year average equals the TwoYearAverage square root.
	two, _ := TwoYearAverage(d("116.8615"), d("100"))
	avg, _ := AverageGrowth(d("100"), d("116.8615"), 2)
	if two.StringFixed(10) != avg.StringFixed(10) {
		t.Errorf("AverageGrowth over 2 years %s, TwoYearAverage %s", avg, two)
	}
	for _, c := range [][2]string{{"0", "5"}, {"-1", "5"}, {"5", "-1"}} {
		if _, ok := AverageGrowth(d(c[0]), d(c[1]), 3); ok {
			t.Errorf("from %s to %s: want no average growth", c[0], c[1])
		}
	}
}
