package main

import "testing"

// TestCountLabel: labels that count households or total the rows above are
// totals (subtotals with 小计); names that only look alike are not.
func TestCountLabel(t *testing.T) {
	for _, c := range []struct {
		cell string
		want rowKind
	}{
		{"合计4户", totalRow},
		{"合计：4户", totalRow},
		{"总计 4 户", totalRow},
		{"共4户", totalRow},
		{"共计4户14人", totalRow},
		{"合计四户", totalRow},
		{"共１２户", totalRow},
		{"合計4戶", totalRow},
		{"以上合计", totalRow},
		{"小计4户", subtotalRow},
		{"以上小计", subtotalRow},
		{"4户", dataRow},
		{"共青", dataRow},
		{"累计", dataRow},
		{"合计4户人家", dataRow},
		{"共4人", dataRow},
	} {
		if got := countLabel([]byte(c.cell)); got != c.want {
			t.Errorf("countLabel(%q) = %d, want %d", c.cell, got, c.want)
		}
	}
}
