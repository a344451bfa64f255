package report

import (
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"econcalc/calc"

	"github.com/shopspring/decimal"
)

// quotient prints num ÷ den × 10^shift (den ≠ 0) rounded to places: in
// 128-bit integers when the digits fit, else in big integers, rounded once
// either way.
func (o Options) quotient(num, den calc.Num, shift int, places int32) string {
	if v, ok := o.quotientScaled(num, den, shift, places); ok {
		return formatScaled(v, int(places))
	}
	return o.quotientBig(num.Decimal(), den.Decimal(), shift, places)
}

// quotientScaled is quotient's 128-bit case: the rounded quotient in units
// of 10^-places, ok false when the digits do not fit. Its receiver is a
// pointer: RowWriter calls it once a row, and Options is many words long.
func (o *Options) quotientScaled(num, den calc.Num, shift int, places int32) (int64, bool) {
	a, ea, aok := small(num)
	b, eb, bok := small(den)
	if aok && bok && b != 0 {
		if b < 0 {
			a, b = -a, -b
		}
		k := int(ea) - int(eb) + shift + int(places)
		var v int64
		var ok bool
		switch {
		case k >= 0 && k < len(calc.Pow10):
			v, ok = roundDiv(a, calc.Pow10[k], b, o.HalfEven)
		case k < 0 && -k < len(calc.Pow10) && b < 1<<62/calc.Pow10[-k]:
			v, ok = roundDiv(a, 1, b*calc.Pow10[-k], o.HalfEven)
		}
		return v, ok
	}
	return 0, false
}

// quotientBig is quotient in big integers, for digits that do not fit int64.
// It divides once and rounds the exact remainder: a quotient first taken to
// calc.QuotientPlaces and rounded again would turn 0.49999999999999999999999999997
// into 1 at 0 places.
func (o Options) quotientBig(num, den decimal.Decimal, shift int, places int32) string {
	a, b := num.Coefficient(), den.Coefficient()
	if b.Sign() < 0 {
		a.Neg(a)
		b.Neg(b)
	}
	// num ÷ den × 10^(shift+places) = a ÷ b × 10^k
	k := int64(num.Exponent()) - int64(den.Exponent()) + int64(shift) + int64(places)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(max(k, -k)), nil)
	if k >= 0 {
		a.Mul(a, scale)
	} else {
		b.Mul(b, scale)
	}
	neg := a.Sign() < 0
	q, r := new(big.Int).QuoRem(a.Abs(a), b, new(big.Int))
	switch c := r.Lsh(r, 1).Cmp(b); {
	case c > 0, c == 0 && (!o.HalfEven || q.Bit(0) == 1):
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -places).StringFixed(places)
}

func (r *Report) formatNumber(col *Column, n calc.Num) string {
	if col.Kind == ExactKind {
		return padPlaces(ExactNum(n), col.Places)
	}
	d := n.Decimal()
	switch col.Kind {
	case PercentKind:
		return r.round(d, r.opts.Decimals)
	case AmountKind:
		return r.round(d, r.opts.ValueDecimals)
	case FixedKind:
		return r.round(d, col.Places)
	}
	return ExactString(d)
}

func (r *Report) round(d decimal.Decimal, places int32) string { return r.opts.round(d, places) }

// round prints d rounded to places, half up (away from zero) or half even.
// A coefficient that fits int64, the usual case, is rounded in integers.
func (o Options) round(d decimal.Decimal, places int32) string {
	if c, exp, ok := smallDecimal(d); ok && places >= 0 && int(places) < len(calc.Pow10) {
		if shift := places + exp; shift >= 0 {
			if int(shift) < len(calc.Pow10) && abs64(c) < 1<<62/calc.Pow10[shift] {
				return formatScaled(c*calc.Pow10[shift], int(places))
			}
		} else if int(-shift) < len(calc.Pow10) {
			if v, ok := roundDiv(c, 1, calc.Pow10[-shift], o.HalfEven); ok {
				return formatScaled(v, int(places))
			}
		}
	}
	if o.HalfEven {
		return d.StringFixedBank(places)
	}
	return d.StringFixed(places)
}

// small is n as coefficient × 10^exp when the coefficient fits int64.
func small(n calc.Num) (c int64, exp int32, ok bool) {
	if f, fixed := n.Fixed(); fixed {
		return f.Units, -calc.FixedScale, true
	}
	return smallDecimal(n.Decimal())
}

// ExactNum prints an amount with all the digits it carries.
func ExactNum(n calc.Num) string {
	if f, fixed := n.Fixed(); fixed {
		return formatFixed(f.Units, int(f.Places))
	}
	return ExactString(n.Decimal())
}

// smallDecimal is d as coefficient × 10^exp when the coefficient fits int64.
func smallDecimal(d decimal.Decimal) (c int64, exp int32, ok bool) {
	if d.NumDigits() > 18 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), d.Exponent(), true
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// ExactString prints a decimal with all the digits it carries (1.10 stays
// 1.10), never in exponent form.
func ExactString(d decimal.Decimal) string {
	if c, exp, ok := smallDecimal(d); ok && exp <= 0 && -exp < int32(len(calc.Pow10)) {
		return formatScaled(c, int(-exp))
	}
	return d.StringFixed(max(0, -d.Exponent()))
}

