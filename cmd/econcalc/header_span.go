package main

import (
	"fmt"
	"regexp"
	"strconv"

	"econcalc/cmd/internal/input"

	"golang.org/x/text/width"
)

// headerSpanPattern finds a year-to-date span anywhere in a header, its
// brackets and words around it too: 累计(1-9月), 今年1-9月, 1-9月累计完成,
// 2017年1-9月.
var headerSpanPattern = regexp.MustCompile(`(?:^|[^\d])(?:(\d{4})\s*年\s*)?1\s*(?:月份?\s*)?(?:-|—|–|‐|－|~|～|至|到)\s*(\d{1,2})\s*月`)

// headerSpan is the year (0 when it names none) and the months of a
// year-to-date span a header names anywhere in it, full-width digits
// too; ok is false for a header that names none.
func headerSpan(header string) (year, months int, ok bool) {
	m := headerSpanPattern.FindStringSubmatch(width.Narrow.String(header))
	if m == nil {
		return 0, 0, false
	}
	year, _ = strconv.Atoi(m[1]) // "" when it names no year: 0
	months, _ = strconv.Atoi(m[2])
	return year, months, true
}

// checkHeaderMonths refuses a column whose header names months other than
// those the figures run to (--as-of): 累计(1-9月) beside --as-of 2017-10
// would be measured against ten months of the year.
func checkHeaderMonths(in *input.Source, col, month int) error {
	if _, m, ok := headerSpan(in.Header[col]); ok && m != month {
		return in.HeaderError(in.Header[col], fmt.Sprintf("says 1-%d月, but --as-of says the figures run to 1-%d月: give the --as-of of the figures", m, month))
	}
	return nil
}
