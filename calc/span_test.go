package calc

import "testing"

func TestSpanNamesYearToDate(t *testing.T) {
	for _, c := range []struct {
		p            Period
		span, en, zh string
	}{
		{Period{2017, Monthly, 10}, "1-10", "2017 Jan-Oct", "2017年1-10月"},
		{Period{2017, Monthly, 2}, "1-2", "2017 Jan-Feb", "2017年1-2月"},
		{Period{2017, Monthly, 1}, "1", "2017 Jan", "2017年1月"},
		{Period{2017, Quarterly, 3}, "Q1-Q3", "2017 Q1-Q3", "2017年前三季度"},
		{Period{2017, Quarterly, 2}, "Q1-Q2", "2017 Q1-Q2", "2017年上半年"},
		{Period{2017, Quarterly, 1}, "Q1", "2017 Q1", "2017年一季度"},
		{Period{2017, Quarterly, 4}, "Q1-Q4", "2017 Q1-Q4", "2017年全年"},
		{Period{2017, Annual, 0}, "", "2017", "2017"},
	} {
		if got := c.p.Span(); got != c.span {
			t.Errorf("%v.Span() = %q, want %q", c.p, got, c.span)
		}
		if got := c.p.SpanLabel(false); got != c.en {
			t.Errorf("%v.SpanLabel(en) = %q, want %q", c.p, got, c.en)
		}
		if got := c.p.SpanLabel(true); got != c.zh {
			t.Errorf("%v.SpanLabel(zh) = %q, want %q", c.p, got, c.zh)
		}
		// The label reads back as the same year-to-date period (全年 reads
		// as the year; among quarters a series takes it as 1-4季度).
		if c.p.Freq != Annual && c.p.Sub != 4 {
			if p, ytd, err := ParsePeriod(c.p.SpanLabel(true)); err != nil || p != c.p || !(ytd || c.p.Sub == 1) {
				t.Errorf("ParsePeriod(%q) = %v, %v, %v; want %v", c.p.SpanLabel(true), p, ytd, err, c.p)
			}
		}
	}
}
