package calc

import "github.com/shopspring/decimal"

// Investment against plan (重点项目): completion of the annual plan against
// the share of the year gone (时间进度, 序时进度).

// Completion is 完成率: completed ÷ planned × 100; ok is false for a plan of
// zero or less.
func Completion(completed, planned decimal.Decimal) (pct decimal.Decimal, ok bool) {
	if planned.Sign() <= 0 {
		return decimal.Decimal{}, false
	}
	return Percent(completed, planned)
}

// TimeProgress is 时间进度: months gone ÷ 12 × 100 (October: 83.3).
func TimeProgress(month int) decimal.Decimal {
	p, _ := Percent(decimal.NewFromInt(int64(month)), decimal.NewFromInt(12))
	return p
}

// Lead is 超/落后时序进度 in percentage points: completion − time progress,
// formed as one quotient, (completed × 12 − planned × month) ÷ (planned × 12)
// × 100, so that it is exact and not the difference of two rounded figures.
func Lead(completed, planned decimal.Decimal, month int) (pp decimal.Decimal, ok bool) {
	num, den, ok := LeadRatio(completed, planned, month)
	if !ok {
		return decimal.Decimal{}, false
	}
	return Percent(num, den)
}

// LeadRatio is Lead ÷ 100 undivided, num ÷ den, for a report to divide and
// round once; ok is false for a plan of zero or less.
func LeadRatio(completed, planned decimal.Decimal, month int) (num, den decimal.Decimal, ok bool) {
	lead, ok := TargetLead(completed, planned, MonthsProgress(month))
	return lead.Num, lead.Den, ok
}

// ProjectStatus is "done" when the plan is met, "ahead" when completion is
// at or beyond time progress, else "behind"; compared exactly. Without a
// month (month 0) only "done" is known. A plan of zero or less has none.
func ProjectStatus(completed, planned decimal.Decimal, month int) string {
	switch {
	case planned.Sign() <= 0:
		return ""
	case completed.Cmp(planned) >= 0:
		return "done"
	case month == 0:
		return ""
	case completed.Mul(decimal.NewFromInt(12)).Cmp(planned.Mul(decimal.NewFromInt(int64(month)))) >= 0:
		return "ahead"
	}
	return "behind"
}

// InvestTally sums a group of projects (a category, all of them).
type InvestTally struct {
	Projects, Behind   int
	Planned, Completed decimal.Decimal
}

// Add counts one project, with the status ProjectStatus gave it.
func (t *InvestTally) Add(planned, completed decimal.Decimal, status string) {
	t.Projects++
	t.Planned = t.Planned.Add(planned)
	t.Completed = t.Completed.Add(completed)
	if status == "behind" {
		t.Behind++
	}
}
