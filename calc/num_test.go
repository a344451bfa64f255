package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestNumAgreesWithDecimal: Num's arithmetic, in fixed point or past it,
// gives exactly the decimal result, with the places a decimal carries.
func TestNumAgreesWithDecimal(t *testing.T) {
	big := DecimalNum(decimal.RequireFromString("123456789012345678901234.5"))
	for _, c := range []struct {
		a, b Num
		sum  string // a + b, as decimal arithmetic prints it
		diff string // a − b
	}{
		{FixedNum(15_000, 2), FixedNum(20_000, 0), "3.50", "-0.50"},                          // 1.50 + 2 = 3.50
		{FixedNum(1, 4), FixedNum(-1, 4), "0.0000", "0.0002"},                                // 0.0001 ± 0.0001
		{FixedNum(numLimit-1, 4), FixedNum(numLimit-1, 4), "922337203685477.5806", "0.0000"}, // past int64: decimal
		{big, FixedNum(5_000, 1), "123456789012345678901235.0", "123456789012345678901234.0"},
	} {
		if got := c.a.Add(c.b).Decimal().StringFixed(-c.a.Add(c.b).Decimal().Exponent()); got != c.sum {
			t.Errorf("%v + %v = %s, want %s", c.a.Decimal(), c.b.Decimal(), got, c.sum)
		}
		if got := c.a.Sub(c.b).Decimal().StringFixed(-c.a.Sub(c.b).Decimal().Exponent()); got != c.diff {
			t.Errorf("%v − %v = %s, want %s", c.a.Decimal(), c.b.Decimal(), got, c.diff)
		}
		want := c.a.Decimal().Cmp(c.b.Decimal())
		if got := c.a.Cmp(c.b); got != want {
			t.Errorf("Cmp(%v, %v) = %d, want %d", c.a.Decimal(), c.b.Decimal(), got, want)
		}
	}
	if _, fixed := FixedNum(numLimit-1, 4).Add(FixedNum(numLimit-1, 4)).Fixed(); fixed {
		t.Error("a sum past the fixed-point bound stayed fixed point")
	}
}

// TestNumWhole: whole numbers, in either form.
func TestNumWhole(t *testing.T) {
	for _, c := range []struct {
		n     Num
		whole bool
		int   int64
	}{
		{IntNum(3), true, 3},
		{FixedNum(30_000, 2), true, 3}, // 3.00
		{FixedNum(35_000, 1), false, 0},
		{DecimalNum(decimal.RequireFromString("12345678901234567")), true, 12345678901234567},
		{DecimalNum(decimal.RequireFromString("1.5")), false, 0},
	} {
		n, ok := c.n.Int64()
		if c.n.IsInteger() != c.whole || ok != c.whole || (ok && n != c.int) {
			t.Errorf("%v: IsInteger %v, Int64 %d %v; want %v, %d", c.n.Decimal(), c.n.IsInteger(), n, ok, c.whole, c.int)
		}
	}
}

// TestNumMulInt: a per-person amount times members, exactly, past int64 too.
func TestNumMulInt(t *testing.T) {
	for _, c := range []struct {
		n    Num
		by   int64
		want string
	}{
		{FixedNum(40_000_000, 0), 3, "12000"},                // 4000 × 3
		{FixedNum(35_005, 2), 2, "7.00"},                     // 3.50 × 2 = 7.00, places kept
		{FixedNum(-12_345, 4), 3, "-3.7035"},                 // −1.2345 × 3
		{FixedNum(numLimit-1, 4), 2, "922337203685477.5806"}, // past fixed point: decimal
		{DecimalNum(decimal.RequireFromString("1e30")), 1_000_000, "1000000000000000000000000000000000000"},
	} {
		got := c.n.MulInt(c.by).Decimal()
		if s := got.StringFixed(max(0, -got.Exponent())); s != c.want {
			t.Errorf("%s × %d = %s, want %s", c.n.Decimal(), c.by, s, c.want)
		}
	}
}
