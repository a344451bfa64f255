package main

import (
	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// cellUnitAgrees checks a row's 单位 cell against the units its amounts'
// headers give, as periodlessUnit reads them: 万元 in 累计（10月底，万元）,
// none in 累计（10月底） or 累计（三季度）, whose brackets name a period,
// compared as the unit reader reads them (sameUnit: 万度 is 万千瓦时). A
// header that gives none has the table's unit, from a line above the
// header (单位：万元): a cell naming another amount of money (亿元) is
// refused too, since one of the two misreads its figures 10000 times;
// a cell of another kind (%, 吨标准煤/万元) is that row's own.
func cellUnitAgrees(rec *input.Row, in *input.Source, cols targetsCols) error {
	cell := rec.Text(cols.unit)
	for _, c := range []int{cols.target, cols.value, cols.prior} {
		if c < 0 {
			continue
		}
		if own := headerOwnUnit(in, c); own != "" && !sameUnit(own, cell) {
			return rec.Errorf(cols.unit, "%s, where %q is in %s: write each indicator's figures in its own unit, with no unit in the headers, or the headers' unit here", input.QuoteCell(cell), in.Header[c], own)
		} else if table := periodlessUnit(in, c); own == "" && table != "" && !sameUnit(table, cell) && isMoney(table) && isMoney(cell) {
			return rec.Errorf(cols.unit, "%s, where the table's unit, above its header, is %s: write the row's figures in %s, or drop the unit above the header", input.QuoteCell(cell), table, table)
		}
	}
	return nil
}

// isMoney reports whether unit is an amount of money econcalc converts:
// 元, 万元, 亿元.
func isMoney(unit string) bool {
	return calc.IsUnit(unit) && calc.UnitBase(unit) == "元"
}
