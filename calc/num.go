package calc

import (
	"math/bits"

	"github.com/shopspring/decimal"
)

// Num is an exact amount as input gives it: int64 fixed point (Fixed) while
// it fits, the usual case and the fast one, else a decimal. Sums that would
// leave fixed point become decimals, so a Num is never rounded or wrapped.
// It is an Amount, so the growth algorithms fold it like any other.
type Num struct {
	f Fixed
	d *decimal.Decimal // non-nil: the amount is *d and f is unused
}

// numLimit bounds a fixed-point Num, so that adding two never overflows.
const numLimit = 1 << 62

// FixedNum is units × 10^-FixedScale, written with places decimals.
func FixedNum(units int64, places int) Num { return Num{f: Fixed{Units: units, Places: int8(places)}} }

// DecimalNum is d as a Num.
func DecimalNum(d decimal.Decimal) Num { return Num{d: &d} }

// IntNum is a whole number as a Num.
func IntNum(n int64) Num {
	if n > -numLimit/FixedOne && n < numLimit/FixedOne {
		return FixedNum(n*FixedOne, 0)
	}
	return DecimalNum(decimal.NewFromInt(n))
}

// Fixed is the amount in fixed point; ok is false when it is a decimal.
func (a Num) Fixed() (Fixed, bool) { return a.f, a.d == nil }

// Decimal is the amount as a decimal, with the places it was written with.
func (a Num) Decimal() decimal.Decimal {
	if a.d != nil {
		return *a.d
	}
	return a.f.Decimal()
}

// Places is how many decimals the amount is written with: 2 for 1.50.
func (a Num) Places() int {
	if a.d != nil {
		return max(-int(a.d.Exponent()), 0)
	}
	return int(a.f.Places)
}

// Num is a itself, so that Num and Fixed offer the same methods.
func (a Num) Num() Num { return a }

func (a Num) Add(b Num) Num {
	if a.d == nil && b.d == nil {
		if s := a.f.Add(b.f); s.Units > -numLimit && s.Units < numLimit {
			return Num{f: s}
		}
	}
	return DecimalNum(a.Decimal().Add(b.Decimal()))
}

func (a Num) Sub(b Num) Num {
	if a.d == nil && b.d == nil {
		if s := a.f.Sub(b.f); s.Units > -numLimit && s.Units < numLimit {
			return Num{f: s}
		}
	}
	return DecimalNum(a.Decimal().Sub(b.Decimal()))
}

func (a Num) Sign() int {
	if a.d != nil {
		return a.d.Sign()
	}
	return a.f.Sign()
}

func (a Num) IsZero() bool { return a.Sign() == 0 }

// Cmp compares two amounts: -1, 0 or +1.
func (a Num) Cmp(b Num) int {
	if a.d == nil && b.d == nil {
		switch {
		case a.f.Units < b.f.Units:
			return -1
		case a.f.Units > b.f.Units:
			return 1
		}
		return 0
	}
	return a.Decimal().Cmp(b.Decimal())
}

// IsInteger reports a whole number.
func (a Num) IsInteger() bool {
	if a.d == nil {
		return a.f.Units%FixedOne == 0
	}
	return a.d.IsInteger()
}

// Int64 is a whole amount as an int64; ok is false when it is not whole or
// does not fit.
func (a Num) Int64() (n int64, ok bool) {
	if a.d == nil {
		return a.f.Units / FixedOne, a.f.Units%FixedOne == 0
	}
	return decimalInt64(*a.d)
}

func decimalInt64(d decimal.Decimal) (int64, bool) {
	if !d.IsInteger() || d.Abs().Cmp(decimal.NewFromInt(1<<62)) >= 0 {
		return 0, false
	}
	return d.IntPart(), true
}

// FixedOne is 1 in fixed point: 10^FixedScale units.
const FixedOne = 10_000

// Pow10 holds 10^0 … 10^18.
var Pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// MulInt is a × n: a per-person amount times a household's members.
func (a Num) MulInt(n int64) Num {
	if a.d == nil {
		if hi, lo := bits.Mul64(uint64(abs(a.f.Units)), uint64(abs(n))); hi == 0 && lo < numLimit {
			return Num{f: Fixed{Units: a.f.Units * n, Places: a.f.Places}}
		}
	}
	return DecimalNum(a.Decimal().Mul(decimal.NewFromInt(n)))
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// Shift is a × 10^exp: an amount moved into a finer unit (亿元 to 万元 is
// Shift(4)).
func (a Num) Shift(exp int32) Num {
	if exp == 0 {
		return a
	}
	return DecimalNum(a.Decimal().Shift(exp))
}
