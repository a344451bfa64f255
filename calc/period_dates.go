package calc

import (
	"fmt"
	"strings"
)

// Dates name the month they fall in: 2017-10-31, with a time of day or not.

// datePeriod reads a date as the month it names, once its day is one the
// month has.
func datePeriod(year int, month, day, label string) (Period, bool, error) {
	// A time of day after the date (Excel's CSV writes 2017/10/31 0:00)
	// names no other month.
	if i := strings.IndexAny(day, " T"); i > 0 && isClock(strings.TrimSpace(day[i+1:])) {
		day = day[:i]
	}
	p, _, err := monthPeriod(year, month, label)
	if err != nil || len(day) == 0 || len(day) > 2 || !allDigits(day) {
		return Period{}, false, periodError(label)
	}
	if d := digitsValue(day); d < 1 || d > daysIn(year, int(p.Sub)) {
		return Period{}, false, fmt.Errorf("%w: %q: %s has %d days", ErrPeriod, label, p, daysIn(year, int(p.Sub)))
	}
	return p, false, nil
}

// isClock: a time of day, h:mm or hh:mm, with :ss and a fraction or not.
func isClock(s string) bool {
	h, rest, ok := strings.Cut(s, ":")
	if !ok || len(h) == 0 || len(h) > 2 || !allDigits(h) || digitsValue(h) > 23 {
		return false
	}
	m, sec, withSec := strings.Cut(rest, ":")
	if len(m) != 2 || !allDigits(m) || digitsValue(m) > 59 {
		return false
	}
	if !withSec {
		return true
	}
	whole, frac, withFrac := strings.Cut(sec, ".")
	return len(whole) == 2 && allDigits(whole) && digitsValue(whole) <= 59 && (!withFrac || frac != "" && allDigits(frac))
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
