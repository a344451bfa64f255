package calc

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

func TestCompetitionRanks(t *testing.T) {
	for _, c := range []struct {
		name    string
		figures []string // "" is not ranked
		lowest  bool
		want    []int
		of      int
	}{
		{"distinct, highest first", []string{"8.5", "12.1", "-3"}, false, []int{2, 1, 3}, 3},
		{"a tie shares a rank and the next skips", []string{"9", "8.5", "8.5", "7"}, false, []int{1, 2, 2, 4}, 4},
		{"a tie at the top", []string{"5", "5", "5", "1"}, false, []int{1, 1, 1, 4}, 4},
		{"lowest first (lower is better)", []string{"1.9", "0.4", "2.7", "0.4"}, true, []int{3, 1, 4, 1}, 4},
		{"a missing figure is not ranked nor counted", []string{"3", "", "4"}, false, []int{2, 0, 1}, 2},
		{"nothing ranked", []string{"", ""}, false, []int{0, 0}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			ranks, of := CompetitionRanks(len(c.figures), func(i int) bool { return c.figures[i] != "" },
				func(i, j int) int {
					d := decimal.RequireFromString(c.figures[j]).Cmp(decimal.RequireFromString(c.figures[i]))
					if c.lowest {
						return -d
					}
					return d
				})
			if !reflect.DeepEqual(ranks, c.want) || of != c.of {
				t.Errorf("ranks %v of %d, want %v of %d", ranks, of, c.want, c.of)
			}
		})
	}
}

func TestCompareQuotients(t *testing.T) {
	d := decimal.RequireFromString
	for _, c := range []struct {
		a, b, x, y string
		want       int
	}{
		{"1", "3", "2", "6", 0},      // equal fractions, not equal at any finite decimal expansion's end
		{"1", "3", "333", "1000", 1}, // 0.333… > 0.333
		{"-1", "3", "1", "-3", 0},    // signs in either place
		{"1", "-3", "0", "5", -1},
		{"10", "7", "10", "6", -1},
	} {
		if got := CompareQuotients(d(c.a), d(c.b), d(c.x), d(c.y)); got != c.want {
			t.Errorf("%s/%s vs %s/%s = %d, want %d", c.a, c.b, c.x, c.y, got, c.want)
		}
	}
}
