package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"econcalc/cmd/internal/input"

	"golang.org/x/text/width"
)

// findSpanned is input.Source.Find, which also takes a header that is one
// of the column's names after the period its figures run to, when the
// header has no column of the plain name and exactly one such: a
// year-to-date span (1-10月累计完成（万元） for 累计完成, 截至10月底累计完成),
// a month's end (9月止累计完成, 9月底累计完成), a quarter (1-3季度累计完成),
// a year (2017年完成投资). The period is then the header's, which commands
// check against --as-of (checkHeaderMonths).
func findSpanned(in *input.Source, spec input.Column, override string) (int, error) {
	col, err := in.Find(spec, override)
	if err == nil || override != "" {
		return col, err
	}
	names := append([]string{spec.Key}, spec.Aliases...)
	var found []string
	for i, h := range in.Header {
		if rest, ok := afterPeriod(headerName(width.Narrow.String(h))); ok && slices.Contains(names, rest) {
			col, found = i, append(found, input.QuoteCell(h))
		}
	}
	switch len(found) {
	case 0:
		return -1, err
	case 1:
		return col, nil
	}
	return -1, in.HeaderError("", fmt.Sprintf("%s could each be the %s column: name the one to use with --%s", strings.Join(found, " and "), spec.Key, spec.Flag))
}

// periodAlone is a month or a quarter alone, 9月, 九月份, 三季度: before a
// name it is the year to date only when 累计 follows (9月累计完成), since
// 9月完成投资 may be September's own.
var periodAlone = regexp.MustCompile(`^(?:\d{4}\s*年\s*)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?$|^(?:第\s*)?[1-4一二三四]\s*季度$`)

// afterPeriod is name without the period it starts with (namedPeriod's),
// a name that starts with none, or with last year's (上年完成投资: never
// this year's figures), is not.
func afterPeriod(name string) (rest string, ok bool) {
	p, ok := namedPeriod(name)
	if !ok || p.lastYear || !strings.HasPrefix(name, p.label) {
		return "", false
	}
	rest = strings.TrimSpace(strings.TrimPrefix(name, p.label))
	if periodAlone.MatchString(p.label) && !strings.HasPrefix(rest, "累计") {
		return "", false
	}
	return rest, rest != ""
}

// headerName is a header in lower case without a unit or a note in
// brackets at its end, for reading what a column is: 同比增长（亿元） is
// 同比增长, and 转移性收入（含赡养费用） is 转移性收入, whose note is no
// expense.
func headerName(header string) string {
	h := strings.ToLower(strings.TrimSpace(header))
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}, {"[", "]"}, {"【", "】"}} {
		if strings.HasSuffix(h, b[1]) {
			if i := strings.LastIndex(h, b[0]); i > 0 {
				return strings.TrimSpace(h[:i])
			}
		}
	}
	return h
}
