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
	if said == "" && strings.Contains(in.Header[col], "定基") {
		said, fixed = "定基", true
		if base != calc.FixedIndex {
			return in.HeaderError(in.Header[col], "a 定基 index is on a base year: add --index-base fixed")
		}
	}
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

// statedBase is the base an index column's header states: the same period
// last year (上年同期=100, 上年=100), a base year (2015=100, 定基), the
// period before (上月=100, 环比), or none (baseUnsaid).
type statedBase int

const (
	baseUnsaid statedBase = iota
	baseYoY
	baseFixed
	baseChain
)

func baseOf(header string) statedBase {
	said, fixed, chain := indexBaseSaid(header)
	switch {
	case chain || said == "" && strings.Contains(header, "环比"):
		return baseChain
	case fixed || said == "" && strings.Contains(header, "定基"):
		return baseFixed
	case said != "":
		return baseYoY
	}
	return baseUnsaid
}

// byBase keeps, of all the deflator's index columns and before their
// kinds (累计, 当月) choose, those whose base can be base (--index-base): a
// column whose header states or implies another base (2015=100 or 定基
// under the default, 上年同期=100 or 上年=100 under --index-base fixed,
// 上月=100 under either) is out, whatever its kind. Under --index-base
// fixed a column that states no base is an index on the same period last
// year, as a bureau's is, where a column states a base year: 累计价格指数
// beside 定基指数 is out. When no column is left the columns are refused,
// naming them and the flag.
func byBase(in *input.Source, cols []int, base calc.IndexBase) ([]int, error) {
	want := baseYoY
	if base == calc.FixedIndex {
		want = baseFixed
	}
	var stated, agree []int
	for _, i := range cols {
		switch baseOf(in.Header[i]) {
		case want:
			stated = append(stated, i)
			agree = append(agree, i)
		case baseUnsaid:
			agree = append(agree, i)
		}
	}
	switch {
	case want == baseFixed && len(stated) > 0:
		return stated, nil
	case len(agree) > 0:
		return agree, nil
	}
	if len(cols) == 1 {
		if err := checkIndexBase(in, cols[0], base); err != nil {
			return nil, err
		}
	}
	names := make([]string, len(cols))
	chain := true
	for j, i := range cols {
		names[j] = in.Header[i]
		chain = chain && baseOf(in.Header[i]) == baseChain
	}
	msg := "none is an index on the same period last year (上年同期=100), which --index-base yoy (the default) takes: for one on a base year (2015=100, 定基) add --index-base fixed"
	switch {
	case chain:
		msg = "are indexes on the period before (环比, 上月=100): real growth takes one on the same period last year (--index-base yoy) or on a base year (--index-base fixed)"
	case base == calc.FixedIndex:
		msg = "none is an index on a base year (2015=100, 定基), which --index-base fixed takes: give one, or drop --index-base fixed"
	}
	return nil, in.HeaderError("", "columns "+input.QuoteNames(names)+": "+msg)
}
