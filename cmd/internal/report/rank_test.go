package report

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

func TestRanksPrintedAndExact(t *testing.T) {
	d := decimal.RequireFromString
	col := Column{Key: "yoy_pct", Kind: PercentKind}
	// 8.54 % and 8.46 % both print as 8.5 at one place; 1/3 and 2/6 are the
	// same figure exactly; the missing cell is not ranked.
	cells := []Cell{
		PercentCell(d("8.54"), d("100")),
		PercentCell(d("8.46"), d("100")),
		PercentCell(d("1"), d("3")),
		PercentCell(d("2"), d("6")),
		PercentCell(d("5"), d("0")),
		PercentCell(d("-1"), d("100")),
	}
	o := Options{Decimals: 1}
	for _, c := range []struct {
		name          string
		lowest, exact bool
		want          []int
	}{
		{"printed", false, false, []int{3, 3, 1, 1, 0, 5}},
		{"exact", false, true, []int{3, 4, 1, 1, 0, 5}},
		{"printed, lowest first", true, false, []int{2, 2, 4, 4, 0, 1}},
	} {
		ranks, of := o.Ranks(col, cells, c.lowest, c.exact)
		if !reflect.DeepEqual(ranks, c.want) || of != 5 {
			t.Errorf("%s: ranks %v of %d, want %v of 5", c.name, ranks, of, c.want)
		}
	}
	// At two places the printed figures differ again.
	o.Decimals = 2
	if ranks, _ := o.Ranks(col, cells, false, false); ranks[0] != 3 || ranks[1] != 4 {
		t.Errorf("at two places: ranks %v, want 8.54 third and 8.46 fourth", ranks)
	}
}
