package calc

import (
	"errors"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

// twoArg is a case of a function of two decimals that may have no answer.
type twoArg struct {
	a, b string
	want string // see matches: "" missing, "~x" rounded, else exact
	why  string // the hand arithmetic
}

// The quotients of growth.go: one table per function, each case with its
// hand arithmetic.
func TestQuotients(t *testing.T) {
	for _, f := range []struct {
		name  string
		fn    func(a, b decimal.Decimal) (decimal.Decimal, bool)
		cases []twoArg
	}{
		{"GrowthRate", GrowthRate, []twoArg{
			{"120", "100", "20", "(120−100)/100×100"},
			{"90", "100", "-10", "(90−100)/100×100"},
			{"100", "100", "0", "no change"},
			{"0", "100", "-100", "(0−100)/100×100"},
			{"-5", "10", "-150", "(−5−10)/10×100"},
			{"120.2", "91.27", "~31.7", "12020/91.27 − 100 = 31.697…"},
			{"4", "3", "~33.3333333333", "1/3×100 = 33.33…"},
			{"5", "0", "", "zero base: no rate"},
			{"5", "-10", "", "negative base (扭亏为盈): no rate"},
		}},
		{"Contribution", Contribution, []twoArg{
			{"6", "100", "6", "6/100×100 pp"},
			{"-3", "50", "-6", "−3/50×100 pp"},
			{"0", "50", "0", "no change, no pull"},
			{"1", "3", "~33.33", "1/3×100"},
			{"5", "0", "", "zero whole"},
			{"5", "-1", "", "negative whole"},
		}},
		{"ContributionShare", ContributionShare, []twoArg{
			{"6", "20", "30", "6/20×100"},
			{"14", "20", "70", "14/20×100"},
			{"-2", "-4", "50", "half of a fall"},
			{"3", "-2", "-150", "a part rose while the whole fell"},
			{"5", "0", "", "the whole did not change"},
		}},
		{"Percent (a share)", Percent, []twoArg{
			{"66", "120", "55", "66/120×100"},
			{"3.09", "3.8", "~81.3", "3.09/3.8×100 = 81.315…, the report's six-campaign share"},
			{"1", "3", "~33.3333", "1/3×100"},
			{"0", "5", "0", "0/5"},
			{"1", "0", "", "empty whole"},
		}},
		{"TwoYearAverage", TwoYearAverage, []twoArg{
			{"121", "100", "10", "√1.21 = 1.1 exactly"},
			{"144", "100", "20", "√1.44 = 1.2"},
			{"81", "100", "-10", "√0.81 = 0.9"},
			{"100", "100", "0", "√1 = 1"},
			{"0", "100", "-100", "√0 = 0"},
			{"200", "100", "~41.42135623730950488", "√2 = 1.41421356237309504880…"},
			{"121", "0", "", "zero base"},
			{"121", "-1", "", "negative base"},
			{"-1", "100", "", "negative current: no real root"},
		}},
		{"Ratio", Ratio, []twoArg{
			{"1", "4", "0.25", "exact"},
			{"1", "3", "0.3333333333333333333333333333", "28 places"},
			{"2", "3", "0.6666666666666666666666666667", "28 places, rounded half-up"},
			{"1", "0", "", "zero divisor"},
		}},
		{"Percent", Percent, []twoArg{
			{"1", "8", "12.5", "1/8×100"},
			{"10", "12", "~83.3", "time progress in October: 10/12×100"},
			{"1", "0", "", "zero whole"},
		}},
	} {
		for _, c := range f.cases {
			got, ok := f.fn(dec(c.a), dec(c.b))
			checkFigure(t, f.name+"("+c.a+", "+c.b+") ["+c.why+"]", got, ok, c.want)
		}
	}
}

func TestAnnualizedGrowth(t *testing.T) {
	for _, c := range []struct {
		first, last, years string
		want               string
		why                string
	}{
		{"100", "121", "2", "10", "1.21^(1/2) = 1.1"},
		{"100", "133.1", "3", "10", "1.331^(1/3) = 1.1"},
		{"100", "150", "1", "50", "one year: exact ratio, no root"},
		{"100", "115", "1", "15", "one year"},
		{"100", "200", "0.5", "300", "2^2 = 4"},
		{"100", "114.811225", "2", "7.15", "1.0715² = 1.14811225: a tie that must print as 7.2, not 7.1"},
		{"100", "200", "2", "~41.42135623730950488", "√2 = 1.41421356237309504880…"},
		{"100", "200", "1.5", "~58.74010519681994748", "2^(2/3) = 1.58740105196819947475…"},
		{"100", "0", "2", "-100", "everything lost"},
		{"0", "121", "2", "", "zero first value"},
		{"-1", "121", "2", "", "negative first value"},
		{"100", "-1", "2", "", "negative last value"},
		{"100", "121", "0", "", "no time"},
		{"100", "121", "-1", "", "negative time"},
	} {
		got, ok := AnnualizedGrowth(dec(c.first), dec(c.last), dec(c.years).Rat())
		checkFigure(t, "AnnualizedGrowth("+c.first+", "+c.last+", "+c.years+") ["+c.why+"]", got, ok, c.want)
	}
	if got, _ := AnnualizedGrowth(dec("100"), dec("114.811225"), big.NewRat(2, 1)); got.StringFixed(1) != "7.2" {
		t.Errorf("7.15 printed to one place = %s, want 7.2 (half-up)", got.StringFixed(1))
	}
}

func TestImpliedBase(t *testing.T) {
	for _, c := range []struct {
		value, rate    string
		base, increase string
		why            string
	}{
		// The reference report: Jan–Oct industrial output 120.2 亿元 +31.7%,
		// value added 24.3 亿元 +13.1%.
		{"120.2", "31.7", "~91.27", "~28.93", "120.2×100/131.7 = 91.2680…; 120.2 − 91.2680… = 28.9319…"},
		{"24.3", "13.1", "~21.49", "~2.81", "24.3×100/113.1 = 21.4854…; 24.3 − 21.4854… = 2.8145…"},
		{"110", "10", "100", "10", "110/1.1"},
		{"90", "-10", "100", "-10", "90/0.9"},
		{"1", "-99.9", "1000", "-999", "1/0.001"},
		{"0", "5", "0", "0", "nothing now, nothing before"},
	} {
		base, inc, err := ImpliedBase(dec(c.value), dec(c.rate))
		what := "ImpliedBase(" + c.value + ", " + c.rate + ") [" + c.why + "]"
		if err != nil {
			t.Errorf("%s: %v", what, err)
			continue
		}
		checkFigure(t, what+" base", base, true, c.base)
		checkFigure(t, what+" increase", inc, true, c.increase)
		if !base.Add(inc).Equal(dec(c.value)) {
			t.Errorf("%s: base + increase = %s, want the value exactly", what, base.Add(inc))
		}
	}
	for _, rate := range []string{"-100", "-100.5", "-250"} {
		if _, _, err := ImpliedBase(dec("10"), dec(rate)); !errors.Is(err, ErrRateTooLow) {
			t.Errorf("ImpliedBase(10, %s): err %v, want ErrRateTooLow", rate, err)
		}
	}
}
