package calc

import "github.com/shopspring/decimal"

// The completion table (主要经济指标完成情况表): each main indicator's
// year-to-date figure against its annual target, a level (全年目标) or a
// growth rate (目标增速), and against the share of the year gone (序时进度).
// Figures are kept as fractions, num ÷ den, so that a report divides and
// rounds each once, and comparisons are exact.

// Fraction is num ÷ den, a share of one (a percentage ÷ 100); den is never
// zero in a Fraction a function here returns with ok.
type Fraction struct{ Num, Den decimal.Decimal }

// Percent is the fraction × 100, to QuotientPlaces.
func (f Fraction) Percent() decimal.Decimal {
	p, _ := Percent(f.Num, f.Den)
	return p
}

// Cmp compares two fractions exactly: -1, 0 or 1.
func (f Fraction) Cmp(g Fraction) int { return CompareQuotients(f.Num, f.Den, g.Num, g.Den) }

// MinusPercent is f − pct ÷ 100, one fraction: (100·num − pct·den) ÷
// (100·den). A growth rate less its target, in points ÷ 100.
func (f Fraction) MinusPercent(pct decimal.Decimal) Fraction {
	return Fraction{f.Num.Mul(hundred).Sub(pct.Mul(f.Den)), f.Den.Mul(hundred)}
}

// PercentFraction is a rate written in percent (a growth rate as
// published, 31.7) as a fraction: pct ÷ 100.
func PercentFraction(pct decimal.Decimal) Fraction { return Fraction{pct, hundred} }

// GrowthFraction is growth on the same period last year, (value − prior) ÷
// prior; ok is false for a prior of zero or less, which gives no rate.
func GrowthFraction(value, prior decimal.Decimal) (Fraction, bool) {
	if prior.Sign() <= 0 {
		return Fraction{}, false
	}
	return Fraction{value.Sub(prior), prior}, true
}

// TargetCompletion is 完成全年目标: value ÷ target; ok is false for a target
// of zero or less.
func TargetCompletion(value, target decimal.Decimal) (Fraction, bool) {
	if target.Sign() <= 0 {
		return Fraction{}, false
	}
	return Fraction{value, target}, true
}

// YearProgress is 序时进度: Elapsed of Length units of the year gone, months
// of 12 or days of 365 or 366.
type YearProgress struct{ Elapsed, Length int }

// MonthsProgress is the months gone to the end of month (1–12): October is
// 10 ÷ 12, 83.3%.
func MonthsProgress(month int) YearProgress { return YearProgress{month, 12} }

// DaysProgress is the days gone to the end of month of year over the days in
// the year, as some offices reckon it: to 31 October 2017, 304 ÷ 365; in the
// leap year 2016, 305 ÷ 366.
func DaysProgress(year, month int) YearProgress {
	days := 0
	for m := 1; m <= month; m++ {
		days += daysIn(year, m)
	}
	length := 365
	if daysIn(year, 2) == 29 {
		length = 366
	}
	return YearProgress{days, length}
}

// Fraction is the share of the year gone.
func (p YearProgress) Fraction() Fraction {
	return Fraction{decimal.NewFromInt(int64(p.Elapsed)), decimal.NewFromInt(int64(p.Length))}
}

// TargetLead is 超(欠)序时进度: completion − time progress, one fraction,
// (value·length − target·elapsed) ÷ (target·length), so that it is exact
// and never the difference of two rounded percentages; ok is false for a
// target of zero or less.
func TargetLead(value, target decimal.Decimal, p YearProgress) (Fraction, bool) {
	if target.Sign() <= 0 {
		return Fraction{}, false
	}
	length, elapsed := decimal.NewFromInt(int64(p.Length)), decimal.NewFromInt(int64(p.Elapsed))
	return Fraction{value.Mul(length).Sub(target.Mul(elapsed)), target.Mul(length)}, true
}

// TargetFigures are what one row of the table is judged on: a level
// target, a growth target, or both, each present when OK.
type TargetFigures struct {
	Completion  Opt[Fraction] // value ÷ a level target above zero
	Lead        Opt[Fraction] // completion − time progress
	Growth      Opt[Fraction] // growth on last year, computed or given
	TargetPct   Maybe         // the growth target, in percent
	LowerBetter bool          // energy use, incidence: lower is better
}

// TargetStatus judges a row, exactly. A level target gives "done" once
// completion reaches 100%, else "ahead" when completion is at or beyond
// time progress, else "behind". A growth target alone gives "met" when
// growth reaches it, else "below". Where lower is better the comparisons
// invert: a level target is a ceiling, "ahead" while completion stays at
// or within time progress and "behind" beyond it (never "done": a ceiling
// holds only when the year is over); a growth target is "met" when growth
// is at or under it. Without a target, or without the figure to judge it
// by, there is no status ("").
func TargetStatus(f TargetFigures) string {
	invert := func(c int) int {
		if f.LowerBetter {
			return -c
		}
		return c
	}
	zero := Fraction{decimal.Decimal{}, one}
	switch {
	case f.Completion.OK && !f.LowerBetter && f.Completion.V.Cmp(Fraction{one, one}) >= 0:
		return "done"
	case f.Lead.OK && invert(f.Lead.V.Cmp(zero)) >= 0:
		return "ahead"
	case f.Lead.OK:
		return "behind"
	case f.Completion.OK || !f.TargetPct.OK || !f.Growth.OK:
		return ""
	case invert(f.Growth.V.Cmp(PercentFraction(f.TargetPct.V))) >= 0:
		return "met"
	}
	return "below"
}
