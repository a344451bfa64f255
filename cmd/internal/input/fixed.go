package input

import "econcalc/calc"

// parseFixed reads a plain number, [+-]digits[.digits] with spaces around,
// as fixed point in units of 10^-calc.FixedScale. It is the quick case of
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
	v *= calc.Pow10[calc.FixedScale-places]
	if neg {
		v = -v
	}
	return v, places, false, true
}

// shortFixed reads a cell of at most 12 bytes, [-]digits[.digits] and
// nothing else, the commonest amount (0, 1041, 159.47, -748.0), as
// parseFixed does, without its trimming: ok is false for any other cell,
// and for an empty one. It is small enough to be inlined for the usual
// cell of one to eight digits, and goes on with shortRest, from where its
// digits stopped, for the rest, so that a decimal is read in one pass.
func shortFixed(b []byte) (v int64, places int, ok bool) {
	v, n := leadingDigits(b)
	if n == len(b) && uint(n-1) < 8 { // eight digits are below fixedLimits[0]
		return v * calc.FixedOne, 0, true
	}
	return shortRest(b, v, n)
}

// shortRest is shortFixed for a cell that starts with n digits worth v
// and is not one to eight digits in all. At most 11 digits make less than
// 10^11, and 10^15 in units: no overflow.
func shortRest(b []byte, v int64, n int) (int64, int, bool) {
	if len(b) == 0 || len(b) > 12 {
		return 0, 0, false
	}
	start := 0 // where the digits start: after a minus sign
	if n == 0 && b[0] == '-' {
		var m int
		v, m = leadingDigits(b[1:])
		start, n = 1, 1+m
	}
	places := 0
	if n < len(b) {
		if b[n] != '.' {
			return 0, 0, false
		}
		places = len(b) - n - 1
		w, m := leadingDigits(b[n+1:])
		if m != places || places > calc.FixedScale || n-start+m == 0 {
			return 0, 0, false
		}
		v = v*calc.Pow10[places] + w
	} else if n == start {
		return 0, 0, false // "-"
	}
	if v >= fixedLimits[places] {
		return 0, 0, false
	}
	v *= calc.Pow10[calc.FixedScale-places]
	if start > 0 {
		v = -v
	}
	return v, places, true
}

// leadingDigits reads the ASCII digits b starts with, n of them.
func leadingDigits(b []byte) (v int64, n int) {
	for n < len(b) && b[n]-'0' <= 9 { // bytes below '0' wrap above 9
		v = v*10 + int64(b[n]-'0')
		n++
	}
	return v, n
}

// fixedLimits[p] is the magnitude, as written with p decimals, from which an
// amount is beyond calc.FixedLimit.
var fixedLimits = func() (l [calc.FixedScale + 1]int64) {
	for p := range l {
		l[p] = calc.FixedLimit / calc.Pow10[calc.FixedScale-p]
	}
	return l
}()
