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
