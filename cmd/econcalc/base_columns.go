package main

import (
	"fmt"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// baseRateColumn finds base's growth-rate column: the first, in the order
// of rateColumn's names, whose header gives a rate's unit (%, ‰) or none.
// A column of the same name in another unit is passed over: 比上年增长（亿元）
// beside 比上年增长（%） is the increase, an amount. When only such columns
// are found, the first is refused, naming it. permille is true for a rate
// in ‰, which base reads in % (5.2‰ is 0.52%).
func baseRateColumn(in *input.Source, override string) (col int, permille bool, err error) {
	if override != "" {
		if col, err = in.Named(override); err != nil {
			return -1, false, err
		}
		permille, err = rateUnit(in, col)
		return col, permille, err
	}
	var refused error
	for _, name := range append([]string{rateColumn.Key}, rateColumn.Aliases...) {
		for _, c := range columnsNamed(in, name) {
			permille, err := rateUnit(in, c)
			if err == nil {
				return c, permille, nil
			}
			if refused == nil {
				refused = err
			}
		}
	}
	if refused != nil {
		return -1, false, refused
	}
	col, err = in.Find(rateColumn, "") // no column of any name: the usual message
	if err != nil {
		return -1, false, err
	}
	permille, err = rateUnit(in, col)
	return col, permille, err
}

// columnsNamed are the columns a name finds, with or without a unit, in the
// header's order: the one input.Source.Index finds, and any further column
// whose name without its unit is the same.
func columnsNamed(in *input.Source, name string) []int {
	first := in.Index(name)
	want := strings.ToLower(strings.TrimSpace(name))
	var cols []int
	for c, h := range in.Header {
		if c == first || (c > first || first < 0) && rateName(h) == want {
			cols = append(cols, c)
		}
	}
	return cols
}

// rateUnit checks the unit a rate column's header gives: % or none is
// read as written, ‰ is read in % (permille). Any other is refused, naming
// the column: an amount (同比增长（亿元）, the increase), a change of a rate
// (百分点), or 倍, which reports use both for growth (增长1.5倍, +150%) and
// for a ratio (是上年的1.5倍, ×1.5). The unit is read by rateHeader. A
// header that states an index base (上年同期=100: indexBase) is refused
// too, whatever its unit: its figures read both as an index and as a rate.
func rateUnit(in *input.Source, col int) (permille bool, err error) {
	if base := indexBase(in.Header[col]); base != "" {
		return false, in.HeaderError(in.Header[col], fmt.Sprintf("states an index base (%s), so its figures read both "+
			"as an index (an index of 131.7 is +31.7%%) and as a growth rate: give the rate under a header without the "+
			"base (同比增长（%%）), or the index as a rate (the index − 100)", base))
	}
	_, unit := rateHeader(in.Header[col])
	switch percentUnit(unit) {
	case "", "%":
		return false, nil
	case "‰":
		return true, nil
	}
	why := fmt.Sprintf("is in %s, not a growth rate: give the rate in %% (31.7, or 31.7%%) or ‰, or without a unit", unit)
	switch {
	case calc.IsUnit(unit) || calc.UnitSuffix(unit) != "":
		why = fmt.Sprintf("is an amount in %s (the increase), not a growth rate: base needs the rate in %%, as in 同比增长（%%）", unit)
	case strings.Contains(unit, "百分点") || strings.EqualFold(unit, "pp"):
		why = fmt.Sprintf("is in %s, a change of a rate, not a growth rate: base needs the rate in %%", unit)
	case unit == "倍":
		why = "is in 倍, which reports use both for growth (增长1.5倍 is +150%) and for a ratio (是上年的1.5倍, ×1.5): give the growth rate in % (150 for 增长1.5倍)"
	}
	return false, in.HeaderError(in.Header[col], why)
}
