package main

import "econcalc/calc"

// parseFixed reads a plain number, [+-]digits[.digits] with spaces around,
// as fixed point in units of 10^-calc.FixedScale. It is the fast path of
// parseNumber: ok is false for anything else (thousands separators, more
// decimals than the scale, magnitudes from calc.FixedLimit up, not a
// number), and the caller then asks parseNumber. empty reports a blank cell.
func parseFixed(b []byte) (v int64, empty, ok bool) {
	i, j := 0, len(b)
	for i < j && b[i] == ' ' {
		i++
	}
	for j > i && b[j-1] == ' ' {
		j--
	}
	if i == j {
		return 0, true, true
	}
	neg := false
	switch b[i] {
	case '-':
		neg = true
		i++
	case '+':
		i++
	}
	digits, decimals, dot := 0, 0, false
	for ; i < j; i++ {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			v = v*10 + int64(c-'0')
			digits++
			if dot {
				decimals++
			}
			if v >= calc.FixedLimit || decimals > calc.FixedScale {
				return 0, false, false
			}
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false, false
		}
	}
	if digits == 0 {
		return 0, false, false
	}
	for ; decimals < calc.FixedScale; decimals++ {
		v *= 10
	}
	if v >= calc.FixedLimit {
		return 0, false, false
	}
	if neg {
		v = -v
	}
	return v, false, true
}
