package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

func num(s string) Num { return DecimalNum(decimal.RequireFromString(s)) }

func TestWithinRounding(t *testing.T) {
	for _, c := range []struct {
		exact    string
		reported []string
		want     bool
	}{
		{"230", []string{"230"}, true},
		{"230.5", []string{"230"}, true},   // 230 stands for [229.5, 230.5]
		{"230.51", []string{"230"}, false}, // beyond half a unit
		{"229.5", []string{"230"}, true},
		{"229.49", []string{"230"}, false},
		{"230.54", []string{"230.5"}, true}, // 230.5 stands for [230.45, 230.55]
		{"230.56", []string{"230.5"}, false},
		{"120.2", []string{"120.20"}, true},
		{"120.206", []string{"120.20"}, false}, // 120.20 allows ±0.005
		{"460", []string{"230", "230"}, true},
		{"461", []string{"230", "230"}, true}, // two roundings: ±1
		{"461.01", []string{"230", "230"}, false},
		{"-5", []string{"-5.0"}, true},
		{"-5.06", []string{"-5.0"}, false},
	} {
		var rep []Num
		for _, r := range c.reported {
			rep = append(rep, num(r))
		}
		if got := WithinRounding(num(c.exact), rep...); got != c.want {
			t.Errorf("WithinRounding(%s, %v) = %v, want %v", c.exact, c.reported, got, c.want)
		}
	}
	// Fixed-point amounts keep the places they were written with.
	if !WithinRounding(FixedNum(2305000, 1), FixedNum(2300000, 0)) || WithinRounding(FixedNum(2305100, 2), FixedNum(2300000, 0)) {
		t.Error("fixed-point 230 should stand for [229.5, 230.5]")
	}
}
