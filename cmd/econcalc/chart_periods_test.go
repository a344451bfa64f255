package main

import (
	"testing"

	"econcalc/calc"
)

// TestReadPeriodBack: every label a growth table prints for a period, its
// key or its span in either language, is read back as that period, so the
// chart can order it by the calendar and name it as the table does.
func TestReadPeriodBack(t *testing.T) {
	for _, f := range []calc.Frequency{calc.Monthly, calc.Quarterly, calc.Annual} {
		for sub := 1; sub <= f.PerYear(); sub++ {
			p := calc.MakePeriod(2017, f, sub)
			for _, zh := range []bool{false, true} {
				for _, label := range []string{p.String(), p.SpanLabel(zh)} {
					got, ok := readPeriod(label, zh)
					if !ok || got.Index() != p.Index() || got.Freq != p.Freq {
						t.Errorf("%q (zh %v): %v %v, want %v", label, zh, got, ok, p)
					}
				}
			}
		}
	}
	// 2017年1-10月 sorts before 2017年1-2月 as text; by the calendar, after.
	ps := []chartPeriod{}
	for _, l := range []string{"2017年1-10月", "2017年1-2月", "2016年1-4月"} {
		p, _ := readPeriod(l, true)
		ps = append(ps, chartPeriod{label: l, at: p.Index(), known: true})
	}
	if got := sortPeriods(ps); got[0] != "2016年1-4月" || got[1] != "2017年1-2月" || got[2] != "2017年1-10月" {
		t.Errorf("sorted %q", got)
	}
}
