package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// checkIndexBase refuses an index column whose header says it is relative
// to something other than --index-base: 价格指数（2015=100） read as
// 上年同期 = 100 would give a wrong real rate without a word.
func checkIndexBase(in *input.Source, col int, base calc.IndexBase) error {
	if col < 0 {
		return nil
	}
	said, fixed, chain := indexBaseSaid(in.Header[col])
	switch {
	case said == "":
		return nil
	case chain:
		return in.HeaderError(in.Header[col], said+"=100 is an index on the period before (环比): real growth takes one on the same period last year (--index-base yoy) or on a base year (--index-base fixed)")
	case fixed && base != calc.FixedIndex:
		return in.HeaderError(in.Header[col], said+"=100 is an index on a base year: add --index-base fixed")
	case !fixed && base == calc.FixedIndex:
		return in.HeaderError(in.Header[col], said+"=100 is an index on the same period last year: drop --index-base fixed")
	}
	return nil
}

// indexBaseSaid reads what a header says its index is relative to, the
// text before its =100: 上年同期 (or 上年, 去年同期) is the same period last
// year, a year (2015, 2015年) a base year (fixed), 上月 or 上季 the period
// before (chain, which growth does not take). said is "" when the header
// says none of these.
func indexBaseSaid(header string) (said string, fixed, chain bool) {
	h := strings.ReplaceAll(header, "＝", "=")
	eq := strings.Index(h, "=100")
	if eq < 0 {
		return "", false, false
	}
	before := h[:eq]
	if i := strings.LastIndexAny(before, "(（[【,，、 "); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		before = before[i+size:]
	}
	said = strings.TrimSpace(before)
	digits := 0
	for _, r := range said {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	switch {
	case strings.Contains(said, "上月") || strings.Contains(said, "上季") || strings.Contains(said, "环比"):
		return said, false, true
	case strings.Contains(said, "上年") || strings.Contains(said, "去年") || strings.Contains(said, "同期"):
		return said, false, false
	case digits == 4:
		return said, true, false
	}
	return "", false, false
}
