package main

import "testing"

// TestHeaderKind: what a value column's header says its figures are, the
// words that only look alike included.
func TestHeaderKind(t *testing.T) {
	for _, c := range []struct {
		header string
		want   seriesKind
	}{
		{"产值", byLabels},
		{"本期（万元）", byLabels}, // completion tables' year-to-date figure
		{"增加值", byLabels},
		{"累计（亿元）", cumulative},
		{"累计完成投资", cumulative},
		{"1-10月累计", cumulative},
		{"１－１０月", cumulative},
		{"2017年1-9月", cumulative},
		{"累计(截至10月底)", cumulative},
		{"本月止累计", cumulative},
		{"截至本月末累计", cumulative},
		{"年初至今", cumulative},
		{"本年以来累计", cumulative},
		{"前三季度", cumulative},
		{"output YTD", cumulative},
		{"开工以来累计完成投资", periodEnd},
		{"自开工累计", periodEnd},
		{"累计至今", periodEnd},
		{"历年累计", periodEnd},
		{"本月末", periodEnd},
		{"本月末余额（亿元）", periodEnd},
		{"期末余额", periodEnd},
		{"年末常住人口（万人）", periodEnd},
		{"当月（亿元）", ownMonth},
		{"本月", ownMonth},
		{"当月值", ownMonth},
		{"本季度", ownQuarter},
		{"当季", ownQuarter},
		{"当期", ownPeriod},
	} {
		if got := headerKind(c.header); got != c.want {
			t.Errorf("headerKind(%q) = %d, want %d", c.header, got, c.want)
		}
	}
}
