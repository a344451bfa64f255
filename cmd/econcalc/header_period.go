package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"golang.org/x/text/width"
)

// A header may name the period of its figures in many more ways than a
// year-to-date span (headerSpan): a month's end alone (累计完成（9月底）,
// 9月止累计, 本年累计（9月）), a quarter (累计（三季度）, 1-3季度累计), a year
// (累计完成（2016年）, 2016年完成投资), a day, which names the months to its
// end (累计（2017.09.30）, 1-9月, as （2017年9月30日）), or last year
// (上年完成投资, 累计（上年）).
// invest and targets read them all the same way (namedPeriod) and compare
// them with the period the figures run to (periodNamed.differs).

// periodNamed is what a header says of its figures' period.
type periodNamed struct {
	label    string // the words that name it, for messages: 9月底, 三季度, 2016年, 上年
	year     int    // 0 when it names none
	lastYear bool   // 上年, 去年: the year before the table's
	// months is how many months of the year the figures run to: 9 for
	// 1-9月, 9月底, 三季度, 1-3季度, 2017.1.1-2017.9.30; 0 when it names none
	// (2016年 alone), notFromJanuary for months that do not start in
	// January (3-9月, 2017.7.1-2017.9.30), notFromNewYear for days that do
	// not run from January 1 of the year they end in (2017.1.5-2017.9.30,
	// 2016.1.1-2017.9.30): never a year to date.
	months int
}

// The months of a period that is no year to date.
const (
	notFromJanuary = -1
	notFromNewYear = -2
)

var (
	// periodSpan is headerSpanPattern with the span's words as a group.
	periodSpan = regexp.MustCompile(`(?:^|[^\d])(?P<label>` + spanCore + `)`)
	// periodQuarters: 三季度, 第三季度, 1-3季度, 一至三季度, 1季度.
	periodQuarters = regexp.MustCompile(`(?:[1一]\s*(?:-|—|–|~|～|至|到)\s*)?(?:第\s*)?([1-4一二三四])\s*季度`)
	// periodQuarterSpan: quarters from one to another, 2-3季度, 二至三季度,
	// 第二至第三季度, 二、三季度: a year to date only from the first.
	periodQuarterSpan = regexp.MustCompile(`(?:^|[^\d])((?:第\s*)?([1-4一二三四])\s*(?:季度)?\s*(?:-|—|–|~|～|至|到|、|､|和)\s*(?:第\s*)?([1-4一二三四])\s*季度)`)
	// periodNumericMonth: a month in numbers, 2017-09, 2017.09, 2016/10,
	// or a day, 2017.09.30, 2017-09-30, 2017/9/30: the months to its end.
	periodNumericMonth = regexp.MustCompile(`(?:^|[^\d])(((?:19|20)\d\d)\s*[-./]\s*(0?[1-9]|1[0-2])(?:\s*[-./]\s*(?:0?[1-9]|[12]\d|3[01]))?)(?:[^\d.]|$)`)
	// periodRange: months from another month than January, 3-9月.
	periodRange = regexp.MustCompile(`(?:^|[^\d])((\d{1,2})\s*月?\s*(?:-|—|–|~|～|至|到)\s*\d{1,2}\s*月)`)
	// periodMonth: a month alone, its year too: 9月, 9月底, 9月末, 9月止, 九月份,
	// 2017年10月.
	periodMonth = regexp.MustCompile(`(?:^|[^\d])((?:(\d{4})\s*年\s*)?(?:(\d{1,2})|(十[一二]?|[一二三四五六七八九]))\s*月(?:份)?(?:底|末|止)?)`)
	// periodYear: a year alone, 2016年, 2016年度, （2016）.
	periodYear = regexp.MustCompile(`(\d{4})\s*年|[(（\[【]\s*((?:19|20)\d\d)\s*[)）\]】]`)
	// periodLastYear: the year before, 上年, 去年, 上一年, 上年度.
	periodLastYear = regexp.MustCompile(`上一?年|去年|前一年`)
	// lastYearBefore, lastYearAfter: 上年 in a note of what a figure holds, 含上年结转,
	// 不含上年结余, names no period.
	lastYearBefore = regexp.MustCompile(`(?:含|包括|扣除|除)\s*$`)
	lastYearAfter  = regexp.MustCompile(`^\s*(?:结转|结余|结存|遗留|转入|续建|剩余)`)
)

