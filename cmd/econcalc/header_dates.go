package main

import (
	"regexp"
	"strconv"
)

// A header may name its figures' period as a range of dates or months,
// 累计完成（2017.1.1-2017.9.30）, （2017.01.01至2017.09.30）,
// （2017年1月1日-9月30日）, （2017.1-2017.9）: from January 1 (or January)
// to a day (or a month), it is the year to date up to that month, 1-9月;
// from a later month, 2017.7.1-2017.9.30, it is no year to date, as 7-9月
// is not. A day alone in eight digits, （20170930）, is 2017年9月30日.

// Dates as headers write them, full-width digits folded first.
const (
	// dateNumbers: 2017.9.30, 2017-09-30, 2017/9/30, 2017.9.
	dateNumbers = `(?:19|20)\d\d\s*[-./]\s*\d{1,2}(?:\s*[-./]\s*\d{1,2})?`
	// dateWords: 2017年9月30日, 2017年9月, 9月30日, 9月.
	dateWords = `(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?`
	// dateCompact: 20170930.
	dateCompact = `(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`
	// dateMonthDay: 9.30, 9/30, the end of a range only: 2017.1.1-9.30.
	dateMonthDay = `\d{1,2}\s*[./]\s*\d{1,2}`
	rangeDash    = `(?:-|—|–|‐|‑|−|~|～|至|到)`
)

var (
	// periodDateRange: a range of dates or months, a date each side of a dash
	// or 至.
	periodDateRange = regexp.MustCompile(`(?:^|[^\d.])((` + dateCompact + `|` + dateNumbers + `|` + dateWords + `)\s*` +
		rangeDash + `\s*(` + dateCompact + `|` + dateNumbers + `|` + dateWords + `|` + dateMonthDay + `))(?:[^\d.]|$)`)
	// periodCompactDay: a day in eight digits, 20170930.
	periodCompactDay = regexp.MustCompile(`(?:^|[^\d.])((` + `(?:19|20)\d\d` + `)(0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?:[^\d.]|$)`)
	digitRuns        = regexp.MustCompile(`\d+`)
)

// dateRange is the period a range of dates or months in h names; ok is
// false when h holds none.
func dateRange(h string) (p periodNamed, ok bool) {
	m := periodDateRange.FindStringSubmatch(h)
	if m == nil {
		return p, false
	}
	y1, m1, d1, ok1 := dateParts(m[2])
	y2, m2, _, ok2 := dateParts(m[3])
	if !ok1 || !ok2 {
		return p, false
	}
	if y2 == 0 {
		y2 = y1
	}
	p = periodNamed{label: m[1], year: y2, months: m2}
	switch {
	case m1 != 1:
		p.months = notFromJanuary
	case d1 > 1 || y1 != 0 && y1 != y2 || m2 < m1:
		p.months = notFromNewYear
	}
	return p, true
}

// dateParts reads a date that periodDateRange found: its year (0 when it
// gives none), month and day (0 when it gives none); ok is false for a
// month or day that cannot be (2017.13.1, 9月32日).
func dateParts(s string) (year, month, day int, ok bool) {
	runs := digitRuns.FindAllString(s, -1)
	if len(runs) == 1 && len(runs[0]) == 8 { // 20170930
		runs = []string{runs[0][:4], runs[0][4:6], runs[0][6:]}
	}
	if len(runs[0]) == 4 {
		year, _ = strconv.Atoi(runs[0])
		runs = runs[1:]
	}
	month, _ = strconv.Atoi(runs[0])
	if len(runs) > 1 {
		day, _ = strconv.Atoi(runs[1])
	}
	return year, month, day, month >= 1 && month <= 12 && day <= 31 && (len(runs) == 1 || day >= 1)
}
