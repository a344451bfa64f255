package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"econcalc/cmd/internal/input"

	"golang.org/x/text/width"
)

// A registry export often gives an income for two years side by side
// (2016年人均纯收入, 2017年人均纯收入; 上年人均纯收入, 本年人均纯收入;
// 工资性收入, 工资性收入（上年）): the same income twice, never two parts of
// one, so that adding them would make a poor household rich.

// incomePeriod is the period a counted column's header names: a year, or
// a year before the table's (上年, 去年: back 1; 前年: back 2); zero for a
// header that names neither.
type incomePeriod struct {
	col   int
	label string // the words that name the period, "" for none
	year  int
	back  int
	// point is -1 for the start of a period (期初, 年初), 1 for its end
	// (期末, 年末), 0 for neither.
	point int
	// stem is the header without the words that name its period: two
	// counted columns of one stem are one income twice.
	stem string
}

func (p incomePeriod) named() bool { return p.year != 0 || p.back != 0 }

// earlier reports p as of a period before q's: 前年 before 上年, 上年
// before any other, a year before a later one.
func (p incomePeriod) earlier(q incomePeriod) bool {
	if p.back != q.back {
		return p.back > q.back
	}
	return p.back == 0 && p.year != 0 && q.year != 0 && p.year < q.year
}

// checkIncomePeriods refuses counted columns of two periods: two years, or
// a year before the table's beside any other (上年 beside 本年, or beside
// a header naming none, whose figures are this year's; 前年 beside 上年).
// Headers naming a year beside headers naming none are left alone
// (2017年工资性收入 beside 转移净收入), and so are months, which may be
// parts of one year (1-6月, 7-12月).
//
// Base and report periods, 上期 and 本期, are read as 上年 and 本年 are
// (基期, 上期, 同期 before any other); the start of a period beside its
// end (期初, 期末; 年初, 年末) are two periods; and two headers that differ
// only by the words naming their period (期末工资性收入 beside 工资性收入,
// 本年工资性收入 beside 工资性收入) are one income twice.
func checkIncomePeriods(in *input.Source, counted []int) error {
	if err := checkPlannedIncome(in, counted); err != nil {
		return err
	}
	periods := make([]incomePeriod, len(counted))
	for k, i := range counted {
		periods[k] = incomePeriodOf(in.Header[i])
		periods[k].col = i
	}
	for _, p := range periods {
		if !p.named() {
			continue
		}
		for _, q := range periods {
			if p.earlier(q) {
				return periodsError(in, p, q, twoPeriods)
			}
		}
	}
	for _, p := range periods {
		for _, q := range periods {
			if p.point < 0 && q.point > 0 {
				return periodsError(in, p, q, twoPeriods)
			}
		}
	}
	for k, p := range periods {
		for _, q := range periods[k+1:] {
			if p.stem != "" && p.stem == q.stem && (p.label != "" || q.label != "") &&
				width.Narrow.String(in.Header[p.col]) != width.Narrow.String(in.Header[q.col]) {
				if p.label == "" { // the one naming none is this year's: count it
					p, q = q, p
				}
				return periodsError(in, p, q, oneTwice)
			}
		}
	}
	return nil
}

var (
	// incomeYear is a year in four digits anywhere in a header, not part
	// of a longer number nor an amount (2000元, 2000万): 2016人均纯收入,
	// 人均纯收入2016, 工资性收入_2016.
	incomeYear = regexp.MustCompile(`(?:^|[^\d.])((?:19|20)\d\d)(?:$|[^\d.%‰元万亿千百块亩斤个]|\.\D|\.$)`)
	// incomeShortYear is a year in two digits before 年: 16年, １６年度; not
	// a count of years (近10年, 第10年, 满10年).
	incomeShortYear = regexp.MustCompile(`(?:^|[^\d近满第每前后约共达超逾余])(\d\d)\s*年`)
	// incomeChineseYear is a year in Chinese numerals: 二〇一六年, 二零一六年.
	incomeChineseYear = regexp.MustCompile(`((?:一九|二[〇零○])[〇零○一二三四五六七八九]{2})\s*年`)
	// yearBeforeLast is 前年, the year before last (大前年 before it).
	yearBeforeLast = regexp.MustCompile(`大?前年`)
)

