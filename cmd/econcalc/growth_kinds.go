package main

import (
	"fmt"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"golang.org/x/text/width"
)

// seriesKind is what a value column's header says its figures are. Bureaus
// print 本月 (this month's own figure) beside 1-10月累计 (January to
// October) in one table, so the period labels and --ytd cannot say it for
// every column: a header that says it decides its own column.
type seriesKind uint8

const (
	byLabels   seriesKind = iota // the header says nothing: the labels and --ytd decide
	cumulative                   // 累计, 1-10月, 年初至今: year-to-date
	ownMonth                     // 当月, 本月: each month's own figure
	ownQuarter                   // 当季, 本季: each quarter's own figure
	ownPeriod                    // 当期: each period's own figure
	periodEnd                    // 本月末, 期末, 开工以来累计: a level at each period's end
)

// headerKind reads a value column's header. 累计 is year-to-date, unless it
// counts from a project's start (开工以来累计, 累计至今, 历年累计), which
// is a level at the period's end, as a 月末 or 期末 balance is: neither is
// differenced. 本月止累计 and 截至本月末累计 are year-to-date, and so is
// "up to this month" without 累计 (本月止, 截至本月, 截止本月, 至本月,
// 截至本月末), unless it names a balance (截至本月末余额). 本期 says
// nothing: completion tables call the year-to-date figure so.
func headerKind(header string) seriesKind {
	h := strings.ToLower(width.Narrow.String(header))
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(h, w) {
				return true
			}
		}
		return false
	}
	_, _, span := headerSpan(header)
	switch {
	case span || has("年初至今", "年初以来", "本年以来", "今年以来", "ytd", "year-to-date", "year to date"):
		return cumulative
	case has("累计"):
		if has("开工", "以来", "至今", "历年", "建成", "成立") {
			return periodEnd
		}
		return cumulative
	case has("本月止", "截至本月", "截止本月", "至本月", "到本月"):
		if has("余额") {
			return periodEnd
		}
		return cumulative
	case has("月末", "月底", "季末", "季底", "期末", "年末", "年底"):
		return periodEnd
	case has("当月", "本月"):
		return ownMonth
	case has("当季", "本季"):
		return ownQuarter
	case has("当期"):
		return ownPeriod
	}
	return byLabels
}

// own reports a kind of each period's own figure: with year-to-date
// series beside it, its figure is also its period value.
func (k seriesKind) own() bool { return k == ownMonth || k == ownQuarter || k == ownPeriod }

// columnSpan is the span a year-to-date header names (1-10月累计,
// 2017年1-9月): every figure under it is of that span.
type columnSpan struct {
	year, months int // year 0: the header names none
	ok           bool
}

func columnSpanOf(header string) columnSpan {
	y, m, ok := headerSpan(header)
	return columnSpan{y, m, ok}
}

// check refuses a figure under the header of a row of another span: 1-10月
// beside a row of 2017年9月 is no figure for September.
func (c columnSpan) check(rec *input.Row, col int, p calc.Period) error {
	end := 12
	switch p.Freq {
	case calc.Monthly:
		end = int(p.Sub)
	case calc.Quarterly:
		end = 3 * int(p.Sub)
	}
	if !c.ok || end == c.months && (c.year == 0 || c.year == int(p.Year)) {
		return nil
	}
	says := fmt.Sprintf("1-%d月", c.months)
	if c.year != 0 {
		says = fmt.Sprintf("%d年%s", c.year, says)
	}
	return rec.Errorf(col, "a figure for %s, but the header says its figures are of %s: give each span a column of its own, or a header that names no months (累计)", p, says)
}

// seriesYTD is, for each value column but the price index, whether its
// figures are year-to-date: as its header says, or, where it says nothing,
// as the labels or --ytd say (labels).
func (l *growthLayout) seriesYTD(labels bool) []bool {
	n := len(l.values)
	if l.price >= 0 {
		n = l.price
	}
	ytd := make([]bool, n)
	for s := range ytd {
		ytd[s] = l.kinds[s] == cumulative || l.kinds[s] == byLabels && labels
	}
	return ytd
}

// declared reports that every value column's header says what its figures
// are, so that no label needs to say it.
func (l *growthLayout) declared() bool {
	n := 0
	for s, k := range l.kinds {
		switch {
		case s == l.price:
		case k == byLabels:
			return false
		default:
			n++
		}
	}
	return n > 0
}

// anyTrue reports some true.
func anyTrue(xs []bool) bool {
	for _, x := range xs {
		if x {
			return true
		}
	}
	return false
}

// checkKinds, once the frequency is known, refuses a column of a month's
// own figures in data of quarters or years (and of a quarter's in data of
// months or years), and growth at comparable prices across columns that
// are not all year-to-date or all not (an index serves one kind), and says
// how each column whose header decides it is read.
func checkKinds(e *env, in *input.Source, l growthLayout, freq calc.Frequency, labels bool, ytd []bool, real bool) error {
	for s, k := range l.kinds[:len(ytd)] {
		name := in.Header[l.values[s]]
		if (k == ownMonth && freq != calc.Monthly) || (k == ownQuarter && freq != calc.Quarterly) {
			unit := map[seriesKind]string{ownMonth: "month", ownQuarter: "quarter"}[k]
			return in.HeaderError(name, fmt.Sprintf("says each %s's own figure, but the periods are %s: a %s's figure needs %s periods",
				unit, freq, unit, map[seriesKind]string{ownMonth: "monthly", ownQuarter: "quarterly"}[k]))
		}
		if real && ytd[s] != ytd[0] {
			// The data are sound; the options ask for what one run cannot
			// give: bad usage.
			return usagef("%q is %s beside %q, %s: growth at comparable prices (--deflator, --price-col) reads one kind of price index for all, so give them apart (--value-col)",
				name, yearToDate(ytd[s]), in.Header[l.values[0]], yearToDate(ytd[0]))
		}
	}
	if !anyTrue(ytd) {
		if labels {
			for s := range ytd {
				e.notef("%s: %s, as its header says; not year-to-date", in.Header[l.values[s]], kindWords(l.kinds[s]))
			}
		}
		return nil
	}
	for s, k := range l.kinds[:len(ytd)] {
		name := in.Header[l.values[s]]
		switch {
		case k == cumulative && !labels:
			e.notef("%s: year-to-date (累计), as its header says", name)
		case k != byLabels && k != cumulative:
			e.notef("%s: %s, as its header says; not year-to-date", name, kindWords(k))
		case k == byLabels && !labels:
			e.notef("%s: read as it stands, not year-to-date: its header does not say 累计 (--ytd reads it as year-to-date)", name)
		}
	}
	return nil
}

func yearToDate(ytd bool) string {
	if ytd {
		return "year-to-date"
	}
	return "not year-to-date"
}

// kindWords says what a kind of column holds.
func kindWords(k seriesKind) string {
	switch k {
	case ownMonth:
		return "each month's own figure (当月)"
	case ownQuarter:
		return "each quarter's own figure (当季)"
	case ownPeriod:
		return "each period's own figure (当期)"
	}
	return "a level at each period's end"
}

// ownPeriodValues gives the rows of a series of each period's own figures,
// printed beside year-to-date series, their figures as period values too:
// October's own figure is October's period value.
func ownPeriodValues[N growthAmount[N]](rows []calc.RowOf[N]) {
	for i := range rows {
		rows[i].PeriodValue, rows[i].PeriodYoYPct = rows[i].Value, rows[i].YoYPct
	}
}
