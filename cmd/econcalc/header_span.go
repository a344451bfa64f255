package main

import (
	"fmt"
	"regexp"
	"strconv"

	"econcalc/cmd/internal/input"

	"golang.org/x/text/width"
)

// spanCore is a year-to-date span as headers write it, full-width digits
// folded first: 1-10月, 2017年1月-10月, 1至9月份, 截至10月底, 截至2017年10月,
// 前三季度, 上半年. Its groups: the year before the span, the months of a
// range, the year and months after 截至, and the quarters of 前N季度;
// 上半年 (six months) has none.
const spanCore = `(?:(\d{4})\s*年\s*)?(?:` +
	`1\s*(?:月份?\s*)?(?:-|—|–|‐|‑|−|~|～|至|到)\s*(\d{1,2})\s*月份?` +
	`|截至\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:份|底|末)?` +
	`|前\s*([两二三23])\s*个?季度` +
	`|上半年)`

// headerSpanPattern finds a year-to-date span anywhere in a header, its
// brackets and words around it too: 累计(1-9月), 今年1-9月, 1-9月累计完成,
// 2017年1-9月, 累计完成（截至10月底）.
var headerSpanPattern = regexp.MustCompile(`(?:^|[^\d])` + spanCore)

// headerSpan is the year (0 when it names none) and the months of a
// year-to-date span a header names anywhere in it, full-width digits
// too; ok is false for a header that names none.
func headerSpan(header string) (year, months int, ok bool) {
	return spanOf(headerSpanPattern.FindStringSubmatch(width.Narrow.String(header)))
}

// spanOf reads the groups of spanCore (at the start of m, after the
// whole match).
func spanOf(m []string) (year, months int, ok bool) {
	if m == nil {
		return 0, 0, false
	}
	year, _ = strconv.Atoi(m[1]) // "" when it names no year: 0
	if y, _ := strconv.Atoi(m[3]); y != 0 {
		year = y
	}
	switch {
	case m[2] != "":
		months, _ = strconv.Atoi(m[2])
	case m[4] != "":
		months, _ = strconv.Atoi(m[4])
	case m[5] == "三" || m[5] == "3":
		months = 9
	case m[5] != "": // 前两季度, 前二季度
		months = 6
	default: // 上半年
		months = 6
	}
	return year, months, true
}

// checkHeaderMonths refuses a column whose header names months other than
// those the figures run to (--as-of): 累计(1-9月) beside --as-of 2017-10
// would be measured against ten months of the year.
func checkHeaderMonths(in *input.Source, col, year, month int) error {
	y, m, ok := headerSpan(in.Header[col])
	switch {
	case ok && m != month:
		return in.HeaderError(in.Header[col], fmt.Sprintf("says 1-%d月, but --as-of says the figures run to 1-%d月: give the --as-of of the figures", m, month))
	case ok && y != 0 && y != year:
		return in.HeaderError(in.Header[col], fmt.Sprintf("says %d, but --as-of says the figures are of %d: give the --as-of of the figures", y, year))
	}
	return nil
}
