package main

import "testing"

// TestNamedPeriod: every way a header names its figures' period, read the
// same for invest and targets.
func TestNamedPeriod(t *testing.T) {
	for _, c := range []struct {
		header string
		want   periodNamed
		ok     bool
	}{
		{"累计完成（1-9月）", periodNamed{label: "1-9月", months: 9}, true},
		{"累计完成（截至9月）", periodNamed{label: "截至9月", months: 9}, true},
		{"2016年1-10月累计完成", periodNamed{label: "2016年1-10月", year: 2016, months: 10}, true},
		{"累计完成（2016年）", periodNamed{label: "2016年", year: 2016}, true},
		{"2016年完成投资", periodNamed{label: "2016年", year: 2016}, true},
		{"累计完成（9月底）", periodNamed{label: "9月底", months: 9}, true},
		{"累计完成（9月末）", periodNamed{label: "9月末", months: 9}, true},
		{"累计(9月止)", periodNamed{label: "9月止", months: 9}, true},
		{"9月止累计完成", periodNamed{label: "9月止", months: 9}, true},
		{"完成投资（9月）", periodNamed{label: "9月", months: 9}, true},
		{"本年累计（九月）", periodNamed{label: "九月", months: 9}, true},
		{"累计完成（2017年10月底）", periodNamed{label: "2017年10月底", year: 2017, months: 10}, true},
		{"累计完成（三季度）", periodNamed{label: "三季度", months: 9}, true},
		{"累计（1-3季度）", periodNamed{label: "1-3季度", months: 9}, true},
		{"1季度累计", periodNamed{label: "1季度", months: 3}, true},
		{"第二季度", periodNamed{label: "第二季度", months: 6}, true},
		{"前三季度累计", periodNamed{label: "前三季度", months: 9}, true},
		{"3-9月", periodNamed{label: "3-9月", months: -1}, true},
		{"累计完成（上年同期）", periodNamed{label: "上年", lastYear: true}, true},
		{"上年完成投资", periodNamed{label: "上年", lastYear: true}, true},
		{"去年同期（9月末）", periodNamed{label: "9月末", months: 9, lastYear: true}, true},
		{"上年同期（2015年）", periodNamed{label: "2015年", year: 2015}, true},
		{"全年目标（2016）", periodNamed{label: "(2016)", year: 2016}, true},
		{"１０月底累计", periodNamed{label: "10月底", months: 10}, true},
		{"累计完成", periodNamed{}, false},
		{"累计完成（万元）", periodNamed{}, false},
		{"本月止累计", periodNamed{}, false},
		{"年度计划", periodNamed{}, false},
		{"上半年", periodNamed{label: "上半年", months: 6}, true},
		{"累计完成（不含上年结转）", periodNamed{}, false},
		{"累计（含上年结转）", periodNamed{}, false},
		{"上年累计", periodNamed{label: "上年", lastYear: true}, true},
		{"累计完成（2-3季度）", periodNamed{label: "2-3季度", months: -1}, true},
		{"累计（二至三季度）", periodNamed{label: "二至三季度", months: -1}, true},
		{"累计（二、三季度）", periodNamed{label: "二、三季度", months: -1}, true},
		{"累计（一至三季度）", periodNamed{label: "一至三季度", months: 9}, true},
		{"累计（一、二季度）", periodNamed{label: "一、二季度", months: 6}, true},
		{"累计完成（2017-09）", periodNamed{label: "2017-09", year: 2017, months: 9}, true},
		{"累计（2017.09）", periodNamed{label: "2017.09", year: 2017, months: 9}, true},
		{"累计（2016/10）", periodNamed{label: "2016/10", year: 2016, months: 10}, true},
		// a day names the months to its end, as 2017年9月30日 does
		{"累计完成（2017.09.30）", periodNamed{label: "2017.09.30", year: 2017, months: 9}, true},
		{"累计完成（2017年9月30日）", periodNamed{label: "2017年9月", year: 2017, months: 9}, true},
		{"累计（2016.10.31）", periodNamed{label: "2016.10.31", year: 2016, months: 10}, true},
		{"累计（截至2017-10-31）", periodNamed{label: "2017-10-31", year: 2017, months: 10}, true},
		{"累计（2017/9/30）", periodNamed{label: "2017/9/30", year: 2017, months: 9}, true},
		{"累计（2017.1.10）", periodNamed{label: "2017.1.10", year: 2017, months: 1}, true},
		{"累计（2017.10.31，万元）", periodNamed{label: "2017.10.31", year: 2017, months: 10}, true},
		// a range from January 1 (or January) to a day (or a month) is the
		// months to its end; from a later month it is no year to date
		{"累计完成（2017.1.1-2017.9.30）", periodNamed{label: "2017.1.1-2017.9.30", year: 2017, months: 9}, true},
		{"累计完成（2017.01.01至2017.09.30）", periodNamed{label: "2017.01.01至2017.09.30", year: 2017, months: 9}, true},
		{"累计完成（2017.01.01—2017.10.31）", periodNamed{label: "2017.01.01—2017.10.31", year: 2017, months: 10}, true},
		{"累计完成（2017年1月1日-9月30日）", periodNamed{label: "2017年1月1日-9月30日", year: 2017, months: 9}, true},
		{"累计完成（2017.1-2017.9）", periodNamed{label: "2017.1-2017.9", year: 2017, months: 9}, true},
		{"累计完成（2017-01-01-2017-09-30）", periodNamed{label: "2017-01-01-2017-09-30", year: 2017, months: 9}, true},
		{"累计完成（20170101-20170930）", periodNamed{label: "20170101-20170930", year: 2017, months: 9}, true},
		{"累计完成（2017.1.1-9.30，万元）", periodNamed{label: "2017.1.1-9.30", year: 2017, months: 9}, true},
		{"累计完成（1月1日至9月30日）", periodNamed{label: "1月1日至9月30日", months: 9}, true},
		{"累计完成（２０１７．１．１－２０１７．９．３０）", periodNamed{label: "2017.1.1-2017.9.30", year: 2017, months: 9}, true},
		{"累计完成（2017.7.1-2017.9.30）", periodNamed{label: "2017.7.1-2017.9.30", year: 2017, months: notFromJanuary}, true},
		{"累计完成（2017年7月1日-9月30日）", periodNamed{label: "2017年7月1日-9月30日", year: 2017, months: notFromJanuary}, true},
		{"累计完成（2017.1.5-2017.9.30）", periodNamed{label: "2017.1.5-2017.9.30", year: 2017, months: notFromNewYear}, true},
		{"累计完成（2016.1.1-2017.9.30）", periodNamed{label: "2016.1.1-2017.9.30", year: 2017, months: notFromNewYear}, true},
		{"累计（2016.1.1-2016.10.31）", periodNamed{label: "2016.1.1-2016.10.31", year: 2016, months: 10}, true},
		// a day in eight digits
		{"累计完成（20170930）", periodNamed{label: "20170930", year: 2017, months: 9}, true},
		{"累计完成（20171331）", periodNamed{}, false},
		{"项目编号123456789", periodNamed{}, false},
	} {
		got, ok := namedPeriod(c.header)
		if got != c.want || ok != c.ok {
			t.Errorf("namedPeriod(%q) = %+v, %v; want %+v, %v", c.header, got, ok, c.want, c.ok)
		}
	}
}
