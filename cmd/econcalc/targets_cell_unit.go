package main

import (
	"econcalc/cmd/internal/input"
)

// cellUnitAgrees checks a row's 单位 cell against the units its amounts'
// headers give, as periodlessUnit reads them: 万元 in 累计（10月底，万元）,
// none in 累计（10月底） or 累计（三季度）, whose brackets name a period.
// Units are compared as the unit reader reads them (sameUnit: 万度 is
// 万千瓦时). A unit above the header (单位：万元, 单位：亿元、%) is the unit of
// the rows that give none: a row's own cell is more specific and wins
// (元 for 城镇居民人均可支配收入 under 单位：万元).
func cellUnitAgrees(rec *input.Row, in *input.Source, cols targetsCols) error {
	cell := rec.Text(cols.unit)
	for _, c := range []int{cols.target, cols.value, cols.prior} {
		if c < 0 {
			continue
		}
		if own := headerOwnUnit(in, c); own != "" && !sameUnit(own, cell) {
			return rec.Errorf(cols.unit, "%s, where %q is in %s: write each indicator's figures in its own unit, with no unit in the headers, or the headers' unit here", input.QuoteCell(cell), in.Header[c], own)
		}
	}
	return nil
}
