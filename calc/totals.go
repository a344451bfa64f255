package calc

import "github.com/shopspring/decimal"

// WithinRounding reports whether figures a table reports (one, or several
// that are added) agree with an exact sum up to their own rounding: half a
// unit of each one's last written digit. A total written 230.5 stands for
// anything from 230.45 to 230.55; one written 230 for 229.5 to 230.5.
func WithinRounding(exact Num, reported ...Num) bool {
	var sum, slack decimal.Decimal
	for _, r := range reported {
		d := r.Decimal()
		sum = sum.Add(d)
		// Half a unit of the last digit written: 170 is 169.5 to 170.5; 3.8
		// 亿元 read in 万元 (38000, exponent 3) is 37500 to 38500.
		slack = slack.Add(decimal.New(5, d.Exponent()-1))
	}
	return sum.Sub(exact.Decimal()).Abs().Cmp(slack) <= 0
}
