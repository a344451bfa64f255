package main

import (
	"errors"
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
)

// The --households listing: one row per household, laid out as the
// registry is read.

// householdReport is the --households listing, its income and excluded
// amounts printed with places decimals at least, so that a column shows one
// number of places (10005.00 above 0.00).
func householdReport(out report.Options, places [2]int32, line decimal.Decimal) *report.Report {
	cols := slices.Clone(householdColumnsOut)
	cols[3].Places, cols[4].Places = places[0], places[1]
	// Poverty is judged on per-capita income: 3334.999 is not shown as
	// the line, 3335.00, beside "poor".
	cols[5].Judged, cols[5].Threshold = true, calc.DecimalNum(line)
	return out.NewReport(cols)
}

// places is the most decimals a counted and an excluded cell of the row is
// written with, at least those of most, in digits as the number reader
// reads them (Row.Amount): ３３３５．５ and 1,234.5 have one, as 3335.5 has. A
// cell that is no number has none; reading the row reports it.
func (c *householdColumns) places(rec *input.Row, most [2]int32) [2]int32 {
	for k, cols := range [2][]int{c.counted, c.excluded} {
		for _, i := range cols {
			if n, ok, err := rec.Amount(i); ok && err == nil { // fewer in 元 than in 万元
				most[k] = max(most[k], min(int32(n.Places())-c.scale[i], maxPlaces))
			}
		}
	}
	return most
}

// placesRead is places for a row read into h, from its sums, without a
// second look at its cells: a sum keeps the most places of what it adds,
// in fixed point (calc.Fixed.Add) and as a decimal (its exponent), and a
// cell shifted from 万元 to 元 has four places fewer, as places counts them
// (TestPlacesReadIsPlaces). The row itself is not looked at.
func (c *householdColumns) placesRead(_ *input.Row, h *calc.Registered, most [2]int32) [2]int32 {
	for k, sum := range [2]calc.Num{h.Counted, h.Excluded} {
		most[k] = max(most[k], min(int32(sum.Places()), maxPlaces))
	}
	return most
}

// headPlaces is places over the first rows: registries write a column with
// one number of places, so the listing is laid out with these, and only a
// registry where a later row has more is laid out again.
func headPlaces(in *input.Source, c *householdColumns) (most [2]int32) {
	rows := 0
	in.Each(func(rec *input.Row) error {
		most = c.places(rec, most)
		if rows++; rows == 1000 {
			return errEnoughRows
		}
		return nil
	})
	return most
}

var errEnoughRows = errors.New("enough rows")

// maxPlaces bounds the places padded to: a cell of 40 decimals is a
// damaged one, which reading it reports.
const maxPlaces = 30

var householdColumnsOut = []report.Column{
	{Key: "household_id", En: "household", Zh: "户编号", Kind: report.TextKind},
	{Key: "village", En: "village", Zh: "村", Kind: report.TextKind},
	{Key: "members", En: "members", Zh: "家庭人口", Kind: report.ExactKind},
	{Key: "income", En: "income", Zh: "计入收入", Kind: report.ExactKind},
	{Key: "excluded", En: "excluded", Zh: "不计收入", Kind: report.ExactKind},
	{Key: "per_capita", En: "per capita", Zh: "人均收入", Kind: report.AmountKind},
	{Key: "gap_pct", En: "gap %", Zh: "差距%", Kind: report.PercentKind},
	{Key: "status", En: "status", Zh: "状态", Kind: report.TextKind},
	{Key: "lifted_by_excluded", En: "lifted by excluded", Zh: "靠补贴贷款达线", Kind: report.TextKind},
}

// householdRow writes one household's figures, in the order of
// householdColumnsOut.
func householdRow(w *report.RowWriter, id, village []byte, h *calc.Registered, st calc.Standing) {
	num, den := h.PerCapitaRatio()
	w.Text(id)
	w.Text(village)
	w.Whole(2, h.Members)
	w.Amount(3, h.Counted)
	w.Amount(4, h.Excluded)
	w.Quotient(5, num, den)
	if st.Poor {
		w.Quotient(6, st.Shortfall, st.Need)
		w.Word("poor")
	} else {
		w.Null()
		w.Word("not-poor")
	}
	if st.Lifted {
		w.Word("yes")
	} else {
		w.Word("no")
	}
	w.End()
}