// incomePeriodOf is the period a header names: as namedPeriod reads it
// (2016年, （2016）, 2017.06, 上年, 去年), or else a year written otherwise
// (2016人均纯收入, 人均纯收入2016, 16年, 二〇一六年) or 前年.
func incomePeriodOf(header string) incomePeriod {
	p := incomeYearOf(header)
	h := width.Narrow.String(header)
	p.stem = periodStem(h)
	if !p.named() {
		if w := incomePeriodWord(h, earlierPeriodWord); w != nil {
			p.label, p.back = h[w[0]:w[1]], 1
		}
	}
	if w := thisPeriodWord.FindString(h); p.label == "" {
		p.label = w
	}
	if w := incomePeriodWord(h, pointWord); w != nil {
		p.point = 1
		if strings.HasSuffix(h[w[0]:w[1]], "初") {
			p.point = -1
		}
		p.label = withPoint(h, p.label, w)
	}
	return p
}

// incomeYearOf is the year or the year before the table's that a header
// names, as incomePeriodOf reads them.
func incomeYearOf(header string) incomePeriod {
	if p, ok := namedPeriod(header); ok && (p.year != 0 || p.lastYear) {
		back := 0
		if p.lastYear {
			back = 1
		}
		return incomePeriod{label: p.label, year: p.year, back: back}
	}
	h := width.Narrow.String(header)
	for _, m := range yearBeforeLast.FindAllStringIndex(h, -1) { // not in a note: 含前年结转
		if !lastYearBefore.MatchString(h[:m[0]]) && !lastYearAfter.MatchString(h[m[1]:]) {
			return incomePeriod{label: h[m[0]:m[1]], back: utf8.RuneCountInString(h[m[0]:m[1]])}
		}
	}
	if m := incomeYear.FindStringSubmatch(h); m != nil {
		y, _ := strconv.Atoi(m[1])
		return incomePeriod{label: m[1], year: y}
	}
	if m := incomeShortYear.FindStringSubmatch(h); m != nil {
		y, _ := strconv.Atoi(m[1])
		if y < 50 {
			y += 2000
		} else {
			y += 1900
		}
		return incomePeriod{label: m[1] + "年", year: y}
	}
	if m := incomeChineseYear.FindStringSubmatch(h); m != nil {
		y := 0
		for _, r := range m[1] {
			y = 10*y + strings.IndexRune("〇一二三四五六七八九", chineseZero(r))/len("一")
		}
		return incomePeriod{label: m[1] + "年", year: y}
	}
	return incomePeriod{}
}

// chineseZero reads 零 and ○ as 〇.
func chineseZero(r rune) rune {
	if r == '零' || r == '○' {
		return '〇'
	}
	return r
}

// What two counted columns of one income are.
const (
	twoPeriods = "the same income for two periods, which adding would count as one; count one period's"
	oneTwice   = "the same income twice, which adding would count as one; count one"
)

func periodsError(in *input.Source, old, cur incomePeriod, what string) error {
	of := func(p incomePeriod) string {
		if p.label == "" {
			return "names none (this year's)"
		}
		return "is of " + p.label
	}
	return in.HeaderError(in.Header[old.col], fmt.Sprintf(
		"%s and %s %s: %s with --income %s (or --per-capita-col), or leave the other out with --ignore %s",
		of(old), input.QuoteCell(in.Header[cur.col]), of(cur), what, input.QuoteCell(in.Header[cur.col]), input.QuoteCell(in.Header[old.col])))
}

// checkPlannedIncome refuses a column counted by its header that says it
// holds a forecast or a plan (年初工资性收入预计, 工资性收入（计划）,
// plannedCount's words, as remaining reads a plan of exits): not income
// that happened, and beside the income that did (工资性收入) it would be
// counted twice. Named with --income it is counted.
func checkPlannedIncome(in *input.Source, counted []int) error {
	for _, i := range counted {
		if w := plannedCount(in.Header[i]); w != "" {
			return in.HeaderError(in.Header[i], fmt.Sprintf("says %s: a forecast or plan, not income the household had, which adding would count beside it; leave it out with --ignore %q, or name the components to count with --income", w, in.Header[i]))
		}
	}
	return nil
}
