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
	label string
	year  int
	back  int
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
func checkIncomePeriods(in *input.Source, counted []int) error {
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
				return periodsError(in, p, q)
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

// thisYearWord names this year in a header: 本年人均纯收入.
var thisYearWord = regexp.MustCompile(`本年度?|当年|今年`)

func periodsError(in *input.Source, old, cur incomePeriod) error {
	of := func(p incomePeriod) string {
		if w := thisYearWord.FindString(in.Header[p.col]); !p.named() && w != "" {
			return "is of " + w
		} else if !p.named() {
			return "names none (this year's)"
		}
		return "is of " + p.label
	}
	return in.HeaderError(in.Header[old.col], fmt.Sprintf(
		"is of %s and %s %s: the same income for two periods, which adding would count as one; count one period's with --income %s (or --per-capita-col), or leave the other out with --ignore %s",
		old.label, input.QuoteCell(in.Header[cur.col]), of(cur), input.QuoteCell(in.Header[cur.col]), input.QuoteCell(in.Header[old.col])))
}