// formatFixed prints a fixed-point amount with places decimals (at most
// calc.FixedScale), as exactString prints the decimal it stands for.
func formatFixed(v int64, places int) string {
	return formatScaled(v/calc.Pow10[calc.FixedScale-places], places)
}

// roundDiv is num × mul ÷ den (den > 0) rounded to a whole number, half away
// from zero or half to even, in 128-bit arithmetic. ok is false when the
// result does not fit int64.
func roundDiv(num, mul, den int64, halfEven bool) (int64, bool) {
	if den <= 0 || mul < 0 || num == -1<<63 {
		return 0, false
	}
	neg := num < 0
	if neg {
		num = -num
	}
	hi, lo := bits.Mul64(uint64(num), uint64(mul))
	if hi >= uint64(den) {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, uint64(den))
	switch twice := 2 * r; { // r < den < 2^63: no overflow
	case twice > uint64(den): // more than half
		q++
	case twice == uint64(den) && (!halfEven || q%2 == 1):
		q++
	}
	if q >= 1<<63 {
		return 0, false
	}
	if neg {
		return -int64(q), true
	}
	return int64(q), true
}

// formatScaled prints v ÷ 10^places with exactly places decimals.
func formatScaled(v int64, places int) string {
	if places == 0 {
		return strconv.FormatInt(v, 10) // small numbers cost no allocation
	}
	var buf [48]byte
	return string(appendScaled(buf[:0], v, places))
}

// appendScaled appends v ÷ 10^places with exactly places decimals, as
// formatScaled prints it.
func appendScaled(dst []byte, v int64, places int) []byte {
	u := uint64(v)
	if v < 0 {
		u = -u
	}
	return appendDigits(dst, u, v < 0, places)
}

// digitPairs is 00, 01, … 99: appendDigits writes two digits per division.
const digitPairs = "00010203040506070809" + "10111213141516171819" + "20212223242526272829" +
	"30313233343536373839" + "40414243444546474849" + "50515253545556575859" +
	"60616263646566676869" + "70717273747576777879" + "80818283848586878889" + "90919293949596979899"

// appendDigits appends u ÷ 10^places with exactly places decimals (at most
// 20, --decimals), a minus before it when neg. It fills a buffer from the
// end, two digits per division by 100 (a multiplication, the divisor being
// a constant): the decimals, the dot, the whole part.
func appendDigits(dst []byte, u uint64, neg bool, places int) []byte {
	if u < 10 && places == 0 && !neg { // a count of members, an amount of 0
		return append(dst, byte('0'+u))
	}
	var buf [48]byte // places ≤ 20, 20 digits, a dot and a sign
	i := len(buf)
	if places > 0 {
		for range places / 2 {
			q := u / 100
			r := (u - q*100) * 2
			i -= 2
			buf[i], buf[i+1] = digitPairs[r], digitPairs[r+1]
			u = q
		}
		if places%2 == 1 {
			i--
			buf[i] = byte('0' + u%10)
			u /= 10
		}
		i--
		buf[i] = '.'
	}
	for u >= 100 {
		q := u / 100
		r := (u - q*100) * 2
		i -= 2
		buf[i], buf[i+1] = digitPairs[r], digitPairs[r+1]
		u = q
	}
	if u >= 10 {
		i -= 2
		buf[i], buf[i+1] = digitPairs[2*u], digitPairs[2*u+1]
	} else {
		i--
		buf[i] = byte('0' + u)
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return append(dst, buf[i:]...)
}

// appendExactFixed appends a fixed-point amount as padPlaces(ExactNum(n),
// places) prints it: every digit it was written with, and zeros up to
// places decimals. Its units are cut to those digits by constant divisions
// by ten, cheaper than one by a power of ten looked up.
func appendExactFixed(dst []byte, f calc.Fixed, places int32) []byte {
	u := uint64(f.Units)
	if f.Units < 0 {
		u = -u
	}
	for k := calc.FixedScale - int(f.Places); k > 0 && u != 0; k-- {
		u /= 10
	}
	dst = appendDigits(dst, u, f.Units < 0 && u != 0, int(f.Places))
	if places <= 0 {
		return dst
	}
	if f.Places == 0 {
		dst = append(dst, '.')
	}
	for range max(int(places)-int(f.Places), 0) {
		dst = append(dst, '0')
	}
	return dst
}

// quotientShift is the power of ten and the places quotientIn prints
// num ÷ den with in col.
func (r *Report) quotientShift(col *Column) (shift int, places int32) {
	if col.Kind == AmountKind {
		return 0, r.opts.ValueDecimals
	}
	places = r.opts.Decimals
	if col.Places > 0 && !r.opts.DecimalsGiven {
		places = col.Places
	}
	return 2, places
}

// padPlaces adds the zeros that give s (an exact number) at least places
// decimals.
func padPlaces(s string, places int32) string {
	if places <= 0 {
		return s
	}
	have := 0
	if dot := strings.IndexByte(s, '.'); dot >= 0 {
		have = len(s) - dot - 1
	} else {
		s += "."
	}
	return s + strings.Repeat("0", max(int(places)-have, 0))
}
