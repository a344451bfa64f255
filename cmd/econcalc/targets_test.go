package main

import "testing"

// TestYTDHeader: the value column found by its year-to-date header, and the
// months it names, which must be the table's period.
func TestYTDHeader(t *testing.T) {
	for _, c := range []struct {
		header string
		months string // "" when it is no year-to-date header
	}{
		{"1-10月累计", "10"},
		{"1-10月", "10"},
		{"2017年1-10月", "10"},
		{"1至9月累计(亿元)", "9"},
		{"1—12月累计（万元）", "12"},
		{"1～2月份累计", "2"},
		{"10月", ""},
		{"累计", ""},
		{"上年1-10月", ""},
		{"1-10月增速", ""},
	} {
		m := ytdHeader.FindStringSubmatch(c.header)
		got := ""
		if m != nil {
			got = m[1]
		}
		if got != c.months {
			t.Errorf("%q: months %q, want %q", c.header, got, c.months)
		}
	}
}
