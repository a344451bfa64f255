package main

import (
	"regexp"
	"strconv"

	"golang.org/x/text/width"
)

// spanCore is a year-to-date span as headers write it, full-width digits
// folded first: 1-10月, 2017年1月-10月, 1至9月份, 一至九月, 截至10月底,
// 截止2017年10月, 至9月底, 2017.1-9, 前三季度, 上半年. Its named groups (spanOf)
// are the year and the last month or quarter; 上半年 (six months) has none.
const spanCore = `(?:(?P<year>\d{4})\s*年\s*)?(?:` +
	`0?1\s*(?:月份?\s*)?(?:-|—|–|‐|‑|−|~|～|至|到)\s*(?P<month>\d{1,2})\s*月份?` +
	`|一\s*(?:-|—|–|~|～|至|到)\s*(?P<cmonth>十[一二]?|[二三四五六七八九])\s*月份?` +
	`|(?:截[至止]|至)\s*(?:(?P<upToYear>\d{4})\s*年\s*)?(?P<upTo>\d{1,2})\s*月(?:份|底|末)?` +
	`|(?P<dotYear>\d{4})\.0?1\s*(?:-|—|–|~|～)\s*(?P<dotMonth>\d{1,2})(?:[^\d.]|$)` +
	`|前\s*(?P<quarters>[两二三23])\s*个?季度` +
	`|上半年)`

// headerSpanPattern finds a year-to-date span anywhere in a header, its
// brackets and words around it too: 累计(1-9月), 今年1-9月, 1-9月累计完成,
// 2017年1-9月, 累计完成（截至10月底）.
var headerSpanPattern = regexp.MustCompile(`(?:^|[^\d])` + spanCore)

// headerSpan is the year (0 when it names none) and the months of a
// year-to-date span a header names anywhere in it, full-width digits
// too; ok is false for a header that names none.
func headerSpan(header string) (year, months int, ok bool) {
	return spanOf(headerSpanPattern, headerSpanPattern.FindStringSubmatch(width.Narrow.String(header)))
}

// spanOf reads the named groups of spanCore in m, a match of re.
func spanOf(re *regexp.Regexp, m []string) (year, months int, ok bool) {
	if m == nil {
		return 0, 0, false
	}
	group := func(name string) string { return m[re.SubexpIndex(name)] }
	for _, name := range []string{"year", "upToYear", "dotYear"} {
		if y, _ := strconv.Atoi(group(name)); y != 0 {
			year = y
		}
	}
	for _, name := range []string{"month", "upTo", "dotMonth"} {
		if n, _ := strconv.Atoi(group(name)); n != 0 {
			return year, n, true
		}
	}
	switch q := group("quarters"); {
	case group("cmonth") != "":
		return year, chineseMonth(group("cmonth")), true
	case q == "三" || q == "3":
		return year, 9, true
	}
	return year, 6, true // 前两季度, 上半年
}

// chineseMonth is a month's number written in words: 九 is 9, 十一 is 11.
func chineseMonth(s string) int {
	for i, w := range []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"} {
		if s == w {
			return i + 1
		}
	}
	return 0
}
