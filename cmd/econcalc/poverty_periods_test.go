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
		// this period's: named, not before any other
		{"本年工资性收入", "本年", 0, 0},
		{"报告期工资性收入", "报告期", 0, 0},
		{"本期工资性收入", "本期", 0, 0},
		// periods in words before the table's, as 上年
		{"基期工资性收入", "基期", 0, 1},
		{"工资性收入_上期", "上期", 0, 1},
		{"工资性收入同期", "同期", 0, 1},
		{"工资性收入（含上期结转）", "", 0, 0},
		{"工资性收入比上期", "", 0, 0},
		{"工资性收入（按基期价格）", "", 0, 0},
	} {
		p := incomePeriodOf(c.header)
		if p.label != c.label || p.year != c.year || p.back != c.back {
			t.Errorf("incomePeriodOf(%q) = %q %d back %d, want %q %d back %d", c.header, p.label, p.year, p.back, c.label, c.year, c.back)
		}
	}
}

// The start and the end of a period, and the stem the words naming a
// period leave: two counted columns of one stem are one income twice;
// months, quarters and halves stay in the stem, being parts of a year.
func TestIncomePeriodPointAndStem(t *testing.T) {
	for _, c := range []struct {
		header string
		label  string
		point  int
		stem   string
	}{
		{"期初工资性收入", "期初", -1, "工资性收入"},
		{"工资性收入（期末）", "期末", 1, "工资性收入"},
		{"年初工资性收入", "年初", -1, "工资性收入"},
		{"2017年末工资性收入", "2017年末", 1, "工资性收入"},
		{"２０１７年底工资性收入", "2017年底", 1, "工资性收入"},
		{"上期末工资性收入", "上期末", 1, "工资性收入"},
		{"本期末工资性收入", "本期末", 1, "工资性收入"},
		{"上年同期工资性收入", "上年", 0, "工资性收入"},
		{"工资性收入_2016", "2016", 0, "工资性收入"},
		{"人均纯收入（2016年）", "2016年", 0, "人均纯收入"},
		{"16年人均纯收入", "16年", 0, "人均纯收入"},
		{"二〇一六年人均纯收入", "二〇一六年", 0, "人均纯收入"},
		{"当年工资性收入", "当年", 0, "工资性收入"},
		{"工资性收入", "", 0, "工资性收入"},
		// parts of a year keep what tells them apart
		{"上半年工资性收入", "", 0, "上半年工资性收入"},
		{"下半年工资性收入", "", 0, "下半年工资性收入"},
		{"上半年末工资性收入", "", 0, "上半年末工资性收入"},
		{"2017年1-6月工资性收入", "2017年1-6月", 0, "1-6月工资性收入"},
		{"一季度工资性收入", "", 0, "一季度工资性收入"},
		{"工资性收入2000元以上", "", 0, "工资性收入2000元以上"},
		{"近10年工资性收入", "", 0, "近10年工资性收入"},
	} {
		p := incomePeriodOf(c.header)
		if p.label != c.label || p.point != c.point || p.stem != c.stem {
			t.Errorf("incomePeriodOf(%q) = %q point %d stem %q, want %q point %d stem %q", c.header, p.label, p.point, p.stem, c.label, c.point, c.stem)
		}
	}
}
