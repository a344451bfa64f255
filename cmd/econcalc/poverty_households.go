package main

import (
	"bytes"
	"errors"
	"slices"
	"unicode/utf8"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
)

// The --households listing: one row per household, laid out as the
// registry is read.

// householdReport is the --households listing, its income and excluded
// amounts printed with places decimals at least, so that a column shows one
// number of places (10005.00 above 0.00).
func householdReport(out report.Options, places [2]int32) *report.Report {
	cols := slices.Clone(householdColumnsOut)
	cols[3].Places, cols[4].Places = places[0], places[1]
	return out.NewReport(cols)
}

// places is the most decimals a counted and an excluded cell of the row is
// written with, at least those of most.
func (c *householdColumns) places(rec *input.Row, most [2]int32) [2]int32 {
	for k, cols := range [2][]int{c.counted, c.excluded} {
		for _, i := range cols {
			// Spaces before a number change nothing here, so only a cell
			// that may end in one is trimmed; and a short cell is looked
			// through without a call.
			cell := rec.Fields[i]
			if n := len(cell); n == 0 || cell[n-1] <= ' ' || cell[n-1] >= utf8.RuneSelf {
				cell = rec.Cell(i)
			}
			if dot := placesDot(cell); dot >= 0 { // fewer in 元 than in 万元
				most[k] = max(most[k], min(int32(len(cell)-dot-1)-c.scale[i], maxPlaces))
			}
		}
	}
	return most
}

// placesRead is places for a row read into h, without a look at its
// cells while both sums are in fixed point: a sum stays in fixed point only
// while every cell it adds is plain fixed point, parsed with the places it
// was written with (and spaces trimmed), and calc.Fixed.Add keeps the larger
// places, so the sum's places are the cells' most (TestPlacesReadIsPlaces).
func (c *householdColumns) placesRead(rec *input.Row, h *calc.Registered, most [2]int32) [2]int32 {
	counted, ok := h.Counted.Fixed()
	excluded, ok2 := h.Excluded.Fixed()
	if !ok || !ok2 {
		return c.places(rec, most)
	}
	return [2]int32{max(most[0], int32(counted.Places)), max(most[1], int32(excluded.Places))}
}

// placesDot is bytes.IndexByte(cell, '.'), a byte at a time for a short
// cell (an amount), where the call costs more than the looking.
func placesDot(cell []byte) int {
	if len(cell) > 16 {
		return bytes.IndexByte(cell, '.')
	}
	for j, c := range cell {
		if c == '.' {
			return j
		}
	}
	return -1
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
