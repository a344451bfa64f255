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
		// Labels that say what they total, with a colon or a note after.
		"全区合计": totalRow, "全县合计": totalRow, "全市总计": totalRow, "县合计": totalRow,
		"合计：": totalRow, "合计:": totalRow, "合计（户）": totalRow, "全县（区）": totalRow,
		"全村合计": totalRow, "石期市镇合计": totalRow, "全省": totalRow, "全镇": totalRow,
		"共计": totalRow, "Grand total": totalRow, "Total (all villages)": totalRow,
		"罗建村小计": subtotalRow, "小计：": subtotalRow, "Village subtotal": subtotalRow, "Block A sub-total": subtotalRow,
		"统计局": dataRow, "会计": dataRow, "设计院（一期）": dataRow, "全州县": dataRow,
		"Hospital": dataRow, "Note:": dataRow, "(合计)": dataRow,
	} {
		if got := kindOf([]byte(label)); got != want {
			t.Errorf("kindOf(%q) = %d, want %d", label, got, want)
		}
	}
}
