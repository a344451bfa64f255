package main

import "testing"

// A year is read however it is written: four digits anywhere, not in a
// longer number nor an amount; two digits before 年; Chinese numerals; and
// 前年 as the year before 上年.
func TestIncomePeriodOf(t *testing.T) {
	for _, c := range []struct {
		header string
		label  string
		year   int
		back   int
	}{
		{"2016年人均纯收入", "2016年", 2016, 0},
		{"2016人均纯收入", "2016", 2016, 0},
		{"人均纯收入2016", "2016", 2016, 0},
		{"工资性收入_2016", "2016", 2016, 0},
		{"２０１６人均纯收入", "2016", 2016, 0},
		{"16年人均纯收入", "16年", 2016, 0},
		{"１６年人均纯收入", "16年", 2016, 0},
		{"98年度工资性收入", "98年", 1998, 0},
		{"二〇一六年人均纯收入", "二〇一六年", 2016, 0},
		{"二零一七年人均纯收入", "二零一七年", 2017, 0},
		{"一九九八年工资性收入", "一九九八年", 1998, 0},
		{"上年工资性收入", "上年", 0, 1},
		{"前年工资性收入", "前年", 0, 2},
		{"工资性收入（前年）", "前年", 0, 2},
		{"大前年工资性收入", "大前年", 0, 3},
		// none
		{"工资性收入", "", 0, 0},
		{"含前年结转工资性收入", "", 0, 0},
		{"工资性收入201612", "", 0, 0},
		{"工资性收入2000元以上", "", 0, 0},
		{"工资性收入2000万", "", 0, 0},
		{"近10年工资性收入", "", 0, 0},
		{"第10年工资性收入", "", 0, 0},
		{"1-6月工资性收入", "", 0, 0},
		{"一季度工资性收入", "", 0, 0},
		{"本年工资性收入", "", 0, 0},
	} {
		p := incomePeriodOf(c.header)
		if p.label != c.label || p.year != c.year || p.back != c.back {
			t.Errorf("incomePeriodOf(%q) = %q %d back %d, want %q %d back %d", c.header, p.label, p.year, p.back, c.label, c.year, c.back)
		}
	}
}
