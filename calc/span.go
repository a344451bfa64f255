package calc

import "fmt"

// A year-to-date figure runs from the start of the year to its period: the
// 2017-10 of a cumulative series is January to October. Span and SpanLabel
// name it so, where Period.String would read as October alone.

// Span is the months or quarters a year-to-date period covers: 1-10, Q1-Q3;
// 1 and Q1 for the first; "" for a year.
func (p Period) Span() string {
	switch {
	case p.Freq == Monthly && p.Sub == 1:
		return "1"
	case p.Freq == Monthly:
		return fmt.Sprintf("1-%d", p.Sub)
	case p.Freq == Quarterly && p.Sub == 1:
		return "Q1"
	case p.Freq == Quarterly:
		return fmt.Sprintf("Q1-Q%d", p.Sub)
	}
	return ""
}

var (
	monthAbbr  = [13]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	zhQuarters = [5]string{"", "一季度", "上半年", "前三季度", "全年"}
)

// SpanLabel names a year-to-date period as a report prints it: 2017年1-10月,
// 2017年前三季度 (zh); 2017 Jan-Oct, 2017 Q1-Q3 (en). A year is its number.
func (p Period) SpanLabel(zh bool) string {
	switch {
	case p.Freq == Monthly && zh && p.Sub == 1:
		return fmt.Sprintf("%d年1月", p.Year)
	case p.Freq == Monthly && zh:
		return fmt.Sprintf("%d年1-%d月", p.Year, p.Sub)
	case p.Freq == Monthly && p.Sub == 1:
		return fmt.Sprintf("%d Jan", p.Year)
	case p.Freq == Monthly:
		return fmt.Sprintf("%d Jan-%s", p.Year, monthAbbr[p.Sub])
	case p.Freq == Quarterly && zh:
		return fmt.Sprintf("%d年%s", p.Year, zhQuarters[p.Sub])
	case p.Freq == Quarterly:
		return fmt.Sprintf("%d %s", p.Year, p.Span())
	}
	return fmt.Sprintf("%d", p.Year)
}
