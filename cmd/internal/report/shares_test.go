package report

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestShareCells: 长顺县 2019, 155864 : 275605 : 365687 (sum 797156) is
// 19.552… : 34.573… : 45.873…: half up 19.6 : 34.6 : 45.9 (100.1); by
// largest remainder 19.5 : 34.6 : 45.9 (the floors 19.5, 34.5, 45.8 leave two
// tenths, to the remainders .873 and .573). --rounding half-even changes
// nothing in shares already rounded; --decimals 0 gives 20 : 35 : 46 half
// up, 19 : 35 : 46 together (floors 19, 34, 45 leave 2, to .87 and .57).
func TestShareCells(t *testing.T) {
	parts := []decimal.Decimal{decimal.NewFromInt(155864), decimal.NewFromInt(275605), decimal.NewFromInt(365687)}
	col := Column{Key: "share_pct", Kind: PercentKind}
	for _, tc := range []struct {
		opts     Options
		rounding ShareRounding
		want     string
	}{
		{Options{Decimals: 1}, SharesHalfUp, "19.6 34.6 45.9"},
		{Options{Decimals: 1}, SharesLargestRemainder, "19.5 34.6 45.9"},
		{Options{Decimals: 1, HalfEven: true}, SharesLargestRemainder, "19.5 34.6 45.9"},
		{Options{Decimals: 0, DecimalsGiven: true}, SharesHalfUp, "20 35 46"},
		{Options{Decimals: 0, DecimalsGiven: true}, SharesLargestRemainder, "19 35 46"},
	} {
		cells, halfUp := tc.opts.ShareCells(col, parts, tc.rounding)
		if halfUp {
			t.Errorf("%+v: fell back to half up", tc.opts)
		}
		if got := shown(tc.opts, col, cells); got != tc.want {
			t.Errorf("%+v, rounding %d: %s, want %s", tc.opts, tc.rounding, got, tc.want)
		}
	}
}

// TestShareCellsColumnPlaces: a column's own places stand when --decimals
// is not given; 1 : 1 : 1 at two places is 33.34 : 33.33 : 33.33.
func TestShareCellsColumnPlaces(t *testing.T) {
	one := decimal.NewFromInt(1)
	col := Column{Key: "share_pct", Kind: PercentKind, Places: 2}
	opts := Options{Decimals: 1}
	cells, _ := opts.ShareCells(col, []decimal.Decimal{one, one, one}, SharesLargestRemainder)
	if got := shown(opts, col, cells); got != "33.34 33.33 33.33" {
		t.Errorf("got %s", got)
	}
}

// TestShareCellsFallBack: a negative part falls back to half up, said;
// a sum of zero gives missing cells, as half up does.
func TestShareCellsFallBack(t *testing.T) {
	col := Column{Key: "share_pct", Kind: PercentKind}
	opts := Options{Decimals: 1}
	d := decimal.RequireFromString
	cells, halfUp := opts.ShareCells(col, []decimal.Decimal{d("-1"), d("3"), d("1")}, SharesLargestRemainder)
	if got := shown(opts, col, cells); !halfUp || got != "-33.3 100.0 33.3" {
		t.Errorf("negative part: %s, half up %v", got, halfUp)
	}
	cells, halfUp = opts.ShareCells(col, []decimal.Decimal{d("0"), d("0")}, SharesLargestRemainder)
	if got := shown(opts, col, cells); halfUp || got != "- -" {
		t.Errorf("zero sum: %s, half up %v", got, halfUp)
	}
}

func shown(opts Options, col Column, cells []Cell) string {
	r := &Report{opts: opts}
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = "-"
		if s := r.Render(col, c); !s.IsNull {
			out[i] = s.S
		}
	}
	return strings.Join(out, " ")
}
