package main

import "testing"

// TestKindOf: totals and subtotals by their labels, in any case and with
// spaces inside; a breakdown (其中…) of any length is a subtotal, for adding
// it would count its rows twice; other labels are data.
func TestKindOf(t *testing.T) {
	for label, want := range map[string]rowKind{
		"合计": totalRow, "合　计": totalRow, "Total": totalRow, "全县": totalRow,
		"小计": subtotalRow, "Sub-total": subtotalRow,
		"其中": subtotalRow, "其中：六大战役": subtotalRow, "其中:区级": subtotalRow,
		"其中：中信重工特种机器人产业园扩建工程": subtotalRow,
		"其他": dataRow, "金台村": dataRow, "全县重点项目": dataRow, "中信重工": dataRow,
	} {
		if got := kindOf([]byte(label)); got != want {
			t.Errorf("kindOf(%q) = %d, want %d", label, got, want)
		}
	}
}
