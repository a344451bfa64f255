package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"econcalc/cmd/internal/input"

	"golang.org/x/text/width"
)

// spanPrefix is a year-to-date span written before a column's name:
// 1-10月累计完成, 2017年1-10月完成投资, 截至10月底累计完成.
var spanPrefix = regexp.MustCompile(`^(?:(?:\d{4}\s*年\s*)?(?:1\s*(?:月份?\s*)?(?:-|—|–|‐|‑|−|－|~|～|至|到)\s*\d{1,2}\s*月份?|前[二两三]季度|上半年)|截至\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月[底末]?)\s*`)

// findSpanned is input.Source.Find, which also takes a header that is one
// of the column's names after a year-to-date span (1-10月累计完成（万元）
// for 累计完成), when the header has no column of the plain name and
// exactly one such. The span is then the header's months, which commands
// check against --as-of (checkHeaderMonths).
func findSpanned(in *input.Source, spec input.Column, override string) (int, error) {
	col, err := in.Find(spec, override)
	if err == nil || override != "" {
		return col, err
	}
	names := append([]string{spec.Key}, spec.Aliases...)
	var found []string
	for i, h := range in.Header {
		name := headerName(width.Narrow.String(h))
		if rest := spanPrefix.ReplaceAllString(name, ""); rest != name && slices.Contains(names, strings.TrimSpace(rest)) {
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
