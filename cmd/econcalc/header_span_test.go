package main

import "testing"

// TestHeaderSpan: a year-to-date span anywhere in a header, with its year
// when it names one; months that do not start in January are none.
func TestHeaderSpan(t *testing.T) {
	for _, c := range []struct {
		header       string
		year, months int
		ok           bool
	}{
		{"累计(1-9月)", 0, 9, true},
		{"累计完成（1-9月）", 0, 9, true},
		{"1-9月累计完成", 0, 9, true},
		{"今年1-9月", 0, 9, true},
		{"１-９月累计", 0, 9, true},
		{"2017年1-10月", 2017, 10, true},
		{"完成（2017年1～10月）", 2017, 10, true},
		{"1月至11月", 0, 11, true},
		{"累计完成（截至10月底）", 0, 10, true},
		{"截至2017年10月末", 2017, 10, true},
		{"1-10月止累计", 0, 10, true},
		{"前三季度累计", 0, 9, true},
		{"2017年上半年", 2017, 6, true},
		{"累计完成", 0, 0, false},
		{"11-12月", 0, 0, false},
		{"2017年计划", 0, 0, false},
		{"3-9月", 0, 0, false},
		{"累计完成（截止9月底）", 0, 9, true},
		{"累计完成(一至九月)", 0, 9, true},
		{"累计（一至十一月）", 0, 11, true},
		{"累计完成（至9月底）", 0, 9, true},
		{"累计完成(2017.1-9)", 2017, 9, true},
		{"前一季度累计完成", 0, 0, false},
		{"累计完成（2017年01-09月）", 2017, 9, true},
		{"上年同期（2016.01-09）", 2016, 9, true},
		{"三季度", 0, 0, false},
	} {
		year, months, ok := headerSpan(c.header)
		if year != c.year || months != c.months || ok != c.ok {
			t.Errorf("headerSpan(%q) = %d, %d, %v; want %d, %d, %v", c.header, year, months, ok, c.year, c.months, c.ok)
		}
	}
}
