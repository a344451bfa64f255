package report

import (
	"econcalc/calc"

	"github.com/shopspring/decimal"
)

// A figure printed beside the verdict it was judged for must not seem to
// contradict it: an incidence of 1.999% beside "exit: yes" (below 2) must
// not print as 2.00, nor a per-capita income of 3334.999 beside "poor" as
// the line, 3335.00, nor a lead of 0.004 points as 0.0. A judged column
// (Column.Judged, or NonZero for a threshold of zero) prints a figure that
// rounds onto its threshold, without being on it, with more places, until
// a digit tells them apart: one or two as a rule, and as many as it takes,
// since a lead of -0.00000003 cut at four more places would print as
// 0.00000 beside "behind". A quotient of finite decimals that is not on the
// threshold differs from it by at least 1 in its digits' last place over
// its divisor, so the places it takes are bounded by its inputs' digits.

// judged reports a column whose figures are judged against a threshold.
func (c *Column) judged() bool { return c.Judged || c.NonZero }

// onThreshold reports whether s, a figure as printed to places, reads as
// the column's threshold does at those places: -0.0 as 0 too, and 3335.00
// as a line of 3334.9995.
func (r *Report) onThreshold(c *Column, s string, places int32) bool {
	if c.scaled.ok && places == c.scaled.places { // the usual look: no parse
		return s == c.scaled.s || s[0] == '-' && s[1:] == c.scaled.s && c.Threshold.IsZero()
	}
	d, err := decimal.NewFromString(s)
	return err == nil && d.Equal(r.thresholdAt(c, places))
}

// thresholdAt is the column's threshold rounded to places as figures are.
func (r *Report) thresholdAt(c *Column, places int32) decimal.Decimal {
	if r.opts.HalfEven {
		return c.Threshold.Decimal().RoundBank(places)
	}
	return c.Threshold.Decimal().Round(places)
}

// onThresholdScaled is onThreshold for a figure as an integer in units of
// the places the column prints (the rows' fast path: no allocation).
func (c *Column) onThresholdScaled(v int64) bool { return c.scaled.ok && v == c.scaled.v }

// scaleThresholds sets each judged column's threshold, rounded, in units
// of the places it prints.
func (r *Report) scaleThresholds() {
	for i := range r.cols {
		c := &r.cols[i]
		if !c.judged() {
			continue
		}
		_, places := r.quotientShift(c)
		at := r.thresholdAt(c, places)
		if t := at.Shift(places); t.BigInt().IsInt64() {
			c.scaled.v, c.scaled.ok = t.IntPart(), true
			c.scaled.s, c.scaled.places = at.StringFixed(places), places
		}
	}
}

// exactlyOn reports whether num ÷ den × 10^shift is the threshold itself,
// which prints as it at any places.
func (c *Column) exactlyOn(num, den calc.Num, shift int) bool {
	return num.Decimal().Shift(int32(shift)).Equal(c.Threshold.Decimal().Mul(den.Decimal()))
}

// apart prints num ÷ den, of a judged column, as quotient printed s to
// places: with more places while s reads as the threshold and the figure
// is not on it.
func (r *Report) apart(col *Column, s string, num, den calc.Num, shift int, places int32) string {
	if !r.onThreshold(col, s, places) || col.exactlyOn(num, den, shift) {
		return s
	}
	for extra := int32(1); r.onThreshold(col, s, places+extra-1); extra++ {
		s = r.opts.quotient(num, den, shift, places+extra)
	}
	return s
}
