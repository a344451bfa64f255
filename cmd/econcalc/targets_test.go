package main

import "testing"

// TestYTDHeader: the value column found by its year-to-date header, and the
// year and months it names, which must be the table's period.
func TestYTDHeader(t *testing.T) {
	for _, c := range []struct {
		header       string
		year, months int // months 0 when it is no year-to-date header
	}{
		{"1-10月累计", 0, 10},
		{"1-10月", 0, 10},
		{"2017年1-10月", 2017, 10},
		{"2016年1-10月", 2016, 10},
		{"2017年1月-10月", 2017, 10},
		{"1至9月累计(亿元)", 0, 9},
		{"1—12月累计（万元）", 0, 12},
		{"1～2月份累计", 0, 2},
		{"１－１０月累计", 0, 10},
		{"1-10月止累计", 0, 10},
		{"截至10月累计", 0, 10},
		{"截至10月底", 0, 10},
		{"前三季度累计", 0, 9},
		{"2017年前三季度", 2017, 9},
		{"上半年累计（亿元）", 0, 6},
		{"10月", 0, 0},
		{"本年累计", 0, 0},
		{"前三季度增速", 0, 0},
		{"三季度", 0, 0},
		{"累计", 0, 0},
		{"上年1-10月", 0, 0},
		{"1-10月增速", 0, 0},
	} {
		year, months, ok := ytdSpan(c.header)
		if ok != (c.months > 0) || year != c.year || months != c.months {
			t.Errorf("%q: year %d, months %d (%v), want %d, %d", c.header, year, months, ok, c.year, c.months)
		}
	}
}