// lastYearWord is the word (上年, 去年) that says a header's figures are
// last year's: 上年同期, 上年完成, 累计（上年）; not 上年 in a note of what
// they hold (不含上年结转), "" when none.
func lastYearWord(h string) string {
	for _, m := range periodLastYear.FindAllStringIndex(h, -1) {
		if !lastYearBefore.MatchString(h[:m[0]]) && !lastYearAfter.MatchString(h[m[1]:]) {
			return h[m[0]:m[1]]
		}
	}
	return ""
}

// namedPeriod is the period a header names anywhere in it, full-width
// digits too; ok is false for a header that names none.
func namedPeriod(header string) (p periodNamed, ok bool) {
	h := width.Narrow.String(header)
	if r, ok := dateRange(h); ok {
		p = r
	} else if m := periodSpan.FindStringSubmatch(h); m != nil {
		y, n, _ := spanOf(periodSpan, m)
		p = periodNamed{label: m[periodSpan.SubexpIndex("label")], year: y, months: n}
	} else if q := periodQuarterSpan.FindStringSubmatch(h); q != nil {
		p = periodNamed{label: q[1], months: 3 * quarterNumber(q[3])}
		list := strings.ContainsAny(q[1], "、､和") // 一、二季度: the quarters listed
		if quarterNumber(q[2]) != 1 || list && quarterNumber(q[3]) != 2 {
			p.months = notFromJanuary // 2-3季度, 二至三季度, 一、三季度: not from January on
		}
	} else if q := periodQuarters.FindStringSubmatch(h); q != nil {
		p = periodNamed{label: q[0], months: 3 * quarterNumber(q[1])}
	} else if r := periodRange.FindStringSubmatch(h); r != nil && strings.TrimLeft(r[2], "0") != "1" {
		p = periodNamed{label: r[1], months: notFromJanuary}
	} else if m := periodMonth.FindStringSubmatch(h); m != nil {
		n, _ := strconv.Atoi(m[3])
		if m[4] != "" {
			n = chineseMonth(m[4])
		}
		y, _ := strconv.Atoi(m[2])
		p = periodNamed{label: m[1], year: y, months: n}
	} else if m := periodNumericMonth.FindStringSubmatch(h); m != nil {
		y, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		p = periodNamed{label: m[1], year: y, months: n}
	} else if m := periodCompactDay.FindStringSubmatch(h); m != nil {
		y, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		p = periodNamed{label: m[1], year: y, months: n}
	}
	if p.year == 0 {
		if y := periodYear.FindStringSubmatch(h); y != nil {
			p.year, _ = strconv.Atoi(y[1] + y[2])
			if p.label == "" {
				p.label = y[0]
			}
		}
	}
	if w := lastYearWord(h); p.year == 0 && w != "" {
		p.lastYear = true
		if p.label == "" {
			p.label = w
		}
	}
	p.label = strings.ReplaceAll(strings.TrimSpace(p.label), "､", "、") // as written, not narrowed
	return p, p.label != ""
}

// quarterNumber is 1 to 4 for 1 or 一 to 4 or 四.
func quarterNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return strings.Index("一二三四", s)/len("一") + 1
}

// differs says how the period p names differs from year (0 when unknown)
// and months (0 when unknown), the table's: "says 2016", "says 1-9月"
// (for 9月底 or 三季度 too), "says 上年, last year's"; "" when it does not.
// yearly is whether the year differs. last is whether the figures are of
// the year before the table's (a prior, 上年同期): a header naming last
// year is then right.
func (p periodNamed) differs(year, months int, last bool) (says string, yearly bool) {
	switch {
	case p.lastYear && !last:
		return fmt.Sprintf("says %s, last year's", p.label), true
	case p.year != 0 && year != 0 && p.year != year:
		return fmt.Sprintf("says %d", p.year), true
	case p.months == notFromNewYear:
		return fmt.Sprintf("says %s, days that do not run from January 1 of one year", p.label), false
	case p.months < 0:
		return fmt.Sprintf("says %s, months that do not start in January", p.label), false
	case p.months != 0 && months != 0 && p.months != months:
		return fmt.Sprintf("says 1-%d月", p.months), false
	}
	return "", false
}

