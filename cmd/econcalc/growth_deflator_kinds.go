package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// indexKind is what an index column's header says its index is: as a value
// column's header says (headerKind: 累计 year-to-date, 当月 or 本月 a
// month's own, 当季 a quarter's), and, where that says nothing, as its base
// does: 上年同月=100 is a month's own index, 上年同季=100 a quarter's
// (上年同期=100 says neither).
func indexKind(header string) seriesKind {
	if k := headerKind(header); k != byLabels {
		return k
	}
	said, _, _ := indexBaseSaid(header)
	switch {
	case strings.Contains(said, "同月"):
		return ownMonth
	case strings.Contains(said, "同季"):
		return ownQuarter
	}
	return byLabels
}

// ytdHint says where the year-to-date index goes.
const ytdHint = "give the year-to-date (累计) index: a column 累计价格指数, or 价格指数 beside labels such as 2017年1-10月"

// ownWord is the word for a kind of own index.
func ownWord(k seriesKind) string {
	switch k {
	case ownQuarter:
		return "当季"
	case ownPeriod:
		return "当期"
	}
	return "当月"
}

// singleLabel refuses, for year-to-date data of frequency freq, an index
// label (p, ranged as calc.ParsePeriod read it) of a single month or
// quarter other than the first, under a header that does not say 累计: it
// may be that period's own index, as such a label beside year-to-date
// labels is refused in the data.
func singleLabel(rec *input.Row, col int, header string, p calc.Period, ranged bool, freq calc.Frequency) error {
	if ranged || p.Freq != freq || p.Sub == 1 || (freq != calc.Monthly && freq != calc.Quarterly) {
		return nil
	}
	unit, own, label := "month", "当月", fmt.Sprintf("%d年1-%d月", p.Year, p.Sub)
	if freq == calc.Quarterly {
		unit, own, label = "quarter", "当季", fmt.Sprintf("%d年1-%d季度", p.Year, p.Sub)
	}
	return rec.Errorf(col, "%q is a single %s, and %q beside it may be that %s's own index (%s), which does not deflate the year-to-date figures: give the year-to-date (累计) index, labelled %s or in a column 累计价格指数",
		rec.Text(col), unit, header, unit, own, label)
}

// febSpan is the span of an index labelled February, read for a series of
// each month's own figures: 2017年2月 is February's alone, 2017年1-2月 the
// two months together, and each deflates only a figure of its span.
type febSpan struct {
	label, at string
	alone     bool
}

// splitFeb gives the indexes of a series of each period's own figures (one
// column, index): those of February labelled alone deflate February's own
// figure only (d.period), those labelled 1–2月 the figure of the two months
// together only (d.index, which a 1–2月 row takes).
func (d *deflator) splitFeb(spans map[deflatorKey]febSpan) {
	d.period = d.index
	if len(spans) == 0 {
		return
	}
	d.period = maps.Clone(d.index)
	d.febSpan = spans
	for k, s := range spans {
		if s.alone {
			delete(d.index, k)
		} else {
			delete(d.period, k)
		}
	}
}

// noteFeb records a February whose index is of the other span than its
// figure, for the warning; name is its group and period.
func (d *deflator) noteFeb(k deflatorKey, name string) bool {
	s, ok := d.febSpan[k]
	if !ok {
		return false
	}
	if d.febNotes == nil {
		d.febNotes = map[string]febSpan{}
	}
	d.febNotes[name] = s
	return true
}

// warnNotes says why real figures are left empty other than for want of an
// index: the index deflates the single periods only, or a February's index
// is of the other span than its figure.
func (d *deflator) warnNotes(e *env) {
	if d.note != "" {
		e.warnf("%s", d.note)
	}
	for _, name := range slices.Sorted(maps.Keys(d.febNotes)) {
		s := d.febNotes[name]
		if s.alone {
			e.warnf("%s: the figure is January's and February's together (1–2月), but its index, %q at %s, is February's alone: real growth there is left empty; give the 1–2月 index", name, s.label, s.at)
		} else {
			e.warnf("%s: the figure is February's alone, but its index, %q at %s, is January's and February's together (1–2月): real growth there is left empty; give February's own index", name, s.label, s.at)
		}
	}
}

// periodOnly makes the index deflate the single periods' values only
// (real_period_yoy_pct): it is each period's own (what), and the
// year-to-date figures are left without an index, with a warning (hint:
// where the year-to-date index goes).
func (d *deflator) periodOnly(what, hint string) {
	d.period, d.index = d.index, nil
	d.note = what + " is each period's own index (当月): it deflates each single period's value (real_period_yoy_pct) only, not the year-to-date figures, whose real growth (real_yoy_pct) is left empty; " + hint
}
