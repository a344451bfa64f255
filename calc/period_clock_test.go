package calc

import "testing"

// TestPeriodForms: forms spreadsheets write that name a month all the
// same: a date with a time of day (Excel's CSV writes 2017/10/31 0:00),
// a year-to-date span with 累计 after it, a range joined by U+2010; and
// their near misses, which are refused.
func TestPeriodForms(t *testing.T) {
	for _, c := range []struct {
		label string
		want  string
		ytd   bool
	}{
		{"2017/10/31 0:00", "2017-10", false},
		{"2017-10-31 00:00:00", "2017-10", false},
		{"2017-10-31 14:30:05.5", "2017-10", false},
		{"2017-10-31T00:00", "2017-10", false},
		{"2016年1-10月累计", "2016-10", true},
		{"2016年1‐10月", "2016-10", true},
		{"2016年1−10月份", "2016-10", true},
	} {
		p, ytd, err := ParsePeriod(c.label)
		if err != nil || p.String() != c.want || ytd != c.ytd {
			t.Errorf("ParsePeriod(%q) = %v, %v, %v; want %s, %v", c.label, p, ytd, err, c.want, c.ytd)
		}
	}
	for _, label := range []string{"2017-10-31 25:00", "2017-10-31 0:60", "2017-10-31 noon", "2017-02-30 0:00", "2016年10月累计", "2017-10-31 0:00:"} {
		if p, _, err := ParsePeriod(label); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", label, p)
		}
	}
}
