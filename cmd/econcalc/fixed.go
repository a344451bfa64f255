package main

import (
	"math/bits"
	"strconv"

	"econcalc/calc"
)

// parseFixed reads a plain number, [+-]digits[.digits] with spaces around,
// as fixed point in units of 10^-calc.FixedScale. It is the fast path of
// parseNumber: ok is false for anything else (thousands separators, more
// decimals than the scale, magnitudes from calc.FixedLimit up, not a
// number), and the caller then asks parseNumber. empty reports a blank cell;
// places is how many decimals the cell was written with (1.50 has two).
func parseFixed(b []byte) (v int64, places int, empty, ok bool) {
	for len(b) > 0 && b[0] == ' ' {
		b = b[1:]
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return 0, 0, true, true
	}
	neg := b[0] == '-'
	if neg || b[0] == '+' {
		b = b[1:]
	}
	i := 0
	for i < len(b) && b[i]-'0' <= 9 { // bytes below '0' wrap above 9
		v = v*10 + int64(b[i]-'0')
		i++
	}
	digits := i
	if i < len(b) && b[i] == '.' {
		decimals := b[i+1:]
		for places < len(decimals) && decimals[places]-'0' <= 9 {
			v = v*10 + int64(decimals[places]-'0')
			places++
		}
		digits += places
		i += 1 + places
	}
	// More than 18 digits may have overflowed v; then v is not used.
	if i != len(b) || digits == 0 || digits > 18 || places > calc.FixedScale || v >= fixedLimits[places] {
		return 0, 0, false, false
	}
	v *= pow10[calc.FixedScale-places]
	if neg {
		v = -v
	}
	return v, places, false, true
}

// fixedLimits[p] is the magnitude, as written with p decimals, from which an
// amount is beyond calc.FixedLimit.
var fixedLimits = func() (l [calc.FixedScale + 1]int64) {
	for p := range l {
		l[p] = calc.FixedLimit / pow10[calc.FixedScale-p]
	}
	return l
}()

// pow10 holds 10^0 … 10^18.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// formatFixed prints a fixed-point amount with places decimals (at most
// calc.FixedScale), as exactString prints the decimal it stands for.
func formatFixed(v int64, places int) string {
	return formatScaled(v/pow10[calc.FixedScale-places], places)
}

// roundQuotient prints num ÷ den (den > 0) rounded once, exactly, to places
// decimals, half away from zero or half to even, as the output layer rounds
// a decimal. ok is false when the figures are too large for 128 bits.
func roundQuotient(num, den int64, places int32, halfEven bool) (string, bool) {
	if places < 0 || int(places) >= len(pow10) {
		return "", false
	}
	v, ok := roundDiv(num, pow10[places], den, halfEven)
	if !ok {
		return "", false
	}
	return formatScaled(v, int(places)), true
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
	neg := v < 0
	if neg {
		v = -v
	}
	digits := strconv.AppendInt(make([]byte, 0, 24), v, 10)
	for len(digits) <= places {
		digits = append([]byte{'0'}, digits...)
	}
	out := make([]byte, 0, len(digits)+2)
	if neg {
		out = append(out, '-')
	}
	out = append(out, digits[:len(digits)-places]...)
	if places > 0 {
		out = append(out, '.')
		out = append(out, digits[len(digits)-places:]...)
	}
	return string(out)
}