// checkHeaderMonths refuses a completed column whose header names another
// period than the one the figures run to (--as-of; month 0 when not
// given): 累计(1-9月), 累计完成（9月底）, （三季度） beside --as-of 2017-10
// would be measured against ten months of the year; 累计完成（2016年） and
// 上年完成投资 are not this year's.
func checkHeaderMonths(in *input.Source, col, year, month int) error {
	p, ok := namedPeriod(in.Header[col])
	if !ok {
		return nil
	}
	says, yearly := p.differs(year, month, false)
	switch {
	case says == "":
		return nil
	case p.lastYear:
		return in.HeaderError(in.Header[col], says+", but completed is this year's: name this year's column with --completed-col")
	case yearly:
		return in.HeaderError(in.Header[col], fmt.Sprintf("%s, but --as-of says the figures are of %d: give the --as-of of the figures", says, year))
	}
	return in.HeaderError(in.Header[col], fmt.Sprintf("%s, but --as-of says the figures run to 1-%d月: give the --as-of of the figures", says, month))
}

// periodlessUnit is the unit of column col, as input.Source.Unit, except
// that words in its header's brackets that name a period (累计（三季度）,
// 累计完成（上年）) are no unit: the table's is then the column's. A bracket
// that names a period and a unit, cut by ，,、/ or a space (累计完成（10月底，
// 万元）, （截至10月底/万元）, （2017年，亿元）, （2017.10.31，万元））, gives that
// unit; so does one that gives a note and a unit (累计完成（含上年结转，亿元）).
func periodlessUnit(in *input.Source, col int) string {
	unit, own := bracketUnit(in, col)
	if own {
		return unit
	}
	for c := range in.Header { // a column without a unit of its own has the table's
		if in.HeaderUnit(c) == "" {
			return in.Unit(c)
		}
	}
	return ""
}

// headerOwnUnit is the unit column col's header gives itself, read as
// periodlessUnit reads it (万元 for 累计（10月底，万元）), or "" for a header
// that gives none (累计（10月底）, 累计（三季度）, 累计): its figures are then
// in the table's unit.
func headerOwnUnit(in *input.Source, col int) string {
	unit, own := bracketUnit(in, col)
	if own {
		return unit
	}
	return ""
}

// bracketUnit is the unit of column col as periodlessUnit reads it, with
// own false where the header's bracket names a period and no unit, so
// that the column's unit is the table's.
func bracketUnit(in *input.Source, col int) (unit string, own bool) {
	inner := lastBracket(in.Header[col])
	_, period := namedPeriod("(" + inner + ")")
	parts := bracketParts.Split(inner, -1)
	if inner == "" || !period && len(parts) < 2 {
		return in.Unit(col), in.HeaderUnit(col) != ""
	}
	var units []string
	for _, part := range parts {
		if part == "" {
			continue
		}
		if _, ok := namedPeriod("(" + part + ")"); !ok {
			if !calc.IsNote(part) { // 含续建, 含上年结转 say nothing of the unit
				units = append(units, part)
			}
		} else if cut := strings.LastIndex(part, "/"); cut >= 0 && cut+1 < len(part) {
			// 10月底/万元, 2017/10/31/万元; 2016/10 is a month, no unit
			a, b := part[:cut], part[cut+1:]
			if _, ok := namedPeriod("(" + a + ")"); ok && !strings.ContainsAny(b[:1], "0123456789") {
				units = append(units, b)
			}
		}
	}
	switch {
	case len(units) == 1:
		return units[0], true
	case len(units) > 1 || !period:
		return in.Unit(col), in.HeaderUnit(col) != "" // more than a unit, or notes alone: refused or read as before
	}
	return "", false
}

// bracketParts cut a header's bracket into its parts: 10月底，万元.
var bracketParts = regexp.MustCompile(`[，,、､；;\s]+`) // ､: 、 narrowed

// lastBracket is what the brackets at the end of a header hold, full-width
// digits folded: 10月底，万元 in 累计完成（10月底，万元）; "" when it ends
// with none.
func lastBracket(header string) string {
	h := width.Narrow.String(strings.TrimSpace(header))
	if !strings.HasSuffix(h, ")") && !strings.HasSuffix(h, "]") && !strings.HasSuffix(h, "】") {
		return ""
	}
	open := max(strings.LastIndex(h, "("), strings.LastIndex(h, "["), strings.LastIndex(h, "【"))
	if open < 0 {
		return ""
	}
	_, opening := utf8.DecodeRuneInString(h[open:])
	_, closing := utf8.DecodeLastRuneInString(h)
	return strings.TrimSpace(h[open+opening : len(h)-closing])
}
